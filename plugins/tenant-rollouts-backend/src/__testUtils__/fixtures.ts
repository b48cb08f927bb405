import { Entity } from '@backstage/catalog-model';
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

/** A tenant Resource as the catalog holds it: retail, Europe, standard, AWS, shared, unless labelled otherwise. */
export const catalogTenant = (
  name: string,
  labels: Record<string, string>,
  dependsOn = ['component:inventory'],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    labels: {
      'waybill.dev/segment': 'retail',
      'waybill.dev/region': 'europe',
      'waybill.dev/tier': 'standard',
      'waybill.dev/cloud': 'aws',
      'waybill.dev/tenancy': 'shared',
      ...labels,
    },
    annotations: { 'waybill.dev/timezone': 'Europe/Berlin' },
  },
  spec: { type: 'tenant', owner: 'group:default/ops', dependsOn },
});

/** A service Component with the given annotations. */
export const catalogComponent = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: {
    type: 'service',
    owner: 'group:default/ops',
    lifecycle: 'production',
  },
});

/**
 * The plugin's config of the route tests: the default strategy sends an internal canary, then
 * the rest (with `restHealthThreshold` if given), and a freeze window holds the Americas' tenants
 * for ever. `whenScorecardsAbsent` is what the gate answers without the scorecards plugin.
 */
export const rolloutsConfig = (options: {
  whenScorecardsAbsent: 'pass' | 'fail';
  restHealthThreshold?: number;
}) => ({
  tenantRollouts: {
    gate: { whenScorecardsAbsent: options.whenScorecardsAbsent },
    strategies: {
      default: {
        waves: [
          { name: 'canary', select: { tier: ['internal'] }, bakeMinutes: 0 },
          {
            name: 'rest',
            bakeMinutes: 0,
            ...(options.restHealthThreshold === undefined
              ? {}
              : { healthThreshold: options.restHealthThreshold }),
          },
        ],
      },
    },
    freezeWindows: [
      {
        id: 'americas-peak',
        title: 'Americas peak week',
        timeZone: 'UTC',
        scope: { region: ['americas'] },
        schedule: {
          kind: 'one-off',
          start: '2000-01-01T00:00',
          end: '2999-01-01T00:00',
        },
      },
    ],
  },
});
