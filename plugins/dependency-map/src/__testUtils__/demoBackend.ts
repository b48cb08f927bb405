/*
 * Test-only: the dependency-map backend's routes as msw handlers over the Meridian Supply Co.
 * demo catalog from examples/, answered by the same pure functions of -common the backend
 * uses, so components are tested through the real typed client against realistic answers.
 */
// Test-only file reads in Node (jest), never bundled into the app.
// eslint-disable-next-line no-restricted-imports
import fs from 'fs';
// eslint-disable-next-line no-restricted-imports
import path from 'path';
import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  DependencyEdgeType,
  DependencyGraph,
  GraphFilter,
  analyzeImpact,
  buildDependencyGraph,
  businessProcessGraph,
  dependencyNeighbourhood,
  estateGraph,
  normalizeEntityRef,
  planDeployOrder,
  planReleaseTrain,
} from '@waybill/plugin-dependency-map-common';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { parse, parseAllDocuments } from 'yaml';

/** The backend's address in tests (`mockApis.discovery()`'s default). */
export const DEPENDENCY_MAP_URL = 'http://example.com/api/dependency-map';

const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples');

let demo: DependencyGraph | undefined;

/** The demo estate's dependency graph, built once per test file. */
export function demoGraph(): DependencyGraph {
  if (!demo) {
    const root = parse(
      fs.readFileSync(path.join(EXAMPLES_DIR, 'all.yaml'), 'utf8'),
    ) as Entity;
    const targets = (root.spec as { targets: string[] }).targets;
    const entities = targets.flatMap(target =>
      parseAllDocuments(
        fs.readFileSync(path.join(EXAMPLES_DIR, target), 'utf8'),
      )
        .map(doc => doc.toJS() as Entity | null)
        .filter((e): e is Entity => e !== null),
    );
    demo = buildDependencyGraph(entities);
  }
  return demo;
}

const listOf = (params: URLSearchParams, name: string) => {
  const values = params
    .getAll(name)
    .flatMap(v => v.split(','))
    .filter(Boolean);
  return values.length > 0 ? values : undefined;
};

function filterOf(params: URLSearchParams): GraphFilter {
  return {
    kinds: listOf(params, 'kind'),
    types: listOf(params, 'type'),
    owners: listOf(params, 'owner'),
    businessProcesses: listOf(params, 'businessProcess'),
    relations: listOf(params, 'relation') as DependencyEdgeType[] | undefined,
  };
}

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
    `${p.kind}:${p.namespace}/${p.name}`.toLocaleLowerCase('en-US');
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
        record(request);
        const entityRef = refOf(params);
        if (!known(entityRef)) return notFound(`No entity ${entityRef}`);
        return HttpResponse.json(analyzeImpact(graph, entityRef));
      },
    ),
    http.get(`${DEPENDENCY_MAP_URL}/deploy-order`, ({ request }) => {
      const q = record(request);
      return HttpResponse.json(
        planDeployOrder(graph, { entityRefs: listOf(q, 'entityRef') }),
      );
    }),
    http.post(`${DEPENDENCY_MAP_URL}/release-train`, async ({ request }) => {
      record(request);
      const body = (await request.json()) as {
        changes: { entityRef: string; version: string }[];
      };
      const unknown = body.changes
        .map(c => normalizeEntityRef(c.entityRef, 'component') ?? c.entityRef)
        .filter(ref => !known(ref));
      if (unknown.length > 0) {
        return notFound(`Unknown entities: ${unknown.join(', ')}`);
      }
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
