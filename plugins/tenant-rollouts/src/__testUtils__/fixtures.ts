import {
  CalendarWindow,
  analyzeFailures,
  Blocker,
  boardAxisValues,
  boardHeatmap,
  FreezeBlocker,
  FreezeWindow,
  freezeCalendar,
  FreezeCalendar,
  freezeStatuses,
  GateBlocker,
  NextAction,
  parseFreezeWindows,
  parseRolloutStrategy,
  planRollout,
  ROLLOUT_ACTIONS,
  RolloutAction,
  RolloutActionResult,
  RolloutGate,
  RolloutState,
  RolloutSummary,
  RolloutView,
  TENANT_STATUSES,
  TenantStatus,
  transition,
  WaveSummary,
  WaveView,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';
import { HttpResponse } from 'msw';

const REGIONS = ['europe', 'north-america', 'asia-pacific'];
const ZONES: Record<string, string> = {
  europe: 'Europe/Berlin',
  'north-america': 'America/Chicago',
  'asia-pacific': 'Asia/Singapore',
};
const SEGMENTS = ['wholesale', 'retail', 'manufacturing'];
const CLOUDS = ['aws', 'azure', 'gcp'];

/** `count` tenants spread over regions, segments and clouds; the first three are internal canaries. */
export function makeTenants(count: number): Tenant[] {
  return Array.from({ length: count }, (_, i) => {
    const region = REGIONS[i % 3];
    const name = `tenant-${String(i).padStart(4, '0')}`;
    let tier = 'standard';
    if (i < 3) tier = 'internal';
    else if (i % 10 === 9) tier = 'critical';
    return {
      ref: `resource:default/${name}`,
      title: `Tenant ${i}`,
      segment: SEGMENTS[Math.floor(i / 3) % 3],
      region,
      tier,
      cloud: CLOUDS[Math.floor(i / 9) % 3],
      tenancy: i % 25 === 24 ? 'dedicated' : 'shared',
      timeZone: ZONES[region],
      deployables: ['component:default/sales'],
    };
  });
}

export const STRATEGY = parseRolloutStrategy({
  waves: [
    { name: 'canary', select: { tier: ['internal'] }, bakeMinutes: 60 },
    { name: 'europe', select: { region: ['europe'] }, bakeMinutes: 120 },
    { name: 'everyone-else', healthThreshold: 0.95 },
  ],
  forceLast: ['dedicated', 'critical'],
});

const NOW = new Date('2026-11-23T10:00:00Z');

/** The release the fixtures roll out. */
const SALES = {
  entityRef: 'component:default/sales',
  version: '7.4.0',
  environment: 'production',
};

/** The gate of sales 7.4.0 in production, as the backend asked it. */
export function gateOf(
  decision: RolloutGate['decision'],
  reasons: RolloutGate['reasons'] = [],
): RolloutGate {
  return {
    ...SALES,
    decision,
    passed: decision === 'pass' || decision === 'warn',
    message: `The scorecards gate for ${SALES.entityRef} ${SALES.version} in ${SALES.environment} is ${decision}`,
    reasons,
  };
}

/** The gate failing on a critical vulnerability, as a blocker. */
export function failingGate(): GateBlocker {
  const gate = gateOf('fail', [
    {
      checkId: 'critical-vulnerabilities',
      title: 'No critical vulnerabilities',
      reason: '1 critical vulnerability: CVE-2026-1234 in libxml2',
      enforcement: 'fail',
    },
  ]);
  return { kind: 'gate', message: gate.message, gate };
}

/**
 * The frozen tenants of a board's wave as the backend's freeze blocker names them: the first 20
 * listed, the rest counted.
 */
export function freezeBlockerOf(wave: WaveView): FreezeBlocker {
  const tenants = wave.tenants.flatMap(t =>
    t.freeze.frozen
      ? [
          {
            ref: t.ref,
            title: t.title,
            windows: t.freeze.windows.map(({ reason: _reason, ...w }) => w),
            opensAt: t.freeze.opensAt,
          },
        ]
      : [],
  );
  return {
    kind: 'freeze',
    message: `${tenants.length} tenant(s) of wave ${wave.index} (${wave.name}) are in a freeze window and are held back`,
    wave: { index: wave.index, name: wave.name },
    frozen: tenants.length,
    opensAt: tenants
      .map(t => t.opensAt)
      .sort()
      .at(-1)!,
    tenants: tenants.slice(0, 20),
    unlisted: Math.max(0, tenants.length - 20),
  };
}

/**
 * A rollout as the backend answers it, computed with the same -common functions the backend
 * uses: the plan, freeze status per tenant and failure analysis.
 */
export function rolloutView(
  options: {
    id?: number;
    tenants?: Tenant[];
    state?: RolloutState;
    currentWave?: number;
    /** The status of each tenant; tenants of waves not started are pending whatever it says. */
    status?: (tenant: Tenant, wave: number) => TenantStatus;
    freezeWindows?: FreezeWindow[];
    /** What holds each next action, by action; given a function, from the waves. */
    blockers?: (waves: WaveView[]) => Partial<Record<RolloutAction, Blocker[]>>;
    /** The gate as the backend asked it; a pass by default. */
    gate?: RolloutGate;
  } = {},
): RolloutView {
  const tenants = options.tenants ?? makeTenants(30);
  const state = options.state ?? 'running';
  const currentWave = options.currentWave ?? 0;
  const plan = planRollout(tenants, STRATEGY);
  const freeze = freezeStatuses(tenants, NOW, options.freezeWindows ?? []);
  const byRef = new Map(tenants.map(t => [t.ref, t]));
  const outcomes: Array<{ tenant: Tenant; status: TenantStatus }> = [];
  const waves = plan.waves.map((wave, index) => {
    const started = state !== 'planned' && index <= currentWave;
    const waveTenants = wave.tenants.map(({ ref, reason }) => {
      const { deployables: _deployables, ...tenant } = byRef.get(ref)!;
      const status: TenantStatus = started
        ? options.status?.(byRef.get(ref)!, index) ?? 'healthy'
        : 'pending';
      outcomes.push({ tenant: byRef.get(ref)!, status });
      return {
        ...tenant,
        wave: index,
        placement: reason,
        status,
        detail: status === 'failed' ? 'Health check failed: 503' : null,
        updatedAt: NOW.toISOString(),
        freeze: freeze.get(ref)!,
      };
    });
    let phase: 'done' | 'current' | 'upcoming' = 'upcoming';
    if (state !== 'planned' && index < currentWave) phase = 'done';
    else if (state !== 'planned' && index === currentWave) {
      phase = state === 'completed' ? 'done' : 'current';
    }
    return {
      index,
      name: wave.name,
      bakeMinutes: wave.bakeMinutes,
      healthThreshold: wave.healthThreshold,
      phase,
      total: waveTenants.length,
      healthy: waveTenants.filter(t => t.status === 'healthy').length,
      frozen: waveTenants.filter(t => t.freeze.frozen).length,
      lastChangeAt: started ? NOW.toISOString() : null,
      counts: Object.fromEntries(
        TENANT_STATUSES.map(s => [
          s,
          waveTenants.filter(t => t.status === s).length,
        ]),
      ) as WaveSummary['counts'],
      tenants: waveTenants,
    };
  });
  const items = waves.flatMap(w => w.tenants);
  const blockers = options.blockers?.(waves) ?? {};
  const position = { state, currentWave, waveCount: waves.length };
  const nextActions = ROLLOUT_ACTIONS.filter(
    action => transition(position, action).ok,
  ).map((action): NextAction => {
    const held = blockers[action] ?? [];
    const wave = { start: 0, advance: currentWave + 1 }[action as string];
    return {
      action,
      ...(wave === undefined
        ? {}
        : { wave: { index: wave, name: waves[wave].name } }),
      ready: held.length === 0,
      blockers: held,
    };
  });
  const live = ['planned', 'running', 'paused'].includes(state);
  return {
    id: options.id ?? 7,
    entityRef: SALES.entityRef,
    version: SALES.version,
    environment: SALES.environment,
    nextActions,
    ...(live ? { gate: options.gate ?? gateOf('pass') } : {}),
    state,
    currentWave,
    lockVersion: 3,
    createdBy: 'user:default/guest',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    strategy: STRATEGY,
    waves: waves.map(({ tenants: _tenants, ...summary }) => summary),
    // Every tenant: `boardAnswer` cuts the page a query asks for, as the backend does.
    tenants: { items, total: items.length, offset: 0, limit: items.length },
    axisValues: boardAxisValues(items),
    heatmap: boardHeatmap(items),
    analysis: analyzeFailures(outcomes.filter(o => o.status !== 'pending')),
    events: [
      {
        id: 1,
        action: 'start',
        fromState: 'planned',
        toState: 'running',
        waveIndex: 0,
        actor: 'user:default/guest',
        reason: null,
        override: false,
        occurredAt: NOW.toISOString(),
      },
    ],
    evaluatedAt: NOW.toISOString(),
  };
}

/** The list form of a rollout view. */
export function rolloutSummary(view: RolloutView): RolloutSummary {
  const {
    strategy: _s,
    waves,
    tenants: _tenants,
    axisValues: _v,
    heatmap: _h,
    analysis: _a,
    events: _e,
    evaluatedAt: _t,
    ...rest
  } = view;
  return {
    ...rest,
    waveCount: waves.length,
    tenantCount: waves.reduce((n, w) => n + w.total, 0),
  };
}

/**
 * The backend's answer to an applied `action` whose rollout's board is now `after`: where the
 * rollout is (not its board, which the page reads again), and what an override went past.
 */
export function appliedAction(
  after: RolloutView,
  action: RolloutAction,
  overridden: string[] = [],
) {
  const result: RolloutActionResult = {
    rollout: {
      id: after.id,
      state: after.state,
      currentWave: after.currentWave,
      lockVersion: after.lockVersion,
      updatedAt: after.updatedAt,
    },
    action,
    overridden,
  };
  return HttpResponse.json(result);
}

/**
 * The backend's 409 refusing `action` on the rollout `view` ("Cannot <action>"): where the
 * rollout is, and the `blockers` that stood in the way.
 */
export function refusedAction(
  view: RolloutView,
  action: string,
  blockers: Blocker[],
) {
  return HttpResponse.json(
    {
      error: { name: 'ConflictError', message: `Cannot ${action}` },
      response: { statusCode: 409 },
      rollout: {
        id: view.id,
        state: view.state,
        currentWave: view.currentWave,
        lockVersion: view.lockVersion,
      },
      blockers,
    },
    { status: 409 },
  );
}

/** A one-off freeze window over 12 Berlin tenants, with its one occurrence on 2026-12-08. */
export const MONTH_END_CLOSE: CalendarWindow = {
  id: 'month-end',
  title: 'Month-end close',
  scope: {},
  schedule: {
    kind: 'one-off',
    start: '2026-12-08T16:00',
    end: '2026-12-08T20:00',
  },
  tenants: 12,
  occurrences: [
    {
      localStart: '2026-12-08T16:00',
      localEnd: '2026-12-08T20:00',
      start: '2026-12-08T15:00:00Z',
      end: '2026-12-08T19:00:00Z',
      zones: ['Europe/Berlin'],
      tenants: 12,
    },
  ],
};

/** Friday's shipping cut-off for everyone, as config spells it: 16:00 to 20:00 in each tenant's zone. */
export const FRIDAY_CUTOFF = {
  id: 'friday-cutoff',
  title: 'Friday shipping cut-off',
  schedule: { kind: 'weekly', days: ['fri'], from: '16:00', to: '20:00' },
};

/** Retail's peak season as config spells it, 20 November to 5 January across new year. */
export const RETAIL_PEAK = {
  id: 'retail-peak',
  title: 'Retail peak season',
  scope: { segment: ['retail'] },
  schedule: { kind: 'yearly', from: '11-20', to: '01-05' },
};

/** The freeze calendar the backend computes for windows as config spells them, over the 30 tenants of `makeTenants`. */
export function freezeCalendarOf(
  windows: unknown[],
  range: { from: Date; to: Date },
): FreezeCalendar {
  return freezeCalendar(
    parseFreezeWindows(windows),
    makeTenants(30),
    range.from,
    range.to,
  );
}
