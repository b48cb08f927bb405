import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ReleaseScorecards } from './ReleaseScorecards';

/** How long before its expiry an override or waiver is notified. */
export const EXPIRY_REMINDER_DAYS = 3;

/**
 * The scorecards' scheduled upkeep, each task run once across replicas: re-scoring releases
 * after a policy change, keeping the portfolio's catalog facts in step with the catalog, and
 * telling of overrides and waivers about to expire.
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
  // Tells the owners, and whoever granted it, of an override or waiver expiring within 3 days.
  await deps.scheduler.scheduleTask({
    id: 'scorecards-expiry-reminders',
    frequency: { minutes: 15 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const told = await scorecards.remindExpiring(EXPIRY_REMINDER_DAYS);
      if (told > 0) {
        deps.logger.info(`Told of ${told} overrides and waivers expiring soon`);
      }
    },
  });
}
