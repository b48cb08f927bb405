import express from 'express';
import Router from 'express-promise-router';
import {
  AuthService,
  HttpAuthService,
  PermissionsService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  MAX_CALENDAR_DAYS,
  ROLLOUT_ACTIONS,
  TENANT_STATUSES,
  TenantStatus,
  tenantRolloutsAdvancePermission,
  tenantRolloutsCreatePermission,
  tenantRolloutsOverridePermission,
  tenantRolloutsReadPermission,
  tenantRolloutsRollbackPermission,
  tenantRolloutsStatusReportPermission,
} from '@waybill/plugin-tenant-rollouts-common';
import { z } from 'zod';

import {
  assertPerson,
  bodyParserErrorHandler,
  callerOf,
  databaseUnavailableHandler,
  CatalogReadAccess,
} from '@waybill/plugin-waybill-node';
import { RolloutConflictError } from './errors';
import { TenantRollouts } from './TenantRollouts';

/** Creating and acting on a rollout take a few fields; nothing bigger is legitimate. */
const SMALL_BODY_BYTES = 64 * 1024;
/** A status report of 5,000 tenants with 2,000-character details, as the schema allows. */
const STATUS_REPORT_BYTES = 12 * 1024 * 1024;

const entityRefSchema = z
  .string()
  .min(1)
  .max(255)
  .transform((ref, ctx) => {
    try {
      return stringifyEntityRef(
        parseEntityRef(ref, { defaultKind: 'component' }),
      ).toLocaleLowerCase('en-US');
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `"${ref}" is not an entity ref`,
      });
      return z.NEVER;
    }
  });
const createBody = z
  .object({
    entityRef: entityRefSchema,
    version: z.string().min(1).max(255),
    environment: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
      .max(63),
    strategy: z
      .union([z.string().min(1).max(63), z.record(z.string(), z.unknown())])
      .optional(),
  })
  .strict();
const idParams = z.object({ id: z.coerce.number().int().positive() });
const actionParams = idParams.extend({ action: z.enum(ROLLOUT_ACTIONS) });
const waveParams = idParams.extend({ index: z.coerce.number().int().min(0) });
const waveQuery = z
  .object({ cloud: z.string().min(1).max(100).optional() })
  .strict();
const reason = z
  .string()
  .trim()
  .min(10, 'reason must say why, in at least 10 characters')
  .max(2000);
const actionBody = z
  .object({ override: z.boolean().default(false), reason: reason.optional() })
  .strict();
