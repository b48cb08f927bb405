import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** Waybill's search collators (@waybill/plugin-search-backend-module-waybill). */
      waybill?: {
        /**
         * How often releases and tenant rollouts are indexed, each on its own task
         * (`search_index_waybill_release`, `search_index_waybill_rollout`). By default every 10
         * minutes, a run taking at most 15, the first 10 seconds after startup.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
