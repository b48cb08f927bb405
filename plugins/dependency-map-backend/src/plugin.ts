import { durationToMilliseconds } from '@backstage/types';
import { coreServices } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { DEPENDENCY_MAP_PLUGIN_ID } from '@waybill/plugin-dependency-map-common';
import { dependencyMapPermissions } from '@waybill/plugin-dependency-map-common';
import { createWaybillBackendPlugin } from '@waybill/plugin-waybill-node';
import { registerDependencyMapActions } from './actions/registerDependencyMapActions';
import { CatalogDependencyGraph } from './service/CatalogDependencyGraph';
import { readDependencyMapConfig } from './service/DependencyMapConfig';
import { refreshOnEvents } from './service/refreshOnEvents';
import { createRouter } from './service/router';

/** Dependency maps: the estate's graph from the catalog, served from memory, one request per view. */
export const dependencyMapPlugin = createWaybillBackendPlugin({
  pluginId: DEPENDENCY_MAP_PLUGIN_ID,
  permissions: dependencyMapPermissions,
  deps: {
    lifecycle: coreServices.lifecycle,
    events: eventsServiceRef,
    actionsRegistry: actionsRegistryServiceRef,
    notifications: notificationService,
  },
  async init(deps) {
    const config = readDependencyMapConfig(deps.config);
    const graph = new CatalogDependencyGraph({
      catalog: deps.catalog,
      auth: deps.auth,
      logger: deps.logger,
      maxNodes: config.maxNodes,
      pageSize: config.pageSize,
      maxAgeMs:
        config.refresh.maxAge && durationToMilliseconds(config.refresh.maxAge),
    });
    // Actions for assistants (MCP): impact, deploy order and release trains, read as the caller.
    registerDependencyMapActions({ ...deps, graph });
    // Local scope: the graph lives in each replica's memory, so every replica rebuilds its
    // own (a global task would refresh one replica and leave the others stale).
    await deps.scheduler.scheduleTask({
      id: 'dependency-map-refresh',
      scope: 'local',
      frequency: config.refresh.frequency,
      timeout: config.refresh.timeout,
      initialDelay: { seconds: 5 },
      fn: async () => {
        await graph.refresh('schedule');
      },
    });
    await refreshOnEvents({
      events: deps.events,
      topics: config.refresh.eventTopics,
      debounce: config.refresh.debounce,
      lifecycle: deps.lifecycle,
      logger: deps.logger,
      refresh: () => graph.refresh('event'),
      patch: refs => graph.patch(refs),
    });
    return createRouter({
      graph,
      httpAuth: deps.httpAuth,
      permissions: deps.permissions,
      catalog: deps.catalog,
      notifications: deps.notifications,
      logger: deps.logger,
    });
  },
});
