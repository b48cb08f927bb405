import { Entity } from '@backstage/catalog-model';
import { currentLoad, logProgress as progress } from '@waybill/bench-utils';
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
import { measureBoard, measureBoardAfterChange, pageQuery } from './boardQuery';
import { setupBoardRollout } from './boardSetup';
import { measureLiveBoard } from './liveBoard';
import { BenchResult, EngineResult, SizeResult } from './result';
import { RolloutsApi } from './rolloutsApi';
import {
  BOARD,
  ENGINES,
  INGEST_TIMEOUT_MS,
  LIVE,
  SEED,
  SIZES,
  TENANTS,
  WHOLE_INGEST_RUNS,
} from './settings';
import {
  measureIngest,
  measureWholeIngest,
  setupIngestRollout,
} from './statusIngest';
import { CURRENT_WAVE, TenantAxes, releasedService } from './tenants';

/*
 * The HTTP phases: backend A (the catalog and the rollouts plugin on SQLite) started and its
 * catalog waited for (the tenants of the largest size), then on each engine, size by size, a
 * rollout of that size driven to its mixed state, the board query timed on it, and every tenant's
 * status reported on a second rollout; at the first size also the live board (liveBoard.ts) and
 * the status ingest cases.
 */

/** What the HTTP phases measured. */
export interface HttpFigures {
  ingestMs: number;
  engines: EngineResult[];
  skipped: BenchResult['skipped'];
  /** The first engine's board answer at each size, parsed (for the serialization figures). */
  boards: Map<number, unknown>;
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

/** The plans of each size, by tenants. */
export type PlansBySize = Map<number, RolloutPlan>;

/**
 * One engine at one size: a rollout of that size's service driven to its mixed state (its plan
 * checked against `planRollout`'s), the board timed, then every tenant of a second rollout
 * reported; at the first size, also the live board and the ingest cases.
 */
async function measureSize(
  engine: EngineName,
  api: RolloutsApi,
  options: {
    axes: TenantAxes;
    plan: RolloutPlan;
    size: number;
    first: boolean;
  },
): Promise<{ result: SizeResult; body: unknown }> {
  const { size } = options;
  const at = `${engine} at ${size} tenants`;
  progress(`${at}: driving a rollout to wave ${CURRENT_WAVE}`);
  const setup = await setupBoardRollout(
    api,
    options.axes,
    SEED,
    releasedService(size),
  );
  if (wavesOf(setup.waves) !== wavesOf(options.plan.waves)) {
    throw new Error(
      `${at}: the backend's plan differs from planRollout's on the same tenants`,
    );
  }
  progress(`${at}: board query`);
  const board = await measureBoard(api, setup.id, BOARD);
  if (!board.paged)
    progress(`${at}: board unpaged (the route answers every tenant)`);
  progress(`${at}: board query after a status change`);
  const afterChange = await measureBoardAfterChange(
    api,
    setup,
    BOARD.afterChangeSamples,
    board.reads[0].query,
  );
  const live = options.first
    ? await measureLiveBoard(
        api,
        setup,
        LIVE,
        line => progress(`${at}: ${line}`),
        // Paged, the current wave's page, which holds the tenant the reports flip.
        board.paged ? pageQuery(0, { wave: String(CURRENT_WAVE) }) : '',
      )
    : undefined;
  progress(
    `${at}: every tenant's status reported (${WHOLE_INGEST_RUNS} times)`,
  );
  const ingestRollout = await setupIngestRollout(api, releasedService(size));
  const wholeIngest = await measureWholeIngest(
    api,
    ingestRollout,
    WHOLE_INGEST_RUNS,
  );
  const ingest = options.first
    ? await measureIngest(api, ingestRollout)
    : undefined;
  const { waves: _waves, flipTenant: _flip, ...setupFigures } = setup;
  return {
    result: {
      tenants: size,
      setup: setupFigures,
      board: {
        paged: board.paged,
        reads: board.reads,
        afterChange: { ...afterChange, load: currentLoad() },
        answer: board.answer,
      },
      wholeIngest: { ...wholeIngest, createMs: ingestRollout.createMs },
      ...(live ? { live } : {}),
      ...(ingest ? { ingest } : {}),
    },
    body: board.body,
  };
}

/** One engine at every size, smallest first. */
async function measureEngine(
  engine: EngineName,
  backend: RunningBackend,
  options: { axes: TenantAxes; plans: PlansBySize },
): Promise<{ result: EngineResult; bodies: Map<number, unknown> }> {
  const api = new RolloutsApi(backend.baseUrl);
  const sizes: SizeResult[] = [];
  const bodies = new Map<number, unknown>();
  for (const [i, size] of SIZES.entries()) {
    const measured = await measureSize(engine, api, {
      axes: options.axes,
      plan: options.plans.get(size)!,
      size,
      first: i === 0,
    });
    sizes.push(measured.result);
    bodies.set(size, measured.body);
  }
  return {
    result: {
      engine,
      label:
        engine === 'sqlite'
          ? 'SQLite (better-sqlite3 file)'
          : await postgresVersion(),
      location: backend.location,
      sizes,
      problems: api.problems,
      requests: api.requests,
    },
    bodies,
  };
}

/** Each engine in turn: backend A's own plugin for SQLite, backend B for PostgreSQL. */
async function measureEngines(
  catalog: CatalogBackend,
  tenantRollouts: object,
  skipped: BenchResult['skipped'],
  options: { axes: TenantAxes; plans: PlansBySize },
): Promise<Pick<HttpFigures, 'engines' | 'boards'>> {
  const engines: EngineResult[] = [];
  let boards: Map<number, unknown> | undefined;
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
      boards ??= measured.bodies;
    } finally {
      if (backend !== catalog) {
        // Its events bus on PostgreSQL holds the signals plugin's long poll (55 s) until it ends.
        progress('stopping the PostgreSQL backend');
        await backend.stop();
      }
    }
  }
  return { engines, boards: boards ?? new Map() };
}

/**
 * The HTTP phases on every engine asked for; the backends are stopped when it returns, so that
 * nothing else runs in the process afterwards.
 */
export async function runHttpPhases(options: {
  entities: Entity[];
  tenantRollouts: object;
  axes: TenantAxes;
  plans: PlansBySize;
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
      SIZES.length,
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
