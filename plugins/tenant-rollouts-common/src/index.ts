/**
 * Tenant rollouts for Backstage: rollout strategies and the deterministic wave planner over
 * the catalog's tenants (read by `@waybill/plugin-waybill-common`), the freeze-window
 * calendar, and failure analysis. Pure and isomorphic; shared by the tenant-rollouts backend,
 * its frontend and CI callers.
 *
 * @packageDocumentation
 */

export * from './strategy';
export * from './planRollout';
export * from './freezeCalendar';
export * from './heldFreezeStatuses';
export * from './failureAnalysis';
export * from './permissions';
export * from './rolloutState';
export * from './calendarView';
export * from './signals';
export * from './search';
export * from './board';
export * from './api';
export {
  TenantRolloutsApiClient,
  type TenantRolloutsEndpointMap,
  type TenantRolloutsOperations,
  type TenantRolloutsSchemas,
} from './schema/openapi.generated';
