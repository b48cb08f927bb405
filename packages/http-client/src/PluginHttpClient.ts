import { ResponseError } from '@backstage/errors';

/** What a plugin client needs to reach its backend; Backstage's `discoveryApiRef` and `fetchApiRef` fit. */
export interface PluginClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** Sends the requests, e.g. Backstage's `fetchApi` (which adds the user's token); global `fetch` by default. */
  fetchApi?: { fetch: typeof fetch };
}

/**
 * A query parameter; `undefined` ones are left out. A list is sent as the parameter repeated
 * (OpenAPI's default, `style: form` exploded), an empty one not at all; {@link commaJoined}
 * sends lists as one comma-separated value instead.
 */
export type QueryValue =
  | string
  | number
  | undefined
  | ReadonlyArray<string | number>;

/**
 * The query with each list `names` names as one comma-separated value (OpenAPI's `style: form`
 * with `explode: false`: `?kind=component,api`); an empty list is left out.
 */
export function commaJoined(
  query: Record<string, QueryValue> | undefined,
  names: readonly string[],
): Record<string, QueryValue> | undefined {
  if (!query) return undefined;
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) =>
      names.includes(name) && Array.isArray(value)
        ? [name, value.length > 0 ? value.join(',') : undefined]
        : [name, value],
    ),
  );
}

/**
 * A ResponseError whose message also says why: ResponseError's own message is only the status
 * line ("Request failed with 400 Bad Request"), which tells a CI log or a user nothing.
 */
export async function responseError(
  response: Response,
): Promise<ResponseError> {
  const error = await ResponseError.fromResponse(response);
  const reason = error.body.error.message;
  // HTTP/2 has no status text.
  const status = [error.statusCode, error.statusText].filter(Boolean).join(' ');
  // A body that is not a Backstage error body comes back as a message already naming the status.
  error.message = reason.startsWith('Request failed with')
    ? reason
    : `Request failed with ${status}: ${reason}`;
  return error;
}

/** A request with a JSON body. */
export function jsonBody(method: string, body: unknown): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/**
 * Requests to one plugin's backend: `path` is relative to its base URL, `query` values that are
 * `undefined` are left out, and a non-2xx answer throws `responseError`.
 */
export class PluginHttpClient {
  private readonly discoveryApi: PluginClientOptions['discoveryApi'];
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(private readonly pluginId: string, options: PluginClientOptions) {
    this.discoveryApi = options.discoveryApi;
    // Called through a wrapper: a browser's fetch refuses to run with another `this`.
    this.fetchApi = options.fetchApi ?? {
      fetch: (input, init) => fetch(input, init),
    };
  }

  async fetch(
    path: string,
    init?: RequestInit,
    query: Record<string, QueryValue> = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(this.pluginId);
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      for (const item of value === undefined ? [] : [value].flat()) {
        params.append(name, String(item));
      }
    }
    const search = params.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      init,
    );
    if (!response.ok) throw await responseError(response);
    return response;
  }

  async json<T>(
    path: string,
    init?: RequestInit,
    query?: Record<string, QueryValue>,
  ): Promise<T> {
    const response = await this.fetch(path, init, query);
    return (await response.json()) as T;
  }
}
