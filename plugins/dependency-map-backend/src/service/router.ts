import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  analyzeImpact,
  businessProcessGraph,
  dependencyMapPermissions,
  dependencyNeighbourhood,
  estateGraph,
  graphFilter,
  listParam,
  normalizeEntityRef,
  pageImpact,
  planDeployOrder,
  planReleaseTrain,
  ReleaseTrainPlan,
} from '@waybill/plugin-dependency-map-common';
import {
  authorizeBySpec,
  bodyParserErrorHandler,
  CatalogReadAccess,
  createAuthorizer,
  entityRefFromParams,
  jsonBodies,
} from '@waybill/plugin-waybill-node';
import { keptPer } from '@waybill/plugin-waybill-common';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import {
  CatalogDependencyGraph,
  GraphSnapshot,
} from './CatalogDependencyGraph';
import {
  RELEASE_TRAIN_BODY_BYTES,
  requireEntities,
  summaryOf,
  trainChanges,
} from './routerInput';
import { notifyUnorderableTrain } from './releaseTrainNotifications';
import { visibleSnapshot } from './visibleGraph';

/** The router the spec validates requests for, typed per operation. */
type ApiRouter = ReturnType<typeof createOpenApiRouter>;

/** A request, of any route. */
type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/** What every route answers from. */
interface RouteContext {
  graph: CatalogDependencyGraph;
  /**
   * Which entities the caller may see. Their read permission (the operation's `x-permission`)
   * has been checked by `authorizeBySpec` before the request got here.
   */
  access(req: AnyRequest): Promise<CatalogReadAccess>;
  /** The graph as `access` lets its caller see it, awaiting the first build. */
  visible(access: CatalogReadAccess): Promise<GraphSnapshot>;
  /** The graph as the caller may see it, awaiting the first build. */
  snapshot(req: AnyRequest): Promise<GraphSnapshot>;
  /** A train was planned for the caller: its author hears if it cannot be ordered. */
  trainPlanned(
    req: AnyRequest,
    changes: Array<{ entityRef: string; version: string }>,
    plan: ReleaseTrainPlan,
  ): Promise<void>;
}

/** The status of the graph, the estate and a business process's graph. */
function addGraphRoutes(router: ApiRouter, ctx: RouteContext): void {
  router.get('/status', async (req, res) => {
    const access = await ctx.access(req);
    const status = ctx.graph.status();
    if (status.current && access.restricted) {
      status.current = (await ctx.visible(access)).build;
    }
    res.json(status);
  });

  router.get('/estate', async (req, res) => {
    const snapshot = await ctx.snapshot(req);
    res.json({
      ...estateGraph(snapshot.graph, {
        maxNodes: req.query.maxNodes,
        filter: graphFilter(req.query),
      }),
      builtAt: snapshot.build.builtAt,
      graph: summaryOf(snapshot),
    });
  });

  router.get('/business-processes/:process', async (req, res) => {
    const { process } = req.params;
    const ref = normalizeEntityRef(process, 'domain');
    if (!ref) {
      throw new InputError(
        `path.process: "${process}" is not a business process name or Domain ref`,
      );
    }
    const snapshot = await ctx.snapshot(req);
    if (!snapshot.graph.processes.some(p => p.ref === ref)) {
      throw new NotFoundError(
        `No business process "${process}" in the dependency map; known: ${snapshot.graph.processes
          .map(p => p.name)
          .join(', ')}`,
      );
    }
    res.json({
      ...businessProcessGraph(snapshot.graph, ref, {
        maxNodes: req.query.maxNodes,
        filter: graphFilter(req.query),
      }),
      graph: summaryOf(snapshot),
    });
  });
}

