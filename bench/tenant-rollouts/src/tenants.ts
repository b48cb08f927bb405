import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Random } from '@waybill/bench-utils';
import {
  PlannedWave,
  TenantStatus,
} from '@waybill/plugin-tenant-rollouts-common';
import {
  TENANT_TYPE,
  WAYBILL_ANNOTATIONS,
  WAYBILL_LABELS,
} from '@waybill/plugin-waybill-common';

/*
 * The benchmark's data: tenants of one released service per size measured (the first `size`
 * tenants depend on the service of that size, so one catalog holds every size), the rollout strategy, the freeze
 * windows, and the statuses that put a rollout in a realistic mixed state. Deterministic: the
 * same seed gives the same tenants and statuses. Labels and time zones follow
 * plugins/waybill-common/src/tenant.ts and examples/tenants.yaml.
 */

/** The location the benchmark's entity provider claims for what it provides. */
export const BENCH_LOCATION = 'waybill-bench:tenant-rollouts';

/** The name of the released service of a size (see {@link releasedService}). */
const releasedServiceName = (size: number) => `erp-platform-${size}`;

/** The released service whose rollouts cover `size` tenants: the first `size` depend on it. */
export const releasedService = (size: number) =>
  `component:default/${releasedServiceName(size)}`;

/**
 * The released service's repository, which its catalog entry names in its
 * `github.com/project-slug` annotation (`PROJECT_SLUG_ANNOTATIONS.github` of
 * `@waybill/plugin-waybill-node`): the repository whose pipeline may report its tenants' statuses.
 */
export const RELEASED_REPOSITORY = 'meridian/erp-platform';

/** Regions, their share of the tenants and the time zones tenants there are in. */
const REGIONS: Record<string, { share: number; zones: string[] }> = {
  'north-america': {
    share: 34,
    zones: [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Los_Angeles',
      'America/Toronto',
    ],
  },
  europe: {
    share: 30,
    zones: [
      'Europe/London',
      'Europe/Berlin',
      'Europe/Paris',
      'Europe/Amsterdam',
      'Europe/Madrid',
      'Europe/Warsaw',
      'Europe/Stockholm',
      'Europe/Rome',
      'Europe/Zurich',
      'Europe/Dublin',
    ],
  },
  'asia-pacific': {
    share: 20,
    zones: [
      'Asia/Tokyo',
      'Asia/Singapore',
      'Asia/Seoul',
      'Asia/Kolkata',
      'Asia/Hong_Kong',
      'Australia/Sydney',
      'Australia/Melbourne',
      'Pacific/Auckland',
    ],
  },
  'latin-america': {
    share: 10,
    zones: [
      'America/Sao_Paulo',
      'America/Mexico_City',
      'America/Bogota',
      'America/Argentina/Buenos_Aires',
    ],
  },
  'middle-east-africa': {
    share: 6,
    zones: ['Asia/Dubai', 'Africa/Johannesburg', 'Africa/Lagos'],
  },
};
const SEGMENTS = {
  wholesale: 35,
  retail: 27,
  manufacturing: 25,
  'third-party-logistics': 13,
};
const TIERS = { internal: 0.8, critical: 10, standard: 89.2 };
const CLOUDS = { aws: 40, azure: 25, gcp: 25, private: 10 };
const DEDICATED_CLOUDS = { aws: 30, azure: 20, gcp: 10, private: 40 };

/** The region the current wave's failures are concentrated in. */
export const FAILING_REGION = 'asia-pacific';
/** The region of the freeze window active at bench time. */
export const FROZEN_REGION = 'europe';

export const tenantName = (i: number) =>
  `tenant-${String(i + 1).padStart(5, '0')}`;

/**
 * As many tenant Resources as the largest of `sizes`, plus one released Component per size
 * ({@link releasedService}): tenant `i` depends on the service of every size above `i`. What the
 * catalog ingests; the tenants are the same, in the same order, whatever the other sizes.
 */
export function generateEntities(sizes: number[], seed: number): Entity[] {
  const random = new Random(seed);
  const regionShares = Object.fromEntries(
    Object.entries(REGIONS).map(([region, { share }]) => [region, share]),
  );
  const entities: Entity[] = sizes.map(size => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: releasedServiceName(size),
      title: `ERP platform (${size} tenants)`,
      description: `The multi-tenant ERP service released to ${size} tenants.`,
      annotations: { 'github.com/project-slug': RELEASED_REPOSITORY },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'erp-core' },
  }));
  const count = Math.max(...sizes);
  for (let i = 0; i < count; i++) {
    const region = random.weighted(regionShares);
    const segment = random.weighted(SEGMENTS);
    const tier = random.weighted(TIERS);
    const tenancy = random.chance(0.12) ? 'dedicated' : 'shared';
    const cloud = random.weighted(
      tenancy === 'dedicated' ? DEDICATED_CLOUDS : CLOUDS,
    );
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: tenantName(i),
        title: `Tenant ${i + 1} (${segment}, ${region})`,
        labels: {
          [WAYBILL_LABELS.segment]: segment,
          [WAYBILL_LABELS.region]: region,
          [WAYBILL_LABELS.tier]: tier,
          [WAYBILL_LABELS.cloud]: cloud,
          [WAYBILL_LABELS.tenancy]: tenancy,
        },
        annotations: {
          [WAYBILL_ANNOTATIONS.timeZone]: random.pick(REGIONS[region].zones),
        },
      },
      spec: {
        type: TENANT_TYPE,
        owner: 'customer-success',
        dependsOn: sizes.filter(size => i < size).map(releasedService),
      },
    });
  }
  return entities;
}

/**
 * The rollout strategy: 9 waves mixing label selectors and percentages, dedicated and critical
 * tenants forced into a 10th wave of their own. As `tenantRollouts.strategies.bench`.
 */
