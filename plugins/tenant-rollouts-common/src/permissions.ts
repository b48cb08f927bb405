import { createPermission } from '@backstage/plugin-permission-common';

/** Create a rollout of a release to the tenants that depend on it. */
export const tenantRolloutsCreatePermission = createPermission({
  name: 'tenant-rollouts.rollout.create',
  attributes: { action: 'create' },
});

/** Move a rollout forward: start, advance a wave, pause, resume and complete. */
export const tenantRolloutsAdvancePermission = createPermission({
  name: 'tenant-rollouts.rollout.advance',
  attributes: { action: 'update' },
});

/** Roll a rollout back (with a reason). */
export const tenantRolloutsRollbackPermission = createPermission({
  name: 'tenant-rollouts.rollout.rollback',
  attributes: { action: 'update' },
});

/** Advance despite a failing gate, an unhealthy wave or a freeze window (with a reason; audited). */
export const tenantRolloutsOverridePermission = createPermission({
  name: 'tenant-rollouts.rollout.override',
  attributes: { action: 'update' },
});

/** Report per-tenant deployment status (deployment tooling, as a service principal). */
export const tenantRolloutsStatusReportPermission = createPermission({
  name: 'tenant-rollouts.status.report',
  attributes: { action: 'update' },
});

/** Read rollouts, their waves, tenant statuses, freezes and failure analysis. */
export const tenantRolloutsReadPermission = createPermission({
  name: 'tenant-rollouts.read',
  attributes: { action: 'read' },
});

/** Every permission the tenant-rollouts plugins define, for registering with the permission framework. */
export const tenantRolloutsPermissions = [
  tenantRolloutsCreatePermission,
  tenantRolloutsAdvancePermission,
  tenantRolloutsRollbackPermission,
  tenantRolloutsOverridePermission,
  tenantRolloutsStatusReportPermission,
  tenantRolloutsReadPermission,
];
