import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  PlannedWave,
  RolloutAction,
  RolloutEvent,
  RolloutState,
  RolloutStrategy,
  RolloutSummary,
  TenantStatus,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';
import { toIso, whereRefIn } from '@waybill/plugin-waybill-node';
import { Knex } from 'knex';

import { RolloutConflictError } from '../service/errors';
import {
  HEAD_COLUMNS,
  RolloutRow,
  toHeadRecord,
  toRecord,
} from './rolloutRows';

/** Tenants written per UPDATE: well under SQLite's and PostgreSQL's bound-parameter limits. */
const STATUS_CHUNK = 500;

const migrationsDir = resolvePackagePath(
  '@waybill/plugin-tenant-rollouts-backend',
  'migrations',
);

/** The plan as stored: the waves, and the tenants as the catalog described them at planning. */
export interface StoredPlan {
  waves: PlannedWave[];
  tenants: Tenant[];
}

/** A stored rollout: what the list routes show of it (RolloutSummary's fields), with its strategy and plan. */
export interface RolloutRecord
  extends Omit<RolloutSummary, 'waveCount' | 'tenantCount'> {
  strategy: RolloutStrategy;
  /**
   * Where the strategy came from: `request`, `config:<name>`, `built-in`, or the URL of the
   * entity's strategy file; null for rollouts planned before it was recorded.
   */
  strategySource: string | null;
  plan: StoredPlan;
}

/**
 * A rollout's record without its plan (which never changes once planned), and its status
 * version: bumped by every status report, so that with the lock version it says whether
 * anything a board shows has changed.
 */
export interface RolloutHead {
  record: Omit<RolloutRecord, 'plan'>;
  statusVersion: number;
}

export interface TenantStatusRecord {
  tenantRef: string;
  waveIndex: number;
  status: TenantStatus;
  detail: string | null;
  updatedAt: string;
}

export interface NewRollout {
  entityRef: string;
  version: string;
  environment: string;
  strategy: RolloutStrategy;
  /** See RolloutRecord.strategySource. */
  strategySource?: string;
  plan: StoredPlan;
  createdBy: string;
}

export interface TransitionRequest {
  action: RolloutAction;
  /** The lock version the caller read and checked its preconditions against. */
  expectedLockVersion: number;
  to: { state: RolloutState; currentWave: number };
  actor: string;
  reason?: string;
  override?: boolean;
}

export interface StatusUpdate {
  tenantRef: string;
  status: TenantStatus;
  detail?: string;
}

