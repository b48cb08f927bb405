import { performance } from 'node:perf_hooks';
import { mockCredentials } from '@backstage/backend-test-utils';
import { LatencySummary, summarize } from '@waybill/bench-utils';
import {
  PlannedWave,
  TenantStatus,
} from '@waybill/plugin-tenant-rollouts-common';
import {
  CURRENT_WAVE,
  RELEASED_SERVICE,
  TenantAxes,
  mixedStatuses,
} from './tenants';

/*
 * The HTTP phase: the plugin's routes in a running backend, one engine at a time. It drives a
 * rollout through the real API to a mixed state (create, start, statuses, advances with an
 * override past the bake time), times the board query (GET /rollouts/:id) on it, then times
 * status reports on a second rollout whose one wave holds every tenant.
 */

const BASE = '/api/tenant-rollouts';

/** The `authorization` headers of the two callers: who reads and acts, and who reports statuses. */
export interface ApiCredentials {
  /** A release manager: creates, reads and acts on rollouts. */
  user: string;
  /** Deployment tooling: reports tenant statuses as a service principal. */
  tooling: string;
}

/**
 * In the test backend (mock auth): a release manager reads and acts; deployment tooling reports
 * statuses as a service.
 */
const MOCK_CREDENTIALS: ApiCredentials = {
  user: mockCredentials.user.header('user:default/release-manager'),
  tooling: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:deploy-bot'),
    targetPluginId: 'tenant-rollouts',
  }),
};

/** Any answer that was not 2xx, kept to be reported. */
export interface HttpProblem {
  request: string;
  status: number;
  body: string;
}

interface Answer {
  status: number;
  text: string;
  bytes: number;
  ms: number;
}

/**
 * The plugin's API on one backend, every call timed from sending to the body read and parsed.
 * `credentials` defaults to the test backend's mock tokens; a real portal takes real ones.
 */
