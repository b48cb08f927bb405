import { coreServices } from '@backstage/backend-plugin-api';
import { scorecardsPermissions } from '@waybill/plugin-scorecards-common';
import { createWaybillBackendPlugin } from '@waybill/plugin-waybill-node';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { ReleaseScorecards } from './service/ReleaseScorecards';
import { createRouter } from './service/router';
import { readScorecardsConfig } from './service/ScorecardsConfig';

/** Release scorecards: evidence ingestion, stored evaluations and promotion gates. */
export const scorecardsPlugin = createWaybillBackendPlugin({
  pluginId: 'scorecards',
  permissions: scorecardsPermissions,
  deps: { database: coreServices.database, auditor: coreServices.auditor },
  async init(deps) {
    const config = readScorecardsConfig(deps.config);
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
    return createRouter({
      logger: deps.logger,
      scorecards,
      httpAuth: deps.httpAuth,
      permissions: deps.permissions,
      catalog: deps.catalog,
      auditor: deps.auditor,
      auth: deps.auth,
      scheduler: deps.scheduler,
      maxUploadBytes: config.maxUploadBytes,
    });
  },
});
