import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { normalizeEntityRef, tryNormalizeEntityRef } from './entityRef';
import { TENANT_TYPE, WAYBILL_ANNOTATIONS, WAYBILL_LABELS } from './names';
import { isTimeZone } from './timeZone';

/** The axes tenants are sliced by, each a `waybill.dev/*` label of the tenant. */
export const TENANT_AXES = ['segment', 'region', 'tier', 'cloud'] as const;

/** An axis tenants are sliced by. */
export type TenantAxis = (typeof TENANT_AXES)[number];

/** How a tenant is hosted: on the shared estate or on its own deployment. */
export const TENANCIES = ['shared', 'dedicated'] as const;

/** How a tenant is hosted. */
export type Tenancy = (typeof TENANCIES)[number];

/** A customer the estate is deployed for: a `Resource` of `spec.type: tenant`. */
export interface Tenant extends Record<TenantAxis, string> {
  /** Normalized entity ref, e.g. `resource:default/acme-foods`. */
  ref: string;
  title: string;
  /** `dedicated` tenants have their own deployment; `shared` ones share the estate. */
  tenancy: Tenancy;
  /** IANA time zone, e.g. `Europe/Berlin`; `UTC` when the tenant names none. */
  timeZone: string;
  /** Normalized refs of the deployables serving the tenant (its `spec.dependsOn`). */
  deployables: string[];
}

/** Whether a catalog entity is a tenant. */
export function isTenantEntity(entity: Entity): boolean {
  return (
    entity.kind.toLowerCase() === 'resource' &&
    entity.spec?.type === TENANT_TYPE
  );
}

function dependsOnOf(entity: Entity): string[] {
  const dependsOn = entity.spec?.dependsOn;
  if (!Array.isArray(dependsOn)) return [];
  const namespace = entity.metadata.namespace;
  return dependsOn.flatMap(raw => {
    const ref = tryNormalizeEntityRef(raw, { defaultNamespace: namespace });
    return ref ? [ref] : [];
  });
}

/**
 * Reads a tenant from its catalog entity. Every axis label and `waybill.dev/tenancy` are required;
 * a missing or invalid one, or a time zone that is not IANA, is an InputError naming it.
 */
export function tenantOf(entity: Entity): Tenant {
  const ref = normalizeEntityRef(entity);
  if (!isTenantEntity(entity)) {
    throw new InputError(
      `${ref} is not a tenant (a Resource of spec.type ${TENANT_TYPE})`,
    );
  }
  const labels = entity.metadata.labels ?? {};
  const label = (key: string) => {
    const value = labels[key]?.trim();
    if (!value) throw new InputError(`Tenant ${ref} has no ${key} label`);
    return value;
  };
  const tenancy = label(WAYBILL_LABELS.tenancy);
  if (!(TENANCIES as readonly string[]).includes(tenancy)) {
    throw new InputError(
      `Tenant ${ref} has ${
        WAYBILL_LABELS.tenancy
      } "${tenancy}"; expected ${TENANCIES.join(' or ')}`,
    );
  }
  const timeZone =
    entity.metadata.annotations?.[WAYBILL_ANNOTATIONS.timeZone]?.trim() ||
    'UTC';
  if (!isTimeZone(timeZone)) {
    throw new InputError(
      `Tenant ${ref} has ${WAYBILL_ANNOTATIONS.timeZone} "${timeZone}", which is not an IANA time zone`,
    );
  }
  return {
    ref,
    title: entity.metadata.title ?? entity.metadata.name,
    segment: label(WAYBILL_LABELS.segment),
    region: label(WAYBILL_LABELS.region),
    tier: label(WAYBILL_LABELS.tier),
    cloud: label(WAYBILL_LABELS.cloud),
    tenancy: tenancy as Tenancy,
    timeZone,
    deployables: dependsOnOf(entity),
  };
}

/** A tenant as {@link tenantOf} reads it, or why it cannot be read. */
export type TenantRead = { tenant: Tenant } | { problem: string };

/** {@link tenantOf} that answers the problem instead of throwing it. */
export function readTenant(entity: Entity): TenantRead {
  try {
    return { tenant: tenantOf(entity) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/**
 * Whether a tenant entity is served by an entity: its `spec.dependsOn` names it (refs resolved in
 * the tenant's namespace, compared case-insensitively).
 */
export function servesEntity(tenant: Entity, entityRef: string): boolean {
  const wanted = tryNormalizeEntityRef(entityRef);
  return wanted !== undefined && dependsOnOf(tenant).includes(wanted);
}
