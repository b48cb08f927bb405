import express from 'express';
import Router from 'express-promise-router';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_MAX_NODES,
  DEFAULT_NEIGHBOURHOOD_DEPTH,
  DEPENDENCY_DIRECTIONS,
  DEPENDENCY_EDGE_TYPES,
  DependencyGraph,
  GraphFilter,
  MAX_NEIGHBOURHOOD_DEPTH,
  MAX_NODES_LIMIT,
  analyzeImpact,
  businessProcessGraph,
  dependencyMapReadPermission,
  dependencyNeighbourhood,
  estateGraph,
  findNode,
  normalizeEntityRef,
  planDeployOrder,
  planReleaseTrain,
  releaseTrainRequestSchema,
} from '@waybill/plugin-dependency-map-common';
import {
  bodyParserErrorHandler,
  CatalogReadAccess,
} from '@waybill/plugin-waybill-node';
import { z } from 'zod';
import {
  CatalogDependencyGraph,
  GraphSnapshot,
  GraphSummary,
} from './CatalogDependencyGraph';
import { visibleSnapshot } from './visibleGraph';

/** Largest release-train body accepted: 500 changes with long refs fit with room to spare. */
const RELEASE_TRAIN_BODY_LIMIT_BYTES = 256 * 1024;

/** A query parameter given once, repeated (`?kind=a&kind=b`) or comma-separated (`?kind=a,b`). */
const listParam = z.union([z.string(), z.array(z.string())]).transform(value =>
  [value]
    .flat()
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(v => v !== ''),
);

const filterParams = {
  kind: listParam.optional(),
  type: listParam.optional(),
  owner: listParam.optional(),
  businessProcess: listParam.optional(),
  relation: listParam.pipe(z.array(z.enum(DEPENDENCY_EDGE_TYPES))).optional(),
};
const maxNodesParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_NODES_LIMIT)
  .default(DEFAULT_MAX_NODES);

const estateQuery = z
  .object({ ...filterParams, maxNodes: maxNodesParam })
  .strict();
const { businessProcess: _process, ...processFilterParams } = filterParams;
const processQuery = z
  .object({ ...processFilterParams, maxNodes: maxNodesParam })
  .strict();
const neighbourhoodQuery = z
  .object({
    ...filterParams,
    maxNodes: maxNodesParam,
    depth: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_NEIGHBOURHOOD_DEPTH)
      .default(DEFAULT_NEIGHBOURHOOD_DEPTH),
    direction: z.enum(DEPENDENCY_DIRECTIONS).default('both'),
  })
  .strict();
const impactQuery = z
  .object({
    maxDepth: z.coerce.number().int().min(1).optional(),
  })
  .strict();
const deployOrderQuery = z
  .object({
    entityRef: listParam
      .pipe(
        z
          .array(z.string())
          .max(
            MAX_NODES_LIMIT,
            `at most ${MAX_NODES_LIMIT} entity refs per request`,
          ),
      )
      .optional(),
  })
  .strict();
const entityParams = z.object({
  kind: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
});

/** Parses with a zod schema; failures become an InputError naming each bad parameter. */
function parse<T>(schema: z.ZodType<T, any>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .map(i => `${[what, ...i.path].join('.')}: ${i.message}`)
      .join('; ');
    throw new InputError(issues);
  }
  return result.data;
}

function graphFilter(query: {
  kind?: string[];
  type?: string[];
  owner?: string[];
  businessProcess?: string[];
  relation?: GraphFilter['relations'];
}): GraphFilter {
  return {
    kinds: query.kind,
    types: query.type,
    owners: query.owner,
    businessProcesses: query.businessProcess,
    relations: query.relation,
  };
}

/**
 * Checks that every ref names an entity of the graph: one that cannot be read as a ref is a
 * 400, one that is not in the graph a 404, each naming every offender.
 */
function requireEntities(
  graph: DependencyGraph,
  refs: readonly string[],
  what: string,
): void {
  const unreadable = refs.filter(r => normalizeEntityRef(r) === undefined);
  if (unreadable.length > 0) {
    throw new InputError(
      `${what}: ${unreadable
        .map(r => `"${r}"`)
        .join(', ')} cannot be read as an entity ref`,
    );
  }
  const unknown = refs.filter(r => !findNode(graph, r));
  if (unknown.length > 0) {
    throw new NotFoundError(
      `No entit${unknown.length > 1 ? 'ies' : 'y'} ${unknown
        .map(r => `"${r}"`)
        .join(
          ', ',
        )} in the dependency map (it holds Components, APIs, Resources, Systems and Domains read from the catalog)`,
    );
  }
}

function summaryOf({ build }: GraphSnapshot): GraphSummary {
  return {
    builtAt: build.builtAt,
    nodeCount: build.nodeCount,
    edgeCount: build.edgeCount,
    catalogEntities: build.catalogEntities,
    maxNodes: build.maxNodes,
    truncated: build.truncated,
    ...(build.message ? { message: build.message } : {}),
  };
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
  const router = Router();

  /**
   * Needs a user or service principal holding the read permission, checked before any input;
   * says which entities the caller may see.
   */
  async function authorize(req: express.Request): Promise<CatalogReadAccess> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: dependencyMapReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${dependencyMapReadPermission.name}`,
      );
    }
    return CatalogReadAccess.forCredentials(credentials, {
      permissions,
      catalog,
    });
  }

  /** The graph to answer from as the caller may see it, awaiting the first build. */
  const current = async (access: CatalogReadAccess) =>
    visibleSnapshot(await options.graph.current(), access);

  function entityRefOf(params: unknown): string {
    const { kind, namespace, name } = parse(entityParams, params, 'path');
    return stringifyEntityRef({ kind, namespace, name }).toLocaleLowerCase(
      'en-US',
    );
  }

  router.get('/status', async (req, res) => {
    const access = await authorize(req);
    const status = options.graph.status();
    if (status.current && access.restricted) {
      status.current = (await current(access)).build;
    }
    res.json(status);
  });

  router.get('/estate', async (req, res) => {
    const access = await authorize(req);
    const query = parse(estateQuery, req.query, 'query');
    const snapshot = await current(access);
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
    const access = await authorize(req);
    const query = parse(processQuery, req.query, 'query');
    const snapshot = await current(access);
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

  router.get(
    '/entities/:kind/:namespace/:name/neighbourhood',
    async (req, res) => {
      const access = await authorize(req);
      const entityRef = entityRefOf(req.params);
      const query = parse(neighbourhoodQuery, req.query, 'query');
      const snapshot = await current(access);
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
    const access = await authorize(req);
    const entityRef = entityRefOf(req.params);
    const query = parse(impactQuery, req.query, 'query');
    const snapshot = await current(access);
    requireEntities(snapshot.graph, [entityRef], 'path');
    res.json({
      ...analyzeImpact(snapshot.graph, entityRef, {
        maxDepth: query.maxDepth,
      }),
      graph: summaryOf(snapshot),
    });
  });

  router.get('/deploy-order', async (req, res) => {
    const access = await authorize(req);
    const query = parse(deployOrderQuery, req.query, 'query');
    const snapshot = await current(access);
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
      const access = await authorize(req);
      if (!req.is('application/json')) {
        throw new InputError(
          'Send the release train as JSON, with Content-Type application/json',
        );
      }
      const body = parse(releaseTrainRequestSchema, req.body, 'body');
      const snapshot = await current(access);
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

  router.use(bodyParserErrorHandler());

  return router;
}
