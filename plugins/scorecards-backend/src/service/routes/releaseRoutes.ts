import { scorecardsGateOverridePermission } from '@waybill/plugin-scorecards-common';
import {
  assertPerson,
  audited,
  callerOf,
  entityRefFromParams,
  parseInput,
} from '@waybill/plugin-waybill-node';
import express from 'express';
import { z } from 'zod';
import { RouteContext } from './context';
import { releaseKeyFromParams } from './releaseKey';

const historyQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(50) })
  .strict();

/** Releases: an entity's history and one release's scorecard. */
export function registerReleaseRoutes(
  router: express.Router,
  context: RouteContext,
): void {
  const { scorecards, authorizeRead } = context;

  router.get('/entities/:kind/:namespace/:name/releases', async (req, res) => {
    const access = await authorizeRead(req);
    const entityRef = entityRefFromParams(req.params);
    const { limit } = parseInput(historyQuery, req.query, 'query');
    res.json({ items: await scorecards.history(entityRef, limit, access) });
  });

  router.get(
    '/entities/:kind/:namespace/:name/releases/:version',
    async (req, res) => {
      const access = await authorizeRead(req);
      res.json(
        await scorecards.getRelease(releaseKeyFromParams(req.params), access),
      );
    },
  );
}

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

/** Override requests are a reason and an expiry; nothing bigger is legitimate. */
const OVERRIDE_BODY_LIMIT_BYTES = 16 * 1024;

/** Gates: whether a release may be promoted to an environment, and overriding that decision. */
export function registerGateRoutes(
  router: express.Router,
  context: RouteContext,
): void {
  const { scorecards, authorize, authorizeRead, auditor } = context;
  const gatePath =
    '/entities/:kind/:namespace/:name/releases/:version/gates/:environment';

  router.get(gatePath, async (req, res) => {
    const access = await authorizeRead(req);
    res.json(
      await scorecards.gate(
        releaseKeyFromParams(req.params),
        req.params.environment,
        access,
      ),
    );
  });

  router.post(
    `${gatePath}/overrides`,
    express.json({ limit: OVERRIDE_BODY_LIMIT_BYTES }),
    async (req, res) => {
      const credentials = await authorize(
        req,
        scorecardsGateOverridePermission,
      );
      const caller = callerOf(credentials);
      assertPerson(caller, 'A gate override');
      const key = releaseKeyFromParams(req.params);
      const body = parseInput(overrideBody, req.body, 'body');
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
}
