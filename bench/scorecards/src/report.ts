import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { GateDecision } from '@waybill/plugin-scorecards-common';
import { EngineName } from './engines';
import { formatMs, formatRatio, LatencySummary } from '@waybill/bench-utils';
import { Agreement, BulkCheckRun } from './techInsights';
import { IngestResult } from './ingest';
import { WholePortfolioRead } from './reads';
import { Reevaluation } from './reevaluation';
import { SeedResult } from './seed';
import { CsvExport } from './http';
import { ManagerReads } from './managerReads';

/** Latency ceiling of the gate, portfolio page and summary reads. */
export const READ_P95_TARGET_MS = 50;

/**
 * How much faster reading the stored verdicts of every entity must be than Tech Insights
 * evaluating its checks for every entity at read time.
 */
export const BULK_SPEEDUP_TARGET = 10;

/**
 * The CSV export counts as flat in memory when the heap growth during the export at the largest
 * size is at most twice that at the smallest size plus this many MB (a margin for the collector).
 */
export const CSV_FLAT_MARGIN_MB = 16;

/** Everything measured at one size of the data set, on one engine. */
export interface SizeResult {
  entities: number;
  releases: number;
  /** 1-minute load average when this size's measurements started and ended. */
  loadAverage: { start: number; end: number };
  /** Set-up of the entities added for this size, in bulk: not an ingest figure. */
  seed: SeedResult;
  /** The per-upload ingest, on a sample of the entities added for this size. */
  ingest: IngestResult & { concurrency: number };
  /** The sample's stored evaluations against those the seeding path computes for them. */
  seedCheck: { releases: number; matching: number };
  gate: LatencySummary & { decisions: Record<GateDecision, number> };
  portfolio: {
    firstPage: LatencySummary;
    secondPage: LatencySummary;
    allPages: LatencySummary;
    byShape: Record<string, LatencySummary>;
    meanTotal: number;
  };
  /** The manager scenarios over HTTP: page 1, deep page, summary. */
  manager: ManagerReads;
  wholePortfolioRead: WholePortfolioRead & { runs: number[] };
  csv: CsvExport;
  techInsights: {
    /** Time to store this size's new fact rows. */
    insertMs: number;
    perEntity: LatencySummary;
    /** `runChecks` for the 50 entities of a Waybill portfolio page, all at once. */
    pageChecks: LatencySummary;
    /** The stored facts (no verdicts) of the same 50 entities, all at once. */
    pageFacts: LatencySummary;
    bulk?: BulkCheckRun & { concurrency: number };
    agreement: Agreement;
  };
}

/** Everything measured on one database engine. */
export interface EngineResult {
  engine: EngineName;
  /** Database server and version. */
  server: string;
  location: string;
  wallMs: number;
  loadAverage: { start: number; end: number };
  /** The Tech Insights checks (the policy's). */
  checks: number;
  sizes: SizeResult[];
  /** SQLite only: the per-upload ingest on a disk-backed file, for a sample of entities. */
  ingestOnDisk?: IngestResult & { directory: string };
  /** After the largest size: a policy change, the first batches of stale releases re-scored. */
  reevaluation: Reevaluation & { staleReleases: number };
  /** After the largest size: real fixture files through `uploadEvidence`. */
  fullPath: IngestResult;
}

/** A comparison between Waybill and Tech Insights: Tech Insights' time over Waybill's. */
export interface Comparison {
  label: string;
  ratio: number;
  /** What the ratio compares. */
  detail: string;
}

/** A PASS/FAIL target. */
export interface Target {
  name: string;
  /** What was measured, in words with its unit. */
  measured: string;
  pass: boolean;
}

/** A number with thousands separators. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * The Waybill / Tech Insights ratios at one size; above 1, Waybill is faster. Waybill reads
 * verdicts it stored at upload time; Tech Insights stores facts and evaluates its checks when
 * asked, so every pair but one is "stored verdicts vs evaluation at read time". The exception
 * compares with Tech Insights' stored facts, which carry no verdicts: it has no stored check
 * results to read.
 */
