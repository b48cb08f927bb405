import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LatencySummary, summarize } from '@waybill/bench-utils';
import { TenantStatus } from '@waybill/plugin-tenant-rollouts-common';
import { BoardSetup } from './boardSetup';
import { LiveBoardClient, readBoard } from './liveClient';
import { RolloutsApi } from './rolloutsApi';
import { WireBytes, WireProxy, wireDelta, wireTotal } from './wireProxy';

/*
 * Live boards (issue 16): what an open board of a running rollout costs while nothing changes,
 * today's way (a 15 s poll answering the whole board), with the polling fallback now (the same
 * poll with If-None-Match, answered 304) and with signals (one WebSocket, no request); and how
 * long a status report takes to show on a board that listens to its signal.
 */

/** The board page's poll interval without signals (useRollout.ts, POLL_MS). */
export const POLL_MS = 15_000;
const POLLS_PER_MINUTE = 60_000 / POLL_MS;

/** What a run of the live-board figures does (settings.ts, from the environment). */
export interface LiveSettings {
  /** How long the idle board listens to its signals, in seconds (60: a real minute). */
  idleSeconds: number;
  /** Status reports timed until the board shows them, after one untimed. */
  latencySamples: number;
  /** How long one report may take to show before the run fails. */
  timeoutMs: number;
}

/** One minute of polls: the requests made back to back, counted as 4 at one every 15 s. */
export interface PollBytes {
  /** The statuses answered, one per request. */
  statuses: number[];
  /** One request and its answer, on the wire (the mean of the requests). */
  perRequest: WireBytes;
  /** One request every 15 s for a minute. */
  perMinute: WireBytes;
}

/** Today's poll: the whole board each time. */
export interface FullPollBytes extends PollBytes {
  /** The 200's body, decoded (the test backend does not compress). */
  body: number;
  /** The same body as a portal's compression middleware would send it (computed, not sent). */
  compressed: { br: number; gzip: number };
}

/** An idle board on signals: its WebSocket over a window with no change. */
export interface SignalBytes {
  windowSeconds: number;
  /** Opening: the board's first read, the WebSocket upgrade and the subscribe message. */
  connect: WireBytes;
  /** Over the window, and scaled to a minute. */
  idle: WireBytes;
  perMinute: WireBytes;
  /** What came and went over the window: signals and board reads (0 and 0 when idle). */
  signals: number;
  reads: number;
}

/** From a status report sent to the board showing it. */
export interface LiveLatency {
  /** Report sent -> a board read holding the new status parsed. */
  shown: LatencySummary;
  /** Report sent -> its signal received on the WebSocket. */
  signal: LatencySummary;
  /** Report sent -> its answer (the pipeline's side). */
  reported: LatencySummary;
  /** Signal received -> the board read again and parsed. */
  read: LatencySummary;
  /** Reads that did not yet hold the new status, and signals beyond one per report. */
  staleReads: number;
  extraSignals: number;
  /** Attempts it took to open the WebSocket (the first upgrade on a backend is answered 404). */
  connectAttempts: number;
}

/** How many times fewer bytes a minute than today's poll, both ways counted. */
export interface LiveRatios {
  /** Today's poll, as measured: the whole board, uncompressed (the 7.8 MB/min). */
  today: number;
  polling: number;
  signals: number;
  /**
   * Today's poll had the board been compressed as a portal sends it (br, computed): the
   * measured requests and answer headers with the compressed body.
   */
  todayCompressed: number;
  pollingVsCompressed: number;
  signalsVsCompressed: number;
}

/** The live-board figures on one engine. */
export interface LiveFigures {
  before: FullPollBytes;
  polling: PollBytes;
  signals: SignalBytes;
  latency: LiveLatency;
  /** Bytes a minute (both ways) of today's poll, and how many times fewer the others move. */
  ratios: LiveRatios;
}

/** The ratios of {@link LiveFigures}, from its bytes. */
export function liveRatios(figures: Omit<LiveFigures, 'ratios'>): LiveRatios {
  const { before, polling, signals } = figures;
  const total = wireTotal;
  const today = total(before.perMinute);
  const todayCompressed =
    today - POLLS_PER_MINUTE * (before.body - before.compressed.br);
  return {
    today,
    polling: today / total(polling.perMinute),
    signals: today / total(signals.perMinute),
    todayCompressed,
    pollingVsCompressed: todayCompressed / total(polling.perMinute),
    signalsVsCompressed: todayCompressed / total(signals.perMinute),
  };
}

/** A minute of polls through `proxy`: 4 reads, with `If-None-Match: etag` when given. */
async function pollMinute(
  proxy: WireProxy,
  options: { id: number; authorization: string; etag?: string },
): Promise<PollBytes & { text: string }> {
  const statuses: number[] = [];
  const start = proxy.bytes();
  let text = '';
  for (let i = 0; i < POLLS_PER_MINUTE; i++) {
    const res = await readBoard(proxy.baseUrl, options.id, options);
    text = res.text;
    statuses.push(res.status);
  }
  const perMinute = wireDelta(start, proxy.bytes());
  return {
    statuses,
    perMinute,
    perRequest: {
      sent: perMinute.sent / POLLS_PER_MINUTE,
      received: perMinute.received / POLLS_PER_MINUTE,
    },
    text,
  };
}

