import {
  DependencyFacts,
  effectiveGates,
} from '@waybill/plugin-scorecards-common';
import { toIso } from '@waybill/plugin-waybill-node';
import { Knex } from 'knex';
import {
  currentEvidence,
  EvidenceRow,
  toOverride,
  toStoredEvidence,
} from './rows';
import {
  GateOverride,
  GateState,
  ReleaseDependencies,
  ReleaseKey,
  ReleaseSummary,
  StoredRelease,
  Waiver,
} from './types';

/** The id of a release, as a subquery. */
export function releaseId(db: Knex, key: ReleaseKey) {
  return db('scorecards_releases')
    .where({ entity_ref: key.entityRef, version: key.version })
    .select('id');
}

/** A release with its evaluation, or undefined: one row. */
function releaseWithEvaluation(db: Knex, key: ReleaseKey) {
  return db('scorecards_releases as r')
    .leftJoin('scorecards_evaluations as v', 'v.release_id', 'r.id')
    .where({ 'r.entity_ref': key.entityRef, 'r.version': key.version })
    .first('r.*', 'v.result');
}

function overridesOf(db: Knex, key: ReleaseKey) {
  return db('scorecards_overrides')
    .whereIn('release_id', releaseId(db, key))
    .orderBy('id', 'desc');
}

/** A release with its evidence, evaluation and overrides, or undefined; its reads run at once. */
export async function getRelease(
  db: Knex,
  key: ReleaseKey,
): Promise<StoredRelease | undefined> {
  const [release, evidence, overrides] = await Promise.all([
    releaseWithEvaluation(db, key),
    db<EvidenceRow>('scorecards_evidence').whereIn(
      'release_id',
      releaseId(db, key),
    ),
    overridesOf(db, key),
  ]);
  if (!release) return undefined;
  return {
    id: release.id,
    entityRef: release.entity_ref,
    version: release.version,
    commit: release.commit,
    pipelineUrl: release.pipeline_url,
    artifactDigest: release.artifact_digest ?? null,
    createdAt: toIso(release.created_at),
    evidence: currentEvidence(evidence).map(toStoredEvidence),
    evaluation: release.result ? JSON.parse(release.result) : null,
    overrides: overrides.map(toOverride),
  };
}

/** The newest release of an entity built from a commit, or undefined. */
export async function findReleaseByCommit(
  db: Knex,
  entityRef: string,
  commit: string,
): Promise<ReleaseKey | undefined> {
  const row = await db('scorecards_releases')
    .where({ entity_ref: entityRef, commit })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first('version');
  return row ? { entityRef, version: row.version } : undefined;
}

/**
 * The current dependency facts of the release before `key`'s: of the entity's releases created
 * before it (by creation time, then id; all of them when `key`'s release is not stored yet), the
 * most recent with dependency evidence; undefined when none has any.
 */
export async function findPreviousDependencies(
  db: Knex,
  key: ReleaseKey,
): Promise<ReleaseDependencies | undefined> {
  const self = () =>
    db('scorecards_releases as s').where({
      's.entity_ref': key.entityRef,
      's.version': key.version,
    });
  // Compared in SQL, so timestamps keep the database's precision.
  const previous = await db('scorecards_releases as r')
    .where('r.entity_ref', key.entityRef)
    .where(before =>
      before
        .whereNotExists(self())
        .orWhereExists(
          self().where(later =>
            later
              .where('s.created_at', '>', db.ref('r.created_at'))
              .orWhere(tie =>
                tie
                  .where('s.created_at', db.ref('r.created_at'))
                  .andWhere('s.id', '>', db.ref('r.id')),
              ),
          ),
        ),
    )
    .whereExists(
      db('scorecards_evidence as e')
        .where('e.release_id', db.ref('r.id'))
        .andWhere('e.kind', 'dependencies'),
    )
    .orderBy([
      { column: 'r.created_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .first('r.id', 'r.version');
  if (!previous) return undefined;
  // The current piece of a kind is its latest upload (ids only grow).
  const evidence: Pick<EvidenceRow, 'facts'> = await db('scorecards_evidence')
    .where({ release_id: previous.id, kind: 'dependencies' })
    .orderBy('id', 'desc')
    .first('facts');
  return {
    version: previous.version,
    facts: JSON.parse(evidence.facts) as DependencyFacts,
  };
}

/** What a gate is answered from: a release's evaluation and overrides, without its evidence. */
export async function getGateState(
  db: Knex,
  key: ReleaseKey,
): Promise<GateState | undefined> {
  const [release, overrides] = await Promise.all([
    releaseWithEvaluation(db, key),
    overridesOf(db, key),
  ]);
  if (!release) return undefined;
  return {
    evaluation: release.result ? JSON.parse(release.result) : null,
    overrides: overrides.map(toOverride),
  };
}

/**
 * The gates of each listed evaluation, without the rest of its JSON (checks and evidence facts
 * are most of it): an array of `{ environment, decision, reasons }` in the evaluation's order,
 * null for a release not yet evaluated. The `scorecards_gates` rows do not keep that order.
 */
function evaluationGates(db: Knex) {
  return db.client.config.client === 'pg'
    ? db.raw(`(e.result::json) -> 'gates' as gates`)
    : db.raw(`json_extract(e.result, '$.gates') as gates`);
}

/**
 * An entity's releases, newest first, each with its gates after the overrides active at `now`:
 * two queries, the releases with their stored gates and then the overrides of those releases.
 */
export async function listReleases(
  db: Knex,
  entityRef: string,
  options: { limit: number; now: Date; waivers?: Waiver[] },
): Promise<ReleaseSummary[]> {
  const rows = await db('scorecards_releases as r')
    .leftJoin('scorecards_evaluations as e', 'e.release_id', 'r.id')
    .where('r.entity_ref', entityRef)
    .orderBy([
      { column: 'r.created_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(options.limit)
    .select(
      'r.id',
      'r.entity_ref',
      'r.version',
      'r.created_at',
      'e.score',
      'e.grade',
      evaluationGates(db),
    );
  // A page is at most 500 releases (the route's limit), within SQLite's bound-parameter limit.
  const evaluated = rows.filter(row => row.gates !== null).map(row => row.id);
  const overrides = new Map<number, GateOverride[]>();
  const overrideRows = evaluated.length
    ? await db('scorecards_overrides')
        .whereIn('release_id', evaluated)
        .orderBy('id', 'desc')
    : [];
  for (const row of overrideRows) {
    overrides.set(row.release_id, [
      ...(overrides.get(row.release_id) ?? []),
      toOverride(row),
    ]);
  }
  return rows.map(row => ({
    entityRef: row.entity_ref,
    version: row.version,
    createdAt: toIso(row.created_at),
    score: row.score ?? null,
    grade: row.grade ?? null,
    gates: effectiveGates(
      {
        version: row.version,
        waivers: options.waivers,
        evaluation:
          row.gates === null
            ? null
            : {
                gates:
                  typeof row.gates === 'string'
                    ? JSON.parse(row.gates)
                    : row.gates,
              },
        overrides: overrides.get(row.id) ?? [],
      },
      options.now,
    ).map(({ environment, decision, policyDecision }) => ({
      environment,
      decision,
      policyDecision,
    })),
  }));
}
