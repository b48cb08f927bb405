/**
 * Tenant rollouts in the portal, for apps on the legacy frontend system: the rollouts page with
 * each rollout's board and the freeze calendar, the entity tab, and the API. Apps on the new
 * frontend system install `@waybill/plugin-tenant-rollouts/alpha` instead.
 *
 * @packageDocumentation
 */

export {
  tenantRolloutsPlugin,
  TenantRolloutsPage,
  EntityRolloutsContent,
} from './plugin';
export { tenantRolloutsApiRef, tenantRolloutsApiFactory } from './api';
export {
  rootRouteRef as tenantRolloutsRouteRef,
  rolloutRouteRef,
  freezeCalendarRouteRef,
} from './routes';
