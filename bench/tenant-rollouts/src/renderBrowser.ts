import {
  LatencySummary,
  cell,
  formatMs,
  runHeaderLines,
} from '@waybill/bench-utils';
import { BROWSER_TARGETS, BoardLoadSummary, BrowserFigures } from './browser';
import { SummaryRow, against, kb, n, summaryTable } from './format';
import { BrowserOnlyResult } from './result';

/*
 * The Chromium phase's section of the report, its summary rows, and the report of a
 * Chromium-only run (`WAYBILL_BENCH_BROWSER=only`).
 */

/** The Chromium phase's rows of the summary table: name, value, target, verdict. */
export function browserSummaryRows(b: BrowserFigures): SummaryRow[] {
  const renderTarget = `< ${BROWSER_TARGETS.renderMs} ms`;
  const reference = `< ${BROWSER_TARGETS.interactionMs} ms ref.`;
  return [
    [
      'Chromium: board painted p95, full page load',
      formatMs(b.pageLoad.painted.p95),
      renderTarget,
      against(b.pageLoad.painted.p95, BROWSER_TARGETS.renderMs),
    ],
    [
      'Chromium: board painted p95, in-app navigation',
      formatMs(b.navigation.painted.p95),
      renderTarget,
      against(b.navigation.painted.p95, BROWSER_TARGETS.renderMs),
    ],
    [
      'Chromium: longest main-thread block, board loads',
      formatMs(Math.max(b.pageLoad.longestTaskMs, b.navigation.longestTaskMs)),
      'none',
      '-',
    ],
    [
      'Chromium: region filter change p95',
      formatMs(b.filter.p95),
      reference,
      against(b.filter.p95, BROWSER_TARGETS.interactionMs),
    ],
    [
      'Chromium: heatmap click p95',
      formatMs(b.heatmap.p95),
      reference,
      against(b.heatmap.p95, BROWSER_TARGETS.interactionMs),
    ],
  ];
}

function loadLines(name: string, l: BoardLoadSummary, body: number): string[] {
  const stat = (label: string, x: LatencySummary) =>
    `  ${cell(label, 62)} p50 ${cell(formatMs(x.p50), 8, true)}  p95 ${cell(
      formatMs(x.p95),
      8,
      true,
    )}  max ${cell(formatMs(x.max), 8, true)}`;
  return [
    `${stat(name, l.painted).slice(2)}  target < ${
      BROWSER_TARGETS.renderMs
    } ms  ${against(l.painted.p95, BROWSER_TARGETS.renderMs)}`,
    stat('  the board request sent', l.requestStart),
    stat('  request sent -> first byte (the backend)', l.waiting),
    stat(`  first byte -> last byte (${kb(body)} decoded)`, l.download),
    stat(
      '  last byte -> painted (JSON.parse, React, layout, paint)',
      l.afterResponse,
    ),
    `    longest main-thread block ${formatMs(
      l.longestTaskMs,
    )} (per run: ${l.longestTaskPerRun
      .map(t => Math.round(t))
      .join(', ')}); after the response ${formatMs(
      l.longestTaskAfterResponseMs,
    )}; ${l.longTasksPerRun.toFixed(1)} long tasks (> 50 ms) per load`,
  ];
}

/** An interaction's row: the time to the count painted, against the reference. */
function interactionLine(
  label: string,
  x: LatencySummary,
  longest: number,
): string {
  return `${cell(label, 62)} p50 ${cell(formatMs(x.p50), 8, true)}  p95 ${cell(
    formatMs(x.p95),
    8,
    true,
  )}  max ${cell(formatMs(x.max), 8, true)}  reference < ${
    BROWSER_TARGETS.interactionMs
  } ms  ${against(
    x.p95,
    BROWSER_TARGETS.interactionMs,
  )}; longest block ${formatMs(longest)}`;
}

/** What the interactions requested, the board's answer and what the page showed. */
function pageLines(b: BrowserFigures): string[] {
  const requests = b.interactions.reduce((s, x) => s + x.boardRequests, 0);
  return [
    `  the interactions made ${requests} board requests in ${b.interactions.length} (the filter lives in the URL; a paged board asks the backend for the filtered page)`,
    `  the board's answer: ${kb(b.body.decodedBytes)} decoded, ${kb(
      b.body.encodedBytes,
    )} on the wire; JSON.parse in the page p50 ${formatMs(
      b.body.parseInPage.p50,
    )}; the same GET from Node (no browser) p50 ${formatMs(
      b.body.getFromNode.p50,
    )} p95 ${formatMs(b.body.getFromNode.p95)}`,
    `  the page: data-tenants ${n(b.page.tenants)}, aria-rowcount ${n(
      b.page.rowCount,
    )} (wave headers and the page's tenants), ${n(
      b.page.shown,
    )} tenants matching; verdict "${b.page.verdict}"`,
  ];
}

/** The Chromium phase's section of the report. */
export function renderBrowser(b: BrowserFigures): string[] {
  const a = b.rollout.answer;
  return [
    `== Chromium: the rollout board (/tenant-rollouts/rollouts/:id) with ${n(
      b.tenants,
    )} tenants in a real portal, ${b.runs} runs of each after a warm-up ==`,
    `Portal catalog ingest of the tenants (not a target): ${formatMs(
      b.ingestMs,
    )}; rollout #${
      b.rollout.id
    } through the portal's API: POST /rollouts ${formatMs(
      b.rollout.createMs,
    )}, start + advances p50 ${formatMs(b.rollout.actionP50Ms)}, ${n(
      b.rollout.reported,
    )} statuses; ${a.state} at wave ${a.currentWave}, ${n(a.frozen)} frozen`,
    ...loadLines(
      'board painted, full page load (from navigation start)',
      b.pageLoad,
      b.body.decodedBytes,
    ),
    ...loadLines(
      'board painted, in-app navigation (from the click in the list)',
      b.navigation,
      b.body.decodedBytes,
    ),
    interactionLine(
      'region filter change, click on the option -> count painted',
      b.filter,
      b.filterLongestTaskMs,
    ),
    interactionLine(
      'heatmap click (region x standard) -> count painted',
      b.heatmap,
      b.heatmapLongestTaskMs,
    ),
    ...pageLines(b),
  ];
}

/** The report of a Chromium-only run. */
export function renderBrowserOnly(result: BrowserOnlyResult): string {
  return [
    `Tenant rollouts benchmark, Chromium phase only (WAYBILL_BENCH_BROWSER=only)`,
    ...runHeaderLines(result),
    '',
    ...renderBrowser(result.browser),
    '',
    ...summaryTable(browserSummaryRows(result.browser)),
  ].join('\n');
}
