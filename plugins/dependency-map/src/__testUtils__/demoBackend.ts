/*
 * Test-only: the dependency-map backend's routes as msw handlers over the Meridian Supply Co.
 * demo catalog from examples/ (-common's test utilities), answered by the same pure functions of
 * -common the backend uses, so components are tested through the real typed client against
 * realistic answers.
 */
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  DependencyGraph,
  GraphFilterQuery,
  analyzeImpact,
  pageImpact,
  businessProcessGraph,
  dependencyNeighbourhood,
  estateGraph,
  graphFilter,
  listParam,
  normalizeEntityRef,
  planDeployOrder,
  planReleaseTrain,
} from '@waybill/plugin-dependency-map-common';
import { demoGraph } from '@waybill/plugin-dependency-map-common/testUtils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

/** The backend's address in tests (`mockApis.discovery()`'s default). */
export const DEPENDENCY_MAP_URL = 'http://example.com/api/dependency-map';

/** The query as the backend's spec validation hands it over: each parameter a list, split at commas. */
function specQuery(params: URLSearchParams): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  params.forEach((value, name) => {
    query[name] = [...(query[name] ?? []), ...value.split(',')];
  });
  return query;
}

/** The graph filter of a view's query, read as the backend reads it. */
const filterOf = (params: URLSearchParams) =>
  graphFilter(specQuery(params) as GraphFilterQuery);

const notFound = (message: string) =>
  HttpResponse.json(
    {
      error: { name: 'NotFoundError', message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: 404 },
    },
    { status: 404 },
  );

/** Every request the handlers answered, as `METHOD path?query`. */
export type RequestLog = string[];

/** msw handlers answering like the backend over the demo estate, or over `graph`. */
export function demoHandlers(
  log: RequestLog = [],
  graph: DependencyGraph = demoGraph(),
) {
  const record = (request: Request) => {
    const url = new URL(request.url);
    log.push(
      `${request.method} ${url.pathname.replace('/api/dependency-map', '')}${
        url.search
      }`,
    );
    return url.searchParams;
  };
  const known = (ref: string) => graph.nodes.some(n => n.ref === ref);
  const refOf = (p: Record<string, unknown>) =>
    `${p.kind}:${p.namespace}/${p.name}`.toLowerCase();
  return [
    http.get(`${DEPENDENCY_MAP_URL}/estate`, ({ request }) => {
      const q = record(request);
      return HttpResponse.json(
        estateGraph(graph, {
          maxNodes: Number(q.get('maxNodes') ?? 500),
          filter: filterOf(q),
        }),
      );
    }),
    http.get(
      `${DEPENDENCY_MAP_URL}/business-processes/:process`,
      ({ request, params }) => {
        const q = record(request);
        const ref = normalizeEntityRef(String(params.process), 'domain')!;
        if (!graph.processes.some(p => p.ref === ref)) {
          return notFound(`No business process "${params.process}"`);
        }
        return HttpResponse.json(
          businessProcessGraph(graph, ref, {
            maxNodes: Number(q.get('maxNodes') ?? 500),
            filter: filterOf(q),
          }),
        );
      },
    ),
    http.get(
      `${DEPENDENCY_MAP_URL}/entities/:kind/:namespace/:name/neighbourhood`,
      ({ request, params }) => {
        const q = record(request);
        const entityRef = refOf(params);
        if (!known(entityRef)) return notFound(`No entity ${entityRef}`);
        return HttpResponse.json(
          dependencyNeighbourhood(graph, {
            entityRef,
            depth: Number(q.get('depth') ?? 2),
            direction: (q.get('direction') as any) ?? 'both',
            maxNodes: Number(q.get('maxNodes') ?? 500),
            filter: filterOf(q),
          }),
        );
      },
    ),
    http.get(
      `${DEPENDENCY_MAP_URL}/entities/:kind/:namespace/:name/impact`,
      ({ request, params }) => {
        const q = record(request);
        const entityRef = refOf(params);
        if (!known(entityRef)) return notFound(`No entity ${entityRef}`);
        const page = pageImpact(analyzeImpact(graph, entityRef), {
          limit: q.has('limit') ? Number(q.get('limit')) : undefined,
          offset: q.has('offset') ? Number(q.get('offset')) : undefined,
        });
        return HttpResponse.json(page);
      },
    ),
    http.get(`${DEPENDENCY_MAP_URL}/deploy-order`, ({ request }) => {
      const q = record(request);
      const entityRefs = listParam(q.getAll('entityRef'));
      return HttpResponse.json(
        planDeployOrder(graph, {
          entityRefs: entityRefs.length ? entityRefs : undefined,
        }),
      );
    }),
    http.post(`${DEPENDENCY_MAP_URL}/release-train`, async ({ request }) => {
      record(request);
      const body = (await request.json()) as {
        changes: { entityRef: string; version: string }[];
      };
      // Bad changes come back in the plan's `rejected`, the rest planned, as the backend does.
      return HttpResponse.json(planReleaseTrain(graph, body.changes));
    }),
  ];
}

/** An msw server for the test file, answering like the backend over the demo estate. */
export function setupDependencyMapServer(log: RequestLog = []) {
  const server = setupServer(...demoHandlers(log));
  registerMswTestHooks(server);
  return server;
}
