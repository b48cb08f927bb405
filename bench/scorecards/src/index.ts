import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DEFAULT_POLICY } from '@waybill/plugin-scorecards-common';
import { Knex } from 'knex';
import {
  BenchEntity,
  buildEntities,
  DATASET,
  UPLOAD_KINDS,
  VERSIONS,
} from './dataset';
import {
  BenchDatabases,
  ENGINES,
  EngineName,
  openDatabases,
  sqliteParentDir,
} from './engines';
import {
  compare,
  count,
  EngineResult,
  judge,
  renderEngine,
  writeSummary,
} from './report';
import {
  Random,
  currentLoad,
  describeMachine,
  formatMs,
  summarize,
} from '@waybill/bench-utils';
import {
  bulkCheckRun,
  CHECKS_RUN_CONCURRENCY,
  compareVerdicts,
  createTechInsights,
  measurePerEntityChecks,
} from './techInsights';
import { createWaybill, storedChecks, WaybillContext } from './waybill';
import { ingestBulk, IngestResult, ingestFullPath } from './ingest';
import { measureGates, measurePortfolio, readWholePortfolio } from './reads';
import { measureReevaluation } from './reevaluation';

/** This package's folder (bench/scorecards). */
const PACKAGE_DIR = resolvePackagePath('@waybill/bench-scorecards');

/** Sample sizes: those of the brief, plus a small on-disk SQLite ingest. */
const SAMPLES = {
  gates: 2000,
  portfolioQueries: 500,
  fullPathUploads: 2000,
  perEntityChecks: 500,
  wholePortfolioReads: 3,
  diskIngestEntities: 100,
};

/** Uploads in flight during the bulk ingest: SQLite has one writer, PostgreSQL a pool of 10. */
const INGEST_CONCURRENCY: Record<EngineName, number> = {
  sqlite: 1,
  postgres: 8,
};

const ENGINE_LABELS: Record<EngineName, string> = {
  sqlite: 'SQLite (better-sqlite3, file in a temp dir)',
  postgres: 'PostgreSQL (one database per plugin)',
};

function progress(message: string) {
  process.stderr.write(
    `[${new Date().toISOString().slice(11, 19)}] ${message}\n`,
  );
}

async function serverVersion(
  engine: EngineName,
  client: Knex,
): Promise<string> {
  if (engine === 'sqlite') {
    const [row] = await client.raw('select sqlite_version() as v');
    return `SQLite ${row.v}`;
  }
  const { rows } = await client.raw('show server_version');
  return `PostgreSQL ${rows[0].server_version}`;
}

/** Ingests a few entities into a fresh SQLite file under `os.tmpdir()`, on disk here. */
async function ingestOnDisk(
  entities: BenchEntity[],
): Promise<IngestResult & { directory: string }> {
  const databases = await openDatabases('sqlite', { sqliteParent: tmpdir() });
  try {
    const waybill = await createWaybill(
      databases.forPlugin('scorecards'),
      entities,
    );
    const result = await ingestBulk(waybill, entities, 1);
    return { ...result, directory: tmpdir() };
  } finally {
    await databases.close();
  }
}

/** The commit of the tree and whether the scorecards plugins have uncommitted changes. */
function gitState(): { commit: string; pluginsDirty: boolean } {
  const git = (args: string) =>
    execSync(`git ${args}`, { cwd: PACKAGE_DIR, encoding: 'utf8' }).trim();
  try {
    return {
      commit: git('rev-parse --short HEAD'),
      pluginsDirty:
        git(
          'status --porcelain -- ../../plugins/scorecards-backend ../../plugins/scorecards-common',
        ).length > 0,
    };
  } catch {
    return { commit: 'unknown', pluginsDirty: false };
  }
}

/** Steps 2-3: the gate, portfolio-page and whole-portfolio reads of stored results. */
async function measureReads(
  waybill: WaybillContext,
  entities: BenchEntity[],
): Promise<
  Pick<EngineResult['waybill'], 'gate' | 'portfolio' | 'wholePortfolioRead'>
> {
  const gates = await measureGates(waybill, entities, SAMPLES.gates);
  const portfolio = await measurePortfolio(waybill, SAMPLES.portfolioQueries);
  const wholeReads = [];
  for (let i = 0; i < SAMPLES.wholePortfolioReads; i++) {
    wholeReads.push(await readWholePortfolio(waybill));
  }
  const runs = wholeReads.map(r => r.ms);
  const whole = [...wholeReads].sort((a, b) => a.ms - b.ms)[
    Math.floor(wholeReads.length / 2)
  ];
  return {
    gate: { ...summarize(gates.samples), decisions: gates.decisions },
    portfolio: {
      firstPage: summarize(portfolio.firstPage),
      secondPage: summarize(portfolio.secondPage),
      allPages: summarize([...portfolio.firstPage, ...portfolio.secondPage]),
      byShape: Object.fromEntries(
        Object.entries(portfolio.byShape).map(([shape, samples]) => [
          shape,
          summarize(samples),
        ]),
      ),
      meanTotal: portfolio.meanTotal,
    },
    wholePortfolioRead: { ...whole, runs },
  };
}

