import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  assertMayActFor,
  Caller,
  CatalogReadAccess,
} from '@waybill/plugin-waybill-node';
import {
  analyzeFailures,
  Blocker,
  BoardTenant,
  FailureAnalysis,
  freezeCalendar,
  freezeStatuses,
  NamedStrategy,
  RolloutSummary,
  RolloutView,
  RolloutWave,
  WaveView,
  isTenantEntity,
  parseRolloutStrategy,
  planRollout,
  RolloutAction,
  RolloutStrategy,
  Tenant,
  tenantFromEntity,
  transition,
} from '@waybill/plugin-tenant-rollouts-common';
import {
  RolloutRecord,
  RolloutStore,
  StatusUpdate,
  TenantStatusRecord,
} from '../database/RolloutStore';

import { BUILT_IN_DEFAULT_STRATEGY, TenantRolloutsConfig } from './config';
import { RolloutConflictError } from './errors';
import { GateClient } from './gate';
import { StrategyFileReader } from './strategyFile';

/** Who acts, for the trail and the auditor. */
export interface Actor {
  caller: Caller;
  /** Who the catalog is read as on the actor's behalf. */
  credentials?: BackstageCredentials;
  /** Which entities the actor may read; every entity when absent (the scheduler). */
  access?: CatalogReadAccess;
}

export interface ActionOptions {
  override?: boolean;
  reason?: string;
  request?: Parameters<AuditorService['createEvent']>[0]['request'];
}

const CATALOG_PAGE = 500;
/** Failure analyses kept in memory, most recently computed last. */
const ANALYSES_KEPT = 200;

/**
 * Rollouts of releases to the catalog's tenants, in waves, behind gate, health and freeze checks.
 * Reads show a reader only what the catalog lets them read: a rollout of an entity they may not
 * read is not there (404, not listed), and a tenant they may not read is left out of boards,
 * counts and failure analyses. Actions are still decided on every tenant of the rollout.
 */
export class TenantRollouts {
  private readonly analyses = new Map<
    number,
    { key: string; analysis: FailureAnalysis }
  >();

