import { OpenApiDocument } from './document';

/*
 * Routes: the `METHOD /path` an express router registers against the ones the document lists.
 */

/** The route Backstage's validated router serves its own spec at; no spec lists it. */
const SPEC_ROUTE = 'GET /openapi.json';

/**
 * The `METHOD /path` of every route an express router registers, itself or in a router mounted
 * at its root, with `:name` parameters written as OpenAPI's `{name}`; Backstage's validated
 * router's own spec route is left out.
 */
export function registeredRoutes(router: { stack: unknown[] }): string[] {
  return (
    router.stack as Array<{ route?: unknown; handle?: { stack?: unknown[] } }>
  ).flatMap(layer => {
    // A router mounted inside (e.g. the spec-validated one behind body parsing and permissions).
    if (!layer.route) {
      return layer.handle?.stack
        ? registeredRoutes(layer.handle as { stack: unknown[] })
        : [];
    }
    const { path: routePath, methods } = layer.route as {
      path: string;
      methods: Record<string, boolean>;
    };
    return Object.keys(methods)
      .filter(m => methods[m])
      .map(m => `${m.toUpperCase()} ${routePath.replace(/:(\w+)/g, '{$1}')}`)
      .filter(route => route !== SPEC_ROUTE);
  });
}

/** `METHOD /path` of every operation the document lists. */
export const documentedRoutes = (doc: OpenApiDocument): string[] =>
  doc.operations.map(o => `${o.method.toUpperCase()} ${o.path}`);

/**
 * What keeps an express router's routes from being exactly the document's: a route it
 * registers twice, one the document does not list, one the document lists that it does not
 * register; empty if nothing.
 */
export function routeProblems(
  doc: OpenApiDocument,
  router: { stack: unknown[] },
): string[] {
  const registered = registeredRoutes(router);
  const documented = documentedRoutes(doc);
  return [
    ...registered
      .filter((route, i) => registered.indexOf(route) !== i)
      .map(route => `${route} is registered twice`),
    ...registered
      .filter(route => !documented.includes(route))
      .map(route => `${route} is registered but not in ${doc.name}`),
    ...documented
      .filter(route => !registered.includes(route))
      .map(route => `${route} is in ${doc.name} but not registered`),
  ];
}
