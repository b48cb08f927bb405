import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The backend plugin itself, served as a Backstage backend serves it (as ./waybill imports its parts).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import scorecardsPlugin from '@waybill/plugin-scorecards-backend';
import { Knex } from 'knex';
import { BenchEntity } from './dataset';

/** The scorecards plugin served over HTTP by a Backstage backend in this process. */
export interface ScorecardsHttp {
  /** `http://127.0.0.1:<port>/api/scorecards` */
  baseUrl: string;
  /** A signed-in person's Authorization header, as the portal sends it. */
  authorization: string;
  stop(): Promise<void>;
}

/**
 * Starts a backend with the real scorecards plugin (its router, its OpenAPI validation, its
 * permission checks) on the bench's database, with an in-memory catalog of the data set and every
 * permission allowed. Its scheduled upkeep does not run during the bench.
 */
export async function startScorecardsHttp(
  knex: Knex,
  entities: BenchEntity[],
): Promise<ScorecardsHttp> {
  const backend = await startTestBackend({
    features: [
      scorecardsPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: entities.map(e => e.entity) }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/scorecards`,
    authorization: mockCredentials.user.header('user:default/manager'),
    stop: () => backend.stop(),
  };
}

/** GETs a JSON answer and the time it took, body read included; a non-2xx answer throws. */
export async function getJson(
  http: ScorecardsHttp,
  path: string,
): Promise<{ body: any; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${http.baseUrl}${path}`, {
    headers: { authorization: http.authorization },
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text}`);
  return { body: JSON.parse(text), ms };
}

/** What one CSV export cost, seen from the client and from the backend process. */
export interface CsvExport {
  rows: number;
  bytes: number;
  /** Time to the first byte of the body. */
  firstByteMs: number;
  totalMs: number;
  /** Growth of the process' resident set and of the V8 heap in use, peak over the start, MB. */
  rssGrowthMb: number;
  heapGrowthMb: number;
  peakRssMb: number;
}

const MB = 1024 * 1024;

/**
 * Downloads `GET /portfolio.csv` (every entity, by name) and samples the process' memory every
 * 5 ms while it runs; the backend serving it is this process, so its peak is the backend's.
 */
export async function measureCsvExport(
  http: ScorecardsHttp,
): Promise<CsvExport> {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 5);
  try {
    const started = performance.now();
    const res = await fetch(`${http.baseUrl}/portfolio.csv?sort=name`, {
      headers: { authorization: http.authorization },
    });
    if (!res.ok || !res.body) {
      throw new Error(`GET /portfolio.csv: ${res.status} ${await res.text()}`);
    }
    let firstByteMs = 0;
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) newlines++;
    }
    return {
      rows: newlines - 1,
      bytes,
      firstByteMs,
      totalMs: performance.now() - started,
      rssGrowthMb: (peakRss - start.rss) / MB,
      heapGrowthMb: (peakHeap - start.heapUsed) / MB,
      peakRssMb: peakRss / MB,
    };
  } finally {
    clearInterval(sampler);
  }
}
