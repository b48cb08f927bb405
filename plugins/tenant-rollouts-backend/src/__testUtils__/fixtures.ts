import { NewRollout } from '../database/RolloutStore';

const tenant = (name: string, tier = 'standard') => ({
  ref: `resource:default/${name}`,
  title: name,
  segment: 'retail',
  region: 'europe',
  tier,
  cloud: 'aws',
  tenancy: 'shared' as const,
  timeZone: 'Europe/Berlin',
  deployables: ['component:default/inventory'],
});

/** A rollout of two waves: a canary tenant, then two more. */
export const newRollout = (): NewRollout => ({
  entityRef: 'component:default/inventory',
  version: '4.2.0',
  environment: 'production',
  strategy: {
    waves: [{ name: 'canary', select: {}, bakeMinutes: 0, healthThreshold: 1 }],
    forceLast: [],
  },
  plan: {
    waves: [
      {
        name: 'canary',
        tenants: [{ ref: 'resource:default/a', reason: 'selected' }],
        bakeMinutes: 0,
        healthThreshold: 1,
      },
      {
        name: 'rest',
        tenants: [
          { ref: 'resource:default/b', reason: 'remainder' },
          { ref: 'resource:default/c', reason: 'remainder' },
        ],
        bakeMinutes: 0,
        healthThreshold: 1,
      },
    ],
    tenants: [tenant('a', 'internal'), tenant('b'), tenant('c')],
  },
  createdBy: 'user:default/rm',
});

/** A rollout of one wave over `count` tenants, for batch writes. */
export const wideRollout = (count: number): NewRollout => {
  const names = Array.from({ length: count }, (_, i) => `t${i}`);
  return {
    ...newRollout(),
    plan: {
      waves: [
        {
          name: 'everyone',
          tenants: names.map(n => ({
            ref: `resource:default/${n}`,
            reason: 'remainder' as const,
          })),
          bakeMinutes: 0,
          healthThreshold: 1,
        },
      ],
      tenants: names.map(n => tenant(n)),
    },
  };
};
