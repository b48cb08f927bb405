/**
 * Every `waybill.dev/*` annotation an entity may carry. Read them through the readers of this
 * package; write them (templates, the scaffolder module) through these names.
 */
export const WAYBILL_ANNOTATIONS = {
  /** A component's criticality tier: `critical`, `standard` or `internal`. */
  tier: 'waybill.dev/tier',
  /** The business processes an entity takes part in: comma-separated Domain names or refs. */
  businessProcesses: 'waybill.dev/business-processes',
  /** An API entity's current version (semver). */
  apiVersion: 'waybill.dev/api-version',
  /** A consumer's required API versions: `<api ref> <semver range>` entries, comma-separated. */
  apiRequirements: 'waybill.dev/api-requirements',
  /** A business process's criticality: `critical`, `high` or `medium`. */
  criticality: 'waybill.dev/criticality',
  /** A tenant's IANA time zone; freeze windows are read in it. */
  timeZone: 'waybill.dev/timezone',
  /** Where an entity's rollout strategy file is, relative to its source location. */
  rolloutStrategy: 'waybill.dev/rollout-strategy',
} as const;

/** Every `waybill.dev/*` label a tenant Resource carries: the axes rollouts slice tenants by. */
export const WAYBILL_LABELS = {
  segment: 'waybill.dev/segment',
  region: 'waybill.dev/region',
  tier: 'waybill.dev/tier',
  cloud: 'waybill.dev/cloud',
  tenancy: 'waybill.dev/tenancy',
} as const;

/** The `spec.type` of a Domain that is a business process. */
export const BUSINESS_PROCESS_TYPE = 'business-process';

/** The `spec.type` of a Resource that is a tenant. */
export const TENANT_TYPE = 'tenant';
