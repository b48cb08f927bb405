import type {
  FreezeCalendar,
  RolloutSummary,
} from '@waybill/plugin-tenant-rollouts-common';
import { MONTH_END_CLOSE } from '../../__testUtils__/fixtures';
import { rolloutsInFlight, upcomingFreezes } from './attention';

const rollout = (
  id: number,
  entity: string,
  state: RolloutSummary['state'],
  updatedAt: string,
  createdBy = 'user:default/ana',
): RolloutSummary => ({
  id,
  entityRef: `component:default/${entity}`,
  version: '5.2.0',
  environment: 'production',
  state,
  currentWave: 1,
  lockVersion: 1,
  createdBy,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt,
  waveCount: 4,
  tenantCount: 44,
});

describe('rolloutsInFlight', () => {
  const user = {
    userEntityRef: 'user:default/guest',
    owned: new Set(['component:default/inventory']),
  };

  it('keeps planned, running and paused rollouts the user owns or created, held ones first', () => {
    const rollouts = [
      rollout(1, 'inventory', 'running', '2026-12-03T10:00:00Z'),
      rollout(2, 'inventory', 'completed', '2026-12-03T11:00:00Z'),
      rollout(3, 'inventory', 'paused', '2026-12-01T10:00:00Z'),
      rollout(4, 'sales', 'running', '2026-12-03T12:00:00Z'),
      rollout(
        5,
        'sales',
        'planned',
        '2026-12-02T10:00:00Z',
        'user:default/guest',
      ),
      rollout(6, 'inventory', 'rolled-back', '2026-12-03T13:00:00Z'),
    ];
    expect(rolloutsInFlight(rollouts, user).map(r => r.id)).toEqual([3, 1, 5]);
  });
});

describe('upcomingFreezes', () => {
  it('lists every occurrence of every window, earliest first', () => {
    const calendar: FreezeCalendar = {
      from: '2026-12-04T00:00:00Z',
      to: '2026-12-11T00:00:00Z',
      windows: [
        MONTH_END_CLOSE,
        {
          id: 'peak',
          title: 'Peak picking',
          scope: {},
          schedule: {
            kind: 'weekly',
            days: ['sat'],
            from: '06:00',
            to: '10:00',
          },
          tenants: 3,
          occurrences: [
            {
              localStart: '2026-12-05T06:00',
              localEnd: '2026-12-05T10:00',
              start: '2026-12-05T05:00:00Z',
              end: '2026-12-05T09:00:00Z',
              zones: ['Europe/Berlin'],
              tenants: 3,
            },
          ],
        },
      ],
    };
    expect(upcomingFreezes(calendar).map(f => f.title)).toEqual([
      'Peak picking',
      'Month-end close',
    ]);
  });
});
