import { durationToMilliseconds } from '@backstage/types';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { DEPENDENCY_MAP_PLUGIN_ID } from '@waybill/plugin-dependency-map-common';
import { dependencyMapPermissions } from '@waybill/plugin-dependency-map-common';
import { CatalogDependencyGraph } from './service/CatalogDependencyGraph';
import { readDependencyMapConfig } from './service/DependencyMapConfig';
import { refreshOnEvents } from './service/refreshOnEvents';
import { createRouter } from './service/router';

/** Dependency maps: the estate's graph from the catalog, served from memory, one request per view. */
export const dependencyMapPlugin = createBackendPlugin({
  pluginId: DEPENDENCY_MAP_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const config = readDependencyMapConfig(deps.config);
        deps.permissionsRegistry.addPermissions(dependencyMapPermissions);
        const graph = new CatalogDependencyGraph({
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
          maxNodes: config.maxNodes,
          pageSize: config.pageSize,
          maxAgeMs: durationToMilliseconds(config.refresh.maxAge),
        });
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
        });
        deps.httpRouter.use(
          await createRouter({
            graph,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
          }),
        );
      },
    });
  },
});
