import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { WaybillReleaseCollatorFactory } from './releases/WaybillReleaseCollatorFactory';
import { WaybillRolloutCollatorFactory } from './rollouts/WaybillRolloutCollatorFactory';
import { readSchedule } from './schedule';

/**
 * Indexes Waybill's releases (`waybill-release`) and tenant rollouts (`waybill-rollout`) for the
 * portal's search, on the schedule `search.collators.waybill.schedule` sets (every 10 minutes by
 * default).
 */
export const searchModuleWaybillCollators = createBackendModule({
  pluginId: 'search',
  moduleId: 'waybill',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        auth,
        discovery,
        config,
        logger,
        scheduler,
        indexRegistry,
      }) {
        const schedule = readSchedule(config);
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new WaybillReleaseCollatorFactory({ auth, discovery }),
        });
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new WaybillRolloutCollatorFactory({
            auth,
            discovery,
            logger,
          }),
        });
      },
    });
  },
});
