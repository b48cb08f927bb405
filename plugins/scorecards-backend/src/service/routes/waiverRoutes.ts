import { scorecardsWaiverApprovePermission } from '@waybill/plugin-scorecards-common';
import { assertPerson, audited, callerOf } from '@waybill/plugin-waybill-node';
import { ApiRouter, RouteContext } from './context';
import { statedReason } from './statedReason';

/** Waivers: asked for by one person, approved by another, revoked; every change audited. */
export function registerWaiverRoutes(
  router: ApiRouter,
  context: RouteContext,
): void {
  const { waivers, authorize, readerAccess, readAccess, auditor, holds } =
    context;

  router.get('/waivers', async (req, res) => {
    const access = await readerAccess(req);
    const { entityRef, status, expiringWithinDays, limit } = req.query;
    res.json({
      items: await waivers.list(
        { entityRef, status, expiringWithinDays, limit: limit ?? 100 },
        access,
      ),
    });
  });

  router.post('/waivers', async (req, res) => {
    const credentials = await authorize(req);
    const caller = callerOf(credentials);
    assertPerson(caller, 'A waiver');
    const body = { ...req.body, reason: statedReason(req.body.reason) };
    const waiver = await audited(
      auditor,
      { eventId: 'waiver-request', request: req, meta: body },
      async () =>
        waivers.request(body, caller.subject, await readAccess(credentials)),
      w => ({ waiverId: w.id }),
    );
    res.status(201).json(waiver);
  });

  router.post('/waivers/:waiverId/approve', async (req, res) => {
    const credentials = await authorize(req);
    const caller = callerOf(credentials);
    assertPerson(caller, 'Approving a waiver');
    const waiverId = Number(req.params.waiverId);
    const waiver = await audited(
      auditor,
      { eventId: 'waiver-approve', request: req, meta: { waiverId } },
      async () =>
        waivers.approve(
          waiverId,
          caller.subject,
          await readAccess(credentials),
        ),
    );
    res.json(waiver);
  });

  router.post('/waivers/:waiverId/revoke', async (req, res) => {
    const credentials = await authorize(req);
    const caller = callerOf(credentials);
    assertPerson(caller, 'Revoking a waiver');
    const waiverId = Number(req.params.waiverId);
    const reason = statedReason(req.body.reason);
    const waiver = await audited(
      auditor,
      { eventId: 'waiver-revoke', request: req, meta: { waiverId, reason } },
      async () =>
        waivers.revoke(
          waiverId,
          {
            actor: caller.subject,
            reason,
            mayApprove: await holds(
              credentials,
              scorecardsWaiverApprovePermission,
            ),
          },
          await readAccess(credentials),
        ),
    );
    res.json(waiver);
  });
}
