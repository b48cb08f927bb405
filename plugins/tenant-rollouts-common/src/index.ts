/**
 * Tenant rollouts for Backstage: tenants from the catalog, rollout strategies and the
 * deterministic wave planner, the freeze-window calendar, and failure analysis. Pure and
 * isomorphic; shared by the tenant-rollouts backend, its frontend and CI callers.
 *
 * @packageDocumentation
 */

export * from './tenant';
export * from './strategy';
export * from './planRollout';
export * from './freezeCalendar';
export * from './failureAnalysis';
export * from './permissions';
export * from './rolloutState';
export * from './calendarView';
export * from './api';
