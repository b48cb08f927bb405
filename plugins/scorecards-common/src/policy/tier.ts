import type { Entity } from '@backstage/catalog-model';
import { TIERS, Tier } from './types';

/** The annotation that gives a component's tier. */
export const TIER_ANNOTATION = 'waybill.dev/tier';

/** The tier of an entity without a valid `waybill.dev/tier` annotation. */
export const DEFAULT_TIER: Tier = 'standard';

/** Whether a string is a tier name. */
export function isTier(value: string): value is Tier {
  return (TIERS as readonly string[]).includes(value);
}

/** An entity's tier from its `waybill.dev/tier` annotation, {@link DEFAULT_TIER} when absent or unknown. */
export function tierOfEntity(entity: Entity): Tier {
  const value = entity.metadata.annotations?.[TIER_ANNOTATION]?.trim();
  return value !== undefined && isTier(value) ? value : DEFAULT_TIER;
}
