import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  analyzeImpact,
  businessProcessGraph,
  dependencyMapReadPermission,
  dependencyNeighbourhood,
  estateGraph,
  normalizeEntityRef,
  planDeployOrder,
  planReleaseTrain,
  releaseTrainRequestSchema,
} from '@waybill/plugin-dependency-map-common';
import {
  bodyParserErrorHandler,
  CatalogReadAccess,
  createAuthorizer,
  entityRefFromParams,
  parseInput,
} from '@waybill/plugin-waybill-node';
import {
  CatalogDependencyGraph,
  GraphSnapshot,
} from './CatalogDependencyGraph';
import {
  deployOrderQuery,
  estateQuery,
  graphFilter,
  impactQuery,
  neighbourhoodQuery,
  processQuery,
  requireEntities,
  summaryOf,
} from './routerInput';
import { visibleSnapshot } from './visibleGraph';

/** Largest release-train body accepted: 500 changes with long refs fit with room to spare. */
const RELEASE_TRAIN_BODY_LIMIT_BYTES = 256 * 1024;

/** What every route answers from. */
interface RouteContext {
  graph: CatalogDependencyGraph;
  /**
   * Needs a user or service principal holding the read permission, checked before any input;
   * says which entities the caller may see.
   */
  authorize(req: express.Request): Promise<CatalogReadAccess>;
  /** The graph to answer from as the caller may see it, awaiting the first build. */
  current(access: CatalogReadAccess): Promise<GraphSnapshot>;
}

/** The status of the graph, the estate and a business process's graph. */
function addGraphRoutes(router: express.Router, ctx: RouteContext): void {
  router.get('/status', async (req, res) => {
    const access = await ctx.authorize(req);
    const status = ctx.graph.status();
    if (status.current && access.restricted) {
      status.current = (await ctx.current(access)).build;
    }
    res.json(status);
  });

  router.get('/estate', async (req, res) => {
    const access = await ctx.authorize(req);
    const query = parseInput(estateQuery, req.query, 'query');
    const snapshot = await ctx.current(access);
    res.json({
      ...estateGraph(snapshot.graph, {
        maxNodes: query.maxNodes,
        filter: graphFilter(query),
      }),
      builtAt: snapshot.build.builtAt,
      graph: summaryOf(snapshot),
    });
  });

  router.get('/business-processes/:process', async (req, res) => {
    const access = await ctx.authorize(req);
    const query = parseInput(processQuery, req.query, 'query');
    const snapshot = await ctx.current(access);
    const { process } = req.params;
    const ref = normalizeEntityRef(process, 'domain');
    if (!ref) {
      throw new InputError(
        `path.process: "${process}" is not a business process name or Domain ref`,
      );
    }
    if (!snapshot.graph.processes.some(p => p.ref === ref)) {
      throw new NotFoundError(
        `No business process "${process}" in the dependency map; known: ${snapshot.graph.processes
          .map(p => p.name)
          .join(', ')}`,
      );
    }
    res.json({
      ...businessProcessGraph(snapshot.graph, ref, {
        maxNodes: query.maxNodes,
        filter: graphFilter(query),
      }),
      graph: summaryOf(snapshot),
    });
  });
}

/** An entity's neighbourhood and blast radius. */
function addEntityRoutes(router: express.Router, ctx: RouteContext): void {
  router.get(
    '/entities/:kind/:namespace/:name/neighbourhood',
    async (req, res) => {
      const access = await ctx.authorize(req);
      const entityRef = entityRefFromParams(req.params);
      const query = parseInput(neighbourhoodQuery, req.query, 'query');
      const snapshot = await ctx.current(access);
      requireEntities(snapshot.graph, [entityRef], 'path');
      res.json({
        ...dependencyNeighbourhood(snapshot.graph, {
          entityRef,
          depth: query.depth,
          direction: query.direction,
          maxNodes: query.maxNodes,
          filter: graphFilter(query),
        }),
        graph: summaryOf(snapshot),
      });
    },
  );

  router.get('/entities/:kind/:namespace/:name/impact', async (req, res) => {
    const access = await ctx.authorize(req);
    const entityRef = entityRefFromParams(req.params);
    const query = parseInput(impactQuery, req.query, 'query');
    const snapshot = await ctx.current(access);
    requireEntities(snapshot.graph, [entityRef], 'path');
    res.json({
      ...analyzeImpact(snapshot.graph, entityRef, {
        maxDepth: query.maxDepth,
      }),
      graph: summaryOf(snapshot),
    });
  });
}

/** Deploy order and release-train plans. */
function addPlanRoutes(router: express.Router, ctx: RouteContext): void {
  router.get('/deploy-order', async (req, res) => {
    const access = await ctx.authorize(req);
    const query = parseInput(deployOrderQuery, req.query, 'query');
    const snapshot = await ctx.current(access);
    const entityRefs = query.entityRef?.length ? query.entityRef : undefined;
    if (entityRefs) {
      requireEntities(snapshot.graph, entityRefs, 'query.entityRef');
    }
    res.json({
      ...planDeployOrder(snapshot.graph, { entityRefs }),
      graph: summaryOf(snapshot),
    });
  });

  router.post(
    '/release-train',
    express.json({ limit: RELEASE_TRAIN_BODY_LIMIT_BYTES }),
    async (req, res) => {
      const access = await ctx.authorize(req);
      if (!req.is('application/json')) {
        throw new InputError(
          'Send the release train as JSON, with Content-Type application/json',
        );
      }
      const body = parseInput(releaseTrainRequestSchema, req.body, 'body');
      const snapshot = await ctx.current(access);
      requireEntities(
        snapshot.graph,
        body.changes.map(c => c.entityRef),
        'body.changes',
      );
      res.json({
        ...planReleaseTrain(snapshot.graph, body.changes),
        graph: summaryOf(snapshot),
      });
    },
  );
}

/**
 * The HTTP API of the dependency-map plugin: one request answers each view, from the graph in
 * memory, restricted to the entities the caller may read in the catalog. Every route needs a
 * user or service principal and `dependency-map.graph.read`.
 */
export async function createRouter(options: {
  graph: CatalogDependencyGraph;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
}): Promise<express.Router> {
  const { httpAuth, permissions, catalog } = options;
  const authorizer = createAuthorizer({ httpAuth, permissions });
  const ctx: RouteContext = {
    graph: options.graph,
    async authorize(req) {
      const credentials = await authorizer(req, dependencyMapReadPermission);
      return CatalogReadAccess.forCredentials(credentials, {
        permissions,
        catalog,
      });
    },
    async current(access) {
      return visibleSnapshot(await options.graph.current(), access);
    },
  };
  const router = Router();
  addGraphRoutes(router, ctx);
  addEntityRoutes(router, ctx);
  addPlanRoutes(router, ctx);
  router.use(bodyParserErrorHandler());
  return router;
}
