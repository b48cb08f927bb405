import { performance } from 'node:perf_hooks';
import { summarize } from '@waybill/bench-utils';
import {
  INGEST_CASES,
  IngestCase,
  IngestCaseSpec,
  ingestBody,
} from './ingestCases';
import { RolloutsApi, overrideBakeTime } from './rolloutsApi';
import { RELEASED_SERVICE } from './tenants';

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
 * Creates the ingest rollout (the released service, one wave of every tenant, so every tenant
 * takes reports) and starts it.
 */
export async function setupIngestRollout(
  api: RolloutsApi,
): Promise<IngestRollout> {
  const created = await api.ok('POST', '/rollouts', {
    entityRef: RELEASED_SERVICE,
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