export const STRATEGY = {
  waves: [
    { name: 'canary', select: { tier: ['internal'] }, bakeMinutes: 120 },
    {
      name: 'pilot',
      select: { segment: ['wholesale'], cloud: ['aws'] },
      percent: 10,
      bakeMinutes: 120,
    },
    {
      name: 'north-america-early',
      select: { region: ['north-america'] },
      percent: 10,
      bakeMinutes: 60,
      healthThreshold: 0.98,
    },
    {
      name: 'europe-early',
      select: { region: ['europe'] },
      percent: 10,
      bakeMinutes: 60,
      healthThreshold: 0.98,
    },
    {
      name: 'asia-pacific-early',
      select: { region: ['asia-pacific'] },
      percent: 10,
      bakeMinutes: 60,
      healthThreshold: 0.98,
    },
    {
      name: 'retail-half',
      select: { segment: ['retail'] },
      percent: 50,
      bakeMinutes: 60,
      healthThreshold: 0.97,
    },
    { name: 'broad-25', percent: 25, bakeMinutes: 60, healthThreshold: 0.95 },
    { name: 'broad-50', percent: 50, bakeMinutes: 60, healthThreshold: 0.95 },
    { name: 'everyone-else', bakeMinutes: 240, healthThreshold: 0.95 },
  ],
  forceLast: ['dedicated', 'critical'],
};

/** The wave the mixed-state rollout is at: waves before it are done. */
export const CURRENT_WAVE = 6;

/** Local date-time `YYYY-MM-DDTHH:mm` of an instant, as a one-off window wants it. */
const localDateTime = (date: Date) => date.toISOString().slice(0, 16);

/**
 * The freeze windows, relative to `now`: a one-off window over {@link FROZEN_REGION} that is
 * active (from a day before `now` to two days after, read in each tenant's own zone), and four
 * that are not unless the calendar says so (a Friday cut-off, a year-end close for critical
 * tenants, quarter close for manufacturing, and a key-account launch naming 25 tenants, in a
 * week; left out with `namedTenantsWindow: false`). As `tenantRollouts.freezeWindows`.
 */
export function freezeWindows(
  now: Date,
  tenantCount: number,
  options: { namedTenantsWindow: boolean } = { namedTenantsWindow: true },
) {
  const day = 24 * 3600_000;
  const windows = [
    {
      id: 'europe-peak-week',
      title: 'European peak trading week',
      reason: 'Peak order volumes in Europe',
      scope: { region: [FROZEN_REGION] },
      schedule: {
        kind: 'one-off',
        start: localDateTime(new Date(now.getTime() - day)),
        end: localDateTime(new Date(now.getTime() + 2 * day)),
      },
    },
    {
      id: 'friday-cutoff',
      title: 'Friday shipping cut-off',
      schedule: { kind: 'weekly', days: ['fri'], from: '16:00', to: '20:00' },
    },
    {
      id: 'year-end-close',
      title: 'Year-end close',
      scope: { tier: ['critical'] },
      schedule: { kind: 'yearly', from: '12-27', to: '01-03' },
    },
    {
      id: 'manufacturing-quarter-close',
      title: 'Quarter close (manufacturing)',
      scope: { segment: ['manufacturing'] },
      schedule: { kind: 'quarter-close', lastDays: 3, firstDays: 2 },
    },
    {
      id: 'key-account-launch',
      title: 'Key account launch',
      timeZone: 'UTC',
      scope: {
        tenants: Array.from({ length: 25 }, (_, k) =>
          tenantName(Math.floor((k * tenantCount) / 25)),
        ),
      },
      schedule: {
        kind: 'one-off',
        start: localDateTime(new Date(now.getTime() + 7 * day)),
        end: localDateTime(new Date(now.getTime() + 8 * day)),
      },
    },
  ];
  return options.namedTenantsWindow
    ? windows
    : windows.filter(w => !w.scope?.tenants);
}

/** The tenant axes the statuses are drawn from, by ref. */
export type TenantAxes = Map<string, { region: string }>;

/** Refs of the generated tenants with their region. */
export function tenantAxes(entities: Entity[]): TenantAxes {
  const axes: TenantAxes = new Map();
  for (const entity of entities) {
    if (entity.kind !== 'Resource') continue;
    axes.set(stringifyEntityRef(entity), {
      region: entity.metadata.labels![WAYBILL_LABELS.region],
    });
  }
  return axes;
}

/**
 * The statuses of the mixed state, per wave (tenants with no report stay `pending`): waves before
 * {@link CURRENT_WAVE} done, 99% healthy and 1% degraded at random; the current wave mostly
 * healthy with some deploying and not yet reported, about 55% of its {@link FAILING_REGION}
 * tenants failed or degraded and 2% failures elsewhere.
 */
export function mixedStatuses(
  waves: PlannedWave[],
  axes: TenantAxes,
  seed: number,
): Array<Array<{ tenant: string; status: TenantStatus }>> {
  const random = new Random(seed ^ 0x5eed);
  return waves.slice(0, CURRENT_WAVE + 1).map((wave, index) =>
    wave.tenants.flatMap(({ ref }) => {
      let status: TenantStatus | undefined;
      if (index < CURRENT_WAVE) {
        status = random.chance(0.01) ? 'degraded' : 'healthy';
      } else if (axes.get(ref)?.region === FAILING_REGION) {
        status = random.weighted({
          failed: 37,
          degraded: 18,
          healthy: 35,
          deploying: 10,
        });
      } else {
        status = random.weighted({
          healthy: 80,
          failed: 2,
          deploying: 10,
          pending: 8,
        });
      }
      return status === 'pending' ? [] : [{ tenant: ref, status }];
    }),
  );
}
