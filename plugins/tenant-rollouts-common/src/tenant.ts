import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { IANAZone } from 'luxon';

/** The axes a rollout slices tenants by, as catalog labels (examples/README.md). */
export const ROLLOUT_AXES = ['segment', 'region', 'tier', 'cloud'] as const;

/** An axis tenants are sliced by. */
export type RolloutAxis = (typeof ROLLOUT_AXES)[number];

/** The catalog labels of a tenant Resource. */
export const TENANT_LABELS = {
  segment: 'waybill.dev/segment',
  region: 'waybill.dev/region',
  tier: 'waybill.dev/tier',
  cloud: 'waybill.dev/cloud',
  tenancy: 'waybill.dev/tenancy',
} as const;

/** The annotation naming a tenant's IANA time zone; freeze windows are read in it. */
export const TENANT_TIME_ZONE_ANNOTATION = 'waybill.dev/timezone';

/** A customer the estate is deployed for: a `Resource` of `spec.type: tenant`. */
export interface Tenant extends Record<RolloutAxis, string> {
  /** Full entity ref, e.g. `resource:default/acme-foods`. */
  ref: string;
  title: string;
  /** `dedicated` tenants have their own deployment; `shared` ones share the estate. */
  tenancy: 'shared' | 'dedicated';
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Refs of the deployables serving the tenant (its `spec.dependsOn`). */
  deployables: string[];
}

/** Whether a catalog entity is a tenant. */
export function isTenantEntity(entity: Entity): boolean {
  return entity.kind === 'Resource' && entity.spec?.type === 'tenant';
}

/** Reads a tenant from its catalog entity; a missing or invalid label is an InputError naming it. */
export function tenantFromEntity(entity: Entity): Tenant {
  const ref = stringifyEntityRef(entity);
  const labels = entity.metadata.labels ?? {};
  const label = (key: string) => {
    const value = labels[key];
    if (!value) throw new InputError(`Tenant ${ref} has no ${key} label`);
    return value;
  };
  const tenancy = label(TENANT_LABELS.tenancy);
  if (tenancy !== 'shared' && tenancy !== 'dedicated') {
    throw new InputError(
      `Tenant ${ref} has ${TENANT_LABELS.tenancy} "${tenancy}"; expected shared or dedicated`,
    );
  }
  const timeZone =
    entity.metadata.annotations?.[TENANT_TIME_ZONE_ANNOTATION] ?? 'UTC';
  if (!IANAZone.isValidZone(timeZone)) {
    throw new InputError(
      `Tenant ${ref} has ${TENANT_TIME_ZONE_ANNOTATION} "${timeZone}", which is not an IANA time zone`,
    );
  }
  const dependsOn = entity.spec?.dependsOn;
  return {
    ref,
    title: entity.metadata.title ?? entity.metadata.name,
    segment: label(TENANT_LABELS.segment),
    region: label(TENANT_LABELS.region),
    tier: label(TENANT_LABELS.tier),
    cloud: label(TENANT_LABELS.cloud),
    tenancy,
    timeZone,
    deployables: Array.isArray(dependsOn) ? dependsOn.map(String) : [],
  };
}
