import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scorecardsPermissions } from '@waybill/plugin-scorecards-common';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { ReleaseScorecards } from './service/ReleaseScorecards';
import { createRouter } from './service/router';
import { readScorecardsConfig } from './service/ScorecardsConfig';

/** Release scorecards: evidence ingestion, stored evaluations and promotion gates. */
export const scorecardsPlugin = createBackendPlugin({
  pluginId: 'scorecards',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const config = readScorecardsConfig(deps.config);
        deps.permissionsRegistry.addPermissions(scorecardsPermissions);
        const scorecards = new ReleaseScorecards({
          store: await DatabaseScorecardStore.create({
            database: deps.database,
          }),
          catalog: deps.catalog,
          config,
        });
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
        deps.httpRouter.use(
          await createRouter({
            logger: deps.logger,
            scorecards,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            auditor: deps.auditor,
            auth: deps.auth,
            scheduler: deps.scheduler,
            maxUploadBytes: config.maxUploadBytes,
          }),
        );
      },
    });
  },
});
