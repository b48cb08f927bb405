import { performance } from 'node:perf_hooks';
import { TenantStatus } from '@waybill/plugin-tenant-rollouts-common';
import { ApiCredentials, MOCK_CREDENTIALS } from './callers';

/*
 * The plugin's HTTP API as the benchmark calls it: one request at a time with `fetch`, each timed
 * from sending to the body read and parsed, answers that are not 2xx kept for the report.
 */

const BASE = '/api/tenant-rollouts';

/** Any answer that was not 2xx, kept to be reported. */
export interface HttpProblem {
  request: string;
  status: number;
  body: string;
}

/** An answer, parsed, with its size and time. */
export interface Answer {
  status: number;
  text: string;
  json: any;
  bytes: number;
  ms: number;
  /** The answer's ETag, when it has one (the board's). */
  etag?: string;
}

/** The body of an action the setup takes past the bake time (and freezes): a person's override. */
export const overrideBakeTime = (what: string) => ({
  override: true,
  reason: `benchmark setup: ${what} without waiting for the bake time`,
});

/**
 * The plugin's API on one backend, every call timed from sending to the body read and parsed.
 * `credentials` defaults to the test backend's mock tokens; a real portal takes real ones.
 */
export class RolloutsApi {
  readonly problems: HttpProblem[] = [];
  requests = 0;

  constructor(
    readonly baseUrl: string,
    readonly credentials: ApiCredentials = MOCK_CREDENTIALS,
  ) {}

  /** Sends one request and reads its answer, without counting it. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    authorization: string,
  ): Promise<Answer> {
    const start = performance.now();
    const res = await fetch(`${this.baseUrl}${BASE}${path}`, {
      method,
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text && res.status !== 304 ? JSON.parse(text) : undefined;
    return {
      status: res.status,
      text,
      json,
      bytes: Buffer.byteLength(text),
      ms: performance.now() - start,
      etag: res.headers.get('etag') ?? undefined,
    };
  }

  async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    authorization = this.credentials.user,
  ): Promise<Answer> {
    const answer = await this.send(method, path, body, authorization);
    this.requests++;
    if (answer.status >= 300) {
      this.problems.push({
        request: `${method} ${path}`,
        status: answer.status,
        body: answer.text.slice(0, 500),
      });
    }
    return answer;
  }

  /**
   * GET `path` as the release manager, its answer not kept as a problem whatever it is: to learn
   * what a route takes (a board that takes no page answers 400 to a page's query).
   */
  probe(path: string): Promise<Answer> {
    return this.send('GET', path, undefined, this.credentials.user);
  }

  /** A call that must succeed. */
  async ok(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    authorization = this.credentials.user,
  ): Promise<Answer> {
    const answer = await this.call(method, path, body, authorization);
    if (answer.status >= 300) {
      throw new Error(
        `${method} ${path}: ${answer.status} ${answer.text.slice(0, 1000)}`,
      );
    }
    return answer;
  }

  /**
   * Reads a rollout's board (`GET /rollouts/:id`) as the release manager; `query` is the query
   * string of a page of it, e.g. `?limit=100&offset=0&status=failed`.
   */
  board(id: number, query = ''): Promise<Answer> {
    return this.ok('GET', `/rollouts/${id}${query}`);
  }

  /** Reports statuses in requests of at most `batch` (1,000 by default), as the reporter. */
  async report(
    id: number,
    statuses: Array<{ tenant: string; status: TenantStatus; detail?: string }>,
    batch = 1000,
  ): Promise<void> {
    for (let i = 0; i < statuses.length; i += batch) {
      await this.ok(
        'POST',
        `/rollouts/${id}/tenants/status`,
        { statuses: statuses.slice(i, i + batch) },
        this.credentials.reporter,
      );
    }
  }
}
