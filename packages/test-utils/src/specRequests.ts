import type { Server } from 'http';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { OpenApiOperation, OpenApiSpec } from './openApiSpec';

/** One request of a spec test, named by the spec's method and path template. */
export interface SpecCall<S extends string = string> {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  /** The path as the spec writes it, e.g. `/entities/{kind}/{namespace}/{name}`. */
  path: string;
  params?: Record<string, string>;
  /** Query parameters; a list is sent as the parameter repeated. */
  query?: Record<string, string | number | string[]>;
  body?: string | Buffer | object;
  /** The body's media type; `application/json` by default. */
  type?: string;
  /** The Authorization header; {@link specRequests}' `auth` by default. */
  auth?: string;
  /** Which running backend answers; {@link specRequests}' `server` by default. */
  server?: S;
  /** The request breaks the spec on purpose, to see the error answer. */
  invalid?: boolean;
}

/** Where {@link specRequests} sends its requests, and as whom. */
export interface SpecRequestsOptions<S extends string> {
  /** Where the plugin's routes are mounted, e.g. `/api/scorecards`. */
  base: string;
  servers: () => Record<S, Server>;
  /** The backend a request goes to unless it names another. */
  server: NoInfer<S>;
  /** The Authorization header of a request that names none. */
  auth: string;
}

/** Sends a request; throws unless the request (if valid) and the answer match the spec. */
async function sendSpecCall<S extends string>(
  spec: OpenApiSpec,
  options: SpecRequestsOptions<S>,
  c: SpecCall<S>,
): Promise<request.Response> {
  const o = spec.operation(c.method, c.path);
  const params = c.params ?? {};
  const query = c.query ?? {};
  if (!c.invalid) {
    spec.expectRequestMatchesSpec(o, params, query, c.body, c.type);
  }
  const url = `${options.base}${c.path.replace(/\{(\w+)\}/g, (_, name) =>
    encodeURIComponent(params[name]),
  )}`;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const v of [value].flat()) search.append(name, String(v));
  }
  let req = request(options.servers()[c.server ?? options.server])[c.method](
    search.size > 0 ? `${url}?${search}` : url,
  );
  req = req.set('Authorization', c.auth ?? options.auth);
  if (c.body !== undefined) {
    // superagent would serialize a Buffer sent as JSON; files go as their text.
    const body = Buffer.isBuffer(c.body) ? c.body.toString('utf8') : c.body;
    req = req.type(c.type ?? 'application/json').send(body);
  }
  const res = await req;
  spec.expectResponseMatchesSpec(c.method, c.path, res);
  return res;
}

/**
 * Requests to running backends (`servers`, by name, read when a request is sent, so they may be
 * started in a `beforeAll`) built from the spec's path templates, for a backend's
 * openapi.test.ts. Each request is held to the spec unless marked `invalid`, and each answer
 * always is.
 */
export function specRequests<S extends string>(
  spec: OpenApiSpec,
  options: SpecRequestsOptions<S>,
) {
  /** Sends a request; throws unless the request (if valid) and the answer match the spec. */
  const call = (c: SpecCall<S>) => sendSpecCall(spec, options, c);

  /**
   * Sends each request; returns those not answered with their status and an error body with a
   * message, each as sent (body aside) with the status it got and the message; empty if none.
   */
  async function wrongErrorAnswers(cases: Array<[SpecCall<S>, number]>) {
    const wrong = [];
    for (const [c, status] of cases) {
      const res = await call(c);
      const message = res.body?.error?.message;
      if (res.status !== status || typeof message !== 'string') {
        wrong.push({
          ...c,
          body: undefined,
          expected: status,
          got: res.status,
        });
      }
    }
    return wrong;
  }

  /**
   * Sends every operation of the spec, as `callOf` makes it, without a token and to the
   * `denied` backend (one whose permission checks all deny); returns `[path, status without a
   * token, status when denied]` of each that does not answer 401 and 403; empty if none.
   */
  async function unguardedRoutes(
    callOf: (o: OpenApiOperation) => SpecCall<S>,
    denied: NoInfer<S>,
  ) {
    const unguarded = [];
    for (const o of spec.operations) {
      const c = callOf(o);
      const anonymous = await call({
        ...c,
        auth: mockCredentials.none.header(),
      });
      const forbidden = await call({ ...c, server: denied });
      if (anonymous.status !== 401 || forbidden.status !== 403) {
        unguarded.push([o.path, anonymous.status, forbidden.status]);
      }
    }
    return unguarded;
  }

  return { call, wrongErrorAnswers, unguardedRoutes };
}
