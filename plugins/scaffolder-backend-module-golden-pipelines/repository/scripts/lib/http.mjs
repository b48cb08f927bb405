// HTTP checks shared by the smoke and business-transaction runners: a request the service
// declares (test/smoke/checks.json, test/business/checks.json), what its answer must be, and a
// bounded wait for a deployment that is still starting.
import { readFileSync } from 'node:fs';

/** Marks a request as a synthetic transaction: the services never let it reach a system of record. */
export const SYNTHETIC_HEADER = 'x-waybill-synthetic';

/** Checks a base URL and drops its trailing slashes (a path prefix is kept). */
export function baseUrlOf(value) {
  if (!value) {
    throw new Error('--base-url is required');
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--base-url ${value} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--base-url ${value} must be http or https`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * Sends one request; answers status, content type, body text and, when it parses, the JSON.
 *
 * @param {string} baseUrl
 * @param {{ method?: string, path: string, headers?: Record<string, string>, body?: unknown }} request
 */
export async function send(baseUrl, request, timeoutMs = 10_000) {
  const headers = { ...request.headers };
  let body;
  if (request.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body =
      typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body);
  }
  const res = await fetch(`${baseUrl}${request.path}`, {
    method: (request.method ?? 'GET').toUpperCase(),
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text,
    json,
  };
}

/** Whether an error or answer means "not up yet": no connection, or a gateway without a backend. */
const notUpYet = outcome =>
  outcome instanceof Error
    ? outcome.name !== 'TimeoutError'
    : [502, 503, 504].includes(outcome.status);

/**
 * Sends a request until the service is reachable, for at most `waitMs`; answers the last
 * response, or throws the last connection error naming how long it waited.
 */
export async function sendWhenReachable(baseUrl, request, waitMs) {
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    let outcome;
    try {
      outcome = await send(baseUrl, request);
    } catch (error) {
      outcome = error instanceof Error ? error : new Error(String(error));
    }
    if (!notUpYet(outcome) || Date.now() >= deadline) {
      if (outcome instanceof Error) {
        const cause = outcome.cause?.code ?? outcome.cause?.message ?? '';
        throw new Error(
          `${baseUrl}${
            request.path
          } is unreachable after ${attempt} attempt(s) in ${Math.round(
            waitMs / 1000,
          )} s: ${outcome.message}${cause ? ` (${cause})` : ''}`,
        );
      }
      return outcome;
    }
    await new Promise(resolve =>
      setTimeout(resolve, Math.min(1000, Math.max(0, deadline - Date.now()))),
    );
  }
}

/**
 * Sends each declared check to the service as a case of `run` (a CheckRun) and checks its
 * answer. Every request is marked synthetic, with `headers` added; only the first waits, for at
 * most `waitMs`, for the service to be reachable.
 */
export async function runDeclaredChecks(
  run,
  baseUrl,
  checks,
  { headers = {}, waitMs = 0 } = {},
) {
  for (const [i, check] of checks.entries()) {
    await run.check(check.name, async () => {
      const request = {
        ...check.request,
        headers: {
          ...check.request.headers,
          [SYNTHETIC_HEADER]: 'true',
          ...headers,
        },
      };
      const res = await sendWhenReachable(
        baseUrl,
        request,
        i === 0 ? waitMs : 0,
      );
      expectResponse(res, check.expect);
    });
  }
}

/** The first difference between a value and the subset of it that is expected, or undefined. */
export function mismatch(actual, expected, at = '$') {
  if (expected === null || typeof expected !== 'object') {
    return Object.is(actual, expected)
      ? undefined
      : `${at} is ${JSON.stringify(actual)}, expected ${JSON.stringify(
          expected,
        )}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      return `${at} is ${JSON.stringify(actual)}, expected an array`;
    }
    if (actual.length !== expected.length) {
      return `${at} has ${actual.length} items, expected ${expected.length}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const found = mismatch(actual[i], expected[i], `${at}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
    return `${at} is ${JSON.stringify(actual)}, expected an object`;
  }
  for (const [key, value] of Object.entries(expected)) {
    if (!(key in actual)) {
      return `${at}.${key} is missing`;
    }
    const found = mismatch(actual[key], value, `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * Throws the reason a response does not meet what a check expects.
 *
 * @param {{ status: number, contentType: string, text: string, json: unknown }} res
 * @param {{ status?: number, contentType?: string, json?: unknown, bodyIncludes?: string[] }} expect
 */
export function expectResponse(res, expect) {
  const status = expect.status ?? 200;
  const excerpt = res.text.slice(0, 300).replace(/\s+/g, ' ');
  if (res.status !== status) {
    throw new Error(`answered ${res.status}, expected ${status}: ${excerpt}`);
  }
  if (
    expect.contentType &&
    !res.contentType.toLowerCase().startsWith(expect.contentType.toLowerCase())
  ) {
    throw new Error(
      `answered content type ${res.contentType || '(none)'}, expected ${
        expect.contentType
      }`,
    );
  }
  if (expect.json !== undefined) {
    if (res.json === undefined) {
      throw new Error(`answered a body that is not JSON: ${excerpt}`);
    }
    const found = mismatch(res.json, expect.json);
    if (found) {
      throw new Error(`answered ${found}`);
    }
  }
  for (const text of expect.bodyIncludes ?? []) {
    if (!res.text.includes(text)) {
      throw new Error(
        `answered a body without ${JSON.stringify(text)}: ${excerpt}`,
      );
    }
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Reads and checks a list of declared HTTP checks.
 *
 * @returns {Array<{ name: string, request: { method: string, path: string, headers?: Record<string, string>, body?: unknown }, expect: { status?: number, contentType?: string, json?: unknown, bodyIncludes?: string[] } }>}
 */
export function declaredChecks(list, where) {
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`${where} must be a non-empty list of checks`);
  }
  return list.map((check, i) => {
    const at = `${where}[${i}]`;
    if (typeof check?.name !== 'string' || !check.name) {
      throw new Error(`${at}.name must be a non-empty string`);
    }
    const method = String(check.request?.method ?? 'GET').toUpperCase();
    if (!METHODS.includes(method)) {
      throw new Error(
        `${at}.request.method must be one of ${METHODS.join(', ')}`,
      );
    }
    if (
      typeof check.request?.path !== 'string' ||
      !check.request.path.startsWith('/')
    ) {
      throw new Error(`${at}.request.path must start with /`);
    }
    const expect = check.expect ?? {};
    if (expect.status !== undefined && !Number.isInteger(expect.status)) {
      throw new Error(`${at}.expect.status must be an integer`);
    }
    if (
      expect.bodyIncludes !== undefined &&
      (!Array.isArray(expect.bodyIncludes) ||
        expect.bodyIncludes.some(t => typeof t !== 'string'))
    ) {
      throw new Error(`${at}.expect.bodyIncludes must be a list of strings`);
    }
    return { name: check.name, request: { ...check.request, method }, expect };
  });
}

/** Reads a JSON file, naming it in the error. */
export function readJson(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${file} cannot be read: ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file} is not JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
}
