import { createHash } from 'node:crypto';
import express from 'express';
import Router from 'express-promise-router';
import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  RolloutAction,
  tenantRolloutsAdvancePermission,
  tenantRolloutsOverridePermission,
  tenantRolloutsPermissions,
  tenantRolloutsRollbackPermission,
} from '@waybill/plugin-tenant-rollouts-common';
import {
  assertPerson,
  audited,
  authorizeBySpec,
  bodyParserErrorHandler,
  callerOf,
  catalogCredentialsFor,
  CatalogReadAccess,
  createAuthorizer,
  databaseUnavailableHandler,
  entityRefInput,
  jsonBodies,
} from '@waybill/plugin-waybill-node';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';
import { RolloutConflictError } from './errors';
import { actionResultOf } from './rolloutActions';
import {
  actionReason,
  boardQuery,
  calendarRange,
  pathNumber,
  SMALL_BODY_BYTES,
  STATUS_REPORT_BYTES,
  statusUpdates,
} from './routerInput';
import { TenantRollouts } from './TenantRollouts';

/** What the router needs. */
export interface RouterOptions {
  logger: LoggerService;
  rollouts: TenantRollouts;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  /** Records every action at the router's edge. */
  auditor: AuditorService;
}

/**
 * Answers who acts (caller, catalog credentials and access), checking the permissions named.
 * The permission an operation names in the spec (`x-permission`) has been checked by
 * `authorizeBySpec` before the request got here; routes name only permissions beyond it.
 */
function actorAuthorizer(options: RouterOptions) {
  const { auth, permissions, catalog } = options;
  const authorize = createAuthorizer(options);
  return async (
    req: Parameters<typeof authorize>[0],
    ...required: BasicPermission[]
  ) => {
    const credentials = await authorize(req, ...required);
    return {
      caller: callerOf(credentials),
      access: await CatalogReadAccess.forCredentials(credentials, {
        permissions,
        catalog,
      }),
      // A service principal's token cannot always be passed on to the catalog (externalAccess
      // restrictions are not delegated), so the catalog is read with the plugin's own
      // credentials; the caller still says who acts, and pipelines are held to their own
      // repository.
      credentials: await catalogCredentialsFor(auth, credentials),
    };
  };
}

type AuthorizeActor = ReturnType<typeof actorAuthorizer>;

/** The router the spec validates requests for, typed per operation. */
type ApiRouter = ReturnType<typeof createOpenApiRouter>;

/** The routes that read: rollouts, boards, waves, strategies and the freeze calendar. */
function readRoutes(
  router: ApiRouter,
  rollouts: TenantRollouts,
  authorize: AuthorizeActor,
) {
  router.get('/rollouts', async (req, res) => {
    const { access } = await authorize(req);
    const { entityRef, version, limit } = req.query;
    const filter = {
      entityRef: entityRef && entityRefInput(entityRef, 'query.entityRef'),
      version,
      limit,
    };
    res.json({ items: await rollouts.list(filter, access) });
  });

  // A live board is read again on every signal (or poll). Its weak ETag is of the board as this
  // reader sees it for this query, but for when it was evaluated: an unchanged board is a 304
  // (express answers it, from the ETag set here), and no-cache has the browser ask each time.
  router.get('/rollouts/:id', async (req, res) => {
    const { access } = await authorize(req);
    const board = await rollouts.get(
      pathNumber(req.params.id),
      access,
      boardQuery(req.query),
    );
    const { evaluatedAt: _evaluatedAt, ...content } = board;
    const digest = createHash('sha1')
      .update(JSON.stringify(content))
      .digest('base64url');
    res.set({ 'Cache-Control': 'private, no-cache', ETag: `W/"${digest}"` });
    res.json(board);
  });

  router.get('/rollouts/:id/waves/:index', async (req, res) => {
    const { access } = await authorize(req);
    const { id, index } = req.params;
    res.json(
      await rollouts.wave(pathNumber(id), pathNumber(index), req.query, access),
    );
  });

  router.get('/strategies', async (_req, res) => {
    res.json({ items: rollouts.strategies() });
  });

  router.get('/freeze-calendar', async (req, res) => {
    const { credentials } = await authorize(req);
    res.json(
      await rollouts.freezeCalendar(calendarRange(req.query), credentials),
    );
  });
}

/**
 * An action's audit severity: an override is high (it may go past a blocker), a rollback
 * medium, the rest low. Decided at the edge, before the action runs.
 */
