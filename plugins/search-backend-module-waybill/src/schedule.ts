import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type RootConfigService,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/** Where the collators' schedule is configured. */
export const SCHEDULE_CONFIG_KEY = 'search.collators.waybill.schedule';

/**
 * Every 10 minutes, like the catalog's collator; a run may take up to 15. The first run waits
 * 10 seconds, so that the scorecards and tenant-rollouts backends are up when it asks them.
 */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 10 },
};

/** The collators' schedule: `search.collators.waybill.schedule`, else {@link DEFAULT_SCHEDULE}. */
export function readSchedule(
  config: RootConfigService,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(SCHEDULE_CONFIG_KEY);
  return schedule
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
    : DEFAULT_SCHEDULE;
}
