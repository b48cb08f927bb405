import type { FailureAnalysis, TenantStatus } from '../failureAnalysis';
import type { FreezeStatus, FreezeWindow } from '../freezeCalendar';
import type { PlacementReason } from '../planRollout';
import type { RolloutAction, RolloutState } from '../rolloutState';
import type { RolloutStrategy } from '../strategy';
import type { Tenant } from '@waybill/plugin-waybill-common';

/** A tenant on the rollout board: where it is in the plan, its status and whether it is frozen now. */
export interface BoardTenant extends Omit<Tenant, 'deployables'> {
  /** Why the planner put the tenant in its wave. */
  placement: PlacementReason;
  status: TenantStatus;
  /** What deployment tooling said with the status, e.g. an error or the CDEvents type. */
  detail: string | null;
  updatedAt: string;
  freeze: FreezeStatus;
}

/** One wave of a rollout, with its tenants and how healthy they are. */
export interface WaveView {
  index: number;
  name: string;
  bakeMinutes: number;
  /** Share of the wave that must be healthy before the rollout advances past it. */
  healthThreshold: number;
  phase: 'done' | 'current' | 'upcoming';
  total: number;
  healthy: number;
  /** Tenants of the wave frozen now. */
  frozen: number;
  /** The latest status change of the wave's tenants; its bake time counts from here. */
  lastChangeAt: string | null;
  tenants: BoardTenant[];
}

/**
 * One wave and where its rollout is: what a pipeline's wave job asks before deploying. With a
 * cloud filter, `wave.tenants` holds only that cloud's tenants; the counts cover the whole wave.
 */
export interface RolloutWave {
  rollout: Pick<
    RolloutSummary,
    | 'id'
    | 'entityRef'
    | 'version'
    | 'environment'
    | 'state'
    | 'currentWave'
    | 'lockVersion'
  >;
  wave: WaveView;
}

/** One step in a rollout's trail. */
export interface RolloutEvent {
  id: number;
  action: RolloutAction;
  fromState: RolloutState;
  toState: RolloutState;
  waveIndex: number;
  actor: string;
  reason: string | null;
  /** Whether the action went past a blocker. */
  override: boolean;
  occurredAt: string;
}

/** A rollout as the list routes return it. */
export interface RolloutSummary {
  id: number;
  entityRef: string;
  version: string;
  environment: string;
  state: RolloutState;
  currentWave: number;
  /** Optimistic concurrency token: every transition bumps it. */
  lockVersion: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  waveCount: number;
  tenantCount: number;
}

/** A rollout with its waves, tenants, failure analysis and trail: the rollout board's data. */
export interface RolloutView
  extends Omit<RolloutSummary, 'waveCount' | 'tenantCount'> {
  strategy: RolloutStrategy;
  /**
   * Where the strategy came from: `request` (a strategy in the request), `config:<name>` (a
   * configured strategy, named in the request or `default`), `built-in`, or the URL of the
   * released entity's strategy file (`WAYBILL_ANNOTATIONS.rolloutStrategy`). Absent for
   * rollouts planned before it was recorded.
   */
  strategySource?: string;
  waves: WaveView[];
  analysis: FailureAnalysis;
  events: RolloutEvent[];
  /** When the freeze status of every tenant was evaluated. */
  evaluatedAt: string;
}

/** Why an action may not happen now: a failing gate, an unhealthy or unbaked wave, a freeze. */
export interface Blocker {
  kind: 'gate' | 'health' | 'bake' | 'freeze';
  message: string;
  /** For `freeze`: the tenants held back, with the windows and when they open. */
  tenants?: Array<{
    ref: string;
    windows: Array<{ id: string; title: string; start: string; end: string }>;
    opensAt: string;
  }>;
}

/** The body of a 409: the rollout's current position and what blocks the action, if anything. */
export interface RolloutConflict {
  error: { name: string; message: string };
  rollout: Pick<RolloutSummary, 'id' | 'state' | 'currentWave' | 'lockVersion'>;
  blockers: Blocker[];
}

/** What `POST /rollouts` takes; `strategy` is a configured strategy's name or a strategy. */
export interface CreateRolloutRequest {
  entityRef: string;
  version: string;
  environment: string;
  strategy?: string | RolloutStrategy;
}

/** What the action routes take; an override and a rollback need a reason. */
export interface RolloutActionRequest {
  override?: boolean;
  reason?: string;
}

/** One tenant's status, as deployment tooling reports it (`tenant` is a ref or a name). */
export interface TenantStatusReport {
  tenant: string;
  status: TenantStatus;
  detail?: string;
}

/** A configured strategy, by name, for the create form. */
export interface NamedStrategy {
  name: string;
  strategy: RolloutStrategy;
}

/**
 * One occurrence of a freeze window, across the time zones it is read in: the window opens at
 * the same wall-clock time in each zone, so it covers `[start, end)` from the first zone's start
 * to the last zone's end.
 */
export interface CalendarOccurrence {
  /** Local wall-clock start and end, e.g. `2026-11-27T16:00`. */
  localStart: string;
  localEnd: string;
  /** The earliest start and the latest end over the zones, as UTC ISO 8601 instants. */
  start: string;
  end: string;
  zones: string[];
  /** Tenants covered by this occurrence. */
  tenants: number;
}

/** A freeze window with the tenants it covers and its occurrences in a time range. */
export interface CalendarWindow extends FreezeWindow {
  /** Catalog tenants the window's scope covers. */
  tenants: number;
  occurrences: CalendarOccurrence[];
}

/** The freeze calendar between two instants. */
export interface FreezeCalendar {
  from: string;
  to: string;
  windows: CalendarWindow[];
}
