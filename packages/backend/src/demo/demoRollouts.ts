import type {
  CreateRolloutRequest,
  TenantStatusReport,
  WaveView,
} from '@waybill/plugin-tenant-rollouts-common';

/**
 * One demo rollout: planned, started, then (when the start is allowed) wave 0's statuses
 * reported as deployment tooling would. Its release must be in the demo evidence manifest, whose
 * evidence the scorecards gate reads.
 */
export interface DemoRollout extends CreateRolloutRequest {
  /** What the rollout shows on the board, for the log. */
  purpose: string;
  /** The statuses deployment tooling reports for the first wave once it has started. */
  firstWaveStatuses?: (wave: WaveView) => TenantStatusReport[];
}

/** How the EU edge failure reads on the board. */
export const EU_EDGE_FAILURE = 'Order sync 502 from the EU edge';

/** European tenants of the pilot wave whose deployment fails. */
const EU_FAILURES = 5;

export const DEMO_ROLLOUTS: DemoRollout[] = [
  {
    // The configured default strategy: canary (internal tenants), Europe, North America, the
    // rest; dedicated and critical tenants last.
    purpose: 'canary healthy, waiting to advance to wave 1',
    entityRef: 'component:default/sales',
    version: '7.4.0',
    environment: 'production',
    firstWaveStatuses: wave =>
      wave.tenants.map(t => ({ tenant: t.ref, status: 'healthy' })),
  },
  {
    // A pilot of standard-tier wholesale, manufacturing and logistics tenants: no retail
    // tenant (retail peak season) and no critical one (quarter close), so it can start on most
    // dates. Everyone else (canaries, critical tenants) waits in a second wave; without it,
    // the planner would put them in the pilot as the remainder.
    purpose: 'failures in one region, for the failure analysis verdict',
    entityRef: 'component:default/customer-portal',
    version: '12.0.3',
    environment: 'production',
    strategy: {
      waves: [
        {
          name: 'regional-pilot',
          select: {
            segment: ['wholesale', 'manufacturing', 'third-party-logistics'],
            tier: ['standard'],
          },
          bakeMinutes: 60,
          healthThreshold: 0.95,
        },
        {
          name: 'everyone-else',
          select: {},
          bakeMinutes: 120,
          healthThreshold: 0.95,
        },
      ],
      forceLast: [],
    },
    firstWaveStatuses: wave => {
      const failing = new Set(
        wave.tenants
          .filter(t => t.region === 'europe')
          .slice(0, EU_FAILURES)
          .map(t => t.ref),
      );
      return wave.tenants.map(t =>
        failing.has(t.ref)
          ? { tenant: t.ref, status: 'failed', detail: EU_EDGE_FAILURE }
          : { tenant: t.ref, status: 'healthy' },
      );
    },
  },
  {
    // The gate fails (a critical dependency vulnerability): the start is refused, so the
    // rollout stays planned with the gate as its blocker.
    purpose: 'held by its failing gate',
    entityRef: 'component:default/inventory',
    version: '5.2.0',
    environment: 'production',
  },
];
