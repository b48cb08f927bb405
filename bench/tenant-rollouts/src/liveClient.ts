import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { mockCredentials } from '@backstage/backend-test-utils';
import { rolloutChannel } from '@waybill/plugin-tenant-rollouts-common';

/*
 * A live rollout board as the portal's board page keeps it (useRollout.ts of
 * @waybill/plugin-tenant-rollouts, on @backstage/plugin-signals' SignalClient), without a browser:
 * one WebSocket to the signals backend at `/api/signals`, authenticated as the browser does it
 * (the user's Backstage token as the WebSocket subprotocol, `Sec-WebSocket-Protocol`), subscribed
 * to the rollout's channel with `{"action":"subscribe","channel":...}`; on each signal the board
 * is read again (`GET /rollouts/:id` with `If-None-Match`, as the browser's HTTP cache sends it),
 * coalesced as the page coalesces them (a signal during a read costs one more read, not one each).
 */

/**
 * The user token the WebSocket carries. A subprotocol must be an HTTP token (no `:`, `{`, `"`),
 * so of the test backend's mock tokens only the bare one fits: `mock-user-token`, a user
 * (`user:default/mock`); the portal's are JWTs. Rollout signals are broadcast, so who the user
 * is does not change what reaches it.
 */
const SOCKET_TOKEN = mockCredentials.user.token();

/** Attempts at opening the WebSocket before giving up (see {@link LiveBoardClient.open}). */
const CONNECT_ATTEMPTS = 5;
/** How long an attempt may take: SignalClient's DEFAULT_CONNECT_TIMEOUT_MS. */
const CONNECT_TIMEOUT_MS = 1000;

/** A board read the client made, and when its answer was parsed; or why it failed. */
type BoardRead = { status: number; at: number } | { error: Error };

/** How the client reaches the backend: its base URL, and the board reader's authorization. */
export interface LiveBoardOptions {
  baseUrl: string;
  rolloutId: number;
  authorization: string;
  /** The board's query string, e.g. `?wave=6` (the page the screen shows); none by default. */
  query?: string;
}

/** Connections kept open between board reads, as a browser keeps them. */
const keepAlive = new Agent({ keepAlive: true });

/**
 * `GET /api/tenant-rollouts/rollouts/:id` with `node:http`, not `fetch`: `fetch` adds
 * `Cache-Control: no-cache` (and `Pragma`) to a request that carries `If-None-Match` (the Fetch
 * standard's HTTP-network-or-cache fetch turns a conditional request's cache mode into
 * `no-store`), and Express never answers 304 to `no-cache`. A browser's HTTP cache revalidates its
 * stored board without it, so this sends what the cache would: the authorization, `Accept` and
 * `If-None-Match`, nothing else.
 */
