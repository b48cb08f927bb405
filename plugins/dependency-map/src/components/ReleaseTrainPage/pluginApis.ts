/*
 * What the planner reaches for in the scorecards and tenant-rollouts plugins: their apiRefs (the
 * app provides them with those plugins; without them the planner plans without gates or
 * rollouts, and says so) and the rollout board's route. Neither plugin has a `-react` package for
 * these, so they come from the frontend plugins, the only imports of them in the dependency map.
 */
/* eslint-disable @backstage/no-mixed-plugin-imports -- the apiRefs and route refs only; see above */
export { scorecardsApiRef } from '@waybill/plugin-scorecards';
export {
  rolloutRouteRef,
  tenantRolloutsApiRef,
  tenantRolloutsRouteRef,
} from '@waybill/plugin-tenant-rollouts';
/* eslint-enable @backstage/no-mixed-plugin-imports */
