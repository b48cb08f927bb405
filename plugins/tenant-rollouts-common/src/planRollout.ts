import {
  FORCED_LAST_WAVE,
  RolloutStrategy,
  TenantSelector,
  WaveDefinition,
} from './strategy';
import type { Tenant } from '@waybill/plugin-waybill-common';

/** Why a tenant is in its wave. */
export type PlacementReason =
  | 'selected'
  | 'percentage'
  | 'remainder'
  | 'forced-last';

/** A tenant's place in a plan. */
export interface PlannedTenant {
  ref: string;
  reason: PlacementReason;
}

/** One wave of a plan: the tenants it deploys to, and what advancing it requires. */
export interface PlannedWave {
  name: string;
  tenants: PlannedTenant[];
  bakeMinutes: number;
  healthThreshold: number;
}

/** A rollout plan: every tenant in exactly one wave, in deploy order. */
export interface RolloutPlan {
  waves: PlannedWave[];
}

const name = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

function matches(tenant: Tenant, selector: TenantSelector): boolean {
  const axis = (values: string[] | undefined, value: string) =>
    !values || values.includes(value);
  return (
    axis(selector.segment, tenant.segment) &&
    axis(selector.region, tenant.region) &&
    axis(selector.tier, tenant.tier) &&
    axis(selector.cloud, tenant.cloud) &&
    axis(selector.tenancy, tenant.tenancy) &&
    (!selector.tenants ||
      selector.tenants.some(t => t === tenant.ref || t === name(tenant.ref)))
  );
}

/** FNV-1a, 32 bits: a stable, platform-independent order for percentage picks. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const byRef = (a: { ref: string }, b: { ref: string }) =>
  a.ref < b.ref ? -1 : Number(a.ref > b.ref);

function isForcedLast(tenant: Tenant, strategy: RolloutStrategy): boolean {
  return (
    (strategy.forceLast.includes('dedicated') &&
      tenant.tenancy === 'dedicated') ||
    (strategy.forceLast.includes('critical') && tenant.tier === 'critical')
  );
}

function waveOf(definition: WaveDefinition, tenants: PlannedTenant[]) {
  return {
    name: definition.name,
    tenants: [...tenants].sort(byRef),
    bakeMinutes: definition.bakeMinutes,
    healthThreshold: definition.healthThreshold,
  };
}

/**
 * Places every tenant in exactly one wave. Waves take, in order, the not yet placed tenants their
 * selector matches; a `percent` wave takes that share of them (rounded up), picked by a hash of
 * the wave and tenant names: the same tenants and strategy always give the same plan, in
 * whatever order the tenants come, and a tenant's rank in a pick does not depend on which
 * other tenants exist. Tenants no wave selects join the last wave;
 * `forceLast` tenants go in a final wave of their own. Empty waves are kept, so wave names and
 * positions match the strategy.
 */
export function planRollout(
  tenants: Tenant[],
  strategy: RolloutStrategy,
): RolloutPlan {
  const sorted = [...tenants].sort(byRef);
  const forced = sorted.filter(t => isForcedLast(t, strategy));
  let open = sorted.filter(t => !isForcedLast(t, strategy));
  const waves: PlannedWave[] = strategy.waves.map(definition => {
    const matching = open.filter(t => matches(t, definition.select));
    let taken: PlannedTenant[];
    if (definition.percent === undefined) {
      taken = matching.map(t => ({ ref: t.ref, reason: 'selected' }));
    } else {
      const count = Math.ceil((matching.length * definition.percent) / 100);
      taken = [...matching]
        .sort(
          (a, b) =>
            fnv1a(`${definition.name}:${a.ref}`) -
              fnv1a(`${definition.name}:${b.ref}`) || byRef(a, b),
        )
        .slice(0, count)
        .map(t => ({ ref: t.ref, reason: 'percentage' }));
    }
    const placed = new Set(taken.map(t => t.ref));
    open = open.filter(t => !placed.has(t.ref));
    return waveOf(definition, taken);
  });
  const last = waves[waves.length - 1];
  last.tenants = [
    ...last.tenants,
    ...open.map(t => ({ ref: t.ref, reason: 'remainder' as const })),
  ].sort(byRef);
  if (forced.length > 0) {
    const final = strategy.waves[strategy.waves.length - 1];
    waves.push({
      name: FORCED_LAST_WAVE,
      tenants: forced.map(t => ({ ref: t.ref, reason: 'forced-last' })),
      bakeMinutes: final.bakeMinutes,
      healthThreshold: final.healthThreshold,
    });
  }
  return { waves };
}
