// Small helpers over node:http: JSON answers, synthetic transactions and the kill switch.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error that becomes an HTTP answer with its status and message. */
export class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Requests the pipeline's smoke and business checks send carry this header. */
export const SYNTHETIC_HEADER = 'x-waybill-synthetic';

/** Whether a request is a synthetic transaction, never to reach a system of record. */
export function isSynthetic(req: IncomingMessage): boolean {
  return req.headers[SYNTHETIC_HEADER] === 'true';
}

/** The kill switch: KILL_SWITCH=on (or true, 1) turns the business routes off. */
export function killSwitchOn(env: Record<string, string | undefined>): boolean {
  return ['on', 'true', '1'].includes((env.KILL_SWITCH ?? '').toLowerCase());
}

/** Answers with a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}
