import { LatencySummary, cell, formatMs } from '@waybill/bench-utils';
import { SummaryRow, against, kb, n } from './format';
import { BenchResult, EngineResult, SizeResult, TARGETS } from './result';

/*
 * The HTTP phases' sections of the report: the board query per engine and size with where its
 * time goes, status ingest (every tenant at each size, the cases at the first), the requests that
 * did not answer 2xx, and their summary rows.
 */

const boardVerdict = (latency: LatencySummary) =>
  against(latency.p95, TARGETS.boardP95Ms);

const latencyCells = (l: LatencySummary) =>
  `n ${cell(String(l.count), 3)} p50 ${cell(
    formatMs(l.p50),
    8,
    true,
  )}  p95 ${cell(formatMs(l.p95), 8, true)}  max ${cell(
    formatMs(l.max),
    8,
    true,
  )}`;

/** One engine's board lines at one size: each read, then the first after a status change. */
function boardLines(e: EngineResult, s: SizeResult): string[] {
  const at = `${e.engine} ${n(s.tenants)}`;
  const lines = s.board.reads.map(
    r =>
      `${cell(`${at}, ${r.name}`, 44)} ${latencyCells(r.latency)}  body ${cell(
        kb(r.bytes),
        9,
        true,
      )}  ${cell(
        `${n(r.items)}/${n(r.total)}`,
        13,
        true,
      )}  load ${r.load.toFixed(2)}  ${boardVerdict(r.latency)}`,
  );
  const after = s.board.afterChange;
  lines.push(
    `${cell(
      `${at}, ${s.board.reads[0]?.name ?? ''} after a status change`,
      44,
    )} ${latencyCells(after)}  ${cell('', 30)}load ${after.load.toFixed(
      2,
    )}  ${boardVerdict(after)}`,
  );
  return lines;
}

/** What the board held at each size on the first engine, and whether the others agree. */
function boardState(result: BenchResult): string[] {
  const [first, ...others] = result.engines;
  if (!first) return [];
  return first.sizes.flatMap((s, i) => {
    const a = s.board.answer;
    const statuses = Object.entries(a.statuses)
      .map(([status, count]) => `${status} ${n(count)}`)
      .join(', ');
    return [
      `  at ${n(s.tenants)}: ${a.state} at wave ${a.currentWave}, ${n(
        a.tenants,
      )} tenants${statuses ? ` (${statuses})` : ''}, ${n(
        a.frozen,
      )} frozen; analysis: ${a.summary}; same answer on ${
        others.map(o => o.engine).join(', ') || 'no other engine'
      }: ${
        others.every(
          o => JSON.stringify(o.sizes[i]?.board.answer) === JSON.stringify(a),
        )
          ? 'yes'
          : 'NO'
      }`,
    ];
  });
}

/** Creating the board rollout and acting on it, per engine and size. */
function setupLines(result: BenchResult): string[] {
  return result.engines.flatMap(e =>
    e.sizes.map(
      s =>
        `  ${cell(`${e.engine} ${n(s.tenants)}`, 16)} POST /rollouts ${cell(
          formatMs(s.setup.createMs),
          8,
          true,
        )} (second rollout ${formatMs(s.wholeIngest.createMs)}); start + ${
          s.setup.actionMs.count - 1
        } advances p50 ${formatMs(s.setup.actionMs.p50)} max ${formatMs(
          s.setup.actionMs.max,
        )}; ${n(s.setup.reported)} statuses in ${
          s.setup.reportRequests
        } reports`,
    ),
  );
}

/** The board query section, with the pure computations behind it. */
export function boardSection(result: BenchResult): string[] {
  const paged = result.engines.every(e => e.sizes.every(s => s.board.paged));
  return [
    `== Board query: GET /api/tenant-rollouts/rollouts/:id over HTTP, target p95 < ${
      TARGETS.boardP95Ms
    } ms at every size (${paged ? 'paged' : 'board unpaged'}) ==`,
    ...result.engines.flatMap(e => e.sizes.flatMap(s => boardLines(e, s))),
    paged
      ? `  paged: wave summaries and ${
          result.engines[0]?.sizes[0]?.board.reads[0]?.query ?? ''
        } (the first page), the status=failed filter, the last page; items/total: tenants in the answer / matching; after a status change: one status reported before each read, so the analysis is computed again`
      : `  board unpaged: the route answered every tenant (a page's query is not taken), so the whole board is read; items/total: tenants in the answer`,
    ...result.engines.map(
      e => `  ${e.engine}: ${e.label}, the plugin's data in ${e.location}`,
    ),
    ...boardState(result),
    `Creating a rollout (the catalog's tenants read, the plan, a row per tenant) and its actions, through the API:`,
    ...setupLines(result),
    `Where the time goes: the board's pure computations on the same data, in process (not over HTTP)`,
    ...result.breakdown.flatMap(b =>
      b.rows.map(
        row =>
          `  ${cell(`${n(b.tenants)}: ${row.name}`, 72)} p50 ${cell(
            formatMs(row.latency.p50),
            9,
            true,
          )}  p95 ${cell(formatMs(row.latency.p95), 9, true)}  ${row.answer}`,
      ),
    ),
  ];
}