export class RolloutsApi {
  readonly problems: HttpProblem[] = [];
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    readonly credentials: ApiCredentials = MOCK_CREDENTIALS,
  ) {}

  async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    authorization = this.credentials.user,
  ): Promise<Answer & { json: any }> {
    const start = performance.now();
    const res = await fetch(`${this.baseUrl}${BASE}${path}`, {
      method,
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    const ms = performance.now() - start;
    this.requests++;
    if (!res.ok) {
      this.problems.push({
        request: `${method} ${path}`,
        status: res.status,
        body: text.slice(0, 500),
      });
    }
    return {
      status: res.status,
      text,
      json,
      bytes: Buffer.byteLength(text),
      ms,
    };
  }

  /** A call that must succeed. */
  async ok(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    authorization = this.credentials.user,
  ) {
    const answer = await this.call(method, path, body, authorization);
    if (answer.status >= 300) {
      throw new Error(
        `${method} ${path}: ${answer.status} ${answer.text.slice(0, 1000)}`,
      );
    }
    return answer;
  }

  /** Reports statuses in requests of at most 1,000, as deployment tooling. */
  async report(
    id: number,
    statuses: Array<{ tenant: string; status: TenantStatus }>,
  ) {
    for (let i = 0; i < statuses.length; i += 1000) {
      await this.ok(
        'POST',
        `/rollouts/${id}/tenants/status`,
        { statuses: statuses.slice(i, i + 1000) },
        this.credentials.tooling,
      );
    }
  }
}

/** The board rollout in its mixed state, and what it took to get there. */
export interface BoardSetup {
  id: number;
  waves: PlannedWave[];
  /** POST /rollouts: the catalog's tenants read page by page, the plan, 5,000 rows written. */
  createMs: number;
  /** start + advances, each answering with the whole board (override past bake and freeze). */
  actionMs: LatencySummary;
  /** Status reports made to reach the state, and their requests. */
  reported: number;
  reportRequests: number;
  /** A healthy tenant of the current wave, whose status the cache-miss samples flip. */
  flipTenant: string;
}

const override = (what: string) => ({
  override: true,
  reason: `benchmark setup: ${what} without waiting for the bake time`,
});

/**
 * Drives a rollout of the released service through the API to the mixed state: created with the
 * `bench` strategy, started, waves 0..{@link CURRENT_WAVE}-1 reported and advanced past, the
 * current wave reported with its failures.
 */
export async function setupBoardRollout(
  api: RolloutsApi,
  axes: TenantAxes,
  seed: number,
): Promise<BoardSetup> {
  const created = await api.ok('POST', '/rollouts', {
    entityRef: RELEASED_SERVICE,
    version: '7.4.0',
    environment: 'production',
    strategy: 'bench',
  });
  const id = created.json.id as number;
  const waves: PlannedWave[] = created.json.waves.map((w: any) => ({
    name: w.name,
    bakeMinutes: w.bakeMinutes,
    healthThreshold: w.healthThreshold,
    tenants: w.tenants.map((t: any) => ({
      ref: t.ref,
      reason: t.placement ?? t.reason,
    })),
  }));
  const statuses = mixedStatuses(waves, axes, seed);
  const actionMs: number[] = [];
  let reported = 0;
  const before = api.requests;
  actionMs.push(
    (await api.ok('POST', `/rollouts/${id}/actions/start`, override('start')))
      .ms,
  );
  for (let wave = 0; wave <= CURRENT_WAVE; wave++) {
    await api.report(id, statuses[wave]);
    reported += statuses[wave].length;
    if (wave < CURRENT_WAVE) {
      actionMs.push(
        (
          await api.ok(
            'POST',
            `/rollouts/${id}/actions/advance`,
            override(`advance past wave ${wave}`),
          )
        ).ms,
      );
    }
  }
  return {
    id,
    waves,
    createMs: created.ms,
    actionMs: summarize(actionMs),
    reported,
    reportRequests: api.requests - before - actionMs.length,
    flipTenant: statuses[CURRENT_WAVE].find(s => s.status === 'healthy')!
      .tenant,
  };
}

/** What the board answered, to check it did the work the benchmark means it to. */
export interface BoardAnswer {
  state: string;
  currentWave: number;
  tenants: number;
  frozen: number;
  verdict: string;
  summary: string;
  statuses: Record<string, number>;
}

/** The board query's figures on one engine. */
export interface BoardResult {
  latency: LatencySummary;
  bytes: number;
  answer: BoardAnswer;
  /** The last answer, parsed (for the serialization figure; not written to the results). */
  body: unknown;
}

/** Counts what a board answer (the rollout view) holds. */
export function describeBoard(view: any): BoardAnswer {
  const statuses: Record<string, number> = {};
  let tenants = 0;
  let frozen = 0;
  for (const wave of view.waves) {
    for (const tenant of wave.tenants) {
      tenants++;
      if (tenant.freeze?.frozen) frozen++;
      statuses[tenant.status] = (statuses[tenant.status] ?? 0) + 1;
    }
  }
  return {
    state: view.state,
    currentWave: view.currentWave,
    tenants,
    frozen,
    verdict: view.analysis?.verdict,
    summary: view.analysis?.summary,
    statuses,
  };
}

/**
 * GET /rollouts/:id, one request at a time: `warmup` untimed, then at least `minSamples` and at
 * most `maxSamples` timed, stopping after `budgetMs` once the minimum is reached.
 */
export async function measureBoard(
  api: RolloutsApi,
  id: number,
  options: {
    warmup: number;
    minSamples: number;
    maxSamples: number;
    budgetMs: number;
  },
): Promise<BoardResult> {
  let last: Answer & { json: any } = await api.ok('GET', `/rollouts/${id}`);
  for (let i = 1; i < options.warmup; i++) {
    last = await api.ok('GET', `/rollouts/${id}`);
  }
  const samples: number[] = [];
  const start = performance.now();
  while (
    samples.length < options.minSamples ||
    (samples.length < options.maxSamples &&
      performance.now() - start < options.budgetMs)
  ) {
    last = await api.ok('GET', `/rollouts/${id}`);
    samples.push(last.ms);
  }
  return {
    latency: summarize(samples),
    bytes: last.bytes,
    answer: describeBoard(last.json),
    body: last.json,
  };
}

/**
 * GET /rollouts/:id right after a status change, `samples` times: before each timed request one
 * healthy tenant of the current wave is reported `deploying`, then `healthy` again the next time,
 * so the statuses differ from those of the previous read and the plugin cannot answer from its
 * failure-analysis cache (a board read while statuses are arriving). Ends as it started.
 */
export async function measureBoardAfterChange(
  api: RolloutsApi,
  setup: Pick<BoardSetup, 'id' | 'flipTenant'>,
  samples: number,
): Promise<LatencySummary> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    await api.ok(
      'POST',
      `/rollouts/${setup.id}/tenants/status`,
      {
        statuses: [
          {
            tenant: setup.flipTenant,
            status: i % 2 === 0 ? 'deploying' : 'healthy',
          },
        ],
      },
      api.credentials.tooling,
    );
    times.push((await api.ok('GET', `/rollouts/${setup.id}`)).ms);
  }
  if (samples % 2 === 1) {
    await api.report(setup.id, [
      { tenant: setup.flipTenant, status: 'healthy' },
    ]);
  }
  return summarize(times);
}

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

/** The ingest cases, in run order; `maxRequests`/`budgetMs` bound each. */
export const INGEST_CASES: Array<
  Pick<IngestCase, 'name' | 'form' | 'naming' | 'batch' | 'concurrency'> & {
    maxRequests: number;
    minRequests: number;
    budgetMs: number;
  }