export function readBoard(
  baseUrl: string,
  rolloutId: number,
  headers: { authorization: string; etag?: string; query?: string },
): Promise<{ status: number; etag?: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/tenant-rollouts/rollouts/${rolloutId}${
        headers.query ?? ''
      }`,
      {
        agent: keepAlive,
        headers: {
          accept: 'application/json',
          authorization: headers.authorization,
          ...(headers.etag ? { 'if-none-match': headers.etag } : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            etag: res.headers.etag,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * Opens a WebSocket; answers it open, or fails when it has not opened within `timeoutMs`
 * (SignalClient's connect timeout: 1 s) or could not.
 */
function openSocket(
  url: string,
  protocol: string,
  timeoutMs: number,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocol);
    let opened = false;
    const fail = () => {
      if (opened) return;
      socket.close();
      reject(new Error(`WebSocket ${url} did not open in ${timeoutMs} ms`));
    };
    AbortSignal.timeout(timeoutMs).addEventListener('abort', fail);
    socket.addEventListener('open', () => {
      opened = true;
      resolve(socket);
    });
    socket.addEventListener('error', fail);
  });
}

/** One live board: its socket, the board as last read, and what it took. */
export class LiveBoardClient {
  /** The board as last read (parsed), and its ETag. */
  board: any;
  private etag?: string;
  private socket?: WebSocket;
  /** Signals received on the rollout's channel, and when the last one came. */
  signals = 0;
  lastSignalAt = 0;
  /** Board reads made (the first, on open, included), and how many were answered 304. */
  reads = 0;
  notModified = 0;
  /** Attempts it took to open the WebSocket. */
  connectAttempts = 0;
  private running?: Promise<void>;
  private again = false;
  private readonly waiters = new Set<(read: BoardRead) => void>();

  private constructor(private readonly options: LiveBoardOptions) {}

  /**
   * Reads the board (as the page does on mount), then opens the WebSocket and subscribes to the
   * rollout's channel. The signals backend only starts handling WebSocket upgrades once a first
   * one has gone through its router as a plain request (which is then never answered), so an
   * attempt that has not opened in 1 s is dropped and retried, as SignalClient does (it waits
   * 5 s before retrying; this waits 100 ms).
   */
  static async open(options: LiveBoardOptions): Promise<LiveBoardClient> {
    const client = new LiveBoardClient(options);
    await client.read();
    const url = `${options.baseUrl.replace(/^http/, 'ws')}/api/signals`;
    for (;;) {
      client.connectAttempts++;
      try {
        client.socket = await openSocket(url, SOCKET_TOKEN, CONNECT_TIMEOUT_MS);
        break;
      } catch (error) {
        if (client.connectAttempts >= CONNECT_ATTEMPTS) throw error;
        await sleep(100);
      }
    }
    client.socket.addEventListener('message', event =>
      client.onMessage(String(event.data)),
    );
    client.socket.send(
      JSON.stringify({
        action: 'subscribe',
        channel: rolloutChannel(options.rolloutId),
      }),
    );
    return client;
  }

  /**
   * Resolves when a read made after now answers a board for which `holds` is true, with when
   * its answer was parsed; fails after `timeoutMs`.
   */
  waitFor(holds: (board: any) => boolean, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = (read: BoardRead) => {
        if ('error' in read) {
          this.waiters.delete(check);
          reject(read.error);
        } else if (read.status === 200 && holds(this.board)) {
          this.waiters.delete(check);
          resolve(read.at);
        }
      };
      AbortSignal.timeout(timeoutMs).addEventListener('abort', () => {
        if (this.waiters.delete(check)) {
          reject(new Error(`No board read held the change in ${timeoutMs} ms`));
        }
      });
      this.waiters.add(check);
    });
  }

  /** Resolves once no read is under way or due. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Closes the WebSocket normally (code 1000, as SignalClient on its last unsubscribe). */
  close(): void {
    this.socket?.close(1000);
  }

  private onMessage(data: string): void {
    let message: { channel?: string };
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (message.channel !== rolloutChannel(this.options.rolloutId)) return;
    this.signals++;
    this.lastSignalAt = performance.now();
    this.reload();
  }

  /** A read now, or one more after the read under way (useRollout's useCoalesced). */
  private reload(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.read();
        } while (this.again);
      } catch (error) {
        this.notify({ error: error as Error });
      } finally {
        this.running = undefined;
      }
    })();
  }

  /** `GET /rollouts/:id`, with `If-None-Match` once there is an ETag. */
  private async read(): Promise<void> {
    const { baseUrl, rolloutId, authorization, query } = this.options;
    const res = await readBoard(baseUrl, rolloutId, {
      authorization,
      etag: this.etag,
      query,
    });
    this.reads++;
    const text = res.text;
    if (res.status === 304) {
      this.notModified++;
    } else if (res.status === 200) {
      this.board = JSON.parse(text);
      this.etag = res.etag;
    } else {
      throw new Error(
        `GET /rollouts/${rolloutId}: ${res.status} ${text.slice(0, 300)}`,
      );
    }
    this.notify({ status: res.status, at: performance.now() });
  }

  private notify(read: BoardRead): void {
    for (const waiter of [...this.waiters]) waiter(read);
  }
}
