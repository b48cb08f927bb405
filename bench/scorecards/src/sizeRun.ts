import { performance } from 'node:perf_hooks';
import {
  currentLoad,
  formatMs,
  logProgress,
  Random,
  summarize,
} from '@waybill/bench-utils';
import { Knex } from 'knex';
import { BenchEntity, VERSIONS } from './dataset';
import { BenchDatabases, EngineName } from './engines';
import { measureCsvExport, ScorecardsHttp } from './http';
import { ingestBulk } from './ingest';
import { measureManagerReads } from './managerReads';
import { measureGates, measurePortfolio, readWholePortfolio } from './reads';
import { SizeResult } from './report';
import { seedBulk, verifySeededEvaluations } from './seed';
import {
  bulkCheckRun,
  CHECKS_RUN_CONCURRENCY,
  compareVerdicts,
  insertFactRows,
  measurePages,
  measurePerEntityChecks,
  TechInsightsContext,
} from './techInsights';
import { storedChecks, WaybillContext } from './waybill';

/** Sample sizes per size of the data set. */
export const SAMPLES = {
  /** Entities of each size's new slice that go through the per-upload ingest. */
  ingestEntities: 100,
  /** Of those, the entities whose stored evaluations are compared with the seeding path's. */
  seedCheckEntities: 20,
  gates: 1000,
  portfolioQueries: 200,
  /** Waybill page-1 answers whose 50 entities Tech Insights answers for too. */
  peerPages: 40,
  managerRepeats: 5,
  wholePortfolioReads: 3,
  perEntityChecks: 300,
};

/** Uploads in flight during the ingest sample: SQLite has one writer, PostgreSQL a pool of 10. */
export const INGEST_CONCURRENCY: Record<EngineName, number> = {
  sqlite: 1,
  postgres: 8,
};

/** Everything one size's measurements use. */
export interface SizeContext {
  engine: EngineName;
  databases: BenchDatabases;
  knex: Knex;
  waybill: WaybillContext;
  techInsights: TechInsightsContext;
  http: ScorecardsHttp;
  /** The whole data set; a size is its first `size` entities. */
  entities: BenchEntity[];
  techInsightsBulkMax: number;
}

/** Grows the data set from `from` to `to` entities: an ingest sample, then seeding, then facts. */
async function grow(context: SizeContext, from: number, to: number) {
  const { engine, knex, waybill, databases } = context;
  const added = context.entities.slice(from, to);
  const sample = added.slice(0, SAMPLES.ingestEntities);
  const ingest = await ingestBulk(waybill, sample, INGEST_CONCURRENCY[engine]);
  const seedCheck = await verifySeededEvaluations(
    waybill,
    sample.slice(0, SAMPLES.seedCheckEntities),
  );
  const seed = await seedBulk(knex, waybill, added.slice(sample.length), n =>
    logProgress(`${engine}: seeded ${n} of ${added.length - sample.length}`),
  );
  const insertMs = await insertFactRows(context.techInsights, added);
  await databases.settle('scorecards');
  await databases.settle('tech-insights');
  return {
    ingest: { ...ingest, concurrency: INGEST_CONCURRENCY[engine] },
    seedCheck,
    seed,
    insertMs,
  };
}

async function measureWaybill(context: SizeContext, size: number) {
  const { waybill, http } = context;
  const entities = context.entities.slice(0, size);
  const gates = await measureGates(waybill, entities, SAMPLES.gates);
  const portfolio = await measurePortfolio(
    waybill,
    SAMPLES.portfolioQueries,
    SAMPLES.peerPages,
  );
  const wholeReads = [];
  for (let i = 0; i < SAMPLES.wholePortfolioReads; i++) {
    wholeReads.push(await readWholePortfolio(waybill));
  }
  const whole = [...wholeReads].sort((a, b) => a.ms - b.ms)[
    Math.floor(wholeReads.length / 2)
  ];
  (globalThis as { gc?: () => void }).gc?.();
  const csv = await measureCsvExport(http);
  const manager = await measureManagerReads(http, SAMPLES.managerRepeats);
  return {
    pages: portfolio.pages,
    result: {
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
      manager,
      wholePortfolioRead: { ...whole, runs: wholeReads.map(r => r.ms) },
      csv,
    },
  };
}

async function measureTechInsights(
  context: SizeContext,
  size: number,
  pages: string[][],
) {
  const ti = context.techInsights;
  const sampleRefs = new Random(17)
    .shuffle(context.entities.slice(0, size))
    .slice(0, SAMPLES.perEntityChecks)
    .map(e => e.ref);
  const perEntity = await measurePerEntityChecks(ti, sampleRefs);
  const agreement = await compareVerdicts(perEntity.results, ref =>
    storedChecks(context.waybill, ref),
  );
  const pageChecks = await measurePages(ti, pages, 'checks');
  const pageFacts = await measurePages(ti, pages, 'facts');
  const bulk =
    size <= context.techInsightsBulkMax ? await bulkCheckRun(ti) : undefined;
  return {
    perEntity: summarize(perEntity.samples),
    pageChecks: summarize(pageChecks),
    pageFacts: summarize(pageFacts),
    ...(bulk ? { bulk: { ...bulk, concurrency: CHECKS_RUN_CONCURRENCY } } : {}),
    agreement,
  };
}

/** Grows the data set to `size` entities and measures everything at that size. */
export async function runSize(
  context: SizeContext,
  from: number,
  size: number,
): Promise<SizeResult> {
  const { engine } = context;
  const started = performance.now();
  const loadAtStart = currentLoad();
  logProgress(`${engine}: growing to ${size} entities`);
  const grown = await grow(context, from, size);
  logProgress(
    `${engine}: ${size} entities ready in ${formatMs(
      performance.now() - started,
    )}; measuring Waybill`,
  );
  const waybill = await measureWaybill(context, size);
  logProgress(`${engine}: measuring Tech Insights at ${size}`);
  const techInsights = await measureTechInsights(context, size, waybill.pages);
  logProgress(
    `${engine}: ${size} done in ${formatMs(performance.now() - started)}`,
  );
  return {
    entities: size,
    releases: size * VERSIONS.length,
    loadAverage: { start: loadAtStart, end: currentLoad() },
    seed: grown.seed,
    ingest: grown.ingest,
    seedCheck: grown.seedCheck,
    ...waybill.result,
    techInsights: { insertMs: grown.insertMs, ...techInsights },
  };
}
