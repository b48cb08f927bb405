import { mockCredentials } from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import { LatencySummary, fetchOnLiveSocket } from '@waybill/bench-utils';
import { Estate } from './estate';
import { QuerySamples, drawInputs, median, repeat, sample } from './queries';

function entityPath(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/** An impact answer's paging fields, where the plugin answers them. */
interface ImpactPaging {
  total?: number;
  truncated?: boolean;
}

/** One request to a route: throws unless it answers 2xx; parses the JSON; returns its length. */
async function callRoute(
  api: string,
  path: string,
  authorization: string,
  init: RequestInit = {},
  observe?: (body: unknown) => void,
): Promise<number> {
  const res = await fetchOnLiveSocket(`${api}${path}`, {
    ...init,
    headers: { authorization, ...(init.headers ?? {}) },
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
  }
  const body = JSON.parse(text);
  observe?.(body);
  return text.length;
}

/** Affected entities per impact answer: the page the plugin's impact route is asked for. */
export const IMPACT_LIMIT = 500;

/** What the paged impact answers said: totals, and how many said they were cut off. */
function impactNote(pages: ImpactPaging[]): string {
  if (pages.some(p => p.total === undefined || p.truncated === undefined)) {
    return `limit=${IMPACT_LIMIT}: total/truncated not available in the answer`;
  }
  const cut = pages.filter(p => p.truncated).length;
  return `limit=${IMPACT_LIMIT}: ${cut} of ${
    pages.length
  } answers truncated, total up to ${Math.max(...pages.map(p => p.total!))}`;
}

/** HTTP figures per query name. */
type HttpFigures = Map<
  string,
  { http: LatencySummary; httpBytes: number; httpNote?: string }
>;

/** Times one route over `items` (the first calls being the warm-up) into `out` under `name`. */
function routeRunner(api: string, authorization: string, out: HttpFigures) {
  return async function run<I>(
    name: string,
    items: readonly I[],
    path: (i: I) => string | [string, RequestInit],
    observe?: (body: unknown) => void,
  ) {
    const bytes: number[] = [];
    const http = await sample(
      items,
      item => {
        const p = path(item);
        return typeof p === 'string'
          ? callRoute(api, p, authorization, {}, observe)
          : callRoute(api, p[0], authorization, p[1], observe);
      },
      size => bytes.push(size),
    );
    out.set(name, { http, httpBytes: median(bytes) });
  };
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
): Promise<HttpFigures> {
  const inputs = drawInputs(estate, samples, seed, widest);
  const api = `${baseUrl}/api/dependency-map`;
  const authorization = mockCredentials.user.header(
    'user:default/release-manager',
  );
  const out: HttpFigures = new Map();

  const run = routeRunner(api, authorization, out);

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
  for (const [name, refs] of [
    ['impact (blast radius)', inputs.impact],
    ['impact, widest 20', inputs.impactWidest],
  ] as const) {
    const pages: ImpactPaging[] = [];
    await run(
      name,
      refs,
      ref => `${entityPath(ref)}/impact?limit=${IMPACT_LIMIT}`,
      body => pages.push(body as ImpactPaging),
    );
    out.get(name)!.httpNote = impactNote(pages);
  }
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
