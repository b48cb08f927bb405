import express from 'express';
import Router from 'express-promise-router';
import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  SchedulerService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BasicPermission,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import {
  EVIDENCE_KINDS,
  GRADES,
  scorecardsEvidenceUploadPermission,
  scorecardsGateOverridePermission,
  scorecardsPolicyReevaluatePermission,
  scorecardsReleaseReadPermission,
  PORTFOLIO_SORTS,
  PortfolioItem,
  TIERS,
} from '@waybill/plugin-scorecards-common';
import { z } from 'zod';
import { parseDeliveryEvents } from '../evidence/deliveryEvents';
import {
  assertPerson,
  bodyParserErrorHandler,
  callerOf,
  databaseUnavailableHandler,
  CatalogReadAccess,
} from '@waybill/plugin-waybill-node';
import { ReleaseScorecards } from './ReleaseScorecards';

/** A kind or namespace the catalog can read back from a ref: no ":" or "/". */
const refPart = z
  .string()
  .min(1)
  .regex(/^[^:/]+$/, 'must not contain ":" or "/"');
const entityParams = z.object({
  kind: refPart,
  namespace: refPart,
  name: z.string().min(1),
});
const releaseParams = entityParams.extend({
  version: z.string().min(1).max(255),
});
const uploadQuery = z
  .object({
    commit: z.string().max(255).optional(),
    pipelineUrl: z
      .string()
      .url()
      .regex(/^https?:\/\//i, 'expected an http(s) URL of the pipeline run')
      .optional(),
    environment: z.string().max(255).optional(),
  })
  .strict();
const overrideBody = z
  .object({
    reason: z
      .string()
      .trim()
      .min(10, 'reason must say why, in at least 10 characters'),
    expiresAt: z.iso.datetime({
      offset: true,
      error:
        'expected an ISO 8601 time with a time zone, e.g. 2026-12-01T00:00:00Z',
    }),
  })
  .strict();
/** A ref filter given as `name`, `namespace/name` or a full ref, compared as a full ref. */
const refFilter = (defaultKind: string) =>
  z
    .string()
    .min(1)
    .transform((ref, ctx) => {
      try {
        return stringifyEntityRef(
          parseEntityRef(ref, { defaultKind }),
        ).toLocaleLowerCase('en-US');
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: `"${ref}" is not an entity ref`,
        });
        return z.NEVER;
      }
    });
const portfolioFilter = z.object({
  owner: refFilter('group').optional(),
  system: refFilter('system').optional(),
  tier: z.enum(TIERS).optional(),
  businessProcess: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'expected a business process name such as order-to-cash',
    )
    .optional(),
  grade: z.enum(GRADES).optional(),
  gate: z
    .string()
    .regex(
      /^[^:]+:(pass|warn|fail)$/,
      'expected environment:decision, e.g. production:fail',
    )
    .transform(value => {
      const [environment, decision] = value.split(':');
      return { environment, decision: decision as 'pass' | 'warn' | 'fail' };
    })
    .optional(),
});
const portfolioQuery = portfolioFilter
  .extend({
    sort: z.enum(PORTFOLIO_SORTS).default('name'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(1000).optional(),
  })
  .strict();
const portfolioCsvQuery = portfolioFilter
  .extend({ sort: z.enum(PORTFOLIO_SORTS).default('name') })
  .strict();
const doraQuery = portfolioFilter
  .extend({
    entityRef: refFilter('component').optional(),
    from: z.coerce.date(),
    to: z.coerce.date(),
  })
  .strict();
/** Override requests are a reason and an expiry; nothing bigger is legitimate. */
const OVERRIDE_BODY_LIMIT_BYTES = 16 * 1024;

const historyQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(50) })
  .strict();

/** Parses with a zod schema; failures become an InputError naming each bad field. */
function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .map(i => `${[what, ...i.path].join('.')}: ${i.message}`)
      .join('; ');
    throw new InputError(issues);
  }
  return result.data;
}

function releaseKey(params: unknown) {
  const { kind, namespace, name, version } = parse(
    releaseParams,
    params,
    'path',
  );
  return {
    entityRef: stringifyEntityRef({ kind, namespace, name }).toLocaleLowerCase(
      'en-US',
    ),
    version,
  };
}