/** Every tenant's status reported, per engine and size. */
function wholeIngestLines(engines: EngineResult[]): string[] {
  return engines.flatMap(e =>
    e.sizes.map(s => {
      const w = s.wholeIngest;
      return `  ${cell(`${e.engine} ${n(s.tenants)}`, 16)} ${n(
        w.statuses,
      )} statuses in ${w.requests / w.runsMs.length} requests: ${w.runsMs
        .map(formatMs)
        .join(', ')}  load ${w.load.toFixed(2)}  ${against(
        w.slowestMs,
        TARGETS.wholeIngestMs,
      )}`;
    }),
  );
}

/** The status ingest section: every tenant at each size, then the cases at the first size. */
export function ingestSection(engines: EngineResult[]): string[] {
  const firstSize = engines[0]?.sizes[0];
  const lines = [
    `== Status ingest: every tenant's status reported by the release's pipeline, ${
      firstSize?.wholeIngest.batch ?? ''
    } a request (the route's limit), target < ${
      TARGETS.wholeIngestMs
    } ms (the slowest of the runs) ==`,
    ...wholeIngestLines(engines),
    `== Status ingest cases at ${n(
      firstSize?.tenants ?? 0,
    )} tenants: POST /api/tenant-rollouts/rollouts/:id/tenants/status (statuses per second; no target) ==`,
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
  ];
  const cases = (e: EngineResult) => e.sizes[0]?.ingest ?? [];
  for (const [i, c] of (engines[0] ? cases(engines[0]) : []).entries()) {
    const columns = engines.map(e => {
      const x = cases(e)[i];
      return `${cell(n(x.perSecond), 20, true)}${cell(
        formatMs(x.latency.p50),
        10,
        true,
      )}${cell(formatMs(x.latency.p95), 10, true)}`;
    });
    lines.push(`${cell(c.name, 28)}${columns.join('')}`);
  }
  lines.push(
    `  one request at a time except the concurrent case; each case sends ${(engines[0]
      ? cases(engines[0])
      : []
    )
      .map(c => `${c.requests}`)
      .join(' / ')} requests (${
      engines[0]?.engine ?? ''
    }); tenants as full refs, CDEvents and "by name" as bare names`,
  );
  return lines;
}

/** The requests that did not answer 2xx, per engine, and the engines skipped. */
export function problemLines(result: BenchResult): string[] {
  return [
    ...result.engines
      .filter(e => e.problems.length > 0)
      .map(
        e =>
          `NOTE ${e.engine}: ${e.problems.length} of ${
            e.requests
          } requests answered non-2xx: ${e.problems
            .slice(0, 3)
            .map(p => `${p.request} ${p.status} ${p.body.slice(0, 160)}`)
            .join(' | ')}`,
      ),
    ...Object.entries(result.skipped).map(
      ([engine, why]) => `SKIPPED ${engine}: ${why}`,
    ),
  ];
}

/** The summary rows of one engine at one size: each board read, and every tenant reported. */
function sizeSummaryRows(e: EngineResult, s: SizeResult): SummaryRow[] {
  const target = `< ${TARGETS.boardP95Ms} ms`;
  const at = `${e.engine} ${n(s.tenants)}`;
  return [
    ...s.board.reads.map(
      (r): SummaryRow => [
        `board p95, ${r.name}, ${at}`,
        formatMs(r.latency.p95),
        target,
        boardVerdict(r.latency),
        r.load,
      ],
    ),
    [
      `board p95 after a status change, ${at}`,
      formatMs(s.board.afterChange.p95),
      target,
      boardVerdict(s.board.afterChange),
      s.board.afterChange.load,
    ],
    [
      `every tenant's status reported, slowest, ${at}`,
      formatMs(s.wholeIngest.slowestMs),
      `< ${TARGETS.wholeIngestMs} ms`,
      against(s.wholeIngest.slowestMs, TARGETS.wholeIngestMs),
      s.wholeIngest.load,
    ],
  ];
}

/** The summary rows of the HTTP phases, per engine and size. */
export function httpSummaryRows(result: BenchResult): SummaryRow[] {
  const rows: SummaryRow[] = result.engines.flatMap(e =>
    e.sizes.flatMap(s => sizeSummaryRows(e, s)),
  );
  for (const engine of Object.keys(result.skipped)) {
    rows.push([
      `board query p95, ${engine}`,
      'not run',
      `< ${TARGETS.boardP95Ms} ms`,
      'SKIPPED',
    ]);
  }
  return rows;
}
