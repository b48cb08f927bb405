import { RolloutStrategy } from '@waybill/plugin-tenant-rollouts-common';
import { Tier } from '@waybill/plugin-waybill-common';

/** Where a service's rollout strategy is written; its catalog entity names it for tenant rollouts. */
export const ROLLOUT_STRATEGY_PATH = 'waybill/rollout-strategy.yaml';

/** The rollout strategy annotation's value (`WAYBILL_ANNOTATIONS.rolloutStrategy`): the file, relative to the entity's source location. */
export const ROLLOUT_STRATEGY_REF = `./${ROLLOUT_STRATEGY_PATH}`;

const canary = {
  name: 'canary',
  select: { tier: ['internal'] },
  bakeMinutes: 30,
  healthThreshold: 1,
};

/** A tenth of the standard tenants, after the canary, for standard and critical services. */
const early = {
  name: 'early',
  select: { tier: ['standard'] },
  percent: 10,
  bakeMinutes: 60,
  healthThreshold: 1,
};

/**
 * The tenant waves of a new service, by tier, in tenant-rollouts' own strategy type: internal
 * tenants first, then a tenth of the standard ones, then the rest; critical services keep their
 * critical-tier tenants for a last wave behind a second approval. The pipeline advances exactly
 * these waves, and tenant rollouts plans them from the same file.
 */
export const ROLLOUT_STRATEGIES: Record<Tier, RolloutStrategy> = {
  internal: {
    waves: [
      canary,
      {
        name: 'all-tenants',
        select: {},
        bakeMinutes: 60,
        healthThreshold: 0.95,
      },
    ],
    forceLast: [],
  },
  standard: {
    waves: [
      canary,
      early,
      { name: 'broad', select: {}, bakeMinutes: 120, healthThreshold: 0.98 },
    ],
    forceLast: [],
  },
  critical: {
    waves: [
      canary,
      early,
      {
        name: 'broad',
        select: { tier: ['internal', 'standard'] },
        bakeMinutes: 120,
        healthThreshold: 0.99,
      },
      {
        name: 'critical-tenants',
        select: { tier: ['critical'] },
        bakeMinutes: 240,
        healthThreshold: 1,
      },
    ],
    forceLast: [],
  },
};

/** The name of the wave whose entry needs the second production approval (critical services). */
export const CRITICAL_TENANTS_WAVE = 'critical-tenants';