  constructor(
    private readonly options: {
      store: RolloutStore;
      catalog: CatalogService;
      /** The plugin's own credentials read a new rollout's tenants. */
      auth: AuthService;
      gate: GateClient;
      auditor: AuditorService;
      logger: LoggerService;
      config: TenantRolloutsConfig;
      /** Reads the strategy file a released entity names. */
      strategyFiles: StrategyFileReader;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /**
   * The catalog's tenants, page by page; with `servingEntityRef`, only those whose
   * spec.dependsOn names it. A tenant the catalog describes badly is skipped with a warning.
   */
  async catalogTenants(
    credentials: BackstageCredentials,
    servingEntityRef?: string,
  ): Promise<Tenant[]> {
    const tenants: Tenant[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.catalog.queryEntities(
        cursor
          ? { cursor, limit: CATALOG_PAGE }
          : {
              filter: { kind: 'Resource', 'spec.type': 'tenant' },
              limit: CATALOG_PAGE,
            },
        { credentials },
      );
      for (const entity of page.items as Entity[]) {
        if (!isTenantEntity(entity)) continue;
        if (servingEntityRef && !serves(entity, servingEntityRef)) continue;
        try {
          tenants.push(tenantFromEntity(entity));
        } catch (error) {
          this.options.logger.warn(
            `Skipping tenant: ${(error as Error).message}`,
          );
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return tenants;
  }

  /**
   * Plans a rollout. Its strategy is, first to last: a strategy object in the request, a
   * strategy name in the request (from `tenantRollouts.strategies`), the file the released
   * entity names in `waybill.dev/rollout-strategy`, the configured `default`, the built-in one.
   */
  async create(
    input: {
      entityRef: string;
      version: string;
      environment: string;
      strategy?: string | unknown;
    },
    actor: Actor & { credentials: BackstageCredentials },
  ): Promise<RolloutView> {
    // Read when a pipeline must be checked or the strategy may come from the entity's file.
    const entity =
      actor.caller.type === 'pipeline' || input.strategy === undefined
        ? await this.options.catalog.getEntityByRef(input.entityRef, {
            credentials: actor.credentials,
          })
        : undefined;
    await this.assertMayActFor(input.entityRef, actor, entity);
    const access = actor.access ?? CatalogReadAccess.unrestricted;
    if (!(await access.mayRead(input.entityRef))) {
      throw new InputError(`No entity ${input.entityRef} in the catalog`);
    }
    const { strategy, source } = await this.strategyFor(input, entity);
    // Every tenant of the entity, whoever plans: a tenant the planner may not read is still
    // delivered to (and left off their board).
    const tenants = await this.catalogTenants(
      await this.options.auth.getOwnServiceCredentials(),
      input.entityRef,
    );
    if (tenants.length === 0) {
      throw new InputError(
        `No tenant in the catalog depends on ${input.entityRef} (kind Resource, spec.type tenant, spec.dependsOn naming it)`,
      );
    }
    const plan = planRollout(tenants, strategy);
    const record = await this.options.store.createRollout({
      entityRef: input.entityRef,
      version: input.version,
      environment: input.environment,
      strategy,
      strategySource: source,
      plan: { waves: plan.waves, tenants },
      createdBy: actor.caller.subject,
    });
    return this.view(record, access);
  }

  /** The strategy of a new rollout and where it came from (see `create`). */
  private async strategyFor(
    input: { strategy?: string | unknown },
    entity: Entity | undefined,
  ): Promise<{ strategy: RolloutStrategy; source: string }> {
    const { strategies } = this.options.config;
    if (input.strategy !== undefined && typeof input.strategy !== 'string') {
      return {
        strategy: parseRolloutStrategy(input.strategy),
        source: 'request',
      };
    }
    if (typeof input.strategy === 'string') {
      const named = strategies[input.strategy];
      if (!named) {
        throw new InputError(
          `No rollout strategy "${
            input.strategy
          }" in tenantRollouts.strategies; known: ${Object.keys(
            strategies,
          ).join(', ')}`,
        );
      }
      return { strategy: named, source: `config:${input.strategy}` };
    }
    const file = entity && (await this.options.strategyFiles.read(entity));
    if (file) return { strategy: file.strategy, source: file.url };
    return {
      strategy: strategies.default,
      source:
        strategies.default === BUILT_IN_DEFAULT_STRATEGY
          ? 'built-in'
          : 'config:default',
    };
  }

  async get(
    id: number,
    access = CatalogReadAccess.unrestricted,
  ): Promise<RolloutView> {
    return this.view(await this.readableRollout(id, access), access);
  }

  /** A rollout, if there is one and the reader may read its entity; otherwise 404. */
  private async readableRollout(
    id: number,
    access: CatalogReadAccess,
  ): Promise<RolloutRecord> {
    const record = await this.options.store.getRollout(id);
    if (!record || !(await access.mayRead(record.entityRef))) {
      throw new NotFoundError(`No rollout ${id}`);
    }
    return record;
  }

  /** One wave of a rollout and where the rollout is; with `cloud`, only that cloud's tenants. */
  async wave(
    id: number,
    index: number,
    filter: { cloud?: string } = {},
    access = CatalogReadAccess.unrestricted,
  ): Promise<RolloutWave> {
    const view = await this.get(id, access);
    const wave = view.waves[index];
    if (!wave) {
      throw new NotFoundError(
        `Rollout ${id} has ${view.waves.length} waves; there is no wave ${index}`,
      );
    }
    const { entityRef, version, environment, state, currentWave, lockVersion } =
      view;
    return {
      rollout: {
        id,
        entityRef,
        version,
        environment,
        state,
        currentWave,
        lockVersion,
      },
      wave: filter.cloud
        ? {
            ...wave,
            tenants: wave.tenants.filter(t => t.cloud === filter.cloud),
          }
        : wave,
    };
  }

  async list(
    filter: { entityRef?: string; limit?: number },
    access = CatalogReadAccess.unrestricted,
  ): Promise<RolloutSummary[]> {
    const records = await this.options.store.listRollouts({
      ...filter,
      ...(access.restricted
        ? {
            entityRefs: await access.readable(
              await this.options.store.listEntityRefs(),
            ),
          }
        : {}),
    });
    const tenants = await access.readable(
      records.flatMap(r => r.plan.tenants.map(t => t.ref)),
    );
    return records.map(
      ({ plan, strategy: _strategy, strategySource: _source, ...rest }) => ({
        ...rest,
        waveCount: plan.waves.length,
        tenantCount: plan.tenants.filter(t => tenants.has(t.ref)).length,
      }),
    );
  }

  /** The configured strategies, `default` first. */
  strategies(): NamedStrategy[] {
    return Object.entries(this.options.config.strategies)
      .map(([name, strategy]) => ({ name, strategy }))
      .sort(
        (a, b) => Number(b.name === 'default') - Number(a.name === 'default'),
      );
  }

  /** The freeze windows over the catalog's tenants, with their occurrences in `[from, to)`. */
  async freezeCalendar(
    range: { from: Date; to: Date },
    credentials: BackstageCredentials,
  ) {
    return freezeCalendar(
      this.options.config.freezeWindows,
      await this.catalogTenants(credentials),
      range.from,
      range.to,
    );
  }

  /** The board of a rollout, of the tenants the reader may read. */
  private async view(
    record: RolloutRecord,
    access: CatalogReadAccess,
  ): Promise<RolloutView> {
    const [allStatuses, events, visible] = await Promise.all([
      this.options.store.tenantStatuses(record.id),
      this.options.store.events(record.id),
      access.readable(record.plan.tenants.map(t => t.ref)),
    ]);
    const statuses = allStatuses.filter(s => visible.has(s.tenantRef));
    const planned = record.plan.tenants.filter(t => visible.has(t.ref));
    const now = this.now();
    const byRef = new Map(statuses.map(s => [s.tenantRef, s]));
    const tenantByRef = new Map(planned.map(t => [t.ref, t]));
    const freeze = freezeStatuses(
      planned,
      now,
      this.options.config.freezeWindows,
    );
    const waves: WaveView[] = record.plan.waves.map((wave, index) => {
      let frozen = 0;
      const tenants = wave.tenants
        .filter(({ ref }) => visible.has(ref))
        .map(({ ref, reason }): BoardTenant => {
          const { deployables: _deployables, ...tenant } =
            tenantByRef.get(ref)!;
          const status = byRef.get(ref);
          const tenantFreeze = freeze.get(ref)!;
          if (tenantFreeze.frozen) frozen++;
          return {
            ...tenant,
            placement: reason,
            status: status?.status ?? 'pending',
            detail: status?.detail ?? null,
            updatedAt: status?.updatedAt ?? record.createdAt,
            freeze: tenantFreeze,
          };
        });
      let phase: WaveView['phase'] = 'upcoming';
      if (record.state !== 'planned') {
        if (index < record.currentWave) phase = 'done';
        else if (index === record.currentWave)
          phase = record.state === 'completed' ? 'done' : 'current';
      }
      const health = waveHealth(statuses.filter(s => s.waveIndex === index));
      return {
        index,
        name: wave.name,
        bakeMinutes: wave.bakeMinutes,
        healthThreshold: wave.healthThreshold,
        phase,
        total: tenants.length,
        healthy: health.healthy,
        frozen,
        lastChangeAt: health.lastChangeAt,
        tenants,
      };
    });
    const { plan: _plan, strategySource, ...rest } = record;
    return {
      ...rest,
      // Not recorded for rollouts planned before the source was.
      ...(strategySource === null ? {} : { strategySource }),
      waves,
      analysis: this.analysis(record.id, statuses, tenantByRef),
      events,
      evaluatedAt: now.toISOString(),
    };
  }

  /**
   * The failure analysis of a rollout's statuses. Its permutation test costs a few milliseconds
   * at thousands of tenants, and tens when a large share has failed, so the answer is kept per
   * rollout until a status changes (keyed by a digest of every tenant's status; the test is
   * seeded, so each replica computes the same answer).
   */
  private analysis(
    rolloutId: number,
    statuses: TenantStatusRecord[],
    tenantByRef: Map<string, Tenant>,
  ): FailureAnalysis {
    const digest = createHash('sha1');
    for (const s of statuses)
      digest.update(`${s.tenantRef}\u0000${s.status}\n`);
    const key = digest.digest('base64');
    const cached = this.analyses.get(rolloutId);
    if (cached?.key === key) return cached.analysis;
    const analysis = analyzeFailures(
      statuses.flatMap(s => {
        const tenant = tenantByRef.get(s.tenantRef);
        return tenant ? [{ tenant, status: s.status }] : [];
      }),
    );
    this.analyses.delete(rolloutId);
    this.analyses.set(rolloutId, { key, analysis });
    if (this.analyses.size > ANALYSES_KEPT) {
      this.analyses.delete(this.analyses.keys().next().value!);
    }
    return analysis;
  }

  /**
   * What stands in the way of an action now: the current wave's health and bake time (advance,
   * complete), the scorecards gate (start, advance) and freeze windows over the next wave's
   * tenants (start, advance).
   */
  async blockers(
    record: RolloutRecord,
    action: RolloutAction,
    statuses: TenantStatusRecord[],
  ): Promise<Blocker[]> {
    const blockers: Blocker[] = [];
    const now = this.now();
    if (action === 'advance' || action === 'complete') {
      const wave = record.plan.waves[record.currentWave];
      const waveStatuses = statuses.filter(
        s => s.waveIndex === record.currentWave,
      );
      const { healthy, lastChangeAt } = waveHealth(waveStatuses);
      const total = waveStatuses.length;
      if (total > 0 && healthy / total < wave.healthThreshold) {
        blockers.push({
          kind: 'health',
          message: `Wave ${record.currentWave} (${
            wave.name
          }) is ${healthy} of ${total} healthy; it needs ${Math.round(
            wave.healthThreshold * 100,
          )}%`,
        });
      }
      if (total > 0 && lastChangeAt) {
        const bakedAt =
          new Date(lastChangeAt).getTime() + wave.bakeMinutes * 60_000;
        if (bakedAt > now.getTime()) {
          blockers.push({
            kind: 'bake',
            message: `Wave ${record.currentWave} (${wave.name}) bakes for ${
              wave.bakeMinutes
            } minutes after its last status change (${lastChangeAt}); it has baked at ${new Date(
              bakedAt,
            ).toISOString()}`,
          });
        }
      }
    }
    if (action === 'start' || action === 'advance') {
      const next = waveStartedBy(record, action);
      const wave = record.plan.waves[next];
      const waveRefs = new Set(wave?.tenants.map(t => t.ref));
      const freezes = freezeStatuses(
        record.plan.tenants.filter(t => waveRefs.has(t.ref)),
        now,
        this.options.config.freezeWindows,
      );
      const frozen: NonNullable<Blocker['tenants']> = [];
      for (const { ref } of wave?.tenants ?? []) {
        const status = freezes.get(ref);
        if (status?.frozen) {
          frozen.push({
            ref,
            windows: status.windows.map(w => ({
              id: w.id,
              title: w.title,
              start: w.start,
              end: w.end,
            })),
            opensAt: status.opensAt,
          });
        }
      }
      if (frozen.length > 0) {
        blockers.push(freezeBlocker(next, wave.name, frozen));
      }
      const gate = await this.options.gate.check(
        record.entityRef,
        record.version,
        record.environment,
      );
      if (!gate.passed) blockers.push({ kind: 'gate', message: gate.message });
    }
    return blockers;
  }

  /**
   * The blockers of an action as the actor may see them: a freeze blocker names only the tenants
   * they may read and counts the others. The action is refused on all of them, so the refusal
   * says that tenants they cannot see hold it, without saying which.
   */
  private async blockersShownTo(
    access: CatalogReadAccess,
    record: RolloutRecord,
    action: RolloutAction,
    blockers: Blocker[],
  ): Promise<Blocker[]> {
    if (!access.restricted) return blockers;
    const named = await access.readable(record.plan.tenants.map(t => t.ref));
    return blockers.map(blocker => {
      if (blocker.kind !== 'freeze') return blocker;
      const next = waveStartedBy(record, action as 'start' | 'advance');
      return freezeBlocker(
        next,
        record.plan.waves[next].name,
        blocker.tenants!,
        named,
      );
    });
  }

  /**
   * Applies an action: the state machine decides whether the state allows it, the preconditions
   * whether the world does (an override with a reason goes past them, audited), and the store's
   * conditional update whether nobody else got there first.
   */
  async act(
    id: number,
    action: RolloutAction,
    actor: Actor,
    options: ActionOptions = {},
  ): Promise<RolloutView> {
    const access = actor.access ?? CatalogReadAccess.unrestricted;
    const record = await this.readableRollout(id, access);
    await this.assertMayActFor(record.entityRef, actor);
    const position = {
      id: record.id,
      state: record.state,
      currentWave: record.currentWave,
      lockVersion: record.lockVersion,
    };
    const next = transition(
      { ...record, waveCount: record.plan.waves.length },
      action,
    );
    if (!next.ok) throw new RolloutConflictError(next.message, position);
    if (options.override && !options.reason) {
      throw new InputError('An override needs a reason');
    }
    const statuses = await this.options.store.tenantStatuses(id);
    const blockers = await this.blockers(record, action, statuses);
    const audit = await this.options.auditor.createEvent({
      eventId: `rollout-${action}`,
      severityLevel: severityOf(action, Boolean(options.override), blockers),
      request: options.request,
      meta: {
        rolloutId: id,
        entityRef: record.entityRef,
        version: record.version,
        environment: record.environment,
        actor: actor.caller.subject,
        reason: options.reason,
        override: Boolean(options.override),
        overridden: options.override
          ? blockers.map(b => `${b.kind}: ${b.message}`)
          : [],
      },
    });
    try {
      if (blockers.length > 0 && !options.override) {
        const shown = await this.blockersShownTo(
          access,
          record,
          action,
          blockers,
        );
        throw new RolloutConflictError(
          `Cannot ${action} rollout ${id}: ${shown
            .map(b => b.message)
            .join('; ')}`,
          position,
          shown,
        );
      }
      const applied = await this.options.store.applyTransition(id, {
        action,
        expectedLockVersion: record.lockVersion,
        to: { state: next.state, currentWave: next.currentWave },
        actor: actor.caller.subject,
        reason: options.reason,
        override: Boolean(options.override && blockers.length > 0),
      });
      await audit.success({
        meta: { state: applied.state, currentWave: applied.currentWave },
      });
      return this.view(applied, access);
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  }

  /** Per-tenant statuses from deployment tooling; only for tenants of waves already started. */
  async reportStatuses(id: number, updates: StatusUpdate[], actor?: Actor) {
    const access = actor?.access ?? CatalogReadAccess.unrestricted;
    const record = await this.readableRollout(id, access);
    if (actor) await this.assertMayActFor(record.entityRef, actor);
    const position = {
      id,
      state: record.state,
      currentWave: record.currentWave,
      lockVersion: record.lockVersion,
    };
    if (record.state === 'planned') {
      throw new RolloutConflictError(
        `Rollout ${id} has not started; start it before reporting tenant status`,
        position,
      );
    }
    // A tenant the reporter may not read is, to them, not part of the rollout.
    const readable = await access.readable(record.plan.tenants.map(t => t.ref));
    const waveOf = new Map<string, number>();
    record.plan.waves.forEach((wave, i) =>
      wave.tenants.forEach(t => {
        if (readable.has(t.ref)) waveOf.set(t.ref, i);
      }),
    );
    const resolveTenantRef = tenantRefResolver(waveOf);
    const resolved = updates.map(u => {
      const ref = resolveTenantRef(u.tenantRef);
      if (ref === undefined) {
        throw new InputError(
          `Tenant ${u.tenantRef} is not part of rollout ${id}`,
        );
      }
      if (waveOf.get(ref)! > record.currentWave) {
        throw new RolloutConflictError(
          `Tenant ${ref} is in wave ${waveOf.get(
            ref,
          )}, which has not started (rollout ${id} is at wave ${
            record.currentWave
          })`,
          position,
        );
      }
      return { ...u, tenantRef: ref };
    });
    const updated = await this.options.store.reportStatuses(
      id,
      resolved,
      this.now(),
    );
    return { rolloutId: id, updated };
  }

  /**
   * Whether the actor may act on a rollout of `entityRef` (see `assertMayActFor` of
   * waybill-node): a pipeline only for an entity whose catalog entry names its repository, read
   * with the actor's credentials; a token of a non-pipeline external issuer for none.
   *
   * @throws NotAllowedError naming the caller, the entity and why
   */
  private async assertMayActFor(
    entityRef: string,
    actor: Actor,
    read?: Entity,
  ) {
    const entity =
      read ??
      (actor.caller.type === 'pipeline' && actor.credentials
        ? await this.options.catalog.getEntityByRef(entityRef, {
            credentials: actor.credentials,
          })
        : undefined);
    assertMayActFor(actor.caller, entityRef, entity);
  }

  /**
   * The scheduler's pass: every running rollout whose current wave has baked healthy advances
   * (or completes after its last wave) when gate and freeze allow; never with an override.
   */
  async autoAdvance(): Promise<number> {
    let moved = 0;
    for (const record of await this.options.store.listRollouts({
      states: ['running'],
      limit: 1000,
    })) {
      const action: RolloutAction =
        record.currentWave < record.plan.waves.length - 1
          ? 'advance'
          : 'complete';
      try {
        await this.act(record.id, action, {
          caller: {
            type: 'service',
            subject: 'plugin:tenant-rollouts/auto-advance',
          },
        });
        moved++;
      } catch (error) {
        if (!(error instanceof RolloutConflictError)) {
          this.options.logger.warn(
            `Auto-advance of rollout ${record.id} failed: ${
              (error as Error).message
            }`,
          );
        }
      }
    }
    return moved;
  }
}

/** Overrides past a blocker are high, rollbacks medium, the rest low. */
function severityOf(
  action: RolloutAction,
  override: boolean,
  blockers: Blocker[],
): 'high' | 'medium' | 'low' {
  if (override && blockers.length > 0) return 'high';
  return action === 'rollback' ? 'medium' : 'low';
}

/** The wave an action starts: the first for `start`, the next one for `advance`. */
function waveStartedBy(
  record: RolloutRecord,
  action: 'start' | 'advance',
): number {
  return action === 'start' ? 0 : record.currentWave + 1;
}

/**
 * What holds back a wave some of whose tenants are in a freeze window: how many, naming up to
 * ten of them, of those in `named` when given (the others are counted, not named).
 */
function freezeBlocker(
  index: number,
  waveName: string,
  frozen: NonNullable<Blocker['tenants']>,
  named?: ReadonlySet<string>,
): Blocker {
  const shown = named ? frozen.filter(f => named.has(f.ref)) : frozen;
  const unnamed = frozen.length - shown.length;
  const listed = [
    ...shown
      .slice(0, 10)
      .map(
        f =>
          `${f.ref} (${f.windows.map(w => w.title).join(', ')}; opens ${
            f.opensAt
          })`,
      ),
    ...(shown.length > 10 ? ['...'] : []),
    ...(unnamed > 0 ? [`${unnamed} you may not read`] : []),
  ];
  return {
    kind: 'freeze',
    message: `${
      frozen.length
    } tenant(s) of wave ${index} (${waveName}) are in a freeze window and are held back: ${listed.join(
      ', ',
    )}`,
    tenants: shown,
  };
}

/** Healthy count and the latest status change of a wave's tenants. */
function waveHealth(statuses: TenantStatusRecord[]) {
  let healthy = 0;
  let lastChangeAt: string | null = null;
  for (const s of statuses) {
    if (s.status === 'healthy') healthy++;
    if (!lastChangeAt || s.updatedAt > lastChangeAt) lastChangeAt = s.updatedAt;
  }
  return { healthy, lastChangeAt };
}

/** Whether a tenant entity's spec.dependsOn names the entity (refs resolved in its namespace). */
function serves(entity: Entity, entityRef: string): boolean {
  const namespace = entity.metadata.namespace ?? 'default';
  const dependsOn = Array.isArray(entity.spec?.dependsOn)
    ? (entity.spec!.dependsOn as unknown[]).map(String)
    : [];
  return dependsOn.some(ref => {
    try {
      return (
        stringifyEntityRef(
          parseEntityRef(ref, { defaultNamespace: namespace }),
        ).toLocaleLowerCase('en-US') === entityRef
      );
    } catch {
      return false;
    }
  });
}

/**
 * Finds a rollout's tenant from a full ref, or a name or namespace/name as tooling may send it
 * (CDEvents carry the tenant as an environment id), case-insensitively.
 */
function tenantRefResolver(
  waveOf: Map<string, number>,
): (given: string) => string | undefined {
  const byLowerCase = new Map(
    [...waveOf.keys()].map(ref => [ref.toLocaleLowerCase('en-US'), ref]),
  );
  return given => {
    if (waveOf.has(given)) return given;
    try {
      return byLowerCase.get(
        stringifyEntityRef(
          parseEntityRef(given, { defaultKind: 'resource' }),
        ).toLocaleLowerCase('en-US'),
      );
    } catch {
      return undefined;
    }
  };
}