/** The portfolio export, one row per entity, in the order of the current sort. */
const PORTFOLIO_CSV_COLUMNS: Array<{
  header: string;
  value: (item: PortfolioItem) => string | number;
}> = [
  { header: 'entity', value: i => i.entityRef },
  { header: 'title', value: i => i.title },
  { header: 'owner', value: i => i.owner ?? '' },
  { header: 'system', value: i => i.system ?? '' },
  { header: 'tier', value: i => i.tier },
  { header: 'business_processes', value: i => i.businessProcesses.join(' ') },
  { header: 'version', value: i => i.version },
  { header: 'released_at', value: i => i.releasedAt },
  { header: 'score', value: i => i.score },
  { header: 'grade', value: i => i.grade },
  {
    header: 'gates',
    value: i =>
      Object.entries(i.gates)
        .map(([env, d]) => `${env}:${d}`)
        .join(' '),
  },
  {
    header: 'failing_checks',
    value: i => i.failingChecks.map(c => c.id).join(' '),
  },
];

/**
 * Text a spreadsheet runs as a formula (OWASP, CSV injection): `=`, `+`, `-` or `@` first, also
 * after white space, or a leading tab or carriage return.
 */
const FORMULA_START = /^(\s*[=+\-@]|[\t\r])/;

/** Quotes a CSV cell (RFC 4180) and defuses spreadsheet formulas in text from the catalog. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(value))
    text = `'${value}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The HTTP API of the scorecards plugin; every route needs a user or a service principal. Reads
 * show a user only the entities the catalog lets them read (see CatalogReadAccess).
 */
