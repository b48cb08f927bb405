import { LatencySummary, cell, formatMs } from '@waybill/bench-utils';
import { SummaryRow, against, kb, n } from './format';
import { BenchResult, EngineResult, TARGETS } from './result';

/*
 * The HTTP phases' sections of the report: the board query per engine with where its time goes,
 * status ingest per engine, the requests that did not answer 2xx, and their summary rows.
 */

const boardVerdict = (latency: LatencySummary) =>
  against(latency.p95, TARGETS.boardP95Ms);

/** One engine's two board rows: unchanged rollout, after a status change. */
function boardRows(e: EngineResult): string[] {
  const { latency, afterChange, bytes } = e.board;
  const line = (what: string, l: LatencySummary) =>
    `${cell(`${e.engine}, ${what}`, 32)} n ${cell(
      String(l.count),
      3,
    )} p50 ${cell(formatMs(l.p50), 8, true)}  p95 ${cell(
      formatMs(l.p95),
      8,
      true,
    )}  max ${cell(formatMs(l.max), 8, true)}  body ${kb(
      bytes,
    )}  ${boardVerdict(l)}`;
  return [
    line('unchanged', latency),
    line('after a status change', afterChange),
  ];
}

/** What the first engine's board held, how the setup got there, and whether the others agree. */
function boardState(result: BenchResult): string[] {
  const [first, ...others] = result.engines;
  if (!first) return [];
  const a = first.board.answer;
  return [
    `  the board: ${a.state} at wave ${a.currentWave}, ${n(
      a.tenants,
    )} tenants (${Object.entries(a.statuses)
      .map(([status, count]) => `${status} ${n(count)}`)
      .join(', ')}), ${n(a.frozen)} frozen; analysis: ${a.summary}`,
    `  getting there through the API: POST /rollouts ${formatMs(
      first.setup.createMs,
    )} (catalog read, plan, ${n(result.data.tenants)} rows); start + ${
      first.setup.actionMs.count - 1
    } advances p50 ${formatMs(first.setup.actionMs.p50)} each; ${n(
      first.setup.reported,
    )} statuses in ${
      first.setup.reportRequests
    } reports by the release's pipeline`,
    ...others.map(
      e =>
        `  ${e.engine}: POST /rollouts ${formatMs(
          e.setup.createMs,
        )}; actions p50 ${formatMs(e.setup.actionMs.p50)}; same answer: ${
          JSON.stringify(e.board.answer) === JSON.stringify(a) ? 'yes' : 'NO'
        }`,
    ),
  ];
}

/** The board query section, with the pure computations behind it. */
export function boardSection(result: BenchResult): string[] {
  return [
    `== Board query: GET /api/tenant-rollouts/rollouts/:id over HTTP, target p95 < ${TARGETS.boardP95Ms} ms ==`,
    ...result.engines.flatMap(boardRows),
    `  unchanged: the same rollout read again and again (the plugin may answer its failure analysis from cache); after a status change: one status reported before each read, so the analysis is computed again`,
    ...result.engines.map(
      e => `  ${e.engine}: ${e.label}, the plugin's data in ${e.location}`,
    ),
    ...boardState(result),
    `Where the time goes: the board's pure computations on the same data, in process (not over HTTP)`,
    ...result.breakdown.map(
      row =>
        `  ${cell(row.name, 64)} p50 ${cell(
          formatMs(row.latency.p50),
          9,
          true,
        )}  p95 ${cell(formatMs(row.latency.p95), 9, true)}  ${row.answer}`,
    ),
  ];
}

/** The status ingest section: one column group per engine, one row per case. */
export function ingestSection(engines: EngineResult[]): string[] {
  const lines = [
    `== Status ingest: POST /api/tenant-rollouts/rollouts/:id/tenants/status by the release's pipeline (statuses per second; no target) ==`,
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
  for (const [i, c] of (engines[0]?.ingest ?? []).entries()) {
    const columns = engines.map(e => {
      const x = e.ingest[i];
      return `${cell(n(x.perSecond), 20, true)}${cell(
        formatMs(x.latency.p50),
        10,
        true,
      )}${cell(formatMs(x.latency.p95), 10, true)}`;
    });
    lines.push(`${cell(c.name, 28)}${columns.join('')}`);
  }
  lines.push(
    `  one request at a time except the concurrent case; each case sends ${engines[0]?.ingest
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

/** The summary rows of the planner and the HTTP phases. */
export function httpSummaryRows(result: BenchResult): SummaryRow[] {
  const target = `< ${TARGETS.boardP95Ms} ms`;
  const rows: SummaryRow[] = [
    ['plan, planRollout p95', formatMs(result.plan.latency.p95), 'none', '-'],
  ];
  for (const e of result.engines) {
    const { latency, afterChange } = e.board;
    rows.push(
      [
        `board query p95, ${e.engine}`,
        formatMs(latency.p95),
        target,
        boardVerdict(latency),
      ],
      [
        `board query p95 after a status change, ${e.engine}`,
        formatMs(afterChange.p95),
        target,
        boardVerdict(afterChange),
      ],
    );
  }
  for (const e of result.engines) {
    for (const c of e.ingest) {
      rows.push([
        `ingest ${c.name}, ${e.engine}`,
        `${n(c.perSecond)} /s`,
        'none',
        '-',
      ]);
    }
  }
  for (const engine of Object.keys(result.skipped)) {
    rows.push([`board query p95, ${engine}`, 'not run', target, 'SKIPPED']);
  }
  return rows;
}