/** Step 5: Tech Insights on the same engine, facts and checks, and its agreement with Waybill. */
async function measureTechInsights(
  databases: BenchDatabases,
  entities: BenchEntity[],
  waybill: WaybillContext,
): Promise<EngineResult['techInsights']> {
  const ti = await createTechInsights(
    databases.forPlugin('tech-insights'),
    entities,
    DEFAULT_POLICY,
  );
  await databases.settle('tech-insights');
  const sampleRefs = new Random(17)
    .shuffle(entities)
    .slice(0, SAMPLES.perEntityChecks)
    .map(e => e.ref);
  const perEntity = await measurePerEntityChecks(ti, sampleRefs);
  const agreement = await compareVerdicts(perEntity.results, ref =>
    storedChecks(waybill, ref),
  );
  const bulk = await bulkCheckRun(ti);
  return {
    checks: ti.checks.length,
    insertMs: ti.insertMs,
    perEntity: summarize(perEntity.samples),
    bulk: { ...bulk, concurrency: CHECKS_RUN_CONCURRENCY },
    agreement,
  };
}

/** Runs every measurement on one engine, then deletes its databases. */
async function runEngine(
  engine: EngineName,
  entityCount: number,
): Promise<EngineResult> {
  const started = performance.now();
  const loadAtStart = currentLoad();
  const entities = buildEntities(entityCount);
  const databases = await openDatabases(engine);
  try {
    const scorecardsDb = databases.forPlugin('scorecards');
    const server = await serverVersion(engine, await scorecardsDb.getClient());
    progress(`${engine}: ${server}; ingesting ${count(entityCount)} entities`);

    // 1. Setup: every release's evidence through the production store and evaluator.
    const waybill = await createWaybill(scorecardsDb, entities);
    const ingest = await ingestBulk(
      waybill,
      entities,
      INGEST_CONCURRENCY[engine],
      done => progress(`${engine}: ${count(done)} entities ingested`),
    );
    progress(`${engine}: ingest done in ${formatMs(ingest.ms)}`);
    await databases.settle('scorecards');
    const ingestOnDiskResult =
      engine === 'sqlite' && sqliteParentDir() !== tmpdir()
        ? await ingestOnDisk(entities.slice(0, SAMPLES.diskIngestEntities))
        : undefined;

    // 2-3. Reads of stored results: gates, portfolio pages, the whole portfolio.
    const reads = await measureReads(waybill, entities);
    progress(`${engine}: reads measured; starting Tech Insights`);

    // 5. Tech Insights on the same engine, with the same facts and checks.
    const techInsights = await measureTechInsights(
      databases,
      entities,
      waybill,
    );
    progress(
      `${engine}: Tech Insights bulk run done in ${formatMs(
        techInsights.bulk.ms,
      )}`,
    );

    // 4. Full re-evaluation after a policy change.
    const reevaluation = await measureReevaluation(waybill);
    progress(`${engine}: re-evaluation done in ${formatMs(reevaluation.ms)}`);

    // 1b. The full upload path on real files; last, since it adds a release to some entities.
    const fullPath = await ingestFullPath(
      waybill,
      entities,
      SAMPLES.fullPathUploads,
    );

    return {
      engine,
      server,
      location: databases.location,
      entities: entityCount,
      releases: entityCount * VERSIONS.length,
      wallMs: performance.now() - started,
      loadAverage: { start: loadAtStart, end: currentLoad() },
      waybill: {
        ingest: { ...ingest, concurrency: INGEST_CONCURRENCY[engine] },
        ...(ingestOnDiskResult ? { ingestOnDisk: ingestOnDiskResult } : {}),
        fullPath,
        ...reads,
        reevaluation,
      },
      techInsights,
    };
  } finally {
    await databases.close();
  }
}

async function main() {
  const started = performance.now();
  const machine = describeMachine();
  const git = gitState();
  const engines = (process.env.WAYBILL_BENCH_ENGINES?.split(',') ??
    ENGINES) as EngineName[];
  const entityCount = Number(
    process.env.WAYBILL_BENCH_ENTITIES ?? DATASET.entities,
  );
  console.log('Waybill release scorecards vs Backstage Tech Insights');
  console.log(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage} at start`,
  );
  console.log(
    `Date: ${new Date().toISOString()}; tree ${git.commit}${
      git.pluginsDirty
        ? ' with uncommitted changes to the scorecards plugins'
        : ''
    }`,
  );
  console.log(
    `Data: ${count(entityCount)} entities x ${VERSIONS.length} releases x ${
      UPLOAD_KINDS.length
    } evidence uploads; DEFAULT_POLICY (${
      DEFAULT_POLICY.checks.length
    } checks)`,
  );
  const results: EngineResult[] = [];
  for (const engine of engines) {
    const result = await runEngine(engine, entityCount);
    console.log(renderEngine(result, ENGINE_LABELS[engine]));
    results.push(result);
  }
  const totalMs = performance.now() - started;
  console.log(`\nTotal run time: ${formatMs(totalMs)}`);
  const path = join(PACKAGE_DIR, 'results', 'latest.json');
  await writeSummary(path, {
    date: new Date().toISOString(),
    machine,
    git,
    dataset: {
      entities: entityCount,
      releasesPerEntity: VERSIONS.length,
      uploadsPerRelease: UPLOAD_KINDS.length,
    },
    samples: SAMPLES,
    totalMs,
    engines: results.map(result => ({
      ...result,
      comparisons: compare(result),
      targets: judge(result),
    })),
  });
  console.log(`JSON summary: ${path}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