export async function createRouter(options: {
  logger: LoggerService;
  scorecards: ReleaseScorecards;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  auditor: AuditorService;
  auth: AuthService;
  scheduler: SchedulerService;
  maxUploadBytes: number;
}): Promise<express.Router> {
  const { scorecards, httpAuth, permissions, auditor, scheduler } = options;
  const router = Router();

  async function authorize(req: express.Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  }

  /** Which catalog entities a caller's reads show. */
  const readAccess = (credentials: BackstageCredentials) =>
    CatalogReadAccess.forCredentials(credentials, {
      permissions,
      catalog: options.catalog,
    });

  /** Authorizes a read and says which entities it may show. */
  const authorizeRead = async (req: express.Request) =>
    readAccess(await authorize(req, scorecardsReleaseReadPermission));

  /**
   * Who the catalog is read as for a caller: a user as themselves; a service principal as this
   * plugin, since its token cannot always be passed on to the catalog (externalAccess
   * restrictions are not delegated). Pipelines are still held to their own repository.
   */
  const catalogReader = async (
    credentials: Awaited<ReturnType<typeof authorize>>,
  ) =>
    credentials.principal.type === 'user'
      ? credentials
      : options.auth.getOwnServiceCredentials();

  router.post(
    '/entities/:kind/:namespace/:name/releases/:version/evidence/:evidenceKind',
    express.raw({ type: () => true, limit: options.maxUploadBytes }),
    async (req, res) => {
      const credentials = await authorize(
        req,
        scorecardsEvidenceUploadPermission,
      );
      const key = releaseKey(req.params);
      const kind = parse(
        z.enum(EVIDENCE_KINDS),
        req.params.evidenceKind,
        'evidenceKind',
      );
      const query = parse(uploadQuery, req.query, 'query');
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new InputError(
          'The request body is empty; send the evidence file as the body',
        );
      }
      const audit = await auditor.createEvent({
        eventId: 'evidence-upload',
        request: req,
        meta: { ...key, kind },
      });
      try {
        const result = await scorecards.uploadEvidence(
          {
            ...key,
            ...query,
            kind,
            contentType: req.headers['content-type'],
            body: req.body,
          },
          {
            caller: callerOf(credentials),
            credentials: await catalogReader(credentials),
          },
        );
        await audit.success({
          meta: { evidenceId: result.evidenceId, duplicate: result.duplicate },
        });
        res.status(result.duplicate ? 200 : 201).json(result);
      } catch (error) {
        await audit.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.post(
    '/events',
    express.json({ limit: options.maxUploadBytes }),
    async (req, res) => {
      const credentials = await authorize(
        req,
        scorecardsEvidenceUploadPermission,
      );
      if (!req.is('application/json')) {
        throw new InputError(
          'Send delivery events as JSON, with Content-Type application/json',
        );
      }
      const events = parseDeliveryEvents(req.body);
      res.status(201).json(
        await scorecards.recordDeliveryEvents(events, {
          caller: callerOf(credentials),
          credentials: await catalogReader(credentials),
        }),
      );
    },
  );

  router.get('/entities/:kind/:namespace/:name/releases', async (req, res) => {
    const access = await authorizeRead(req);
    const { kind, namespace, name } = parse(entityParams, req.params, 'path');
    const { limit } = parse(historyQuery, req.query, 'query');
    const entityRef = stringifyEntityRef({
      kind,
      namespace,
      name,
    }).toLocaleLowerCase('en-US');
    res.json({ items: await scorecards.history(entityRef, limit, access) });
  });

  router.get(
    '/entities/:kind/:namespace/:name/releases/:version',
    async (req, res) => {
      const access = await authorizeRead(req);
      res.json(await scorecards.getRelease(releaseKey(req.params), access));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/releases/:version/gates/:environment',
    async (req, res) => {
      const access = await authorizeRead(req);
      res.json(
        await scorecards.gate(
          releaseKey(req.params),
          req.params.environment,
          access,
        ),
      );
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/releases/:version/gates/:environment/overrides',
    express.json({ limit: OVERRIDE_BODY_LIMIT_BYTES }),
    async (req, res) => {
      const credentials = await authorize(
        req,
        scorecardsGateOverridePermission,
      );
      const caller = callerOf(credentials);
      assertPerson(caller, 'A gate override');
      const key = releaseKey(req.params);
      const body = parse(overrideBody, req.body, 'body');
      const audit = await auditor.createEvent({
        eventId: 'gate-override',
        severityLevel: 'medium',
        request: req,
        meta: { ...key, environment: req.params.environment, ...body },
      });
      try {
        const override = await scorecards.overrideGate(
          key,
          {
            ...body,
            environment: req.params.environment,
            actor: caller.subject,
          },
          await readAccess(credentials),
        );
        await audit.success({ meta: { overrideId: override.id } });
        res.status(201).json(override);
      } catch (error) {
        await audit.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.get('/portfolio', async (req, res) => {
    const access = await authorizeRead(req);
    res.json(
      await scorecards.portfolio(
        parse(portfolioQuery, req.query, 'query'),
        access,
      ),
    );
  });

  router.get('/portfolio/summary', async (req, res) => {
    const access = await authorizeRead(req);
    res.json(
      await scorecards.portfolioSummary(
        parse(portfolioFilter.strict(), req.query, 'query'),
        access,
      ),
    );
  });

  router.get('/portfolio.csv', async (req, res) => {
    const access = await authorizeRead(req);
    const query = parse(portfolioCsvQuery, req.query, 'query');
    res.type('text/csv').attachment('waybill-portfolio.csv');
    res.write(`${PORTFOLIO_CSV_COLUMNS.map(c => c.header).join(',')}\n`);
    for await (const items of scorecards.portfolioPages(query, access)) {
      for (const item of items) {
        res.write(
          `${PORTFOLIO_CSV_COLUMNS.map(c => csvCell(c.value(item))).join(
            ',',
          )}\n`,
        );
      }
    }
    res.end();
  });

  router.get('/dora', async (req, res) => {
    const access = await authorizeRead(req);
    const { entityRef, from, to, ...filter } = parse(
      doraQuery,
      req.query,
      'query',
    );
    res.json(await scorecards.dora({ entityRef, filter, from, to }, access));
  });

  router.post('/policy/reevaluate', async (req, res) => {
    assertPerson(
      callerOf(await authorize(req, scorecardsPolicyReevaluatePermission)),
      'Re-evaluating the policy',
    );
    await scheduler.triggerTask('scorecards-reevaluate');
    res.status(202).json({ triggered: 'scorecards-reevaluate' });
  });

  // A lost database connection answers 503, not a 500 carrying the SQL.
  router.use(databaseUnavailableHandler(options.logger));
  router.use(
    bodyParserErrorHandler('evidence and events: scorecards.maxUploadBytes'),
  );

  return router;
}
