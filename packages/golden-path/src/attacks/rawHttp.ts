import http from 'node:http';

/**
 * A request as it goes on the wire. `target` (path and query) is sent byte for byte: neither
 * fetch's URL parser nor anything else normalizes `..`, `%2e%2e` or `//` on the way, so the
 * backend sees what an attacker's raw socket would send.
 */
export interface RawRequest {
  method: string;
  target: string;
  /** A Backstage token; none when absent. */
  token?: string;
  contentType?: string;
  contentEncoding?: string;
  body?: Buffer | string;
}

/** What came back. `json` is undefined when the body is not JSON. */
export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encodes every byte of `text`'s UTF-8 but RFC 3986's unreserved characters (a lone
 * surrogate becomes U+FFFD, as in any UTF-8 client), so that any string is one path segment or
 * one query value.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out +=
      byte < 0x80 && UNRESERVED.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Sends one request on a fresh connection; fails naming it if no answer comes in `timeoutMs`. */
export function send(
  baseUrl: string,
  request: RawRequest,
  timeoutMs = 30_000,
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body =
    typeof request.body === 'string'
      ? Buffer.from(request.body, 'utf8')
      : request.body;
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        host: hostname,
        port,
        method: request.method,
        path: request.target,
        agent: false,
        headers: {
          ...(request.token
            ? { authorization: `Bearer ${request.token}` }
            : {}),
          ...(request.contentType !== undefined
            ? { 'content-type': request.contentType }
            : {}),
          ...(request.contentEncoding
            ? { 'content-encoding': request.contentEncoding }
            : {}),
          ...(body ? { 'content-length': body.length } : {}),
        },
        timeout: timeoutMs,
      },
      res => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text,
            json,
          });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(
        new Error(
          `${request.method} ${request.target.slice(0, 300)} got no answer in ${
            timeoutMs / 1000
          } s`,
        ),
      ),
    );
    // A server may answer (413) before it has read the whole body and close the connection;
    // the write then fails, but the answer stands.
    req.on('error', error => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What is wrong with an error answer against Backstage's error body, `{ error: { name,
 * message }, request: { method, url }, response: { statusCode } }`, served as JSON; empty when
 * nothing is.
 */
export function backstageErrorProblems(response: RawResponse): string[] {
  const problems: string[] = [];
  if (!/^application\/json\b/.test(response.contentType)) {
    problems.push(`content type is "${response.contentType}", not JSON`);
  }
  const body = response.json;
  if (!isRecord(body)) {
    return [
      ...problems,
      `body is not a JSON object: ${response.text.slice(0, 200)}`,
    ];
  }
  const { error, request, response: answer } = body;
  if (
    !isRecord(error) ||
    typeof error.name !== 'string' ||
    typeof error.message !== 'string'
  ) {
    problems.push('error.name and error.message are not both strings');
  }
  if (
    !isRecord(request) ||
    typeof request.method !== 'string' ||
    typeof request.url !== 'string'
  ) {
    problems.push('request.method and request.url are not both strings');
  }
  if (!isRecord(answer) || answer.statusCode !== response.status) {
    problems.push(`response.statusCode is not ${response.status}`);
  }
  return problems;
}