/** Today's poll and the polling fallback's, through a counting relay. */
async function measurePolls(
  api: RolloutsApi,
  id: number,
  proxy: WireProxy,
): Promise<Pick<LiveFigures, 'before' | 'polling'>> {
  const authorization = api.credentials.user;
  const { text, ...before } = await pollMinute(proxy, { id, authorization });
  const etag = (await api.board(id)).etag;
  if (!etag) throw new Error(`GET /rollouts/${id} answered no ETag`);
  const { text: _empty, ...polling } = await pollMinute(proxy, {
    id,
    authorization,
    etag,
  });
  return {
    before: {
      ...before,
      body: Buffer.byteLength(text),
      compressed: {
        // compression's defaults, which the portal's root HTTP router uses: brotli quality 4
        // (chosen for a browser's `gzip, deflate, br, zstd`), gzip at zlib's default level.
        br: brotliCompressSync(text, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
        }).length,
        gzip: gzipSync(text).length,
      },
    },
    polling,
  };
}

/** An idle board on signals, through a counting relay, over `seconds`. */
async function measureSignals(
  api: RolloutsApi,
  id: number,
  proxy: WireProxy,
  seconds: number,
): Promise<SignalBytes> {
  const start = proxy.bytes();
  const client = await LiveBoardClient.open({
    baseUrl: proxy.baseUrl,
    rolloutId: id,
    authorization: api.credentials.user,
  });
  try {
    await sleep(1000);
    await client.settled();
    const opened = proxy.bytes();
    const { signals, reads } = client;
    await sleep(seconds * 1000);
    const idle = wireDelta(opened, proxy.bytes());
    return {
      windowSeconds: seconds,
      connect: wireDelta(start, opened),
      idle,
      perMinute: {
        sent: (idle.sent * 60) / seconds,
        received: (idle.received * 60) / seconds,
      },
      signals: client.signals - signals,
      reads: client.reads - reads,
    };
  } finally {
    client.close();
  }
}

/** The status of `ref` on a board answer: on its page of tenants, or in its waves unpaged. */
function statusOn(board: any, ref: string): string | undefined {
  const lists: Array<Array<{ ref: string; status: string }>> = board?.tenants
    ?.items
    ? [board.tenants.items]
    : (board?.waves ?? []).map((w: any) => w.tenants ?? []);
  for (const tenants of lists) {
    const tenant = tenants.find(t => t.ref === ref);
    if (tenant) return tenant.status;
  }
  return undefined;
}

/**
 * Status reports by the release's pipeline, each flipping one healthy tenant of the current
 * wave to `deploying` and back, timed until the live board shows it: one untimed, then
 * `samples` timed, one at a time. Ends with the tenant healthy, as it started.
 */
async function measureLatency(
  api: RolloutsApi,
  setup: Pick<BoardSetup, 'id' | 'flipTenant'>,
  settings: LiveSettings,
  query: string,
): Promise<LiveLatency> {
  const client = await LiveBoardClient.open({
    baseUrl: api.baseUrl,
    rolloutId: setup.id,
    authorization: api.credentials.user,
    query,
  });
  const times = { shown: [], signal: [], reported: [], read: [] } as Record<
    'shown' | 'signal' | 'reported' | 'read',
    number[]
  >;
  let staleReads = 0;
  let extraSignals = 0;
  try {
    const flips = settings.latencySamples + 1;
    for (let i = 0; i < flips + (flips % 2); i++) {
      const status: TenantStatus = i % 2 === 0 ? 'deploying' : 'healthy';
      await client.settled();
      const { reads, signals } = client;
      const sent = performance.now();
      const shown = client.waitFor(
        board => statusOn(board, setup.flipTenant) === status,
        settings.timeoutMs,
      );
      await api.report(setup.id, [{ tenant: setup.flipTenant, status }]);
      const reported = performance.now();
      const at = await shown;
      if (i === 0 || i > settings.latencySamples) continue;
      times.shown.push(at - sent);
      times.signal.push(client.lastSignalAt - sent);
      times.reported.push(reported - sent);
      times.read.push(at - client.lastSignalAt);
      staleReads += client.reads - reads - 1;
      extraSignals += client.signals - signals - 1;
    }
    await client.settled();
  } finally {
    client.close();
  }
  return {
    shown: summarize(times.shown),
    signal: summarize(times.signal),
    reported: summarize(times.reported),
    read: summarize(times.read),
    staleReads,
    extraSignals,
    connectAttempts: client.connectAttempts,
  };
}

/**
 * The live-board figures on the board rollout (running, at its mixed state): the latency of
 * status reports first (its WebSocket is the first on the backend, see LiveBoardClient.open),
 * then the two polls' bytes and the idle board on signals over `idleSeconds`, through a
 * counting relay. Ends with the rollout as it found it.
 */
export async function measureLiveBoard(
  api: RolloutsApi,
  setup: Pick<BoardSetup, 'id' | 'flipTenant'>,
  settings: LiveSettings,
  progress: (line: string) => void,
  /** The query of the page the timed board shows, one holding the flipped tenant. */
  query = '',
): Promise<LiveFigures> {
  const latency = await measureLatency(api, setup, settings, query);
  const proxy = await WireProxy.start(api.baseUrl);
  try {
    const polls = await measurePolls(api, setup.id, proxy);
    progress(
      `an idle live board on signals for ${settings.idleSeconds} s (nothing changes)`,
    );
    const signals = await measureSignals(
      api,
      setup.id,
      proxy,
      settings.idleSeconds,
    );
    const figures = { ...polls, signals, latency };
    return { ...figures, ratios: liveRatios(figures) };
  } finally {
    await proxy.close();
  }
}
