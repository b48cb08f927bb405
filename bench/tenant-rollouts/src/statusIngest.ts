import { performance } from 'node:perf_hooks';
import { currentLoad, summarize } from '@waybill/bench-utils';
import {
  INGEST_CASES,
  IngestCase,
  IngestCaseSpec,
  ingestBody,
} from './ingestCases';
import { rolloutWaves } from './boardSetup';
import { RolloutsApi, overrideBakeTime } from './rolloutsApi';

/*
 * Status ingest: POST /rollouts/:id/tenants/status by the release's pipeline on a second rollout
 * whose one wave holds every tenant, case by case (see ingestCases.ts).
 */

/** The ingest rollout: its id and its tenants' refs. */
export interface IngestRollout {
  id: number;
  refs: string[];
}

const VERSION = '7.4.1';

/**
 * Creates the ingest rollout (of `entityRef`, one wave of every tenant, so every tenant takes
 * reports) and starts it.
 */
export async function setupIngestRollout(
  api: RolloutsApi,
  entityRef: string,
): Promise<IngestRollout & { createMs: number }> {
  const created = await api.ok('POST', '/rollouts', {
    entityRef,
    version: VERSION,
    environment: 'staging',
    strategy: { waves: [{ name: 'everyone', bakeMinutes: 0 }] },
  });
  const id = created.json.id as number;
  await api.ok(
    'POST',
    `/rollouts/${id}/actions/start`,
    overrideBakeTime('start'),
  );
  const refs = (await rolloutWaves(api, created.json)).flatMap(w =>
    w.tenants.map(t => t.ref),
  );
  return { id, refs, createMs: created.ms };
}

/** Where the next report starts in the tenant list, and a serial number per request. */
interface IngestCursor {
  next: number;
  serial: number;
}

/** The refs of the next `batch` tenants, wrapping around the list; moves the cursor on. */
function nextRefs(cursor: IngestCursor, refs: string[], batch: number) {
  const first = cursor.next;
  cursor.next = (first + batch) % refs.length;
  return Array.from(
    { length: batch },
    (_, k) => refs[(first + k) % refs.length],
  );
}

/** One ingest case: requests until its bounds, `concurrency` in flight. */
async function runIngestCase(
  api: RolloutsApi,
  rollout: IngestRollout,
  spec: IngestCaseSpec,
  cursor: IngestCursor,
): Promise<IngestCase> {
  const latencies: number[] = [];
  let requests = 0;
  const start = performance.now();
  const more = () =>
    requests < spec.minRequests ||
    (requests < spec.maxRequests && performance.now() - start < spec.budgetMs);
  // Rows a request updates: its batch, or every tenant when the batch wraps around them all (a
  // smoke run with fewer tenants than the batch names some twice).
  const expected = Math.min(spec.batch, rollout.refs.length);
  const worker = async () => {
    while (more()) {
      requests++;
      const refs = nextRefs(cursor, rollout.refs, spec.batch);
      const answer = await api.call(
        'POST',
        `/rollouts/${rollout.id}/tenants/status`,
        ingestBody(spec, refs, cursor.serial++, VERSION),
        api.credentials.reporter,
      );
      if (answer.status !== 200 || answer.json?.updated !== expected) {
        throw new Error(
          `${spec.name}: status report answered ${
            answer.status
          } ${answer.text.slice(0, 500)}`,
        );
      }
      latencies.push(answer.ms);
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  const wallMs = performance.now() - start;
  const statuses = latencies.length * spec.batch;
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
  rollout: IngestRollout,
): Promise<IngestCase[]> {
  const cursor: IngestCursor = { next: 0, serial: 0 };
  const results: IngestCase[] = [];
  for (const spec of INGEST_CASES) {
    results.push(await runIngestCase(api, rollout, spec, cursor));
  }
  return results;
}

/**
 * Statuses a report may hold: `maxItems` of `reportTenantStatus`'s body in the plugin's
 * openapi.yaml (a pipeline reporting every tenant sends requests this large).
 */
export const STATUS_REPORT_LIMIT = 5000;

/** Every tenant of a rollout reported, as a pipeline reports a deployment of all of them. */
export interface WholeIngest {
  statuses: number;
  batch: number;
  requests: number;
  /** Wall time of each report of every tenant, in order. */
  runsMs: number[];
  /** The slowest of `runsMs`: what the target is held to. */
  slowestMs: number;
  /** The machine's 1-minute load average after the runs. */
  load: number;
}

/**
 * Reports every tenant of `rollout` `runs` times, each time in requests of
 * {@link STATUS_REPORT_LIMIT} statuses one after another (`healthy` and `deploying` alternating
 * from run to run, so every row changes), each request checked to update its whole batch.
 */
export async function measureWholeIngest(
  api: RolloutsApi,
  rollout: IngestRollout,
  runs: number,
): Promise<WholeIngest> {
  const runsMs: number[] = [];
  let requests = 0;
  for (let run = 0; run < runs; run++) {
    const status = run % 2 ? 'deploying' : 'healthy';
    const start = performance.now();
    for (let i = 0; i < rollout.refs.length; i += STATUS_REPORT_LIMIT) {
      const batch = rollout.refs.slice(i, i + STATUS_REPORT_LIMIT);
      const answer = await api.call(
        'POST',
        `/rollouts/${rollout.id}/tenants/status`,
        {
          statuses: batch.map(tenant => ({
            tenant,
            status,
            detail: `erp-platform ${VERSION}, run ${run}`,
          })),
        },
        api.credentials.reporter,
      );
      requests++;
      if (answer.status !== 200 || answer.json?.updated !== batch.length) {
        throw new Error(
          `report of every tenant: answered ${
            answer.status
          } ${answer.text.slice(0, 500)}`,
        );
      }
    }
    runsMs.push(performance.now() - start);
  }
  return {
    statuses: rollout.refs.length,
    batch: STATUS_REPORT_LIMIT,
    requests,
    runsMs,
    slowestMs: Math.max(...runsMs),
    load: currentLoad(),
  };
}
