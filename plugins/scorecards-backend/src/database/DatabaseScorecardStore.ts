import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { whereRefIn } from '@waybill/plugin-waybill-node';
import {
  DeliveryEvent,
  EvidenceFacts,
  ReleaseEvidence,
  GateDecision,
  Grade,
  ScorecardEvaluation,
  Tier,
} from '@waybill/plugin-scorecards-common';
import { Knex } from 'knex';
import {
  EntityScope,
  EntitySnapshot,
  EvaluateRelease,
  GateOverride,
  PortfolioItem,
  PortfolioFilter,
  PortfolioPage,
  PortfolioQuery,
  StoredPortfolioSummary,
  StaleRelease,
  NewEvidence,
  RecordEvidenceResult,
  ReleaseKey,
  ReleaseRecord,
  ReleaseSummary,
  ScorecardStore,
  StoredEvidence,
} from './types';

const migrationsDir = resolvePackagePath(
  '@waybill/plugin-scorecards-backend',
  'migrations',
);

interface EvidenceRow {
  id: number;
  release_id: number;
  kind: string;
  format: string;
  digest: string;
  size_bytes: number;
  facts: string;
  environment: string | null;
  uploaded_by: string;
  uploaded_at: Date | string;
}

/** PostgreSQL returns timestamps as Date, SQLite as text; callers always get ISO 8601. */
function toIso(value: Date | string): string {
  return new Date(
    typeof value === 'string' && !value.includes('T')
      ? `${value.replace(' ', 'T')}Z`
      : value,
  ).toISOString();
}

function toStoredEvidence(row: EvidenceRow): StoredEvidence {
  return {
    id: row.id,
    kind: row.kind as StoredEvidence['kind'],
    format: row.format as StoredEvidence['format'],
    digest: row.digest,
    sizeBytes: row.size_bytes,
    environment: row.environment,
    uploadedBy: row.uploaded_by,
    uploadedAt: toIso(row.uploaded_at),
    facts: JSON.parse(row.facts) as EvidenceFacts,
  };
}

