import http from 'node:http';

/** One request the fake was asked, as it arrived. */
export interface RecordedRequest {
  method: string;
  /** The path under the API base, without the query: /orgs/meridian/repos */
  path: string;
  query: Record<string, string>;
  body?: any;
}

/** A fake API's answer: JSON, or raw bytes, with headers. */
export type ApiResult = {
  status: number;
  json?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
};

/** Calls `then` with the request's whole body, as text, once it has arrived. */
export function onText(
  req: http.IncomingMessage,
  then: (text: string) => void,
): void {
  const chunks: Buffer[] = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => then(Buffer.concat(chunks).toString('utf8')));
}

/** A request body: its JSON, the text itself when it is not JSON, undefined when empty. */
export function jsonOrText(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