/** An entity's neighbourhood and blast radius. */
function addEntityRoutes(router: ApiRouter, ctx: RouteContext): void {
  router.get(
    '/entities/:kind/:namespace/:name/neighbourhood',
    async (req, res) => {
      const entityRef = entityRefFromParams(req.params);
      const snapshot = await ctx.snapshot(req);
      requireEntities(snapshot.graph, [entityRef], 'path');
      const { depth, direction, maxNodes } = req.query;
      res.json({
        ...dependencyNeighbourhood(snapshot.graph, {
          entityRef,
          depth,
          direction,
          maxNodes,
          filter: graphFilter(req.query),
        }),
        graph: summaryOf(snapshot),
      });
    },
  );

  router.get('/entities/:kind/:namespace/:name/impact', async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    const snapshot = await ctx.snapshot(req);
    requireEntities(snapshot.graph, [entityRef], 'path');
    const { maxDepth, limit, offset } = req.query;
    res.json({
      ...pageImpact(analyzeImpact(snapshot.graph, entityRef, { maxDepth }), {
        limit,
        offset,
      }),
      graph: summaryOf(snapshot),
    });
  });
}

/**
 * The whole estate's deploy order as JSON, per served snapshot: serialized once (1.8 MB at
 * 50,000 entities, most of the route's time), as the plan itself is computed once per graph.
 */
const estateOrderBodies = new WeakMap<GraphSnapshot, string>();

/** Deploy order and release-train plans. */
function addPlanRoutes(router: ApiRouter, ctx: RouteContext): void {
  router.get('/deploy-order', async (req, res) => {
    const snapshot = await ctx.snapshot(req);
    const entityRefs = listParam(req.query.entityRef);
    if (entityRefs.length) {
      requireEntities(snapshot.graph, entityRefs, 'query.entityRef');
      res.json({
        ...planDeployOrder(snapshot.graph, { entityRefs }),
        graph: summaryOf(snapshot),
      });
      return;
    }
    const body = keptPer(estateOrderBodies, snapshot, () =>
      JSON.stringify({
        ...planDeployOrder(snapshot.graph),
        graph: summaryOf(snapshot),
      }),
    );
    // The serialized answer (the typed router's `send` takes the object).
    (res as express.Response).type('json').send(body);
  });

  // A bad change (a ref not in the graph the caller sees, listed twice, a bad API version) is
  // answered in the plan's `rejected`, the rest planned: one typo does not fail the train.
  router.post('/release-train', async (req, res) => {
    const changes = trainChanges(req.body);
    const snapshot = await ctx.snapshot(req);
    const plan = planReleaseTrain(snapshot.graph, changes);
    await ctx.trainPlanned(req, changes, plan);
    res.json({ ...plan, graph: summaryOf(snapshot) });
  });
}

/**
 * The HTTP API of the dependency-map plugin: one request answers each view, from the graph in
 * memory, restricted to the entities the caller may read in the catalog. Every route needs a
 * user or service principal and `dependency-map.graph.read`; every request is validated against
 * the spec (src/schema/openapi.yaml) before its handler runs.
 */
export async function createRouter(options: {
  graph: CatalogDependencyGraph;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  notifications: NotificationService;
  logger: LoggerService;
}): Promise<express.Router> {
  const { httpAuth, permissions, catalog } = options;
  const authorize = createAuthorizer({ httpAuth, permissions });
  const ctx: RouteContext = {
    graph: options.graph,
    async access(req) {
      return CatalogReadAccess.forCredentials(await authorize(req), {
        permissions,
        catalog,
      });
    },
    async visible(access) {
      return visibleSnapshot(await options.graph.current(), access);
    },
    async snapshot(req) {
      return ctx.visible(await ctx.access(req));
    },
    async trainPlanned(req, changes, plan) {
      await notifyUnorderableTrain(
        options,
        await httpAuth.credentials(req),
        changes,
        plan,
      );
    },
  };
  // Bodies are parsed, and each operation's permission checked, before the spec's validation
  // reads the request; their errors are answered by this router's handlers, below.
  const outer = Router();
  outer.use(jsonBodies(() => RELEASE_TRAIN_BODY_BYTES));
  outer.use(
    authorizeBySpec(spec, {
      authorize,
      permissions: dependencyMapPermissions,
    }),
  );
  // No body parser of its own (the default): the outer router has parsed the body already.
  const router = createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  outer.use(router);
  addGraphRoutes(router, ctx);
  addEntityRoutes(router, ctx);
  addPlanRoutes(router, ctx);
  outer.use(bodyParserErrorHandler());
  return outer;
}
