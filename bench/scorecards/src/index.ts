import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DEFAULT_POLICY } from '@waybill/plugin-scorecards-common';
import { Knex } from 'knex';
import {
  currentLoad,
  describeMachine,
  describeTree,
  formatMs,
  logProgress,
} from '@waybill/bench-utils';
import { BenchEntity, buildEntities, UPLOAD_KINDS, VERSIONS } from './dataset';
import { EngineName, openDatabases, sqliteParentDir } from './engines';
import { startScorecardsHttp } from './http';
import { ingestBulk, IngestResult, ingestFullPath } from './ingest';
import { measureReevaluation } from './reevaluation';
import { renderEngine } from './render';
import {
  compare,
  count,
  EngineResult,
  judge,
  judgeCsv,
  SizeResult,
  writeSummary,
} from './report';
import { BenchSettings, readSettings } from './settings';
import { runSize } from './sizeRun';
import { createTechInsights } from './techInsights';
import { createWaybill } from './waybill';

/** This package's folder (bench/scorecards). */
const PACKAGE_DIR = resolvePackagePath('@waybill/bench-scorecards');

/** Samples taken once per engine, after the largest size. */
const FINAL_SAMPLES = {
  fullPathUploads: 500,
  diskIngestEntities: 100,
  /** Batches of 500 stale releases re-scored after the policy change. */
  reevaluationBatches: 40,
};

const ENGINE_LABELS: Record<EngineName, string> = {
  sqlite: 'SQLite (better-sqlite3, file in a temp dir)',
  postgres: 'PostgreSQL (one database per plugin)',
};

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

/** Runs every size on one engine, growing one data set, then deletes its databases. */
async function runEngine(
  engine: EngineName,
  settings: BenchSettings,
): Promise<EngineResult> {
  const started = performance.now();
  const loadAtStart = currentLoad();
  const sizes = settings.sizes[engine];
  const entities = buildEntities(sizes[sizes.length - 1]);
  const databases = await openDatabases(engine);
  try {
    const scorecardsDb = databases.forPlugin('scorecards');
    const knex = await scorecardsDb.getClient();
    const server = await serverVersion(engine, knex);
    logProgress(`${engine}: ${server}; sizes ${sizes.join(', ')}`);
    const waybill = await createWaybill(scorecardsDb, entities);
    const techInsights = await createTechInsights(
      databases.forPlugin('tech-insights'),
      DEFAULT_POLICY,
    );
    const http = await startScorecardsHttp(knex, entities);
    const results: SizeResult[] = [];
    try {
      let from = 0;
      for (const size of sizes) {
        const context = {
          engine,
          databases,
          knex,
          waybill,
          techInsights,
          http,
          entities,
          techInsightsBulkMax: settings.techInsightsBulkMax,
        };
        results.push(await runSize(context, from, size));
        from = size;
      }
    } finally {
      await http.stop();
    }
    logProgress(`${engine}: re-evaluation and full-path sample`);
    const reevaluation = await measureReevaluation(
      waybill,
      FINAL_SAMPLES.reevaluationBatches,
    );
    // Last: it adds a newer release to some entities.
    const fullPath = await ingestFullPath(
      waybill,
      entities,
      FINAL_SAMPLES.fullPathUploads,
    );
    const onDisk =
      engine === 'sqlite' && sqliteParentDir() !== tmpdir()
        ? await ingestOnDisk(
            entities.slice(0, FINAL_SAMPLES.diskIngestEntities),
          )
        : undefined;
    return {
      engine,
      server,
      location: databases.location,
      wallMs: performance.now() - started,
      loadAverage: { start: loadAtStart, end: currentLoad() },
      checks: techInsights.checks.length,
      sizes: results,
      ...(onDisk ? { ingestOnDisk: onDisk } : {}),
      reevaluation: {
        ...reevaluation,
        staleReleases: entities.length * VERSIONS.length,
      },
      fullPath,
    };
  } finally {
    await databases.close();
  }
}

async function main() {
  const started = performance.now();
  const settings = readSettings(process.env);
  const machine = describeMachine();
  const tree = describeTree(PACKAGE_DIR, {
    '.': 'bench/scorecards',
    '../../plugins/scorecards-backend': 'plugins/scorecards-backend',
    '../../plugins/scorecards-common': 'plugins/scorecards-common',
  });
  console.log(
    'Waybill release scorecards (stored verdicts) vs Backstage Tech Insights (evaluation at read time)',
  );
  console.log(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage} at start`,
  );
  console.log(`Date: ${new Date().toISOString()}; tree ${tree}`);
  console.log(
    `Data: per size N entities x ${VERSIONS.length} releases x ${
      UPLOAD_KINDS.length
    } kinds of evidence; DEFAULT_POLICY (${
      DEFAULT_POLICY.checks.length
    } checks); sizes ${settings.engines
      .map(e => `${e} ${settings.sizes[e].map(count).join(', ')}`)
      .join('; ')}`,
  );
  const results: EngineResult[] = [];
  for (const engine of settings.engines) {
    const result = await runEngine(engine, settings);
    console.log(renderEngine(result, ENGINE_LABELS[engine]));
    results.push(result);
  }
  const totalMs = performance.now() - started;
  console.log(`\nTotal run time: ${formatMs(totalMs)}`);
  const path = join(PACKAGE_DIR, 'results', 'latest.json');
  await writeSummary(path, {
    date: new Date().toISOString(),
    machine,
    tree,
    settings: {
      ...settings,
      techInsightsBulkMax: Number.isFinite(settings.techInsightsBulkMax)
        ? settings.techInsightsBulkMax
        : null,
    },
    finalSamples: FINAL_SAMPLES,
    totalMs,
    engines: results.map(result => ({
      ...result,
      sizes: result.sizes.map(size => ({
        ...size,
        storedVerdictsVsEvaluationAtReadTime: compare(size),
        targets: judge(size),
      })),
      csvFlatMemory: judgeCsv(result),
    })),
  });
  console.log(`JSON summary: ${path}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