export function compare(size: SizeResult): Comparison[] {
  const { gate, portfolio, wholePortfolioRead } = size;
  const { perEntity, pageChecks, pageFacts, bulk } = size.techInsights;
  const comparisons: Comparison[] = [
    {
      label:
        'Page of 50: stored verdicts vs evaluation at read time (runChecks x 50)',
      ratio: pageChecks.p95 / portfolio.firstPage.p95,
      detail: `p95 ${formatMs(portfolio.firstPage.p95)} vs ${formatMs(
        pageChecks.p95,
      )}, the same 50 entities`,
    },
    {
      label: 'Page of 50: stored verdicts vs stored facts (no verdicts)',
      ratio: pageFacts.p95 / portfolio.firstPage.p95,
      detail: `p95 ${formatMs(portfolio.firstPage.p95)} vs ${formatMs(
        pageFacts.p95,
      )}; Tech Insights stores no check results`,
    },
    {
      label: 'One entity: stored gate vs evaluation at read time (runChecks)',
      ratio: perEntity.p95 / gate.p95,
      detail: `p95 ${formatMs(gate.p95)} vs ${formatMs(perEntity.p95)}`,
    },
  ];
  if (bulk) {
    comparisons.push({
      label:
        'Every entity: stored verdicts vs evaluation at read time (bulk run)',
      ratio: bulk.ms / wholePortfolioRead.ms,
      detail: `${formatMs(wholePortfolioRead.ms)} vs ${formatMs(
        bulk.ms,
      )}, ${count(size.entities)} entities`,
    });
  }
  return comparisons;
}

/** The read targets at one size. */
export function judge(size: SizeResult): Target[] {
  const { gate, portfolio, manager, wholePortfolioRead } = size;
  const under = (value: number) => value < READ_P95_TARGET_MS;
  const targets: Target[] = [
    {
      name: `gate p95 < ${READ_P95_TARGET_MS} ms`,
      measured: formatMs(gate.p95),
      pass: under(gate.p95),
    },
    {
      name: `portfolio p95 < ${READ_P95_TARGET_MS} ms (random queries, in process)`,
      measured: `${formatMs(portfolio.firstPage.p95)} page 1, ${formatMs(
        portfolio.secondPage.p95,
      )} page 2`,
      pass: under(Math.max(portfolio.firstPage.p95, portfolio.secondPage.p95)),
    },
    {
      name: `portfolio page p95 < ${READ_P95_TARGET_MS} ms (manager filters, HTTP)`,
      measured: `${formatMs(manager.firstPage.p95)} page 1, ${
        manager.deepPage.count
          ? `${formatMs(manager.deepPage.p95)} page 21`
          : 'no page 21 (no scenario has 1,050 matches)'
      }`,
      pass: under(
        Math.max(
          manager.firstPage.p95,
          manager.deepPage.count ? manager.deepPage.p95 : 0,
        ),
      ),
    },
    {
      name: `/portfolio/summary p95 < ${READ_P95_TARGET_MS} ms (manager filters, HTTP)`,
      measured: formatMs(manager.summary.p95),
      pass: under(manager.summary.p95),
    },
  ];
  const { bulk } = size.techInsights;
  if (bulk) {
    const speedup = bulk.ms / wholePortfolioRead.ms;
    targets.push({
      name: `every entity: stored verdicts >= ${BULK_SPEEDUP_TARGET}x faster than evaluation at read time`,
      measured: `${formatMs(wholePortfolioRead.ms)} vs ${formatMs(
        bulk.ms,
      )}: ${formatRatio(speedup)}`,
      pass: speedup >= BULK_SPEEDUP_TARGET,
    });
  }
  return targets;
}

/** Whether the CSV export's memory stayed flat from the smallest size to the largest. */
export function judgeCsv(result: EngineResult): Target | undefined {
  const { sizes } = result;
  if (sizes.length < 2) return undefined;
  const small = sizes[0];
  const large = sizes[sizes.length - 1];
  const limit = 2 * Math.max(0, small.csv.heapGrowthMb) + CSV_FLAT_MARGIN_MB;
  return {
    name: `CSV export streams with flat memory (${count(
      small.entities,
    )} to ${count(large.entities)} rows)`,
    measured: `heap growth ${small.csv.heapGrowthMb.toFixed(
      1,
    )} MB -> ${large.csv.heapGrowthMb.toFixed(1)} MB (limit ${limit.toFixed(
      1,
    )}), RSS growth ${small.csv.rssGrowthMb.toFixed(
      1,
    )} -> ${large.csv.rssGrowthMb.toFixed(1)} MB`,
    pass: large.csv.heapGrowthMb <= limit,
  };
}

/** Writes the JSON summary, creating its folder. */
export async function writeSummary(path: string, summary: unknown) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(summary, null, 2)}\n`);
}