/** Rollouts, tenant statuses and the event trail on the plugin's database (SQLite or PostgreSQL). */
export class RolloutStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<RolloutStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new RolloutStore(client);
  }

  constructor(private readonly db: Knex) {}

  async createRollout(rollout: NewRollout): Promise<RolloutRecord> {
    const now = new Date();
    const id = await this.db.transaction(async tx => {
      const [inserted] = await tx('tenant_rollouts')
        .insert({
          entity_ref: rollout.entityRef,
          version: rollout.version,
          environment: rollout.environment,
          strategy: JSON.stringify(rollout.strategy),
          strategy_source: rollout.strategySource ?? null,
          plan: JSON.stringify(rollout.plan),
          state: 'planned',
          current_wave: 0,
          lock_version: 0,
          created_by: rollout.createdBy,
          created_at: now,
          updated_at: now,
        })
        .returning('id');
      const rolloutId = Number(
        typeof inserted === 'object' ? inserted.id : inserted,
      );
      const rows = rollout.plan.waves.flatMap((wave, waveIndex) =>
        wave.tenants.map(t => ({
          rollout_id: rolloutId,
          tenant_ref: t.ref,
          wave_index: waveIndex,
          status: 'pending',
          updated_at: now,
        })),
      );
      if (rows.length > 0)
        await tx.batchInsert('tenant_rollouts_tenants', rows, 200);
      return rolloutId;
    });
    return (await this.getRollout(id))!;
  }

  async getRollout(id: number): Promise<RolloutRecord | undefined> {
    const row = await this.db<RolloutRow>('tenant_rollouts')
      .where({ id })
      .first();
    return row ? toRecord(row) : undefined;
  }

  /** A rollout without its plan, with its status version (see RolloutHead). */
  async getRolloutHead(id: number): Promise<RolloutHead | undefined> {
    const row: (RolloutRow & { status_version: number }) | undefined =
      await this.db('tenant_rollouts')
        .where({ id })
        .first(...HEAD_COLUMNS);
    return row
      ? {
          record: toHeadRecord(row),
          statusVersion: Number(row.status_version),
        }
      : undefined;
  }

  /** A rollout's plan, as stored when it was planned. */
  async getPlan(id: number): Promise<StoredPlan | undefined> {
    const row = await this.db('tenant_rollouts').where({ id }).first('plan');
    return row ? JSON.parse(row.plan) : undefined;
  }

  /** Rollouts newest first, of an entity, of some entities, of a version and/or in some states. */
  async listRollouts(filter: {
    entityRef?: string;
    version?: string;
    /** Only rollouts of these entities (those the reader may read). */
    entityRefs?: Iterable<string>;
    states?: RolloutState[];
    limit?: number;
  }): Promise<RolloutRecord[]> {
    const query = this.db<RolloutRow>('tenant_rollouts')
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.version) query.where('version', filter.version);
    if (filter.entityRefs) whereRefIn(query, 'entity_ref', filter.entityRefs);
    if (filter.states) query.whereIn('state', filter.states);
    return (await query).map(toRecord);
  }

  /** The entities that have rollouts. */
  async listEntityRefs(): Promise<string[]> {
    const rows = await this.db('tenant_rollouts')
      .distinct('entity_ref')
      .orderBy('entity_ref');
    return rows.map((row: { entity_ref: string }) => row.entity_ref);
  }

  /**
   * A rollout's tenant statuses, by wave and tenant ref; with `since`, only those a report with a
   * higher status version wrote (see RolloutHead.statusVersion), in no particular order.
   */
  async tenantStatuses(
    rolloutId: number,
    since?: number,
  ): Promise<TenantStatusRecord[]> {
    const query = this.db('tenant_rollouts_tenants').where({
      rollout_id: rolloutId,
    });
    const rows = await (since === undefined
      ? query.orderBy([{ column: 'wave_index' }, { column: 'tenant_ref' }])
      : query.where('status_version', '>', since));
    return rows.map(row => ({
      tenantRef: row.tenant_ref,
      waveIndex: Number(row.wave_index),
      status: row.status,
      detail: row.detail ?? null,
      updatedAt: toIso(row.updated_at),
    }));
  }

  async events(rolloutId: number): Promise<RolloutEvent[]> {
    const rows = await this.db('tenant_rollouts_events')
      .where({ rollout_id: rolloutId })
      .orderBy('id');
    return rows.map(row => ({
      id: Number(row.id),
      action: row.action,
      fromState: row.from_state,
      toState: row.to_state,
      waveIndex: Number(row.wave_index),
      actor: row.actor,
      reason: row.reason ?? null,
      override: Boolean(row.override),
      occurredAt: toIso(row.occurred_at),
    }));
  }

  /**
   * Applies a transition the caller checked against `expectedLockVersion`, with a conditional
   * UPDATE: of concurrent callers that read the same version, on any number of replicas, exactly
   * one gets the row; the others get a ConflictError naming the rollout's current state.
   */
  async applyTransition(
    rolloutId: number,
    request: TransitionRequest,
  ): Promise<RolloutRecord> {
    const now = new Date();
    await this.db.transaction(async tx => {
      const current = await tx<RolloutRow>('tenant_rollouts')
        .where({ id: rolloutId })
        .first();
      if (!current) throw new NotFoundError(`No rollout ${rolloutId}`);
      const updated = await tx('tenant_rollouts')
        .where({ id: rolloutId, lock_version: request.expectedLockVersion })
        .update({
          state: request.to.state,
          current_wave: request.to.currentWave,
          lock_version: request.expectedLockVersion + 1,
          updated_at: now,
          // An applied action ends whatever held the rollout.
          alert_signature: null,
        });
      if (updated === 0) {
        const latest = (await tx<RolloutRow>('tenant_rollouts')
          .where({ id: rolloutId })
          .first())!;
        throw new RolloutConflictError(
          `Rollout ${rolloutId} changed before this ${request.action} was applied: it is now ${latest.state} at wave ${latest.current_wave} (version ${latest.lock_version}, expected ${request.expectedLockVersion}); reload and retry`,
          {
            id: rolloutId,
            state: latest.state,
            currentWave: Number(latest.current_wave),
            lockVersion: Number(latest.lock_version),
          },
        );
      }
      await tx('tenant_rollouts_events').insert({
        rollout_id: rolloutId,
        action: request.action,
        from_state: current.state,
        to_state: request.to.state,
        wave_index: request.to.currentWave,
        actor: request.actor,
        reason: request.reason ?? null,
        override: Boolean(request.override),
        occurred_at: now,
      });
    });
    return (await this.getRollout(rolloutId))!;
  }

  /**
   * Records an alert about a rollout (see RolloutEvents) unless the same one stands already, with
   * a conditional UPDATE: true for exactly one caller, on any replica, who then sends it.
   */
  async recordAlert(rolloutId: number, signature: string): Promise<boolean> {
    const updated = await this.db('tenant_rollouts')
      .where({ id: rolloutId })
      .andWhere(q =>
        q.whereNull('alert_signature').orWhereNot('alert_signature', signature),
      )
      .update({ alert_signature: signature });
    return updated > 0;
  }

  /**
   * Records per-tenant statuses. Each row is written by its own conditional UPDATE, so reports
   * for different tenants never overwrite each other; a tenant not in the rollout is an InputError
   * and nothing is written. The rows written take the rollout's new status version.
   */
  async reportStatuses(
    rolloutId: number,
    updates: StatusUpdate[],
    now = new Date(),
  ): Promise<number> {
    // The last report of a tenant wins; tenants with the same status and detail are written by
    // one UPDATE per chunk rather than one per tenant.
    const latest = new Map(updates.map(u => [u.tenantRef, u]));
    const alike = new Map<string, { update: StatusUpdate; refs: string[] }>();
    for (const update of latest.values()) {
      const key = JSON.stringify([update.status, update.detail ?? null]);
      const group = alike.get(key) ?? { update, refs: [] };
      group.refs.push(update.tenantRef);
      alike.set(key, group);
    }
    return this.db.transaction(async tx => {
      // First, so that concurrent reports of one rollout queue on its row: the versions follow
      // the order in which the reports commit.
      await tx('tenant_rollouts')
        .where({ id: rolloutId })
        .increment('status_version', 1);
      const bumped = await tx('tenant_rollouts')
        .where({ id: rolloutId })
        .first('status_version');
      // No rollout: no row is updated below, and the first chunk says so.
      const version = Number(bumped?.status_version ?? 0);
      let changed = 0;
      for (const { update, refs } of alike.values()) {
        for (let i = 0; i < refs.length; i += STATUS_CHUNK) {
          const chunk = refs.slice(i, i + STATUS_CHUNK);
          const n = await tx('tenant_rollouts_tenants')
            .where({ rollout_id: rolloutId })
            .whereIn('tenant_ref', chunk)
            .update({
              status: update.status,
              detail: update.detail ?? null,
              updated_at: now,
              status_version: version,
            });
          if (n !== chunk.length) {
            const known = new Set(
              (
                await tx('tenant_rollouts_tenants')
                  .where({ rollout_id: rolloutId })
                  .whereIn('tenant_ref', chunk)
                  .select('tenant_ref')
              ).map(row => row.tenant_ref),
            );
            const missing = chunk.find(ref => !known.has(ref));
            throw new InputError(
              `Tenant ${missing} is not part of rollout ${rolloutId}`,
            );
          }
          changed += n;
        }
      }
      return changed;
    });
  }
}
