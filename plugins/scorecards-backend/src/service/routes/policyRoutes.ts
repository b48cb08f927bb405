import { assertPerson, callerOf } from '@waybill/plugin-waybill-node';
import { ApiRouter, RouteContext } from './context';

/** The policy: re-scoring every release against it now rather than on the next scheduled run. */
export function registerPolicyRoutes(
  router: ApiRouter,
  context: RouteContext,
): void {
  router.post('/policy/reevaluate', async (req, res) => {
    assertPerson(
      callerOf(await context.authorize(req)),
      'Re-evaluating the policy',
    );
    await context.scheduler.triggerTask('scorecards-reevaluate');
    res.status(202).json({ triggered: 'scorecards-reevaluate' });
  });
}
