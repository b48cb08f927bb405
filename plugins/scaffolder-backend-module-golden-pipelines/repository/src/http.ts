// Small helpers over node:http shared by every golden service: JSON bodies with a size limit,
// JSON answers, synthetic transactions and the kill switch.
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

/** Reads a JSON request body of at most `limit` bytes. */
export async function readJsonBody(
  req: IncomingMessage,
  limit = 64 * 1024,
): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'send the body as application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new HttpError(413, `the body is larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
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