function severityOf(
  action: RolloutAction,
  override: boolean,
): AuditorServiceCreateEventOptions['severityLevel'] {
  if (override) return 'high';
  return action === 'rollback' ? 'medium' : 'low';
}

/** The auditor, recording its events at `severityLevel` (the kit's `audited` records medium). */
function withSeverity(
  auditor: AuditorService,
  severityLevel: AuditorServiceCreateEventOptions['severityLevel'],
): AuditorService {
  return {
    createEvent: event => auditor.createEvent({ ...event, severityLevel }),
  };
}

/**
 * An action on a rollout: checked, authorized, and audited at this edge; answers the rollout's
 * position after it.
 */
function actionRoute(
  router: ApiRouter,
  options: RouterOptions,
  authorize: AuthorizeActor,
) {
  router.post('/rollouts/:id/actions/:action', async (req, res) => {
    const id = pathNumber(req.params.id);
    const action = req.params.action;
    const rollback = action === 'rollback';
    const override = req.body?.override ?? false;
    const reason = actionReason(
      req.body?.reason,
      (rollback && 'a rollback') || (override && 'an override') || undefined,
    );
    const required = [
      rollback
        ? tenantRolloutsRollbackPermission
        : tenantRolloutsAdvancePermission,
    ];
    if (override) required.push(tenantRolloutsOverridePermission);
    const actor = await authorize(req, ...required);
    if (override || rollback) {
      assertPerson(actor.caller, rollback ? 'A rollback' : 'An override');
    }
    const outcome = await audited(
      withSeverity(options.auditor, severityOf(action, override)),
      {
        eventId: `rollout-${action}`,
        request: req,
        meta: {
          rolloutId: id,
          actor: actor.caller.subject,
          reason,
          override,
        },
      },
      () => options.rollouts.act(id, action, actor, { override, reason }),
      ({ record, overridden }) => ({
        entityRef: record.entityRef,
        version: record.version,
        environment: record.environment,
        state: record.state,
        currentWave: record.currentWave,
        overridden,
      }),
    );
    // Where the rollout is now, not its board: boards read that again on the rollout's signal.
    res.json(actionResultOf(action, outcome));
  });
}

/** A 409 carrying the rollout's position and what blocks it. */
function rolloutConflictHandler(): express.ErrorRequestHandler {
  return (error, req, res, next) => {
    if (error instanceof RolloutConflictError) {
      res.status(409).json({
        error: { name: 'ConflictError', message: error.message },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 409 },
        rollout: error.rollout,
        blockers: error.blockers,
      });
      return;
    }
    next(error);
  };
}

/**
 * The HTTP API of the tenant-rollouts plugin; every route needs a user or a service principal.
 * What a user sees is limited to the entities the catalog lets them read (see TenantRollouts).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { rollouts } = options;
  // Bodies are parsed, and each operation's permission checked, before the spec's validation
  // reads the request; their errors are answered by this router's handlers, below.
  const outer = Router();
  outer.use(
    jsonBodies(req =>
      req.path.endsWith('/tenants/status')
        ? STATUS_REPORT_BYTES
        : SMALL_BODY_BYTES,
    ),
  );
  outer.use(
    authorizeBySpec(spec, {
      authorize: createAuthorizer(options),
      permissions: tenantRolloutsPermissions,
    }),
  );
  // No body parser of its own (the default): the outer router has parsed the body already.
  const router = createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  outer.use(router);
  const authorize = actorAuthorizer(options);

  router.post('/rollouts', async (req, res) => {
    const actor = await authorize(req);
    const body = {
      ...req.body,
      entityRef: entityRefInput(req.body.entityRef, 'body.entityRef'),
    };
    res.status(201).json(await rollouts.create(body, actor));
  });
  readRoutes(router, rollouts, authorize);
  actionRoute(router, options, authorize);
  router.post('/rollouts/:id/tenants/status', async (req, res) => {
    const actor = await authorize(req);
    res.json(
      await rollouts.reportStatuses(
        pathNumber(req.params.id),
        statusUpdates(req.body),
        actor,
      ),
    );
  });

  outer.use(rolloutConflictHandler());
  // A lost database connection answers 503, not a 500 carrying the SQL.
  outer.use(databaseUnavailableHandler(options.logger));
  outer.use(bodyParserErrorHandler());
  return outer;
}
