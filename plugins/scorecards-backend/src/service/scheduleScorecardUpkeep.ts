import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ReleaseScorecards } from './ReleaseScorecards';

/**
 * The scorecards' scheduled upkeep, each task run once across replicas: re-scoring releases
 * after a policy change, and keeping the portfolio's catalog facts in step with the catalog.
 */
export async function scheduleScorecardUpkeep(
  scorecards: ReleaseScorecards,
  deps: {
    scheduler: SchedulerService;
    logger: LoggerService;
    auth: AuthService;
  },
): Promise<void> {
  // Runs once across replicas: re-scores releases after a policy change, in batches.
  await deps.scheduler.scheduleTask({
    id: 'scorecards-reevaluate',
    frequency: { minutes: 1 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 15 },
    fn: async () => {
      let total = 0;
      for (
        let n = await scorecards.reevaluateStale(500);
        n > 0;
        n = await scorecards.reevaluateStale(500)
      ) {
        total += n;
      }
      if (total > 0) {
        deps.logger.info(
          `Re-evaluated ${total} releases against the current policy`,
        );
      }
    },
  });
  // Keeps owner, system, tier and business processes of the portfolio in step with the catalog.
  await deps.scheduler.scheduleTask({
    id: 'scorecards-entity-sync',
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    fn: async () =>
      scorecards.syncEntities(await deps.auth.getOwnServiceCredentials()),
  });
}
