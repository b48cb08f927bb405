import {
  formatGrowthStep,
  formatMs,
  formatRatio,
  growthSteps,
  LatencySummary,
  SUPER_LINEAR_FACTOR,
} from '@waybill/bench-utils';
import { IngestResult } from './ingest';
import {
  compare,
  count,
  EngineResult,
  judge,
  judgeCsv,
  SizeResult,
} from './report';

function percentiles(summary: LatencySummary): string {
  return `p50 ${formatMs(summary.p50)}  p95 ${formatMs(
    summary.p95,
  )}  p99 ${formatMs(summary.p99)}`;
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
  return `  Portfolio p95 by ${kind} (in process, both pages): ${shapes.join(
    ', ',
  )}`;
}

function waybillRows(s: SizeResult): string[][] {
  const pct = (n: number) => `${((100 * n) / s.gate.count).toFixed(0)}%`;
  const { manager, csv } = s;
  return [
    [
      'Seeding (set-up, not an ingest figure)',
      `${count(s.seed.entities)} entities in ${formatMs(s.seed.ms)}`,
      `${count(s.seed.evidenceRows)} evidence rows, batches of 100 entities`,
    ],
    ingestRow(
      'Ingest sample: recordEvidence + evaluateScorecard',
      s.ingest,
      `${count(s.ingest.releases / 5)} entities, ${
        s.ingest.concurrency
      } in flight`,
    ),
    [
      'Seeded = ingested evaluations (sample)',
      `${count(s.seedCheck.matching)} / ${count(s.seedCheck.releases)}`,
      'score, grade, check statuses and gates',
    ],
    [
      `Gate (production), ${count(s.gate.count)} random releases`,
      percentiles(s.gate),
      `pass ${pct(s.gate.decisions.pass)}, warn ${pct(
        s.gate.decisions.warn,
      )}, fail ${pct(s.gate.decisions.fail)}`,
    ],
    [
      `Portfolio page 1 in process, ${count(s.portfolio.firstPage.count)}`,
      percentiles(s.portfolio.firstPage),
      `0-2 random filters, random sort; ${count(
        s.portfolio.meanTotal,
      )} matches on average`,
    ],
    [
      `Portfolio page 2 in process, ${count(s.portfolio.secondPage.count)}`,
      percentiles(s.portfolio.secondPage),
      'by cursor, the queries with more than 50 matches',
    ],
    [
      `HTTP GET /portfolio page 1, ${count(manager.firstPage.count)}`,
      percentiles(manager.firstPage),
      'manager filters x sorts name, -score, -updated',
    ],
    [
      `HTTP GET /portfolio page 21, ${count(manager.deepPage.count)}`,
      percentiles(manager.deepPage),
      'rows 1,001-1,050 by cursor, scenarios with > 1,050 matches',
    ],
    [
      `HTTP GET /portfolio/summary, ${count(manager.summary.count)}`,
      percentiles(manager.summary),
      'per manager filter',
    ],
    [
      'Whole portfolio in process, pages of 200',
      formatMs(s.wholePortfolioRead.ms),
      `${count(s.wholePortfolioRead.entities)} entities, ${
        s.wholePortfolioRead.pages
      } pages; median of ${s.wholePortfolioRead.runs.length}`,
    ],
    [
      'HTTP GET /portfolio.csv',
      `${formatMs(csv.totalMs)}, first byte ${formatMs(csv.firstByteMs)}`,
      `${count(csv.rows)} rows, ${(csv.bytes / 1024 / 1024).toFixed(
        1,
      )} MB; heap +${csv.heapGrowthMb.toFixed(
        1,
      )} MB, RSS +${csv.rssGrowthMb.toFixed(1)} MB (peak ${count(
        csv.peakRssMb,
      )} MB)`,
    ],
  ];
}

function techInsightsRows(s: SizeResult, checks: number): string[][] {
  const t = s.techInsights;
  const { agreement } = t;
  return [
    [
      'Fact rows stored (insertFacts)',
      formatMs(t.insertMs),
      'the rows added for this size',
    ],
    [
      `runChecks, ${count(t.perEntity.count)} single entities`,
      percentiles(t.perEntity),
      'one at a time: one entity evaluated at read time',
    ],
    [
      `runChecks for a page's 50 entities, ${count(t.pageChecks.count)}`,
      percentiles(t.pageChecks),
      'the refs of Waybill page-1 answers, 50 at once as POST /checks/run',
    ],
    [
      `Stored facts of a page's 50 entities, ${count(t.pageFacts.count)}`,
      percentiles(t.pageFacts),
      'getLatestFactsByIds x 50 at once: facts only, no verdicts',
    ],
    t.bulk
      ? [
          `Bulk check run, concurrency ${t.bulk.concurrency}`,
          formatMs(t.bulk.ms),
          `${formatMs(t.bulk.ms / t.bulk.entities)}/entity, ${count(
            t.bulk.results,
          )} results, ${t.bulk.errors} errors`,
        ]
      : ['Bulk check run', 'skipped', 'WAYBILL_BENCH_TI_BULK_MAX'],
    [
      'Same verdicts as Waybill',
      `${count(agreement.agreeing)} / ${count(agreement.compared)} agree`,
      `${agreement.entities} entities x ${checks} checks, latest release${
        agreement.disagreements.length
          ? `; e.g. ${agreement.disagreements.join('; ')}`
          : ''
      }`,
    ],
  ];
}