/** The current evidence per kind: the latest upload of each kind (ids only grow). */
function currentEvidence(rows: EvidenceRow[]): EvidenceRow[] {
  const latest = new Map<string, EvidenceRow>();
  for (const row of rows) {
    const seen = latest.get(row.kind);
    if (!seen || row.id > seen.id) latest.set(row.kind, row);
  }
  return [...latest.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

const SORT_COLUMNS: Record<
  PortfolioQuery['sort'],
  { column: string; order: 'asc' | 'desc' }
> = {
  name: { column: 'entity_ref', order: 'asc' },
  '-name': { column: 'entity_ref', order: 'desc' },
  score: { column: 'latest_score', order: 'asc' },
  '-score': { column: 'latest_score', order: 'desc' },
  // Release ids grow with time, and compare the same way on every database.
  updated: { column: 'latest_release_id', order: 'asc' },
  '-updated': { column: 'latest_release_id', order: 'desc' },
};

/** The scorecards store on the plugin's database (SQLite or PostgreSQL), through knex. */
export class DatabaseScorecardStore implements ScorecardStore {
  /** Connects to the plugin database and brings its schema up to date. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseScorecardStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async recordEvidence(
    evidence: NewEvidence,
    evaluate: EvaluateRelease,
    policyDigest: string,
  ): Promise<RecordEvidenceResult> {
    return this.db.transaction(async tx => {
      const releaseId = await this.lockRelease(tx, evidence);
      const inserted = await tx('scorecards_evidence')
        .insert({
          release_id: releaseId,
          kind: evidence.kind,
          format: evidence.format,
          digest: evidence.digest,
          size_bytes: evidence.sizeBytes,
          facts: JSON.stringify(evidence.facts),
          environment: evidence.environment ?? null,
          uploaded_by: evidence.uploadedBy,
          uploaded_at: new Date(),
        })
        .onConflict(['release_id', 'kind', 'digest'])
        .ignore()
        .returning('id');

      const rows: EvidenceRow[] = await tx('scorecards_evidence').where({
        release_id: releaseId,
      });
      if (inserted.length === 0) {
        const existing = rows.find(
          r => r.kind === evidence.kind && r.digest === evidence.digest,
        )!;
        const stored = await tx('scorecards_evaluations')
          .where({ release_id: releaseId })
          .first();
        return {
          releaseId,
          evidenceId: existing.id,
          duplicate: true,
          evaluation: JSON.parse(stored.result) as ScorecardEvaluation,
        };
      }

      const evaluation = evaluate(this.releaseEvidence(rows));
      await this.saveEvaluations(tx, [{ releaseId, evaluation }], policyDigest);
      return {
        releaseId,
        evidenceId: Number(idOf(inserted[0])),
        duplicate: false,
        evaluation,
      };
    });
  }

  async getRelease(key: ReleaseKey): Promise<ReleaseRecord | undefined> {
    const release = await this.db('scorecards_releases')
      .where({ entity_ref: key.entityRef, version: key.version })
      .first();
    if (!release) return undefined;
    const [evidence, evaluation, overrides] = await Promise.all([
      this.db<EvidenceRow>('scorecards_evidence').where({
        release_id: release.id,
      }),
      this.db('scorecards_evaluations')
        .where({ release_id: release.id })
        .first(),
      this.db('scorecards_overrides')
        .where({ release_id: release.id })
        .orderBy('id', 'desc'),
    ]);
    return {
      id: release.id,
      entityRef: release.entity_ref,
      version: release.version,
      commit: release.commit,
      pipelineUrl: release.pipeline_url,
      createdAt: toIso(release.created_at),
      evidence: currentEvidence(evidence).map(toStoredEvidence),
      evaluation: evaluation ? JSON.parse(evaluation.result) : null,
      overrides: overrides.map(toOverride),
    };
  }

  async listReleases(
    entityRef: string,
    options: { limit: number },
  ): Promise<ReleaseSummary[]> {
    const rows = await this.db('scorecards_releases as r')
      .leftJoin('scorecards_evaluations as e', 'e.release_id', 'r.id')
      .where('r.entity_ref', entityRef)
      .orderBy([
        { column: 'r.created_at', order: 'desc' },
        { column: 'r.id', order: 'desc' },
      ])
      .limit(options.limit)
      .select(
        'r.entity_ref',
        'r.version',
        'r.created_at',
        'e.score',
        'e.grade',
      );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      version: row.version,
      createdAt: toIso(row.created_at),
      score: row.score ?? null,
      grade: row.grade ?? null,
    }));
  }

  async addOverride(
    key: ReleaseKey,
    override: Omit<GateOverride, 'id' | 'createdAt'>,
  ): Promise<GateOverride> {
    const release = await this.db('scorecards_releases')
      .where({ entity_ref: key.entityRef, version: key.version })
      .first('id');
    if (!release) {
      throw new NotFoundError(
        `No release ${key.version} of ${key.entityRef} has any evidence`,
      );
    }
    const createdAt = new Date();
    const [row] = await this.db('scorecards_overrides')
      .insert({
        release_id: release.id,
        environment: override.environment,
        reason: override.reason,
        actor: override.actor,
        created_at: createdAt,
        expires_at: new Date(override.expiresAt),
      })
      .returning('id');
    return {
      id: Number(idOf(row)),
      ...override,
      expiresAt: new Date(override.expiresAt).toISOString(),
      createdAt: createdAt.toISOString(),
    };
  }

  async recordDeliveryEvents(
    events: DeliveryEvent[],
  ): Promise<{ stored: number; duplicates: number }> {
    if (events.length === 0) return { stored: 0, duplicates: 0 };
    return this.db.transaction(async tx => {
      let stored = 0;
      // Batches keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < events.length; i += 100) {
        const inserted = await tx('scorecards_delivery_events')
          .insert(
            events.slice(i, i + 100).map(event => ({
              source: event.source ?? '',
              event_id: event.id,
              entity_ref: event.entityRef,
              type: event.type,
              occurred_at: new Date(event.occurredAt),
              event: JSON.stringify(event),
            })),
          )
          .onConflict(['source', 'event_id'])
          .ignore()
          .returning('id');
        stored += inserted.length;
      }
      return { stored, duplicates: events.length - stored };
    });
  }

  async listDeliveryEvents(options: {
    entityRefs: string[];
    from: Date;
    to: Date;
  }): Promise<DeliveryEvent[]> {
    const rows = await whereRefIn(
      this.db('scorecards_delivery_events'),
      'entity_ref',
      options.entityRefs,
    )
      .where('occurred_at', '>=', options.from)
      .where('occurred_at', '<', options.to)
      .orderBy([{ column: 'occurred_at' }, { column: 'id' }])
      .select('event');
    return rows.map(
      (row: { event: string }) => JSON.parse(row.event) as DeliveryEvent,
    );
  }

  async portfolio(
    query: PortfolioQuery,
    scope?: EntityScope,
  ): Promise<PortfolioPage> {
    const base = this.portfolioEntities(query, scope);
    const { column, order } = SORT_COLUMNS[query.sort];
    const page = base.clone();
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      const op = order === 'asc' ? '>' : '<';
      page.where(q =>
        q
          .where(column, op, after.value)
          .orWhere(q2 =>
            q2.where(column, after.value).where('entity_ref', op, after.ref),
          ),
      );
    }
    const [[{ total }], rows] = await Promise.all([
      base.clone().count({ total: '*' }),
      page
        .orderBy([
          { column, order },
          { column: 'entity_ref', order },
        ])
        .limit(query.limit + 1)
        .select(),
    ]);
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      totalCount: Number(total),
      items: items.map(toPortfolioItem),
      ...(more
        ? {
            nextCursor: encodeCursor({
              value: last[column],
              ref: last.entity_ref,
            }),
          }
        : {}),
    };
  }

  async portfolioSummary(
    filter: PortfolioFilter,
    scope?: EntityScope,
  ): Promise<StoredPortfolioSummary> {
    const matching = this.portfolioEntities(filter, scope);
    const [grades, gates] = await Promise.all([
      matching
        .clone()
        .groupBy('latest_grade')
        .select('latest_grade as grade')
        .count({ n: '*' }),
      this.db('scorecards_gates')
        .whereIn('release_id', matching.clone().select('latest_release_id'))
        .groupBy('environment', 'decision')
        .select('environment', 'decision')
        .count({ n: '*' }),
    ]);
    // PostgreSQL counts come back as strings, SQLite's as numbers.
    type Counted = { n: string | number };
    return {
      grades: (grades as Array<Counted & { grade: Grade }>).map(row => ({
        grade: row.grade,
        count: Number(row.n),
      })),
      gates: (
        gates as Array<
          Counted & { environment: string; decision: GateDecision }
        >
      ).map(row => ({
        environment: row.environment,
        decision: row.decision,
        count: Number(row.n),
      })),
    };
  }

  /**
   * The entities with releases (of the scope, if given) that match the portfolio filters. The
   * latest release's summary lives on the entity row (see the portfolio_summary migration), so
   * filters, counts, sorts and pages all read this one narrow table through its indexes.
   */
  private portfolioEntities(
    filter: PortfolioFilter,
    scope?: EntityScope,
  ): Knex.QueryBuilder {
    const query = this.db('scorecards_entities').whereNotNull(
      'latest_release_id',
    );
    if (scope) whereRefIn(query, 'entity_ref', scope);
    if (filter.owner) query.where('owner', filter.owner);
    if (filter.system) query.where('system', filter.system);
    if (filter.tier) query.where('tier', filter.tier);
    if (filter.grade) query.where('latest_grade', filter.grade);
    if (filter.businessProcess) {
      query.where(
        'business_processes',
        'like',
        `%,${filter.businessProcess},%`,
      );
    }
    if (filter.gate) {
      const { environment, decision } = filter.gate;
      query.whereExists(
        this.db('scorecards_gates as g')
          .whereRaw('g.release_id = scorecards_entities.latest_release_id')
          .where({ 'g.environment': environment, 'g.decision': decision }),
      );
    }
    return query;
  }

  async listEntityRefs(): Promise<string[]> {
    const rows = await this.db('scorecards_entities')
      .orderBy('entity_ref')
      .select('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async updateEntities(snapshots: EntitySnapshot[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (const snapshot of snapshots) {
        const { entity_ref, ...columns } = entityColumns(snapshot);
        await tx('scorecards_entities').where({ entity_ref }).update(columns);
      }
    });
  }

  async listStaleReleases(
    policyDigest: string,
    limit: number,
  ): Promise<StaleRelease[]> {
    const rows = await this.db('scorecards_evaluations as v')
      .join('scorecards_releases as r', 'r.id', 'v.release_id')
      .join('scorecards_entities as e', 'e.entity_ref', 'r.entity_ref')
      .whereNot('v.policy_digest', policyDigest)
      .orderBy('v.release_id')
      .limit(limit)
      .select('v.release_id', 'r.entity_ref', 'e.tier');
    return rows.map(row => ({
      releaseId: row.release_id,
      entityRef: row.entity_ref,
      tier: row.tier as Tier,
    }));
  }

  async reevaluate(
    releases: StaleRelease[],
    evaluate: (
      release: StaleRelease,
      evidence: ReleaseEvidence,
    ) => ScorecardEvaluation,
    policyDigest: string,
  ): Promise<number> {
    if (releases.length === 0) return 0;
    const ids = releases.map(r => r.releaseId);
    // One transaction per batch: a policy change re-scores thousands of releases, and a commit
    // per release would spend most of the time waiting for the disk.
    return this.db.transaction(async tx => {
      const locked = tx('scorecards_releases').whereIn('id', ids).select('id');
      const present = new Set(
        (tx.client.config.client === 'pg'
          ? await locked.forUpdate()
          : await locked
        ).map((row: { id: number }) => row.id),
      );
      const rows: EvidenceRow[] = await tx('scorecards_evidence').whereIn(
        'release_id',
        ids,
      );
      const byRelease = new Map<number, EvidenceRow[]>();
      for (const row of rows) {
        byRelease.set(row.release_id, [
          ...(byRelease.get(row.release_id) ?? []),
          row,
        ]);
      }
      const evaluated = releases
        .filter(release => present.has(release.releaseId))
        .map(release => ({
          releaseId: release.releaseId,
          evaluation: evaluate(
            release,
            this.releaseEvidence(byRelease.get(release.releaseId) ?? []),
          ),
        }));
      await this.saveEvaluations(tx, evaluated, policyDigest);
      return evaluated.length;
    });
  }

  /**
   * Creates the release if it is new and locks its row until the transaction ends, so that
   * concurrent uploads to one release evaluate one after the other. (SQLite serializes
   * writers on its own.)
   */
  private async lockRelease(
    tx: Knex.Transaction,
    evidence: NewEvidence,
  ): Promise<number> {
    const key = { entity_ref: evidence.entityRef, version: evidence.version };
    await tx('scorecards_releases')
      .insert({ ...key, created_at: new Date() })
      .onConflict(['entity_ref', 'version'])
      .ignore();
    const query = tx('scorecards_releases').where(key).first('id');
    const release =
      tx.client.config.client === 'pg' ? await query.forUpdate() : await query;
    const details = {
      ...(evidence.commit ? { commit: evidence.commit } : {}),
      ...(evidence.pipelineUrl ? { pipeline_url: evidence.pipelineUrl } : {}),
    };
    if (Object.keys(details).length > 0) {
      await tx('scorecards_releases').where({ id: release.id }).update(details);
    }
    await this.upsertEntity(tx, evidence.entity);
    return release.id;
  }

  /** Stores the entity's catalog facts and points it at its newest release. */
  private async upsertEntity(tx: Knex.Transaction, entity: EntitySnapshot) {
    const latest = await tx('scorecards_releases')
      .where({ entity_ref: entity.entityRef })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('id');
    await tx('scorecards_entities')
      .insert({ ...entityColumns(entity), latest_release_id: latest.id })
      .onConflict('entity_ref')
      .merge();
  }

  private releaseEvidence(rows: EvidenceRow[]): ReleaseEvidence {
    const evidence: Record<string, EvidenceFacts> = {};
    for (const row of currentEvidence(rows)) {
      evidence[row.kind] = JSON.parse(row.facts);
    }
    return evidence as ReleaseEvidence;
  }

  private async saveEvaluations(
    tx: Knex.Transaction,
    entries: Array<{ releaseId: number; evaluation: ScorecardEvaluation }>,
    policyDigest: string,
  ) {
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < entries.length; i += 200) {
      const chunk = entries.slice(i, i + 200);
      const ids = chunk.map(e => e.releaseId);
      await tx('scorecards_evaluations')
        .insert(
          chunk.map(({ releaseId, evaluation }) => ({
            release_id: releaseId,
            policy_digest: policyDigest,
            score: evaluation.score,
            grade: evaluation.grade,
            result: JSON.stringify(evaluation),
            evaluated_at: new Date(evaluation.evaluatedAt),
          })),
        )
        .onConflict('release_id')
        .merge();
      await tx('scorecards_gates').whereIn('release_id', ids).delete();
      const gates = chunk.flatMap(({ releaseId, evaluation }) =>
        evaluation.gates.map(gate => ({
          release_id: releaseId,
          environment: gate.environment,
          decision: gate.decision,
        })),
      );
      if (gates.length > 0) await tx('scorecards_gates').insert(gates);

      const latest = await tx('scorecards_entities as e')
        .join('scorecards_releases as r', 'r.id', 'e.latest_release_id')
        .whereIn('e.latest_release_id', ids)
        .select('e.entity_ref', 'r.id', 'r.version', 'r.created_at');
      const byRelease = new Map(chunk.map(e => [e.releaseId, e.evaluation]));
      for (const row of latest) {
        await tx('scorecards_entities')
          .where({ entity_ref: row.entity_ref })
          .update({
            latest_version: row.version,
            latest_released_at: row.created_at,
            ...releaseSummaryColumns(byRelease.get(row.id)!),
          });
      }
    }
  }
}

