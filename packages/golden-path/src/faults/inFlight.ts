import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** How a request ended: the backend's answer, or the error the connection ended with. */
export type Outcome =
  | { status: number; body: string }
  | { status: 0; error: string };

/** A request on its way to the backend. */
export interface InFlightRequest {
  /** Resolves once `bytes` of the body have been handed to the operating system. */
  written(bytes: number): Promise<void>;
  /** Resolves once the whole body has been handed to the operating system. */
  sent: Promise<void>;
  outcome: Promise<Outcome>;
}

/**
 * Sends a request with a raw HTTP client, so that a test knows when its body has left: the
 * body goes in `chunkBytes` pieces with `chunkDelayMs` between them (all at once by default).
 * `sent` and `written` never resolve when the connection fails first.
 */
export function sendRequest(options: {
  url: string;
  token: string;
  method: string;
  contentType?: string;
  body?: Buffer;
  chunkBytes?: number;
  chunkDelayMs?: number;
}): InFlightRequest {
  const body = options.body ?? Buffer.alloc(0);
  const chunkBytes = options.chunkBytes ?? (body.length || 1);
  let writtenBytes = 0;
  const progress = new Set<() => void>();
  const notify = () => progress.forEach(check => check());

  const request = http.request(options.url, {
    method: options.method,
    headers: {
      authorization: `Bearer ${options.token}`,
      'content-length': body.length,
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
    },
  });
  let failed = false;
  const outcome = new Promise<Outcome>(resolve => {
    request.on('response', response => {
      const chunks: Buffer[] = [];
      response.on('data', chunk => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', error =>
        resolve({ status: 0, error: error.message }),
      );
    });
    request.on('error', error => {
      failed = true;
      resolve({ status: 0, error: error.message });
    });
  });
  const sent = new Promise<void>(resolve => {
    (async () => {
      for (let at = 0; at < body.length && !failed; at += chunkBytes) {
        const chunk = body.subarray(at, at + chunkBytes);
        await new Promise<void>(done => request.write(chunk, () => done()));
        writtenBytes += chunk.length;
        notify();
        if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
      }
      if (!failed) request.end(() => resolve());
    })();
  });
  return {
    written: bytes =>
      new Promise<void>(resolve => {
        const check = () => {
          if (writtenBytes >= bytes) {
            progress.delete(check);
            resolve();
          }
        };
        progress.add(check);
        check();
      }),
    sent,
    outcome,
  };
}

/** Sends a request (a JSON body when given) and waits for its outcome. */
export async function call(
  baseUrl: string,
  token: string,
  method: string,
  route: string,
  json?: unknown,
): Promise<Outcome> {
  return sendRequest({
    url: `${baseUrl}${route}`,
    token,
    method,
    ...(json === undefined
      ? {}
      : {
          contentType: 'application/json',
          body: Buffer.from(JSON.stringify(json)),
        }),
  }).outcome;
}
