import {
  LatencySummary,
  RunDescription,
  cell,
  formatMs,
  formatRatio,
  runHeaderLines,
  verdict,
} from '@waybill/bench-utils';
import { BoardAnswer, BoardSetup, HttpProblem, IngestCase } from './api';
import { EngineName } from './backend';
import { BROWSER_TARGETS, BoardLoadSummary, BrowserFigures } from './browser';
import { BreakdownRow } from './breakdown';
import { WaveSize } from './plan';

/** The targets: the board query's p95. Planning and ingest are reported without one. */
export const TARGETS = {
  boardP95Ms: 100,
};

/** What one engine (the rollouts plugin's database) measured. */
export interface EngineResult {
  engine: EngineName;
  /** e.g. `SQLite 3.x (better-sqlite3)`, `PostgreSQL 15.20`. */
  label: string;
  location: string;
  setup: Omit<BoardSetup, 'waves' | 'flipTenant'>;
  board: {
    /** Repeated reads of an unchanged rollout. */
    latency: LatencySummary;
    /** Reads each right after a status change: the failure analysis is computed again. */
    afterChange: LatencySummary;
    bytes: number;
    answer: BoardAnswer;
  };
  ingest: IngestCase[];
  /** HTTP answers that were not 2xx, with the total requests made. */
  problems: HttpProblem[];
  requests: number;
}

/** Everything one run measured. */
export interface BenchResult extends RunDescription {
  data: {
    seed: number;
    tenants: number;
    catalogEntities: number;
    byRegion: Record<string, number>;
    dedicated: number;
    critical: number;
    freezeWindows: Array<{ id: string; scope: string; kind: string }>;
  };
  /** The real catalog processing the entities; not a target. */
  catalog: { ingestMs: number };
  plan: { latency: LatencySummary; waves: WaveSize[]; runs: number };
  breakdown: BreakdownRow[];
  engines: EngineResult[];
  /** Engines not run, and why. */
  skipped: Partial<Record<EngineName, string>>;
  /** The Chromium phase: the rollout board page with 5,000 tenants in a real portal. */
  browser?: BrowserFigures;
  /** Why the Chromium phase did not run (`WAYBILL_BENCH_BROWSER=off`). */
  browserSkipped?: string;
}

