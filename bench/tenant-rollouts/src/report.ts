import { formatMs, runHeaderLines } from '@waybill/bench-utils';
import { BROWSER_TARGETS } from './browser';
import { SummaryRow, n, summaryTable } from './format';
import { BenchResult } from './result';
import { browserSummaryRows, renderBrowser } from './renderBrowser';
import { growthSection } from './renderGrowth';
import { liveSection, liveSummaryRows } from './renderLive';
import {
  boardSection,
  httpSummaryRows,
  ingestSection,
  problemLines,
} from './renderHttp';

/*
 * The report as printed: the run and its data, the planner, the HTTP phases (renderHttp.ts and,
 * for live boards, renderLive.ts), the Chromium phase (renderBrowser.ts), how each figure grows
 * with the size (renderGrowth.ts) and the summary table.
 */

/** The head: the run, the tenants, the freeze windows and the catalog's ingest. */
function dataLines(result: BenchResult): string[] {
  const { data } = result;
  return [
    `Tenant rollouts benchmark at ${result.sizes.map(n).join(', ')} tenants x ${
      result.plan[0]?.waves.length ?? 0
    } waves`,
    ...runHeaderLines(result),
    `Tenants (seed ${data.seed}): ${n(data.tenants)} (${Object.entries(
      data.byRegion,
    )
      .map(([region, count]) => `${region} ${n(count)}`)
      .join(', ')}; ${n(data.dedicated)} dedicated, ${n(
      data.critical,
    )} critical); the first N depend on the released service of size N (${result.sizes
      .map(size => `erp-platform-${size}`)
      .join(', ')}); ${n(data.catalogEntities)} catalog entities`,
    `Freeze windows: ${data.freezeWindows
      .map(w => `${w.id} (${w.kind}, ${w.scope})`)
      .join('; ')}`,
    `Catalog ingest (the real catalog backend processing and stitching the ${n(
      result.catalog.entities,
    )} entities, once for every size; not a target): ${formatMs(
      result.catalog.ingestMs,
    )}`,
  ];
}

/** The planner's section: its latency and the waves it planned, per size. */
function planSection(result: BenchResult): string[] {
  return result.plan.flatMap(plan => [
    `== Plan: planRollout, ${n(plan.tenants)} tenants, ${
      plan.waves.length
    } waves (pure, ${plan.runs} runs) ==`,
    `p50 ${formatMs(plan.latency.p50)}  p95 ${formatMs(
      plan.latency.p95,
    )}  max ${formatMs(plan.latency.max)}   (no target)`,
    `waves: ${plan.waves
      .map(
        (w, i) =>
          `${i} ${w.name} ${n(w.tenants)}${
            w.reasons.remainder ? ` (${n(w.reasons.remainder)} remainder)` : ''
          }`,
      )
      .join(', ')}`,
  ]);
}

/** Every figure of the summary table, with the Chromium phase's or why it did not run. */
function summaryRows(result: BenchResult): SummaryRow[] {
  const browser: SummaryRow[] = result.browser
    ? browserSummaryRows(result.browser)
    : [
        [
          'Chromium: board painted p95',
          'not run',
          `< ${BROWSER_TARGETS.renderMs} ms`,
          `SKIPPED (${result.browserSkipped ?? 'WAYBILL_BENCH_BROWSER=off'})`,
        ],
      ];
  return [
    ...httpSummaryRows(result),
    ...liveSummaryRows(result.engines),
    ...browser,
  ];
}

/** The report as printed. */
export function render(result: BenchResult): string {
  return [
    ...dataLines(result),
    '',
    ...planSection(result),
    '',
    ...boardSection(result),
    '',
    ...liveSection(result),
    '',
    ...ingestSection(result.engines),
    ...problemLines(result),
    ...(result.browser ? ['', ...renderBrowser(result.browser)] : []),
    '',
    ...growthSection(result),
    '',
    ...summaryTable(summaryRows(result)),
  ].join('\n');
}
