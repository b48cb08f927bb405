import { setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'yaml';
import { WAYBILL_ANNOTATIONS } from '@waybill/plugin-waybill-common';
import { tenantEntities, TestTenant } from '../estate';
import { waybillApi } from '../harness';
import { RunningWaybill } from '../portal';

/** The service the fault suite rolls out: every tenant of the suite depends on it. */
export const ROLLED_OUT = 'fault-service';
/** A service with no tenants, whose releases only take evidence uploads. */
export const UPLOADED_TO = 'fault-evidence';
/** Tenants of the rolled-out service; the first `CANARY_TENANTS` are internal-tier canaries. */
export const TENANT_COUNT = 1000;
export const CANARY_TENANTS = 10;

const REGIONS: Array<TestTenant['region']> = [
  'europe',
  'north-america',
  'asia-pacific',
];
const CLOUDS: Array<TestTenant['cloud']> = ['aws', 'azure', 'gcp'];
const SEGMENTS: Array<TestTenant['segment']> = [
  'wholesale',
  'retail',
  'third-party-logistics',
  'manufacturing',
];

/** `fault-tenant-0001` ... `fault-tenant-1000`, spread over regions, clouds and segments. */
export function faultTenants(): TestTenant[] {
  return Array.from({ length: TENANT_COUNT }, (_, i) => ({
    name: `fault-tenant-${String(i + 1).padStart(4, '0')}`,
    tier: i < CANARY_TENANTS ? 'internal' : 'standard',
    region: REGIONS[i % REGIONS.length],
    cloud: CLOUDS[i % CLOUDS.length],
    segment: SEGMENTS[i % SEGMENTS.length],
  }));
}

/** The catalog file: the two services and the tenants of the rolled-out one. */
export function faultCatalog(tenants: TestTenant[]): string {
  const service = (name: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { [WAYBILL_ANNOTATIONS.tier]: 'standard' },
    },
    spec: {
      type: 'service',
      owner: 'group:default/platform-engineering',
      lifecycle: 'production',
    },
  });
  return [
    service(ROLLED_OUT),
    service(UPLOADED_TO),
    ...tenantEntities(ROLLED_OUT, 'shared', tenants),
  ]
    .map(d => stringify(d))
    .join('---\n');
}

/** One evidence file as a pipeline uploads it. */
export interface EvidenceFile {
  kind: 'tests' | 'coverage' | 'security' | 'dependencies' | 'readiness';
  contentType: string;
  body: Buffer;
}

/** JUnit XML of `cases` passing tests (about 90 bytes a case). */
export function junit(cases: number, label = 'behaves'): EvidenceFile {
  const lines = Array.from(
    { length: cases },
    (_, i) =>
      `<testcase classname="fault.suite" name="${label} ${i}" time="0.001"/>`,
  );
  return {
    kind: 'tests',
    contentType: 'application/xml',
    body: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="fault-suite">\n${lines.join(
        '\n',
      )}\n</testsuite></testsuites>\n`,
    ),
  };
}

/** LCOV of `files` source files, each 90% of its lines covered (about 60 bytes a file). */
export function lcov(files: number): EvidenceFile {
  const records = Array.from(
    { length: files },
    (_, i) =>
      `SF:src/module${i}.ts\nLF:100\nLH:90\nBRF:10\nBRH:8\nend_of_record`,
  );
  return {
    kind: 'coverage',
    contentType: 'text/plain',
    body: Buffer.from(`TN:\n${records.join('\n')}\n`),
  };
}

/** A release's five kinds of evidence, all of which pass the default policy's staging gate. */
export function passingEvidence(): EvidenceFile[] {
  const json = (kind: EvidenceFile['kind'], value: unknown): EvidenceFile => ({
    kind,
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify(value)),
  });
  return [
    junit(20),
    lcov(5),
    json('security', {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'CodeQL', rules: [] } }, results: [] }],
    }),
    json('dependencies', {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [{ type: 'library', name: 'knex', version: '3.1.0' }],
      vulnerabilities: [],
    }),
    json('readiness', {
      previousVersionDeployable: true,
      migrationsReversible: true,
      lastRollbackDrill: new Date().toISOString().slice(0, 10),
      killSwitch: true,
    }),
  ];
}

/** Everyone in one wave, baking an hour (so the scheduler never completes it in the suite). */
export const ONE_WAVE = {
  waves: [{ name: 'everyone', bakeMinutes: 60 }],
};

/** The internal-tier canaries, then everyone else; no bake time, so a healthy canary may advance. */
export const CANARY_THEN_EVERYONE = {
  waves: [
    { name: 'canary', select: { tier: ['internal'] }, bakeMinutes: 0 },
    { name: 'everyone-else', bakeMinutes: 0 },
  ],
};

/** Waits until the catalog serves `count` tenants that depend on `entityRef`. */
export async function waitForCatalogTenants(
  waybill: RunningWaybill,
  entityRef: string,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let found = 0;
  while (Date.now() < deadline) {
    const { status, body } = await waybillApi<{ totalItems: number }>(
      waybill.url,
      waybill.token,
      'GET',
      `/api/catalog/entities/by-query?limit=1&filter=kind=resource,spec.type=tenant,spec.dependsOn=${entityRef}`,
    );
    found = status === 200 ? body.totalItems : 0;
    if (found >= count) return;
    await sleep(1000);
  }
  throw new Error(
    `The catalog has ${found} of ${count} tenants of ${entityRef} after ${
      timeoutMs / 1000
    } s`,
  );
}
