import type { Entity } from '@backstage/catalog-model';
import { WAYBILL_ANNOTATIONS, WAYBILL_LABELS } from './names';

/** Criticality tiers, most demanding first. */
export const TIERS = ['critical', 'standard', 'internal'] as const;

/** How demanding an entity's releases are; it picks the scoring policy and the rollout order. */
export type Tier = (typeof TIERS)[number];

/** The tier of an entity that declares none. */
export const DEFAULT_TIER: Tier = 'standard';

/** Whether a string is a tier name. */
export function isTier(value: unknown): value is Tier {
  return (
    typeof value === 'string' && (TIERS as readonly string[]).includes(value)
  );
}

/**
 * The tier an entity declares: its `waybill.dev/tier` annotation (components), else its
 * `waybill.dev/tier` label (tenants). Undefined when neither names a tier.
 */
export function declaredTierOf(entity: Entity): Tier | undefined {
  const candidates = [
    entity.metadata.annotations?.[WAYBILL_ANNOTATIONS.tier],
    entity.metadata.labels?.[WAYBILL_LABELS.tier],
  ];
  for (const candidate of candidates) {
    const value = candidate?.trim().toLowerCase();
    if (isTier(value)) return value;
  }
  return undefined;
}

/** An entity's tier: the one it declares ({@link declaredTierOf}), else {@link DEFAULT_TIER}. */
export function tierOf(entity: Entity): Tier {
  return declaredTierOf(entity) ?? DEFAULT_TIER;
}
