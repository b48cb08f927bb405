import { LatencySummary } from '@waybill/bench-utils';
import { TenantStatus } from '@waybill/plugin-tenant-rollouts-common';

/*
 * The status-ingest cases: what each request reports (JSON or CDEvents, tenants by ref or by
 * name, how many), how many requests are in flight, and how long each case runs.
 */

/** One status-ingest case: statuses per second, and the latency of its requests. */
export interface IngestCase {
  name: string;
  form: 'json' | 'cdevents';
  /** How tenants are named: full entity refs, or bare names the plugin resolves. */
  naming: 'ref' | 'name';
  batch: number;
  concurrency: number;
  requests: number;
  statuses: number;
  wallMs: number;
  perSecond: number;
  latency: LatencySummary;
}

/** What a case sends, and its bounds: at least `minRequests`, at most `maxRequests` or `budgetMs`. */
export type IngestCaseSpec = Pick<
  IngestCase,
  'name' | 'form' | 'naming' | 'batch' | 'concurrency'
> & {
  maxRequests: number;
  minRequests: number;
  budgetMs: number;
};

const json = (batch: number, naming: 'ref' | 'name' = 'ref') => ({
  form: 'json' as const,
  naming,
  batch,
});

/** The ingest cases, in run order. */
export const INGEST_CASES: IngestCaseSpec[] = [
  {
    name: 'JSON, batch 1',
    ...json(1),
    concurrency: 1,
    minRequests: 50,
    maxRequests: 400,
    budgetMs: 4000,
  },
  {
    name: 'JSON, batch 100',
    ...json(100),
    concurrency: 1,
    minRequests: 10,
    maxRequests: 50,
    budgetMs: 5000,
  },
  {
    name: 'JSON, batch 1,000',
    ...json(1000),
    concurrency: 1,
    minRequests: 5,
    maxRequests: 20,
    budgetMs: 6000,
  },
  {
    name: 'CDEvents, batch 100',
    form: 'cdevents',
    naming: 'name',
    batch: 100,
    concurrency: 1,
    minRequests: 10,
    maxRequests: 50,
    budgetMs: 5000,
  },
  {
    name: 'JSON, 8 concurrent x 100',
    ...json(100),
    concurrency: 8,
    minRequests: 16,
    maxRequests: 160,
    budgetMs: 5000,
  },
  {
    name: 'JSON, batch 1,000 by name',
    ...json(1000, 'name'),
    concurrency: 1,
    minRequests: 3,
    maxRequests: 10,
    budgetMs: 5000,
  },
];

const nameOf = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** A CDEvents `service.deployed` event (v0.4) for a tenant, as the release's pipeline sends it. */
function cdEvent(tenantName: string, version: string, n: number) {
  return {
    context: {
      version: '0.4.1',
      id: `bench-${n}`,
      source: '/waybill-bench/erp-platform-pipeline',
      type: 'dev.cdevents.service.deployed.0.2.0',
      timestamp: new Date().toISOString(),
    },
    subject: {
      id: 'erp-platform',
      source: '/waybill-bench/erp-platform-pipeline',
      content: {
        environment: { id: tenantName, source: '/waybill-bench/tenants' },
        artifactId: `pkg:oci/erp-platform@${version}`,
      },
    },
  };
}

/**
 * The body of request `n` of a case reporting `refs`: JSON statuses, `healthy` and `deploying`
 * alternating from one request to the next so every row changes, or CDEvents `service.deployed`
 * (healthy); tenants named as the case says.
 */
export function ingestBody(
  spec: IngestCaseSpec,
  refs: string[],
  n: number,
  version: string,
): unknown {
  const tenant = spec.naming === 'ref' ? (r: string) => r : nameOf;
  if (spec.form === 'cdevents') {
    return refs.map((r, k) => cdEvent(tenant(r), version, n * 1000 + k));
  }
  const status: TenantStatus = n % 2 ? 'deploying' : 'healthy';
  return {
    statuses: refs.map(r => ({
      tenant: tenant(r),
      status,
      detail: `bench report ${n}`,
    })),
  };
}
