import { mockCredentials } from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import { LatencySummary } from '@waybill/bench-utils';
import { Estate } from './estate';
import { QuerySamples, drawInputs, median, repeat, sample } from './queries';

function entityPath(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/** One request to a route: throws unless it answers 2xx; parses the JSON; returns its length. */
async function callRoute(
  api: string,
  path: string,
  authorization: string,
  init: RequestInit = {},
): Promise<number> {
  const res = await fetch(`${api}${path}`, {
    ...init,
    headers: { authorization, ...(init.headers ?? {}) },
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
  }
  JSON.parse(text);
  return text.length;
}

/**
 * The same questions through the plugin's HTTP routes, one request at a time, each timed from
 * sending the request to the last byte of the JSON parsed: routing, auth, permission check,
 * validation, the query and serialization.
 */
export async function measureHttp(
  baseUrl: string,
  estate: Estate,
  samples: QuerySamples,
  seed: number,
  widest: readonly string[],
): Promise<Map<string, { http: LatencySummary; httpBytes: number }>> {
  const inputs = drawInputs(estate, samples, seed, widest);
  const api = `${baseUrl}/api/dependency-map`;
  const authorization = mockCredentials.user.header(
    'user:default/release-manager',
  );
  const out = new Map<string, { http: LatencySummary; httpBytes: number }>();

  async function run<I>(
    name: string,
    items: readonly I[],
    path: (i: I) => string | [string, RequestInit],
  ) {
    const bytes: number[] = [];
    const http = await sample(
      items,
      item => {
        const p = path(item);
        return typeof p === 'string'
          ? callRoute(api, p, authorization)
          : callRoute(api, p[0], authorization, p[1]);
      },
      size => bytes.push(size),
    );
    out.set(name, { http, httpBytes: median(bytes) });
  }

  await run(
    'deploy order, whole estate',
    repeat(undefined, samples.deployOrderWhole),
    () => '/deploy-order',
  );
  await run(
    'deploy order, set of 10-50',
    inputs.sets,
    refs =>
      `/deploy-order?${refs
        .map(r => `entityRef=${encodeURIComponent(r)}`)
        .join('&')}`,
  );
  await run(
    'impact (blast radius)',
    inputs.impact,
    ref => `${entityPath(ref)}/impact`,
  );
  await run(
    'impact, widest 20',
    inputs.impactWidest,
    ref => `${entityPath(ref)}/impact`,
  );
  await run(
    'neighbourhood, depth 2',
    inputs.neighbourhood,
    ref => `${entityPath(ref)}/neighbourhood?depth=2`,
  );
  await run('release-train plan, 10 changes', inputs.trains, changes => [
    '/release-train',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ changes }),
    },
  ]);
  return out;
}
