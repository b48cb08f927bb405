import { WaybillRole } from './roles';

/** Who may use a permission that not every signed-in user gets. */
export interface PermissionGuard {
  /** Holders of any of these roles are allowed outright. */
  roles: WaybillRole[];
  /**
   * For `catalog-entity` resource permissions: the entity's owners are allowed too,
   * through a conditional decision the catalog evaluates.
   */
  entityOwners?: boolean;
}

/**
 * The permissions Waybill restricts, by permission name. Everything not listed is open to any
 * signed-in user. Each Waybill plugin adds the state-changing permissions it defines here.
 */
export const guardedPermissions: Readonly<Record<string, PermissionGuard>> = {
  // Platform teams curate the catalog: registering and removing locations and entities.
  'catalog.entity.create': { roles: ['platform-admin'] },
  'catalog.location.create': { roles: ['platform-admin'] },
  'catalog.location.delete': { roles: ['platform-admin'] },
  'catalog.ingestion.manage': { roles: ['platform-admin'] },
  // Owners may unregister their own entities.
  'catalog.entity.delete': { roles: ['platform-admin'], entityOwners: true },
  // Release scorecards: pipelines upload as service principals (allowed before any policy);
  // a person uploading evidence by hand must be a platform admin.
  'scorecards.evidence.upload': { roles: ['platform-admin'] },
  // Letting a failing release through a gate is for release managers.
  'scorecards.gate.override': { roles: ['release-manager', 'platform-admin'] },
  'scorecards.policy.reevaluate': { roles: ['platform-admin'] },
  // Anyone may ask to waive a check; another person, a release manager, approves.
  'scorecards.waiver.approve': { roles: ['release-manager', 'platform-admin'] },
  // Tenant rollouts: release managers plan (create) and move rollouts; deployment tooling
  // reports status as a service principal (a person reporting by hand must be a platform admin).
  'tenant-rollouts.rollout.create': {
    roles: ['release-manager', 'platform-admin'],
  },
  'tenant-rollouts.rollout.advance': {
    roles: ['release-manager', 'platform-admin'],
  },
  'tenant-rollouts.rollout.rollback': {
    roles: ['release-manager', 'platform-admin'],
  },
  'tenant-rollouts.rollout.override': {
    roles: ['release-manager', 'platform-admin'],
  },
  'tenant-rollouts.status.report': { roles: ['platform-admin'] },
};
