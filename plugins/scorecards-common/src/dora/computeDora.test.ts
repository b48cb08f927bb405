import type { DeliveryEvent } from '../evidence';
import { computeDora, computeDoraTrend } from './computeDora';

const ORDERS = 'component:default/orders';
const INVENTORY = 'component:default/inventory';

function event(
  id: string,
  type: DeliveryEvent['type'],
  occurredAt: string,
  fields: Partial<DeliveryEvent> = {},
): DeliveryEvent {
  return { id, type, occurredAt, entityRef: ORDERS, ...fields };
}

/** A deployment to production, of orders unless `fields` say otherwise. */
const deployed = (
  id: string,
  occurredAt: string,
  fields: Partial<DeliveryEvent> = {},
) =>
  event(id, 'deployment', occurredAt, { environment: 'production', ...fields });

/** A rollback in production, of orders unless `fields` say otherwise. */
const rolledBack = (
  id: string,
  occurredAt: string,
  fields: Partial<DeliveryEvent> = {},
) =>
  event(id, 'rollback', occurredAt, { environment: 'production', ...fields });

/**
 * A week of two services, worked by hand:
 *
 * orders:    c1, c2 merged (1.0.0) -> d1 deployed 2 h / 4 h later
 *            c3 merged (1.1.0) -> d2 deployed 6 h later, rolled back 1 h after (failed, 1 h)
 *            c4 merged -> d3 deployed 2 h later (matched by commit), incident 10 h later
 *              (failed), resolved 6 h after detection (6 h)
 *            d4 flagged failed, d5 3 h later restores (failed, 3 h)
 * inventory: b1 merged before the window, d6 deployed 144 h later; an incident 48 h after d6 is
 *            not d6's failure, and is still open
 * Previous week: d0 deployed, rolled back the next day (failed, 13 h); c0 merged 6 h before d0.
 */
const WEEK: DeliveryEvent[] = [
  event('c0', 'change-merged', '2025-05-31T06:00:00Z', { version: '0.9.0' }),
  deployed('d0', '2025-05-31T12:00:00Z', { version: '0.9.0' }),
  rolledBack('r0', '2025-06-01T01:00:00Z', { version: '0.8.0' }),
  event('c1', 'change-merged', '2025-06-01T08:00:00Z', {
    commit: 'c1',
    version: '1.0.0',
  }),
  event('c2', 'change-merged', '2025-06-01T10:00:00Z', {
    commit: 'c2',
    version: '1.0.0',
  }),
  event('d1-staging', 'deployment', '2025-06-01T11:00:00Z', {
    environment: 'staging',
    version: '1.0.0',
    commit: 'c2',
  }),
  deployed('d1', '2025-06-01T12:00:00Z', { version: '1.0.0', commit: 'c2' }),
  event('c3', 'change-merged', '2025-06-02T09:00:00Z', {
    commit: 'c3',
    version: '1.1.0',
  }),
  deployed('d2', '2025-06-02T15:00:00Z', { version: '1.1.0', commit: 'c3' }),
  rolledBack('r1', '2025-06-02T16:00:00Z', { version: '1.0.0' }),
  event('c4', 'change-merged', '2025-06-03T08:00:00Z', { commit: 'c4' }),
  deployed('d3', '2025-06-03T10:00:00Z', { version: '1.1.1', commit: 'c4' }),
  event('i1', 'incident-detected', '2025-06-03T20:00:00Z', {
    incidentId: 'INC-1',
  }),
  event('i1-resolved', 'incident-resolved', '2025-06-04T02:00:00Z', {
    incidentId: 'INC-1',
  }),
  deployed('d4', '2025-06-04T10:00:00Z', { version: '1.1.2', failed: true }),
  deployed('d5', '2025-06-04T13:00:00Z', { version: '1.1.3' }),
  event('b1', 'change-merged', '2025-05-30T10:00:00Z', {
    entityRef: INVENTORY,
    version: '2.0.0',
  }),
  deployed('d6', '2025-06-05T10:00:00Z', {
    entityRef: INVENTORY,
    version: '2.0.0',
  }),
  event('i2', 'incident-detected', '2025-06-07T10:00:00Z', {
    entityRef: INVENTORY,
    incidentId: 'INC-2',
  }),
];

