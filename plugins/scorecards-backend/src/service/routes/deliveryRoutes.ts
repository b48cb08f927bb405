import { callerOf, catalogCredentialsFor } from '@waybill/plugin-waybill-node';
import { parseDeliveryEvents } from '../../evidence/deliveryEvents';
import { ApiRouter, RouteContext } from './context';
import { doraScopeOf } from './portfolioFilter';

/** Delivery events and the DORA figures computed from them. */
export function registerDeliveryRoutes(
  router: ApiRouter,
  context: RouteContext,
): void {
  const { scorecards, authorize, readerAccess, auth } = context;

  router.post('/events', async (req, res) => {
    const credentials = await authorize(req);
    const events = parseDeliveryEvents(req.body);
    res.status(201).json(
      await scorecards.recordDeliveryEvents(events, {
        caller: callerOf(credentials),
        credentials: await catalogCredentialsFor(auth, credentials),
      }),
    );
  });

  router.get('/dora', async (req, res) => {
    const access = await readerAccess(req);
    res.json(await scorecards.dora(doraScopeOf(req.query), access));
  });
}
