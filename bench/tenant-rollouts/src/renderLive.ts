import { LatencySummary, cell, formatMs, verdict } from '@waybill/bench-utils';
import { SummaryRow, against, n, size } from './format';
import { LiveFigures } from './liveBoard';
import { BenchResult, EngineResult, TARGETS } from './result';
import { WireBytes, wireTotal } from './wireProxy';

/*
 * The live-board section of the report (liveBoard.ts): per engine, the bytes a minute of an idle
 * board polled every 15 s (the board's answer without a query: a paged board's first page), with the polling fallback (304s) and on signals,
 * and from a status report to the board showing it; and their summary rows.
 */

/** `PASS (5,100 x fewer)`: PASS when at least the target's ratio. */
function fewer(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'PASS (no bytes at all)';
  return `${verdict(ratio >= TARGETS.liveBytesRatio)} (${n(ratio)} x fewer)`;
}

const bothWays = (bytes: WireBytes) =>
  `${size(bytes.sent)} sent + ${size(bytes.received)} received`;

/** The three ways of keeping an idle board, one line each, for one engine. */
function bytesLines(engine: string, live: LiveFigures): string[] {
  const { before, polling, signals, ratios } = live;
  const line = (what: string, perMinute: WireBytes, rest: string) =>
    `${cell(`${engine}, ${what}`, 42)}${cell(
      size(wireTotal(perMinute)),
      10,
      true,
    )}/min  ${rest}`;
  const statuses = (s: number[]) =>
    [...new Set(s)].map(status => `${s.length} x ${status}`).join(', ');
  return [
    line(
      "15 s poll: 4 x the board's answer",
      before.perMinute,
      `(${statuses(before.statuses)}; a request ${size(
        before.perRequest.sent,
      )}, an answer ${size(
        before.perRequest.received,
      )} of which the body ${size(before.body)})`,
    ),
    line(
      'polling fallback: 4 x If-None-Match',
      polling.perMinute,
      `${fewer(ratios.polling)}  (${statuses(
        polling.statuses,
      )}; a request ${size(polling.perRequest.sent)}, an answer ${size(
        polling.perRequest.received,
      )})`,
    ),
    line(
      'signals: one WebSocket, no request',
      signals.perMinute,
      `${fewer(ratios.signals)}  (${bothWays(signals.idle)} in ${
        signals.windowSeconds
      } s${signals.windowSeconds === 60 ? '' : ', scaled to a minute'}; ${n(
        signals.signals,
      )} signals, ${n(signals.reads)} board reads; opening it: ${size(
        wireTotal(signals.connect),
      )}, the board's first read, the upgrade and the subscribe)`,
    ),
    `  ${engine}: had the board been compressed as a portal sends it (br ${size(
      before.compressed.br,
    )}, gzip ${size(before.compressed.gzip)}; computed), today's poll ${size(
      ratios.todayCompressed,
    )}/min: the polling fallback ${n(
      ratios.pollingVsCompressed,
    )} x fewer, signals ${
      Number.isFinite(ratios.signalsVsCompressed)
        ? `${n(ratios.signalsVsCompressed)} x fewer`
        : 'no bytes at all'
    }`,
  ];
}

/** From a status report to the board showing it, for one engine. */
function latencyLines(engine: string, live: LiveFigures): string[] {
  const { latency } = live;
  const l = latency.shown;
  const p50 = (s: LatencySummary) => formatMs(s.p50);
  return [
    `${cell(`${engine}, report -> board shows it`, 42)}n ${cell(
      String(l.count),
      3,
    )} p50 ${cell(formatMs(l.p50), 8, true)}  p95 ${cell(
      formatMs(l.p95),
      8,
      true,
    )}  max ${cell(formatMs(l.max), 8, true)}  ${against(
      l.p95,
      TARGETS.liveShownP95Ms,
    )}`,
    `  ${engine}: p50 the report answered ${p50(
      latency.reported,
    )}, its signal received ${p50(latency.signal)}, then the board read ${p50(
      latency.read,
    )}; ${n(latency.staleReads)} reads without the change, ${n(
      latency.extraSignals,
    )} extra signals; the WebSocket opened at attempt ${
      latency.connectAttempts
    }`,
  ];
}

/** The live-board section: bytes of an idle board, then latency, per engine. */
export function liveSection(result: BenchResult): string[] {
  const engines = liveOf(result.engines);
  if (engines.length === 0) return [];
  const { windowSeconds } = engines[0].live.signals;
  return [
    `== Live boards at ${n(
      engines[0].tenants,
    )} tenants: an idle running board, bytes a minute on the wire (request + response), target >= ${
      TARGETS.liveBytesRatio
    } x fewer than today's poll ==`,
    ...engines.flatMap(e => bytesLines(e.engine, e.live)),
    `  each poll's 4 requests are made back to back and counted as a minute's (one every 15 s); the WebSocket idles ${
      windowSeconds === 60 ? 'a real minute' : `${windowSeconds} s`
    }; bytes counted by a TCP relay in front of the test backend, which neither compresses nor adds a portal's security headers; the requests are the benchmark's own (a mock token, no browser headers)`,
    `== Live boards: a status report by the pipeline until a board listening to its signal shows it, target p95 < ${TARGETS.liveShownP95Ms} ms ==`,
    ...engines.flatMap(e => latencyLines(e.engine, e.live)),
  ];
}

/** The engines' live boards: measured at the first size only. */
function liveOf(
  engines: EngineResult[],
): Array<{ engine: string; tenants: number; live: LiveFigures }> {
  return engines.flatMap(e =>
    e.sizes
      .filter(s => s.live)
      .map(s => ({ engine: e.engine, tenants: s.tenants, live: s.live! })),
  );
}

/** The live-board summary rows, per engine. */
export function liveSummaryRows(all: EngineResult[]): SummaryRow[] {
  const ratioTarget = `>= ${TARGETS.liveBytesRatio} x fewer`;
  return liveOf(all)
    .map(e => ({ ...e, engine: `${e.engine} ${n(e.tenants)}` }))
    .flatMap(({ engine, live }): SummaryRow[] => [
      [
        `live board bytes/min, today's poll, ${engine}`,
        size(live.ratios.today),
        'none',
        '-',
      ],
      [
        `live board bytes/min, polling fallback, ${engine}`,
        size(wireTotal(live.polling.perMinute)),
        ratioTarget,
        fewer(live.ratios.polling),
      ],
      [
        `live board bytes/min, signals, ${engine}`,
        size(wireTotal(live.signals.perMinute)),
        ratioTarget,
        fewer(live.ratios.signals),
      ],
      [
        `live board, report shown p95, ${engine}`,
        formatMs(live.latency.shown.p95),
        `< ${TARGETS.liveShownP95Ms} ms`,
        against(live.latency.shown.p95, TARGETS.liveShownP95Ms),
      ],
    ]);
}
