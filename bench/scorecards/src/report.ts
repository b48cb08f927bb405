import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { GateDecision } from '@waybill/plugin-scorecards-common';
import { EngineName } from './engines';
import { formatMs, formatRatio, LatencySummary } from '@waybill/bench-utils';
import { Agreement, BulkCheckRun } from './techInsights';
import { IngestResult } from './ingest';
import { WholePortfolioRead } from './reads';
import { Reevaluation } from './reevaluation';

/** Latency ceiling of the gate and portfolio reads. */
export const READ_P95_TARGET_MS = 50;

/** How much faster Waybill's whole-portfolio read must be than Tech Insights' bulk check run. */
export const BULK_SPEEDUP_TARGET = 10;

/** Everything measured on one database engine. */
export interface EngineResult {
  engine: EngineName;
  /** Database server and version. */
  server: string;
  location: string;
  entities: number;
  releases: number;
  wallMs: number;
  /** 1-minute load average of the machine when the engine's run started and ended. */
  loadAverage: { start: number; end: number };
  waybill: {
    ingest: IngestResult & { concurrency: number };
    /** SQLite only: the same ingest on a disk-backed file, for a sample of entities. */
    ingestOnDisk?: IngestResult & { directory: string };
    fullPath: IngestResult;
    gate: LatencySummary & { decisions: Record<GateDecision, number> };
    portfolio: {
      firstPage: LatencySummary;
      secondPage: LatencySummary;
      allPages: LatencySummary;
      /** Both pages by query shape, see `PortfolioMeasurement.byShape`. */
      byShape: Record<string, LatencySummary>;
      meanTotal: number;
    };
    wholePortfolioRead: WholePortfolioRead & { runs: number[] };
    reevaluation: Reevaluation;
  };
  techInsights: {
    checks: number;
    insertMs: number;
    perEntity: LatencySummary;
    bulk: BulkCheckRun & { concurrency: number };
    agreement: Agreement;
  };
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

function percentiles(summary: LatencySummary): string {
  return `p50 ${formatMs(summary.p50)}  p95 ${formatMs(
    summary.p95,
  )}  p99 ${formatMs(summary.p99)}`;
}

/** The Waybill / Tech Insights ratios of one engine; above 1, Waybill is faster. */
export function compare(result: EngineResult): Comparison[] {
  const { gate, portfolio, wholePortfolioRead, reevaluation } = result.waybill;
  const { perEntity, bulk } = result.techInsights;
  return [
    {
      label: 'Waybill gate p95 vs Tech Insights per-entity check p95',
      ratio: perEntity.p95 / gate.p95,
      detail: `${formatMs(
        gate.p95,
      )} for one release's stored gate vs ${formatMs(
        perEntity.p95,
      )} for one entity's runChecks`,
    },
    {
      label: 'Waybill portfolio page p95 vs Tech Insights per-entity check p95',
      ratio: perEntity.p95 / portfolio.allPages.p95,
      detail: `${formatMs(
        portfolio.allPages.p95,
      )} for a page of 50 entities vs ${formatMs(
        perEntity.p95,
      )} for one entity`,
    },
    {
      label: 'Waybill whole-portfolio read vs Tech Insights bulk check run',
      ratio: bulk.ms / wholePortfolioRead.ms,
      detail: `${formatMs(wholePortfolioRead.ms)} vs ${formatMs(
        bulk.ms,
      )}, both for all ${count(result.entities)} entities`,
    },
    {
      label: 'Waybill full re-evaluation vs Tech Insights bulk check run',
      ratio: bulk.ms / reevaluation.ms,
      detail: `${formatMs(reevaluation.ms)} to re-score and store ${count(
        reevaluation.releases,
      )} releases vs ${formatMs(bulk.ms)} to check ${count(
        bulk.entities,
      )} entities (${formatMs(
        reevaluation.ms / reevaluation.releases,
      )}/release vs ${formatMs(bulk.ms / bulk.entities)}/entity)`,
    },
  ];
}

/** The brief's targets for one engine. */
export function judge(result: EngineResult): Target[] {
  const { gate, portfolio, wholePortfolioRead } = result.waybill;
  const { bulk } = result.techInsights;
  const speedup = bulk.ms / wholePortfolioRead.ms;
  return [
    {
      name: `gate p95 < ${READ_P95_TARGET_MS} ms`,
      measured: formatMs(gate.p95),
      pass: gate.p95 < READ_P95_TARGET_MS,
    },
    {
      name: `portfolio p95 < ${READ_P95_TARGET_MS} ms`,
      measured: `${formatMs(portfolio.firstPage.p95)} first page, ${formatMs(
        portfolio.secondPage.p95,
      )} second page`,
      pass:
        Math.max(portfolio.firstPage.p95, portfolio.secondPage.p95) <
        READ_P95_TARGET_MS,
    },
    {
      name: `Waybill reads >= ${BULK_SPEEDUP_TARGET}x faster than Tech Insights' bulk check run`,
      measured: `whole-portfolio read ${formatMs(
        wholePortfolioRead.ms,
      )} vs bulk check run ${formatMs(bulk.ms)}: ${formatRatio(speedup)}`,
      pass: speedup >= BULK_SPEEDUP_TARGET,
    },
  ];
}

function ingestRow(label: string, ingest: IngestResult, note: string) {
  return [
    label,
    `${count(ingest.uploads)} uploads in ${formatMs(ingest.ms)}`,
    `${count(ingest.uploadsPerSecond)} uploads/s (${note})`,
  ];
}

/** p95 of the portfolio reads of each sort order or filter, slowest first. */
function shapeLine(
  byShape: Record<string, LatencySummary>,
  kind: 'sort' | 'filter',
): string {
  const shapes = Object.entries(byShape)
    .filter(([shape]) => shape.startsWith(`${kind}:`))
    .sort(([, a], [, b]) => b.p95 - a.p95)
    .map(
      ([shape, summary]) =>
        `${shape.slice(kind.length + 1)} ${formatMs(summary.p95)}`,
    );
  return `  Portfolio p95 by ${kind} (both pages): ${shapes.join(', ')}`;
}

function waybillRows(result: EngineResult): string[][] {
  const w = result.waybill;
  const pct = (n: number) => `${((100 * n) / w.gate.count).toFixed(0)}%`;
  return [
    ingestRow(
      'Setup: store.recordEvidence + evaluateScorecard',
      w.ingest,
      `${w.ingest.concurrency} in flight`,
    ),
    ...(w.ingestOnDisk
      ? [
          ingestRow(
            'Setup: the same on a disk-backed file',
            w.ingestOnDisk,
            `${count(w.ingestOnDisk.releases / 5)} entities, under ${
              w.ingestOnDisk.directory
            }`,
          ),
        ]
      : []),
    ingestRow(
      'Setup: full path, uploadEvidence of fixture files',
      w.fullPath,
      '1 in flight',
    ),
    [
      `Gate (production), ${count(w.gate.count)} random releases`,
      percentiles(w.gate),
      `pass ${pct(w.gate.decisions.pass)}, warn ${pct(
        w.gate.decisions.warn,
      )}, fail ${pct(w.gate.decisions.fail)}`,
    ],
    [
      `Portfolio page 1, ${count(w.portfolio.firstPage.count)} queries`,
      percentiles(w.portfolio.firstPage),
      `0-2 filters, random sort; ${count(
        w.portfolio.meanTotal,
      )} matches on average`,
    ],
    [
      `Portfolio page 2 (cursor), ${count(
        w.portfolio.secondPage.count,
      )} queries`,
      percentiles(w.portfolio.secondPage),
      'the queries with more than 50 matches',
    ],
    [
      'Whole portfolio, pages of 200 by name',
      formatMs(w.wholePortfolioRead.ms),
      `${count(w.wholePortfolioRead.entities)} entities, ${
        w.wholePortfolioRead.pages
      } pages; median of ${w.wholePortfolioRead.runs.length}`,
    ],
    [
      'Full re-evaluation, reevaluateStale(500) to 0',
      `${count(w.reevaluation.releases)} releases in ${formatMs(
        w.reevaluation.ms,
      )}`,
      `${formatMs(w.reevaluation.ms / w.reevaluation.releases)}/release, ${
        w.reevaluation.batches
      } batch${w.reevaluation.batches === 1 ? '' : 'es'}`,
    ],
  ];
}

function techInsightsRows(result: EngineResult): string[][] {
  const t = result.techInsights;
  const { agreement } = t;
  return [
    [
      'Fact rows stored (insertFacts)',
      `${count(result.entities)} rows in ${formatMs(t.insertMs)}`,
      '',
    ],
    [
      `runChecks, ${count(t.perEntity.count)} single entities`,
      percentiles(t.perEntity),
      'one at a time: one scorecard view',
    ],
    [
      `Bulk check run, concurrency ${t.bulk.concurrency}`,
      formatMs(t.bulk.ms),
      `${formatMs(t.bulk.ms / t.bulk.entities)}/entity, ${count(
        t.bulk.results,
      )} results, ${t.bulk.errors} errors`,
    ],
    [
      'Same verdicts as Waybill',
      `${count(agreement.agreeing)} / ${count(agreement.compared)} agree`,
      `${agreement.entities} entities x ${t.checks} checks, latest release${
        agreement.disagreements.length
          ? `; e.g. ${agreement.disagreements.join('; ')}`
          : ''
      }`,
    ],
  ];
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map(row =>
    `  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd(),
  );
}

/** The printed tables of one engine's results. */
export function renderEngine(result: EngineResult, label: string): string {
  return [
    '',
    `== ${label}: ${result.server} ==`,
    `Run time ${formatMs(result.wallMs)}; load average ${
      result.loadAverage.start
    } at start, ${result.loadAverage.end} at end`,
    `Waybill (${count(result.entities)} entities, ${count(
      result.releases,
    )} releases, 5 uploads each)`,
    ...table(waybillRows(result)),
    shapeLine(result.waybill.portfolio.byShape, 'sort'),
    shapeLine(result.waybill.portfolio.byShape, 'filter'),
    `Tech Insights (${count(
      result.techInsights.bulk.entities,
    )} entities, one fact row each, ${
      result.techInsights.checks
    } json-rules-engine checks)`,
    ...table(techInsightsRows(result)),
    'Waybill vs Tech Insights (Tech Insights time / Waybill time; above 1 Waybill is faster)',
    ...table(
      compare(result).map(c => [`${c.label}:`, formatRatio(c.ratio), c.detail]),
    ),
    'Targets',
    ...table(
      judge(result).map(t => [t.pass ? 'PASS' : 'FAIL', t.name, t.measured]),
    ),
  ].join('\n');
}

/** Writes the JSON summary, creating its folder. */
export async function writeSummary(path: string, summary: unknown) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(summary, null, 2)}\n`);
}