> = [
  {
    name: 'JSON, batch 1',
    form: 'json',
    naming: 'ref',
    batch: 1,
    concurrency: 1,
    minRequests: 50,
    maxRequests: 400,
    budgetMs: 4000,
  },
  {
    name: 'JSON, batch 100',
    form: 'json',
    naming: 'ref',
    batch: 100,
    concurrency: 1,
    minRequests: 10,
    maxRequests: 50,
    budgetMs: 5000,
  },
  {
    name: 'JSON, batch 1,000',
    form: 'json',
    naming: 'ref',
    batch: 1000,
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
    form: 'json',
    naming: 'ref',
    batch: 100,
    concurrency: 8,
    minRequests: 16,
    maxRequests: 160,
    budgetMs: 5000,
  },
  {
    name: 'JSON, batch 1,000 by name',
    form: 'json',
    naming: 'name',
    batch: 1000,
    concurrency: 1,
    minRequests: 3,
    maxRequests: 10,
    budgetMs: 5000,
  },
];

const nameOf = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** A CDEvents `service.deployed` event (v0.4) for a tenant, as deployment tooling sends it. */
function cdEvent(tenantName: string, version: string, n: number) {
  return {
    context: {
      version: '0.4.1',
      id: `bench-${n}`,
      source: '/waybill-bench/deploy-bot',
      type: 'dev.cdevents.service.deployed.0.2.0',
      timestamp: new Date().toISOString(),
    },
    subject: {
      id: 'erp-platform',
      source: '/waybill-bench/deploy-bot',
      content: {
        environment: { id: tenantName, source: '/waybill-bench/tenants' },
        artifactId: `pkg:oci/erp-platform@${version}`,
      },
    },
  };
}

/**
 * Creates the ingest rollout (the released service, one wave of every tenant, so every tenant
 * takes reports) and starts it. Answers its id and its tenants' refs.
 */
export async function setupIngestRollout(
  api: RolloutsApi,
): Promise<{ id: number; refs: string[] }> {
  const created = await api.ok('POST', '/rollouts', {
    entityRef: RELEASED_SERVICE,
    version: '7.4.1',
    environment: 'staging',
    strategy: { waves: [{ name: 'everyone', bakeMinutes: 0 }] },
  });
  const id = created.json.id as number;
  await api.ok('POST', `/rollouts/${id}/actions/start`, override('start'));
  const refs: string[] = created.json.waves.flatMap((w: any) =>
    w.tenants.map((t: any) => t.ref),
  );
  return { id, refs };
}

/** Where the next report starts in the tenant list, and a serial number per request. */
interface IngestCursor {
  next: number;
  serial: number;
}

/** One ingest case: requests until its bounds, `concurrency` in flight. */
async function runIngestCase(
  api: RolloutsApi,
  rollout: { id: number; refs: string[] },
  spec: (typeof INGEST_CASES)[number],
  cursor: IngestCursor,
): Promise<IngestCase> {
  const latencies: number[] = [];
  let requests = 0;
  let statuses = 0;
  const start = performance.now();
  const more = () =>
    requests < spec.minRequests ||
    (requests < spec.maxRequests && performance.now() - start < spec.budgetMs);
  const tenant = spec.naming === 'ref' ? (r: string) => r : nameOf;
  const worker = async () => {
    while (more()) {
      requests++;
      const n = cursor.serial++;
      const first = cursor.next;
      cursor.next = (first + spec.batch) % rollout.refs.length;
      const refs = Array.from(
        { length: spec.batch },
        (_, k) => rollout.refs[(first + k) % rollout.refs.length],
      );
      const status: TenantStatus = n % 2 ? 'deploying' : 'healthy';
      const body =
        spec.form === 'json'
          ? {
              statuses: refs.map(r => ({
                tenant: tenant(r),
                status,
                detail: `bench report ${n}`,
              })),
            }
          : refs.map((r, k) => cdEvent(tenant(r), '7.4.1', n * 1000 + k));
      const answer = await api.call(
        'POST',
        `/rollouts/${rollout.id}/tenants/status`,
        body,
        api.credentials.tooling,
      );
      if (answer.status !== 200 || answer.json?.updated !== spec.batch) {
        throw new Error(
          `${spec.name}: status report answered ${
            answer.status
          } ${answer.text.slice(0, 500)}`,
        );
      }
      latencies.push(answer.ms);
      statuses += spec.batch;
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  const wallMs = performance.now() - start;
  return {
    name: spec.name,
    form: spec.form,
    naming: spec.naming,
    batch: spec.batch,
    concurrency: spec.concurrency,
    requests,
    statuses,
    wallMs,
    perSecond: (statuses / wallMs) * 1000,
    latency: summarize(latencies),
  };
}

/**
 * Runs the ingest cases against the ingest rollout: each request reports `batch` consecutive
 * tenants (wrapping around the 5,000), alternating `healthy` and `deploying` from one request to
 * the next so every row changes; CDEvents requests report `service.deployed` (healthy).
 */
export async function measureIngest(
  api: RolloutsApi,
  rollout: { id: number; refs: string[] },
): Promise<IngestCase[]> {
  const cursor: IngestCursor = { next: 0, serial: 0 };
  const results: IngestCase[] = [];
  for (const spec of INGEST_CASES) {
    results.push(await runIngestCase(api, rollout, spec, cursor));
  }
  return results;
}
