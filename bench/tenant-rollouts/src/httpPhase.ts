import { Entity } from '@backstage/catalog-model';
import { logProgress as progress } from '@waybill/bench-utils';
import { RolloutPlan } from '@waybill/plugin-tenant-rollouts-common';
import {
  CatalogBackend,
  EngineName,
  RunningBackend,
  postgresUnavailable,
  postgresVersion,
  startCatalogBackend,
  startPostgresBackend,
  waitForIngest,
} from './backend';
import { measureBoard, measureBoardAfterChange } from './boardQuery';
import { setupBoardRollout } from './boardSetup';
import { measureLiveBoard } from './liveBoard';
import { BenchResult, EngineResult } from './result';
import { RolloutsApi } from './rolloutsApi';
import {
  BOARD,
  ENGINES,
  INGEST_TIMEOUT_MS,
  LIVE,
  SEED,
  TENANTS,
} from './settings';
import { measureIngest, setupIngestRollout } from './statusIngest';
import { CURRENT_WAVE, TenantAxes } from './tenants';

/*
 * The HTTP phases: backend A (the catalog and the rollouts plugin on SQLite) started and its
 * catalog waited for, then on each engine the board rollout driven to its mixed state, the board
 * query timed on it, the live board measured on it (liveBoard.ts), and status ingest timed on a
 * second rollout.
 */

/** What the HTTP phases measured. */
export interface HttpFigures {
  ingestMs: number;
  engines: EngineResult[];
  skipped: BenchResult['skipped'];
  /** The first engine's board answer, parsed (for the serialization figures). */
  board: unknown;
}

const wavesOf = (waves: Array<{ tenants: Array<{ ref: string }> }>) =>
  JSON.stringify(waves.map(w => w.tenants.map(t => t.ref)));

/** Why each engine asked for cannot run (PostgreSQL without a server). */
async function skippedEngines(): Promise<BenchResult['skipped']> {
  const skipped: BenchResult['skipped'] = {};
  if (ENGINES.includes('postgres')) {
    const why = await postgresUnavailable();
    if (why) {
      skipped.postgres = `PostgreSQL is not available (${why}); the PostgreSQL rows are skipped. Start it with \`source scripts/postgres.sh\` or point WAYBILL_BENCH_PG_URL at a server.`;
      progress(skipped.postgres);
    }
  }
  return skipped;
}

/**
 * One engine: the board rollout driven to its mixed state (its plan checked against
 * `planRollout`'s), the board query timed, then status ingest.
 */
async function measureEngine(
  engine: EngineName,
  backend: RunningBackend,
  options: { axes: TenantAxes; plan: RolloutPlan },
): Promise<{ result: EngineResult; body: unknown }> {
  const api = new RolloutsApi(backend.baseUrl);
  progress(`${engine}: driving a rollout to wave ${CURRENT_WAVE}`);
  const setup = await setupBoardRollout(api, options.axes, SEED);
  if (wavesOf(setup.waves) !== wavesOf(options.plan.waves)) {
    throw new Error(
      `${engine}: the backend's plan differs from planRollout's on the same tenants`,
    );
  }
  progress(`${engine}: board query`);
  const measured = await measureBoard(api, setup.id, BOARD);
  progress(`${engine}: board query after a status change`);
  const afterChange = await measureBoardAfterChange(
    api,
    setup,
    BOARD.afterChangeSamples,
  );
  progress(`${engine}: live board (signals, ETags)`);
  const live = await measureLiveBoard(api, setup, LIVE, line =>
    progress(`${engine}: ${line}`),
  );
  progress(`${engine}: status ingest`);
  const ingest = await measureIngest(api, await setupIngestRollout(api));
  const { waves: _waves, flipTenant: _flip, ...setupFigures } = setup;
  const { latency, bytes, answer } = measured;
  return {
    result: {
      engine,
      label:
        engine === 'sqlite'
          ? 'SQLite (better-sqlite3 file)'
          : await postgresVersion(),
      location: backend.location,
      setup: setupFigures,
      board: { latency, afterChange, bytes, answer },
      live,
      ingest,
      problems: api.problems,
      requests: api.requests,
    },
    body: measured.body,
  };
}

/** Each engine in turn: backend A's own plugin for SQLite, backend B for PostgreSQL. */
async function measureEngines(
  catalog: CatalogBackend,
  tenantRollouts: object,
  skipped: BenchResult['skipped'],
  options: { axes: TenantAxes; plan: RolloutPlan },
): Promise<Pick<HttpFigures, 'engines' | 'board'>> {
  const engines: EngineResult[] = [];
  let board: unknown;
  for (const engine of ENGINES) {
    if (skipped[engine]) continue;
    let backend: RunningBackend = catalog;
    if (engine === 'postgres') {
      progress('starting the PostgreSQL backend');
      backend = await startPostgresBackend(catalog.baseUrl, tenantRollouts);
    }
    try {
      const measured = await measureEngine(engine, backend, options);
      engines.push(measured.result);
      board ??= measured.body;
    } finally {
      if (backend !== catalog) {
        // Its events bus on PostgreSQL holds the signals plugin's long poll (55 s) until it ends.
        progress('stopping the PostgreSQL backend');
        await backend.stop();
      }
    }
  }
  return { engines, board };
}

/**
 * The HTTP phases on every engine asked for; the backends are stopped when it returns, so that
 * nothing else runs in the process afterwards.
 */
export async function runHttpPhases(options: {
  entities: Entity[];
  tenantRollouts: object;
  axes: TenantAxes;
  plan: RolloutPlan;
}): Promise<HttpFigures> {
  const skipped = await skippedEngines();
  progress('starting the backend: the catalog and the rollouts plugin');
  const catalog = await startCatalogBackend(
    options.entities,
    options.tenantRollouts,
  );
  try {
    const ingestMs = await waitForIngest(
      catalog,
      TENANTS,
      INGEST_TIMEOUT_MS,
      progress,
    );
    progress(`catalog ingest done in ${(ingestMs / 1000).toFixed(1)} s`);
    const measured = await measureEngines(
      catalog,
      options.tenantRollouts,
      skipped,
      options,
    );
    return { ingestMs, skipped, ...measured };
  } finally {
    await catalog.stop();
  }
}