/** What a Chromium-only run (`WAYBILL_BENCH_BROWSER=only`) measured. */
export interface BrowserOnlyResult extends RunDescription {
  browser: BrowserFigures;
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const kb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;

function boardVerdict(latency: LatencySummary): string {
  const ok = latency.p95 < TARGETS.boardP95Ms;
  return `${verdict(ok)} (${formatRatio(
    ok ? TARGETS.boardP95Ms / latency.p95 : latency.p95 / TARGETS.boardP95Ms,
  )} ${ok ? 'under' : 'over'})`;
}

/** The report as printed. */
export function render(result: BenchResult): string {
  const lines: string[] = [];
  const { data } = result;
  lines.push(
    `Tenant rollouts benchmark at ${n(data.tenants)} tenants x ${
      result.plan.waves.length
    } waves`,
  );
  lines.push(...runHeaderLines(result));
  lines.push(
    `Tenants (seed ${data.seed}): ${n(data.tenants)} (${Object.entries(
      data.byRegion,
    )
      .map(([region, count]) => `${region} ${n(count)}`)
      .join(', ')}; ${n(data.dedicated)} dedicated, ${n(
      data.critical,
    )} critical), all depending on the released service; ${
      data.catalogEntities
    } catalog entities`,
  );
  lines.push(
    `Freeze windows: ${data.freezeWindows
      .map(w => `${w.id} (${w.kind}, ${w.scope})`)
      .join('; ')}`,
  );
  lines.push(
    `Catalog ingest (the real catalog backend processing and stitching the entities; not a target): ${formatMs(
      result.catalog.ingestMs,
    )}`,
  );

  lines.push('');
  lines.push(
    `== Plan: planRollout, ${n(data.tenants)} tenants, ${
      result.plan.waves.length
    } waves (pure, ${result.plan.runs} runs) ==`,
  );
  lines.push(
    `p50 ${formatMs(result.plan.latency.p50)}  p95 ${formatMs(
      result.plan.latency.p95,
    )}  max ${formatMs(result.plan.latency.max)}   (no target)`,
  );
  lines.push(
    `waves: ${result.plan.waves
      .map(
        (w, i) =>
          `${i} ${w.name} ${n(w.tenants)}${
            w.reasons.remainder ? ` (${n(w.reasons.remainder)} remainder)` : ''
          }`,
      )
      .join(', ')}`,
  );

  lines.push('');
  lines.push(
    `== Board query: GET /api/tenant-rollouts/rollouts/:id over HTTP, target p95 < ${TARGETS.boardP95Ms} ms ==`,
  );
  for (const e of result.engines) {
    const { latency, afterChange, bytes } = e.board;
    const line = (what: string, l: LatencySummary) =>
      lines.push(
        `${cell(`${e.engine}, ${what}`, 32)} n ${cell(
          String(l.count),
          3,
        )} p50 ${cell(formatMs(l.p50), 8, true)}  p95 ${cell(
          formatMs(l.p95),
          8,
          true,
        )}  max ${cell(formatMs(l.max), 8, true)}  body ${kb(
          bytes,
        )}  ${boardVerdict(l)}`,
      );
    line('unchanged', latency);
    line('after a status change', afterChange);
  }
  lines.push(
    `  unchanged: the same rollout read again and again (the plugin may answer its failure analysis from cache); after a status change: one status reported before each read, so the analysis is computed again`,
  );
  for (const e of result.engines) {
    lines.push(`  ${e.engine}: ${e.label}, the plugin's data in ${e.location}`);
  }
  const first = result.engines[0];
  if (first) {
    const a = first.board.answer;
    lines.push(
      `  the board: ${a.state} at wave ${a.currentWave}, ${n(
        a.tenants,
      )} tenants (${Object.entries(a.statuses)
        .map(([status, count]) => `${status} ${n(count)}`)
        .join(', ')}), ${n(a.frozen)} frozen; analysis: ${a.summary}`,
    );
    lines.push(
      `  getting there through the API: POST /rollouts ${formatMs(
        first.setup.createMs,
      )} (catalog read, plan, ${n(data.tenants)} rows); start + ${
        first.setup.actionMs.count - 1
      } advances p50 ${formatMs(first.setup.actionMs.p50)} each; ${n(
        first.setup.reported,
      )} statuses in ${first.setup.reportRequests} reports`,
    );
    for (const e of result.engines.slice(1)) {
      lines.push(
        `  ${e.engine}: POST /rollouts ${formatMs(
          e.setup.createMs,
        )}; actions p50 ${formatMs(e.setup.actionMs.p50)}; same answer: ${
          JSON.stringify(e.board.answer) === JSON.stringify(a) ? 'yes' : 'NO'
        }`,
      );
    }
  }
  lines.push(
    `Where the time goes: the board's pure computations on the same data, in process (not over HTTP)`,
  );
  for (const row of result.breakdown) {
    lines.push(
      `  ${cell(row.name, 64)} p50 ${cell(
        formatMs(row.latency.p50),
        9,
        true,
      )}  p95 ${cell(formatMs(row.latency.p95), 9, true)}  ${row.answer}`,
    );
  }

  lines.push('');
  lines.push(
    `== Status ingest: POST /api/tenant-rollouts/rollouts/:id/tenants/status (statuses per second; no target) ==`,
  );
  const engines = result.engines;
  lines.push(
    `${cell('case', 28)}${engines
      .map(
        e =>
          `${cell(`${e.engine} statuses/s`, 20, true)}${cell(
            'req p50',
            10,
            true,
          )}${cell('p95', 10, true)}`,
      )
      .join('')}`,
  );
  for (const [i, c] of (engines[0]?.ingest ?? []).entries()) {
    lines.push(
      `${cell(c.name, 28)}${engines
        .map(e => {
          const x = e.ingest[i];
          return `${cell(n(x.perSecond), 20, true)}${cell(
            formatMs(x.latency.p50),
            10,
            true,
          )}${cell(formatMs(x.latency.p95), 10, true)}`;
        })
        .join('')}`,
    );
  }
  lines.push(
    `  one request at a time except the concurrent case; each case sends ${engines[0]?.ingest
      .map(c => `${c.requests}`)
      .join(' / ')} requests (${
      engines[0]?.engine ?? ''
    }); tenants as full refs, CDEvents and "by name" as bare names`,
  );

  for (const e of engines) {
    if (e.problems.length > 0) {
      lines.push(
        `NOTE ${e.engine}: ${e.problems.length} of ${
          e.requests
        } requests answered non-2xx: ${e.problems
          .slice(0, 3)
          .map(p => `${p.request} ${p.status} ${p.body.slice(0, 160)}`)
          .join(' | ')}`,
      );
    }
  }
  for (const [engine, why] of Object.entries(result.skipped)) {
    lines.push(`SKIPPED ${engine}: ${why}`);
  }

  if (result.browser) {
    lines.push('');
    lines.push(...renderBrowser(result.browser));
  }

  lines.push('');
  lines.push('== Summary ==');
  lines.push(
    `${cell('figure', 48)}${cell('value', 22, true)}  ${cell(
      'target',
      14,
    )}verdict`,
  );
  const row = (name: string, value: string, target: string, v: string) =>
    lines.push(
      `${cell(name, 48)}${cell(value, 22, true)}  ${cell(target, 14)}${v}`,
    );
  row('plan, planRollout p95', formatMs(result.plan.latency.p95), 'none', '-');
  for (const e of engines) {
    row(
      `board query p95, ${e.engine}`,
      formatMs(e.board.latency.p95),
      `< ${TARGETS.boardP95Ms} ms`,
      boardVerdict(e.board.latency),
    );
    row(
      `board query p95 after a status change, ${e.engine}`,
      formatMs(e.board.afterChange.p95),
      `< ${TARGETS.boardP95Ms} ms`,
      boardVerdict(e.board.afterChange),
    );
  }
  for (const e of engines) {
    for (const c of e.ingest) {
      row(`ingest ${c.name}, ${e.engine}`, `${n(c.perSecond)} /s`, 'none', '-');
    }
  }
  for (const [engine] of Object.entries(result.skipped)) {
    row(
      `board query p95, ${engine}`,
      'not run',
      `< ${TARGETS.boardP95Ms} ms`,
      'SKIPPED',
    );
  }
  if (result.browser) {
    for (const r of browserSummaryRows(result.browser)) row(...r);
  } else {
    row(
      'Chromium: board painted p95',
      'not run',
      `< ${BROWSER_TARGETS.renderMs} ms`,
      `SKIPPED (${result.browserSkipped ?? 'WAYBILL_BENCH_BROWSER=off'})`,
    );
  }
  return lines.join('\n');
}

/** PASS or FAIL against a bound, with how far under or over. */
function against(value: number, bound: number): string {
  const ok = value < bound;
  return `${verdict(ok)} (${formatRatio(ok ? bound / value : value / bound)} ${
    ok ? 'under' : 'over'
  })`;
}

/** The Chromium phase's rows of the summary table: name, value, target, verdict. */
function browserSummaryRows(
  b: BrowserFigures,
): Array<[string, string, string, string]> {
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

/** The Chromium phase's section of the report. */
export function renderBrowser(b: BrowserFigures): string[] {
  const lines: string[] = [];
  const a = b.rollout.answer;
  lines.push(
    `== Chromium: the rollout board (/tenant-rollouts/rollouts/:id) with ${n(
      b.tenants,
    )} tenants in a real portal, ${b.runs} runs of each after a warm-up ==`,
  );
  lines.push(
    `Portal catalog ingest of the tenants (not a target): ${formatMs(
      b.ingestMs,
    )}; rollout #${
      b.rollout.id
    } through the portal's API: POST /rollouts ${formatMs(
      b.rollout.createMs,
    )}, start + advances p50 ${formatMs(b.rollout.actionP50Ms)}, ${n(
      b.rollout.reported,
    )} statuses; ${a.state} at wave ${a.currentWave}, ${n(a.frozen)} frozen`,
  );
  lines.push(
    ...loadLines(
      'board painted, full page load (from navigation start)',
      b.pageLoad,
      b.body.decodedBytes,
    ),
  );
  lines.push(
    ...loadLines(
      'board painted, in-app navigation (from the click in the list)',
      b.navigation,
      b.body.decodedBytes,
    ),
  );
  const interaction = (label: string, x: LatencySummary, longest: number) =>
    `${cell(label, 62)} p50 ${cell(formatMs(x.p50), 8, true)}  p95 ${cell(
      formatMs(x.p95),
      8,
      true,
    )}  max ${cell(formatMs(x.max), 8, true)}  reference < ${
      BROWSER_TARGETS.interactionMs
    } ms  ${against(
      x.p95,
      BROWSER_TARGETS.interactionMs,
    )}; longest block ${formatMs(longest)}`;
  lines.push(
    interaction(
      'region filter change, click on the option -> count painted',
      b.filter,
      b.filterLongestTaskMs,
    ),
  );
  lines.push(
    interaction(
      'heatmap click (region x standard) -> count painted',
      b.heatmap,
      b.heatmapLongestTaskMs,
    ),
  );
  const requests = b.interactions.reduce((s, x) => s + x.boardRequests, 0);
  lines.push(
    `  the interactions made ${requests} board requests (the filter lives in the URL; the page narrows the rows it holds)`,
  );
  lines.push(
    `  the board's answer: ${kb(b.body.decodedBytes)} decoded, ${kb(
      b.body.encodedBytes,
    )} on the wire; JSON.parse in the page p50 ${formatMs(
      b.body.parseInPage.p50,
    )}; the same GET from Node (no browser) p50 ${formatMs(
      b.body.getFromNode.p50,
    )} p95 ${formatMs(b.body.getFromNode.p95)}`,
  );
  lines.push(
    `  the page: data-tenants ${n(b.page.tenants)}, aria-rowcount ${n(
      b.page.rowCount,
    )} (wave headers and tenants), "${b.page.shown} tenants shown"; verdict "${
      b.page.verdict
    }"`,
  );
  return lines;
}

/** The report of a Chromium-only run. */
export function renderBrowserOnly(result: BrowserOnlyResult): string {
  const lines = [
    `Tenant rollouts benchmark, Chromium phase only (WAYBILL_BENCH_BROWSER=only)`,
    ...runHeaderLines(result),
    '',
    ...renderBrowser(result.browser),
    '',
    '== Summary ==',
    `${cell('figure', 48)}${cell('value', 22, true)}  ${cell(
      'target',
      14,
    )}verdict`,
  ];
  for (const [name, value, target, v] of browserSummaryRows(result.browser)) {
    lines.push(
      `${cell(name, 48)}${cell(value, 22, true)}  ${cell(target, 14)}${v}`,
    );
  }
  return lines.join('\n');
}