const FROM = new Date('2025-06-01T00:00:00Z');
const TO = new Date('2025-06-08T00:00:00Z');

/** The DORA figures of `events` over the worked week, [FROM, TO). */
const weekOf = (events: DeliveryEvent[]) =>
  computeDora({ events, from: FROM, to: TO });

/**
 * The figures of the seven days from `from`: what follows from the deployments (the window, the
 * frequency per day and per week, the deployments the failure rate counts) is filled in.
 */
function weekFigures(
  from: string,
  figures: {
    deployments: number;
    band: string;
    leadTimeForChanges: { medianHours: number | null; changes: number };
    changeFailureRate: { rate: number | null; failedDeployments: number };
    failedDeploymentRecoveryTime: {
      medianHours: number | null;
      recoveries: number;
      unrecovered: number;
    };
  },
) {
  const { deployments, band, changeFailureRate, ...rest } = figures;
  return {
    from,
    to: new Date(Date.parse(from) + 7 * 24 * 3600_000).toISOString(),
    days: 7,
    deploymentFrequency: {
      deployments,
      perDay: deployments / 7,
      perWeek: deployments,
      band,
    },
    changeFailureRate: { ...changeFailureRate, deployments },
    ...rest,
  };
}

const EXPECTED_WEEK = weekFigures('2025-06-01T00:00:00.000Z', {
  deployments: 6,
  band: 'high',
  leadTimeForChanges: { medianHours: 4, changes: 5 },
  changeFailureRate: { rate: 0.5, failedDeployments: 3 },
  failedDeploymentRecoveryTime: {
    medianHours: 3,
    recoveries: 3,
    unrecovered: 1,
  },
});