const listQuery = z
  .object({
    entityRef: entityRefSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
const DAY_MS = 86_400_000;
const calendarQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .transform((query, ctx) => {
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to
      ? new Date(query.to)
      : new Date(from.getTime() + 90 * DAY_MS);
    if (to <= from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must be after from',
      });
    } else if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * DAY_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${MAX_CALENDAR_DAYS} days after from`,
      });
    }
    return { from, to };
  });
const statusBody = z
  .object({
    statuses: z
      .array(
        z
          .object({
            tenant: z.string().min(1).max(255),
            status: z.enum(TENANT_STATUSES),
            detail: z.string().max(2000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();
/** CDEvents service events; the tenant is the event's environment id. */
const CDEVENT_STATUS: Record<string, TenantStatus> = {
  'service.deployed': 'healthy',
  'service.upgraded': 'healthy',
  'service.rolledback': 'rolled-back',
};
const cdEvent = z.object({
  context: z.object({
    type: z
      .string()
      .regex(
        /^dev\.cdevents\.service\.(deployed|upgraded|rolledback)\.\d+\.\d+\.\d+/,
        'expected a CDEvents service.deployed, service.upgraded or service.rolledback event',
      ),
  }),
  subject: z.object({
    content: z.object({
      environment: z.object({ id: z.string().min(1).max(255) }),
    }),
  }),
});

/** Parses with a zod schema; failures become an InputError naming each bad field. */
function parse<T>(schema: z.ZodType<T, any>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(i => `${[what, ...i.path].join('.')}: ${i.message}`)
        .join('; '),
    );
  }
  return result.data;
}

function statusUpdates(body: unknown) {
  const isCdEvents =
    Array.isArray(body) ||
    (typeof body === 'object' && body !== null && 'context' in body);
  if (!isCdEvents) {
    return parse(statusBody, body, 'body').statuses.map(s => ({
      tenantRef: s.tenant,
      status: s.status,
      detail: s.detail,
    }));
  }
  const events = parse(
    z.array(cdEvent).min(1).max(5000),
    Array.isArray(body) ? body : [body],
    'body',
  );
  return events.map(e => {
    const kind = e.context.type.split('.').slice(2, 4).join('.');
    return {
      tenantRef: e.subject.content.environment.id,
      status: CDEVENT_STATUS[kind],
      detail: e.context.type,
    };
  });
}

/**
 * The HTTP API of the tenant-rollouts plugin; every route needs a user or a service principal.
 * What a user sees is limited to the entities the catalog lets them read (see TenantRollouts).
 */
export async function createRouter(options: {
  logger: LoggerService;
  rollouts: TenantRollouts;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
}): Promise<express.Router> {
  const { rollouts, httpAuth, auth, permissions, catalog } = options;
  const router = Router();

  async function authorize(
    req: express.Request,
    ...required: BasicPermission[]
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const decisions = await permissions.authorize(
      required.map(permission => ({ permission })),
      { credentials },
    );
    decisions.forEach((decision, i) => {
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(`Missing permission ${required[i].name}`);
      }
    });
    const caller = callerOf(credentials);
    const access = await CatalogReadAccess.forCredentials(credentials, {
      permissions,
      catalog,
    });
    if (caller.type === 'user') return { credentials, caller, access };
    // A service principal's token cannot always be passed on to the catalog (externalAccess
    // restrictions are not delegated), so the catalog is read with the plugin's own credentials;
    // the caller still says who acts, and pipelines are held to their own repository.
    return {
      credentials: await auth.getOwnServiceCredentials(),
      caller,
      access,
    };
  }

  router.post(
    '/rollouts',
    express.json({ limit: SMALL_BODY_BYTES }),
    async (req, res) => {
      const actor = await authorize(req, tenantRolloutsCreatePermission);
      const body = parse(createBody, req.body, 'body');
      res.status(201).json(await rollouts.create(body, actor));
    },
  );

  router.get('/rollouts', async (req, res) => {
    const { access } = await authorize(req, tenantRolloutsReadPermission);
    const query = parse(listQuery, req.query, 'query');
    res.json({ items: await rollouts.list(query, access) });
  });

  router.get('/rollouts/:id', async (req, res) => {
    const { access } = await authorize(req, tenantRolloutsReadPermission);
    const { id } = parse(idParams, req.params, 'path');
    res.json(await rollouts.get(id, access));
  });

  router.get('/rollouts/:id/waves/:index', async (req, res) => {
    const { access } = await authorize(req, tenantRolloutsReadPermission);
    const { id, index } = parse(waveParams, req.params, 'path');
    const filter = parse(waveQuery, req.query, 'query');
    res.json(await rollouts.wave(id, index, filter, access));
  });

  router.post(
    '/rollouts/:id/actions/:action',
    express.json({ limit: SMALL_BODY_BYTES }),
    async (req, res) => {
      const { id, action } = parse(actionParams, req.params, 'path');
      const body = parse(actionBody, req.body ?? {}, 'body');
      if ((body.override || action === 'rollback') && !body.reason) {
        throw new InputError(
          `body.reason: ${
            action === 'rollback' ? 'a rollback' : 'an override'
          } needs a reason, in at least 10 characters`,
        );
      }
      const required = [
        action === 'rollback'
          ? tenantRolloutsRollbackPermission
          : tenantRolloutsAdvancePermission,
      ];
      if (body.override) required.push(tenantRolloutsOverridePermission);
      const actor = await authorize(req, ...required);
      if (body.override || action === 'rollback') {
        assertPerson(
          actor.caller,
          action === 'rollback' ? 'A rollback' : 'An override',
        );
      }
      res.json(
        await rollouts.act(id, action, actor, {
          override: body.override,
          reason: body.reason,
          request: req,
        }),
      );
    },
  );

  router.get('/strategies', async (req, res) => {
    await authorize(req, tenantRolloutsReadPermission);
    res.json({ items: rollouts.strategies() });
  });

  router.get('/freeze-calendar', async (req, res) => {
    const { credentials } = await authorize(req, tenantRolloutsReadPermission);
    const range = parse(calendarQuery, req.query, 'query');
    res.json(await rollouts.freezeCalendar(range, credentials));
  });

  router.post(
    '/rollouts/:id/tenants/status',
    express.json({ limit: STATUS_REPORT_BYTES }),
    async (req, res) => {
      const actor = await authorize(req, tenantRolloutsStatusReportPermission);
      const { id } = parse(idParams, req.params, 'path');
      res.json(
        await rollouts.reportStatuses(id, statusUpdates(req.body), actor),
      );
    },
  );

  router.use(
    (
      error: Error,
      req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
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
    },
  );
  // A lost database connection answers 503, not a 500 carrying the SQL.
  router.use(databaseUnavailableHandler(options.logger));
  router.use(bodyParserErrorHandler());

  return router;
}