/** knex's `returning('id')` gives `{ id }` on PostgreSQL and SQLite alike, or a bare id on older drivers. */
function idOf(row: { id: number } | number): number {
  return typeof row === 'object' ? row.id : row;
}

function toOverride(row: any): GateOverride {
  return {
    id: row.id,
    environment: row.environment,
    reason: row.reason,
    actor: row.actor,
    createdAt: toIso(row.created_at),
    expiresAt: toIso(row.expires_at),
  };
}

interface Cursor {
  value: string | number;
  ref: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      (typeof cursor.value === 'string' || typeof cursor.value === 'number') &&
      typeof cursor.ref === 'string'
    ) {
      return cursor;
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError('cursor is not one this API handed out');
}

function entityColumns(entity: EntitySnapshot) {
  return {
    entity_ref: entity.entityRef,
    title: entity.title,
    owner: entity.owner,
    system: entity.system,
    tier: entity.tier,
    business_processes: `,${entity.businessProcesses.join(',')},`,
  };
}

function toPortfolioItem(row: any): PortfolioItem {
  return {
    entityRef: row.entity_ref,
    title: row.title,
    owner: row.owner,
    system: row.system,
    tier: row.tier,
    businessProcesses: String(row.business_processes)
      .split(',')
      .filter(Boolean),
    version: row.latest_version,
    releasedAt: toIso(row.latest_released_at),
    score: row.latest_score,
    grade: row.latest_grade,
    gates: JSON.parse(row.latest_gates),
    failingChecks: JSON.parse(row.latest_failing_checks),
  };
}

/**
 * What the portfolio shows of a release, kept on its entity's row while it is the latest.
 * Checks switched off for the entity's tier are not the release's problem, so only scored
 * checks count as failing.
 */
function releaseSummaryColumns(evaluation: ScorecardEvaluation) {
  const failingChecks: PortfolioItem['failingChecks'] = evaluation.checks
    .filter(check => check.scored && check.status !== 'pass')
    .map(check => ({
      id: check.id,
      title: check.title,
      status: check.status as 'fail' | 'missing',
    }));
  return {
    latest_score: evaluation.score,
    latest_grade: evaluation.grade,
    latest_gates: JSON.stringify(
      Object.fromEntries(
        evaluation.gates.map(g => [g.environment, g.decision]),
      ),
    ),
    latest_failing_checks: JSON.stringify(failingChecks),
  };
}