describe('computeDora', () => {
  it('computes the four keys of a hand-worked week', () => {
    expect(weekOf(WEEK)).toEqual(EXPECTED_WEEK);
  });

  it('gives the same figures for unsorted events with duplicates', () => {
    const shuffled = [...WEEK].reverse();
    shuffled.splice(
      3,
      0,
      ...WEEK.filter(e => ['d1', 'i1', 'r1', 'c2'].includes(e.id)),
    );
    shuffled.push(WEEK[6], WEEK[6]);
    expect(weekOf(shuffled)).toEqual(EXPECTED_WEEK);
  });

  it('reads production from the configured environment name', () => {
    const renamed = WEEK.map(e =>
      e.environment === 'production' ? { ...e, environment: 'prod' } : e,
    );
    expect(weekOf(renamed).deploymentFrequency.deployments).toBe(0);
    expect(
      computeDora({
        events: renamed,
        from: FROM,
        to: TO,
        productionEnvironment: 'prod',
      }),
    ).toEqual(EXPECTED_WEEK);
  });

  it('does not count a rollback in another environment or of another entity', () => {
    const figures = weekOf([
      deployed('d1', '2025-06-02T10:00:00Z'),
      event('r-staging', 'rollback', '2025-06-02T11:00:00Z', {
        environment: 'staging',
      }),
      rolledBack('r-other', '2025-06-02T11:00:00Z', { entityRef: INVENTORY }),
    ]);
    expect(figures.changeFailureRate).toEqual({
      rate: 0,
      failedDeployments: 0,
      deployments: 1,
    });
  });

  it('does not count a rollback that follows a later deployment', () => {
    const figures = weekOf([
      deployed('d1', '2025-06-02T10:00:00Z'),
      deployed('d2', '2025-06-02T12:00:00Z'),
      rolledBack('r2', '2025-06-02T13:00:00Z'),
    ]);
    expect(figures.changeFailureRate.failedDeployments).toBe(1);
    expect(figures.failedDeploymentRecoveryTime).toEqual({
      medianHours: 1,
      recoveries: 1,
      unrecovered: 0,
    });
  });

  it('attributes an incident naming a version to that version, within 24 hours', () => {
    const figures = weekOf([
      deployed('d1', '2025-06-02T10:00:00Z', { version: '1.0.0' }),
      deployed('d2', '2025-06-02T20:00:00Z', { version: '1.0.1' }),
      event('i1', 'incident-detected', '2025-06-03T09:00:00Z', {
        version: '1.0.0',
        incidentId: 'INC-9',
      }),
      event('i1-staging', 'incident-detected', '2025-06-03T09:00:00Z', {
        environment: 'staging',
      }),
    ]);
    expect(figures.changeFailureRate).toEqual({
      rate: 0.5,
      failedDeployments: 1,
      deployments: 2,
    });
    expect(figures.failedDeploymentRecoveryTime).toEqual({
      medianHours: null,
      recoveries: 0,
      unrecovered: 1,
    });
  });

  it('leaves a change unpaired until a deployment ships its commit or version', () => {
    const figures = weekOf([
      event('c1', 'change-merged', '2025-06-02T08:00:00Z', { commit: 'a1' }),
      event('c2', 'change-merged', '2025-06-02T09:00:00Z', {
        commit: 'b2',
        version: '3.0.0',
      }),
      event('c3', 'change-merged', '2025-06-02T09:30:00Z', {}),
      deployed('d-early', '2025-06-02T07:00:00Z', { commit: 'a1' }),
      deployed('d1', '2025-06-02T11:00:00Z', {
        commit: 'zz',
        version: '3.0.0',
      }),
      deployed('d2', '2025-06-02T14:00:00Z', { commit: 'a1' }),
    ]);
    // c1 ships with d2 (6 h; d-early came before the merge), c2 with d1 by version (2 h).
    expect(figures.leadTimeForChanges).toEqual({ medianHours: 4, changes: 2 });
  });

  it('has empty figures for a window without events', () => {
    expect(weekOf([])).toEqual(
      weekFigures('2025-06-01T00:00:00.000Z', {
        deployments: 0,
        band: 'low',
        leadTimeForChanges: { medianHours: null, changes: 0 },
        changeFailureRate: { rate: null, failedDeployments: 0 },
        failedDeploymentRecoveryTime: {
          medianHours: null,
          recoveries: 0,
          unrecovered: 0,
        },
      }),
    );
  });

  it.each([
    [28, 'elite'],
    [27, 'high'],
    [4, 'high'],
    [3, 'medium'],
    [1, 'medium'],
    [0, 'low'],
  ] as const)('bands %d deployments in 28 days as %s', (deployments, band) => {
    const from = new Date('2025-06-01T00:00:00Z');
    const events = Array.from({ length: deployments }, (_, index) =>
      deployed(
        `d${index}`,
        new Date(from.getTime() + index * 3600_000).toISOString(),
      ),
    );
    expect(
      computeDora({ events, from, to: new Date('2025-06-29T00:00:00Z') })
        .deploymentFrequency.band,
    ).toBe(band);
  });

  it('rejects a window that does not end after it starts', () => {
    expect(() => computeDora({ events: [], from: TO, to: FROM })).toThrow(
      RangeError,
    );
  });
});

describe('computeDoraTrend', () => {
  it('computes the window and the one of the same length before it', () => {
    const trend = computeDoraTrend({ events: WEEK, from: FROM, to: TO });
    expect(trend.current).toEqual(EXPECTED_WEEK);
    expect(trend.previous).toEqual(
      weekFigures('2025-05-25T00:00:00.000Z', {
        deployments: 1,
        band: 'high',
        leadTimeForChanges: { medianHours: 6, changes: 1 },
        changeFailureRate: { rate: 1, failedDeployments: 1 },
        failedDeploymentRecoveryTime: {
          medianHours: 13,
          recoveries: 1,
          unrecovered: 0,
        },
      }),
    );
  });
});
