import {
  assertPerson,
  audited,
  callerOf,
  entityRefFromParams,
} from '@waybill/plugin-waybill-node';
import { ApiRouter, RouteContext } from './context';
import { statedReason } from './statedReason';
import { releaseKeyFromParams } from './releaseKey';

/** Releases: an entity's history and one release's scorecard. */
export function registerReleaseRoutes(
  router: ApiRouter,
  context: RouteContext,
): void {
  const { scorecards, readerAccess } = context;

  router.get('/entities/:kind/:namespace/:name/releases', async (req, res) => {
    const access = await readerAccess(req);
    const entityRef = entityRefFromParams(req.params);
    const { limit } = req.query;
    res.json({ items: await scorecards.history(entityRef, limit, access) });
  });

  router.get(
    '/entities/:kind/:namespace/:name/releases/:version',
    async (req, res) => {
      const access = await readerAccess(req);
      res.json(
        await scorecards.getRelease(releaseKeyFromParams(req.params), access),
      );
    },
  );
}

/** Gates: whether a release may be promoted to an environment, and overriding that decision. */
export function registerGateRoutes(
  router: ApiRouter,
  context: RouteContext,
): void {
  const { scorecards, authorize, readerAccess, auditor } = context;

  router.get(
    '/entities/:kind/:namespace/:name/releases/:version/gates/:environment',
    async (req, res) => {
      const access = await readerAccess(req);
      res.json(
        await scorecards.gate(
          releaseKeyFromParams(req.params),
          req.params.environment,
          access,
          [req.query.segment ?? []].flat().map(String),
        ),
      );
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/releases/:version/gates/:environment/overrides',
    async (req, res) => {
      const credentials = await authorize(req);
      const caller = callerOf(credentials);
      assertPerson(caller, 'A gate override');
      const key = releaseKeyFromParams(req.params);
      const body = {
        reason: statedReason(req.body.reason),
        expiresAt: req.body.expiresAt,
      };
      const { environment } = req.params;
      const override = await audited(
        auditor,
        {
          eventId: 'gate-override',
          request: req,
          meta: { ...key, environment, ...body },
        },
        async () =>
          scorecards.overrideGate(
            key,
            { ...body, environment, actor: caller.subject },
            await context.readAccess(credentials),
          ),
        o => ({ overrideId: o.id }),
      );
      res.status(201).json(override);
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/releases/:version/gates/:environment/overrides/:overrideId/revoke',
    async (req, res) => {
      const credentials = await authorize(req);
      const caller = callerOf(credentials);
      assertPerson(caller, 'Revoking a gate override');
      const key = releaseKeyFromParams(req.params);
      const { environment } = req.params;
      const overrideId = Number(req.params.overrideId);
      const reason = statedReason(req.body.reason);
      const revoked = await audited(
        auditor,
        {
          eventId: 'gate-override-revoke',
          request: req,
          meta: { ...key, environment, overrideId, reason },
        },
        async () =>
          scorecards.revokeGateOverride(
            key,
            { environment, overrideId, reason, actor: caller.subject },
            await context.readAccess(credentials),
          ),
      );
      res.json(revoked);
    },
  );
}