function renderSize(result: EngineResult, s: SizeResult): string[] {
  return [
    `-- ${count(s.entities)} entities, ${count(
      s.releases,
    )} releases; load average ${s.loadAverage.start} at start, ${
      s.loadAverage.end
    } at end`,
    'Waybill',
    ...table(waybillRows(s)),
    shapeLine(s.portfolio.byShape, 'sort'),
    shapeLine(s.portfolio.byShape, 'filter'),
    `  HTTP p95 by manager filter (page 1, page 21, summary): ${Object.entries(
      s.manager.byFilter,
    )
      .map(
        ([name, l]) =>
          `${name} ${formatMs(l.p95)} (${count(s.manager.matches[name])})`,
      )
      .join(', ')}`,
    `Tech Insights (one fact row per entity, ${result.checks} json-rules-engine checks)`,
    ...table(techInsightsRows(s, result.checks)),
    'Waybill vs Tech Insights (Tech Insights time / Waybill time; above 1 Waybill is faster)',
    ...table(
      compare(s).map(c => [`${c.label}:`, formatRatio(c.ratio), c.detail]),
    ),
    'Targets',
    ...table(judge(s).map(t => [t.pass ? 'PASS' : 'FAIL', t.name, t.measured])),
  ];
}

/** The figures whose growth with the size is printed, and how to read each from a size. */
const GROWTH_FIGURES: Array<[string, (s: SizeResult) => number | undefined]> = [
  ['Seeding time per entity', s => s.seed.ms / s.seed.entities],
  ['Ingest sample, ms per upload', s => s.ingest.ms / s.ingest.uploads],
  ['Gate p95', s => s.gate.p95],
  ['Portfolio page 1 p95, in process', s => s.portfolio.firstPage.p95],
  ['HTTP portfolio page 1 p95', s => s.manager.firstPage.p95],
  ['HTTP portfolio page 21 p95', s => s.manager.deepPage.p95],
  ['HTTP portfolio summary p95', s => s.manager.summary.p95],
  ['Whole portfolio read', s => s.wholePortfolioRead.ms],
  ['CSV export total', s => s.csv.totalMs],
  ['CSV export first byte', s => s.csv.firstByteMs],
  ['CSV export heap growth (MB)', s => s.csv.heapGrowthMb],
  ['TI runChecks p95, one entity', s => s.techInsights.perEntity.p95],
  ['TI runChecks p95, page of 50', s => s.techInsights.pageChecks.p95],
  ['TI stored facts p95, page of 50', s => s.techInsights.pageFacts.p95],
  ['TI bulk check run', s => s.techInsights.bulk?.ms],
];

function growthRows(result: EngineResult): string[][] {
  return GROWTH_FIGURES.map(([name, read]) => {
    const figures = result.sizes.map(s => ({
      size: s.entities,
      value: read(s) ?? NaN,
    }));
    const values = figures.map(f =>
      Number.isFinite(f.value) ? f.value.toPrecision(3) : '-',
    );
    return [
      name,
      values.join(' / '),
      growthSteps(figures).map(formatGrowthStep).join(', '),
    ];
  });
}

/** The printed tables of one engine's results. */
export function renderEngine(result: EngineResult, label: string): string {
  const csv = judgeCsv(result);
  const { reevaluation: r, fullPath, ingestOnDisk } = result;
  const largest = result.sizes[result.sizes.length - 1];
  return [
    '',
    `== ${label}: ${result.server} ==`,
    `Run time ${formatMs(result.wallMs)}; load average ${
      result.loadAverage.start
    } at start, ${result.loadAverage.end} at end`,
    ...result.sizes.flatMap(s => renderSize(result, s)),
    `-- After the largest size (${count(largest.entities)} entities)`,
    ...table([
      [
        'Re-evaluation after a policy change',
        `${count(r.releases)} of ${count(
          r.staleReleases,
        )} stale releases in ${formatMs(r.ms)}`,
        `${formatMs(r.ms / r.releases)}/release, ${
          r.batches
        } batches of reevaluateStale(500)`,
      ],
      ingestRow(
        'Full path: uploadEvidence of fixture files',
        fullPath,
        '1 in flight',
      ),
      ...(ingestOnDisk
        ? [
            ingestRow(
              'Ingest sample on a disk-backed SQLite file',
              ingestOnDisk,
              `${count(ingestOnDisk.releases / 5)} entities, under ${
                ingestOnDisk.directory
              }`,
            ),
          ]
        : []),
    ]),
    ...(csv
      ? table([[csv.pass ? 'PASS' : 'FAIL', csv.name, csv.measured]])
      : []),
    `-- Growth: value at ${result.sizes
      .map(s => count(s.entities))
      .join(
        ' / ',
      )} entities; per step x figure ratio (f growth factor = figure ratio / size ratio, 1 linear, SUPER-LINEAR above ${SUPER_LINEAR_FACTOR})`,
    ...table(growthRows(result)),
  ].join('\n');
}
