import { coreServices } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { tenantRolloutsPermissions } from '@waybill/plugin-tenant-rollouts-common';
import { createWaybillBackendPlugin } from '@waybill/plugin-waybill-node';
import { registerTenantRolloutsActions } from './actions/registerTenantRolloutsActions';
import { RolloutStore } from './database/RolloutStore';
import { RolloutEvents } from './service/rolloutEvents';
import { autoAdvance } from './service/autoAdvance';
import { readTenantRolloutsConfig } from './service/config';
import { ScorecardsGateClient } from './service/gate';
import { createRouter } from './service/router';
import { StrategyFileReader } from './service/strategyFile';
import { TenantRollouts } from './service/TenantRollouts';

/** Tenant rollouts: releases delivered to catalog tenants in waves, gated and audited. */
export const tenantRolloutsPlugin = createWaybillBackendPlugin({
  pluginId: 'tenant-rollouts',
  permissions: tenantRolloutsPermissions,
  deps: {
    database: coreServices.database,
    auditor: coreServices.auditor,
    discovery: coreServices.discovery,
    urlReader: coreServices.urlReader,
    signals: signalsServiceRef,
    notifications: notificationService,
    actionsRegistry: actionsRegistryServiceRef,
  },
  async init(deps) {
    const config = readTenantRolloutsConfig(deps.config);
    const store = await RolloutStore.create({ database: deps.database });
    const rollouts = new TenantRollouts({
      store,
      catalog: deps.catalog,
      auth: deps.auth,
      gate: new ScorecardsGateClient({
        discovery: deps.discovery,
        auth: deps.auth,
        logger: deps.logger,
        whenAbsent: config.whenScorecardsAbsent,
      }),
      logger: deps.logger,
      config,
      strategyFiles: new StrategyFileReader({
        urlReader: deps.urlReader,
        integrations: ScmIntegrations.fromConfig(deps.config),
      }),
      events: new RolloutEvents({
        store,
        signals: deps.signals,
        notifications: deps.notifications,
        logger: deps.logger,
      }),
    });
    // Actions for assistants (MCP): a rollout's status and a tenant's freezes, read as the caller.
    registerTenantRolloutsActions({ ...deps, rollouts, config });
    // Runs once across replicas: advances rollouts whose current wave has baked healthy.
    await deps.scheduler.scheduleTask({
      id: 'tenant-rollouts-auto-advance',
      frequency: { minutes: config.autoAdvanceMinutes },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 30 },
      fn: async () => {
        const moved = await autoAdvance({
          rollouts,
          auditor: deps.auditor,
          logger: deps.logger,
        });
        if (moved > 0) deps.logger.info(`Auto-advanced ${moved} rollouts`);
      },
    });
    return createRouter({
      logger: deps.logger,
      rollouts,
      httpAuth: deps.httpAuth,
      auth: deps.auth,
      permissions: deps.permissions,
      catalog: deps.catalog,
      auditor: deps.auditor,
    });
  },
});
