import { InputError } from '@backstage/errors';
import { scorecardsEvidenceUploadPermission } from '@waybill/plugin-scorecards-common';
import {
  callerOf,
  catalogCredentialsFor,
  parseInput,
} from '@waybill/plugin-waybill-node';
import express from 'express';
import { parseDeliveryEvents } from '../../evidence/deliveryEvents';
import { RouteContext } from './context';
import { doraQuery } from './portfolioFilter';

/** Delivery events and the DORA figures computed from them. */
export function registerDeliveryRoutes(
  router: express.Router,
  context: RouteContext,
): void {
  const { scorecards, authorize, authorizeRead, auth } = context;

  router.post(
    '/events',
    express.json({ limit: context.maxUploadBytes }),
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
          credentials: await catalogCredentialsFor(auth, credentials),
        }),
      );
    },
  );

  router.get('/dora', async (req, res) => {
    const access = await authorizeRead(req);
    const { entityRef, from, to, ...filter } = parseInput(
      doraQuery,
      req.query,
      'query',
    );
    res.json(await scorecards.dora({ entityRef, filter, from, to }, access));
  });
}
