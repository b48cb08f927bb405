/** Tenant rollouts backend: releases to catalog tenants in waves, gated by scorecards, health and freezes. */
export { tenantRolloutsPlugin as default } from './plugin';
