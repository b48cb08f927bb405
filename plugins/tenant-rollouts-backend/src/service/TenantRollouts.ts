import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  freezeCalendar,
  Blocker,
  BoardQuery,
  NamedStrategy,
  RolloutAction,
  RolloutSummary,
  RolloutView,
  RolloutWave,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import {
  RolloutRecord,
  RolloutStore,
  StatusUpdate,
} from '../database/RolloutStore';
import { CatalogTenants } from './catalogTenants';
import { TenantRolloutsConfig } from './config';
import { GateClient } from './gate';
import { ActionOptions, ActionOutcome, RolloutActions } from './rolloutActions';
import { RolloutEvents } from './rolloutEvents';
import { RolloutBoard } from './rolloutBoard';
import {
  configuredStrategies,
  NewRolloutInput,
  RolloutPlanner,
} from './rolloutPlanning';
import { accessOf, Actor } from './rolloutAccess';
import { RolloutPlans } from './rolloutPlans';
import { StatusIngestion } from './statusIngestion';
import { StrategyFileReader } from './strategyFile';

export type { Actor } from './rolloutAccess';
export type { ActionOptions } from './rolloutActions';

/**
 * An applied action: the rollout's record after it, and the blockers an override went past
 * (`kind: message`). Not its board: boards read that again when the rollout's signal says so.
 */
export type ActionResult = ActionOutcome;

/**
 * Rollouts of releases to the catalog's tenants, in waves, behind gate, health and freeze checks:
 * the facade the router and the scheduler call. Reads show a reader only what the catalog lets
 * them read (see RolloutBoard); actions are still decided on every tenant of the rollout. It
 * takes no request and audits nothing: its callers audit at their edge.
 */
export class TenantRollouts {
  private readonly tenants: CatalogTenants;
  private readonly planner: RolloutPlanner;
  private readonly board: RolloutBoard;
  private readonly actions: RolloutActions;
  private readonly statuses: StatusIngestion;

  constructor(
    private readonly options: {
      store: RolloutStore;
      catalog: CatalogService;
      /** The plugin's own credentials read a new rollout's tenants. */
      auth: AuthService;
      gate: GateClient;
      logger: LoggerService;
      config: TenantRolloutsConfig;
      /** Reads the strategy file a released entity names. */
      strategyFiles: StrategyFileReader;
      /** Signals and notifications about the changes. */
      events: RolloutEvents;
      now?: () => Date;
    },
  ) {
    const now = () => options.now?.() ?? new Date();
    const { store, catalog, config } = options;
    this.tenants = new CatalogTenants(options);
    this.planner = new RolloutPlanner({ ...options, tenants: this.tenants });
    const plans = new RolloutPlans({ store, config });
    this.board = new RolloutBoard({ store, plans, gate: options.gate, now });
    this.actions = new RolloutActions({ ...options, now });
    this.statuses = new StatusIngestion({ store, catalog, plans, now });
  }

  /** The catalog's tenants; with `servingEntityRef`, only those whose spec.dependsOn names it. */
  catalogTenants(
    credentials: BackstageCredentials,
    servingEntityRef?: string,
  ): Promise<Tenant[]> {
    return this.tenants.list(credentials, servingEntityRef);
  }

  /** Plans a rollout (see RolloutPlanner) and answers its board. */
  async create(
    input: NewRolloutInput,
    actor: Actor & { credentials: BackstageCredentials },
  ): Promise<RolloutView> {
    const record = await this.planner.plan(input, actor);
    await this.options.events.changed(record.id, 'created');
    return this.board.view(record, accessOf(actor));
  }

  /** A rollout's board, with the page of its tenants `query` asks for (see RolloutBoard). */
  get(
    id: number,
    access = CatalogReadAccess.unrestricted,
    query: BoardQuery = {},
  ): Promise<RolloutView> {
    return this.board.get(id, access, query);
  }

  /** One wave of a rollout and where the rollout is; with `cloud`, only that cloud's tenants. */
  wave(
    id: number,
    index: number,
    filter: { cloud?: string } = {},
    access = CatalogReadAccess.unrestricted,
  ): Promise<RolloutWave> {
    return this.board.wave(id, index, filter, access);
  }

  list(
    filter: { entityRef?: string; limit?: number },
    access = CatalogReadAccess.unrestricted,
  ): Promise<RolloutSummary[]> {
    return this.board.list(filter, access);
  }

  /** The configured strategies, `default` first. */
  strategies(): NamedStrategy[] {
    return configuredStrategies(this.options.config);
  }

  /** The freeze windows over the catalog's tenants, with their occurrences in `[from, to)`. */
  async freezeCalendar(
    range: { from: Date; to: Date },
    credentials: BackstageCredentials,
  ) {
    return freezeCalendar(
      this.options.config.freezeWindows,
      await this.tenants.list(credentials),
      range.from,
      range.to,
    );
  }

  /**
   * Applies an action (see RolloutActions) and signals the change; answers the rollout's record
   * after it, without building its board (a board reads itself again on the signal).
   */
  async act(
    id: number,
    action: RolloutAction,
    actor: Actor,
    options: ActionOptions = {},
  ): Promise<ActionResult> {
    const outcome = await this.actions.act(id, action, actor, options);
    await this.options.events.changed(id, 'action');
    return outcome;
  }

  /** Per-tenant statuses from deployment tooling; only for tenants of waves already started. */
  async reportStatuses(id: number, updates: StatusUpdate[], actor?: Actor) {
    const { answer, record, failedInCurrentWave } = await this.statuses.report(
      id,
      updates,
      actor,
    );
    await this.options.events.changed(id, 'status');
    await this.options.events.waveFailing(record, failedInCurrentWave);
    return answer;
  }

  /** The scheduler could not move a rollout on, for these blockers. */
  held(record: RolloutRecord, blockers: Blocker[]): Promise<void> {
    return this.options.events.held(record, blockers);
  }

  /** The running rollouts the scheduler tries to advance or complete, with the action each. */
  dueForAdvance(): Promise<
    Array<{ record: RolloutRecord; action: RolloutAction }>
  > {
    return this.actions.dueForAdvance();
  }
}
