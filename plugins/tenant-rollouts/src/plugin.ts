import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { tenantRolloutsApiFactory } from './api';
import { rootRouteRef } from './routes';

/** The tenant-rollouts plugin for apps on the legacy frontend system; new apps use `@waybill/plugin-tenant-rollouts/alpha`. */
export const tenantRolloutsPlugin = createPlugin({
  id: 'tenant-rollouts',
  apis: [tenantRolloutsApiFactory],
  routes: { root: rootRouteRef },
});

/**
 * The rollouts list and, below it, each rollout's board (`rollouts/:id`) and the freeze calendar
 * (`freeze-calendar`); mount it at `/tenant-rollouts/*`.
 */
export const TenantRolloutsPage = tenantRolloutsPlugin.provide(
  createRoutableExtension({
    name: 'TenantRolloutsPage',
    component: () =>
      import('./components/TenantRolloutsRouter').then(
        m => m.TenantRolloutsRouter,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** A component's rollouts; mount it at the `rollouts` path of the entity page. */
export const EntityRolloutsContent = tenantRolloutsPlugin.provide(
  createComponentExtension({
    name: 'EntityRolloutsContent',
    component: {
      lazy: () =>
        import('./components/EntityRolloutsContent').then(
          m => m.EntityRolloutsContent,
        ),
    },
  }),
);
