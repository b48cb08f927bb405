import {
  evaluateScorecard,
  ScorecardEvaluation,
} from '@waybill/plugin-scorecards-common';
import { tierOf } from '@waybill/plugin-waybill-common';
import { Knex } from 'knex';
// Imported by path, as in ./waybill: seeding writes through the store's own row functions.
/* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { entityColumns } from '@waybill/plugin-scorecards-backend/src/database/entities';
import { saveEvaluations } from '@waybill/plugin-scorecards-backend/src/database/evaluations';
import {
  EvidenceRow,
  releaseEvidenceOf,
} from '@waybill/plugin-scorecards-backend/src/database/rows';
import { entitySnapshot } from '@waybill/plugin-scorecards-backend/src/service/entitySnapshot';
/* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { timed } from '@waybill/bench-utils';
import {
  BENCH_NOW,
  BenchEntity,
  digestOf,
  generateRelease,
  UPLOAD_KINDS,
  VERSIONS,
} from './dataset';
import { UPLOADER, WaybillContext } from './waybill';

/** Entities written per transaction while seeding (5 releases and their evidence each). */
const SEED_BATCH = 100;

/** Rows per INSERT statement, under SQLite's bound-parameter limit. */
const ROWS_PER_INSERT = 500;

/** What a seeding phase wrote and how long it took. Seeding is set-up, not an ingest figure. */
export interface SeedResult {
  entities: number;
  releases: number;
  evidenceRows: number;
  ms: number;
}

async function insertChunked(
  tx: Knex.Transaction,
  table: string,
  rows: object[],
  returning?: string[],
): Promise<any[]> {
  const out: any[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const query = tx(table).insert(chunk);
    if (returning) out.push(...(await query.returning(returning)));
    else await query;
  }
  return out;
}

/** One entity's releases, oldest first, with the evidence rows an upload of each kind stores. */
function releasesOf(entity: BenchEntity) {
  return VERSIONS.map((version, r) => {
    const release = generateRelease(entity, r);
    const evidence = UPLOAD_KINDS.flatMap(kind => {
      const facts = release.facts[kind];
      return facts ? [{ kind, facts, digest: digestOf(release, facts) }] : [];
    });
    return {
      version,
      commit: `${entity.index.toString(16)}${r}`.padEnd(40, '0'),
      evidence,
    };
  });
}

/** A release's evaluation from its evidence rows, as the store evaluates an upload. */
function evaluateSeeded(
  context: WaybillContext,
  entity: BenchEntity,
  rows: Array<Omit<EvidenceRow, 'id'>>,
): ScorecardEvaluation {
  const { policy, environments } = context.config;
  return evaluateScorecard({
    policy,
    evidence: releaseEvidenceOf(
      rows.map((row, id) => ({ ...row, id } as EvidenceRow)),
    ),
    tier: tierOf(entity.entity),
    environments,
    now: BENCH_NOW,
  });
}

/** What a verdict consists of: score, grade, each check's status and each gate's decision. */
function verdictOf(evaluation: ScorecardEvaluation): string {
  return JSON.stringify([
    evaluation.score,
    evaluation.grade,
    evaluation.checks.map(c => [c.id, c.status]),
    evaluation.gates.map(g => [g.environment, g.decision]),
  ]);
}

/**
 * Compares the evaluations the per-upload ingest stored for `entities` with those the seeding
 * path computes from the same evidence: seeded data must be what ingest would have stored.
 */
export async function verifySeededEvaluations(
  context: WaybillContext,
  entities: BenchEntity[],
): Promise<{ releases: number; matching: number }> {
  let releases = 0;
  let matching = 0;
  for (const entity of entities) {
    for (const release of releasesOf(entity)) {
      const stored = await context.store.getRelease({
        entityRef: entity.ref,
        version: release.version,
      });
      const rows = release.evidence.map(e => ({
        release_id: 0,
        kind: e.kind,
        format: e.facts.format,
        digest: e.digest,
        size_bytes: 0,
        facts: JSON.stringify(e.facts),
        environment: null,
        uploaded_by: UPLOADER,
        uploaded_at: BENCH_NOW,
      }));
      releases++;
      if (
        stored?.evaluation &&
        verdictOf(stored.evaluation) ===
          verdictOf(evaluateSeeded(context, entity, rows))
      ) {
        matching++;
      }
    }
  }
  return { releases, matching };
}

/**
 * Writes one batch of entities in one transaction: releases, evidence rows, entity rows, then the
 * evaluations through the plugin's `saveEvaluations` (evaluations, gate rows and the portfolio
 * summary on each entity row, exactly as an upload stores them).
 */
async function seedBatch(
  db: Knex,
  context: WaybillContext,
  batch: BenchEntity[],
): Promise<number> {
  const { policyDigest } = context.config;
  const generated = batch.map(entity => ({
    entity,
    releases: releasesOf(entity),
  }));
  let evidenceRows = 0;
  await db.transaction(async tx => {
    const createdAt = new Date();
    const inserted = await insertChunked(
      tx,
      'scorecards_releases',
      generated.flatMap(({ entity, releases }) =>
        releases.map(r => ({
          entity_ref: entity.ref,
          version: r.version,
          commit: r.commit,
          created_at: createdAt,
        })),
      ),
      ['id', 'entity_ref', 'version'],
    );
    const idOf = new Map(
      inserted.map(row => [`${row.entity_ref}@${row.version}`, row.id]),
    );
    const evidence: Array<Omit<EvidenceRow, 'id'>> = [];
    const evaluations: Array<{
      releaseId: number;
      evaluation: ScorecardEvaluation;
    }> = [];
    for (const { entity, releases } of generated) {
      for (const release of releases) {
        const releaseId = Number(idOf.get(`${entity.ref}@${release.version}`));
        const rows = release.evidence.map(e => {
          const facts = JSON.stringify(e.facts);
          return {
            release_id: releaseId,
            kind: e.kind,
            format: e.facts.format,
            digest: e.digest,
            size_bytes: facts.length,
            facts,
            environment: null,
            uploaded_by: UPLOADER,
            uploaded_at: createdAt,
          };
        });
        evidence.push(...rows);
        evaluations.push({
          releaseId,
          evaluation: evaluateSeeded(context, entity, rows),
        });
      }
    }
    await insertChunked(tx, 'scorecards_evidence', evidence);
    evidenceRows = evidence.length;
    await insertChunked(
      tx,
      'scorecards_entities',
      generated.map(({ entity, releases }) => ({
        ...entityColumns(entitySnapshot(entity.entity)),
        latest_release_id: Number(
          idOf.get(`${entity.ref}@${releases[releases.length - 1].version}`),
        ),
      })),
    );
    await saveEvaluations(tx, evaluations, policyDigest);
  });
  return evidenceRows;
}

/**
 * Seeds entities in bulk: the same releases, evidence and evaluations the per-upload ingest
 * stores (the production evaluator, the store's own row functions), written a batch of
 * {@link SEED_BATCH} entities per transaction instead of one transaction per upload. Set-up only:
 * its rate is not an ingest figure.
 */
export async function seedBulk(
  db: Knex,
  context: WaybillContext,
  entities: BenchEntity[],
  onProgress?: (done: number) => void,
): Promise<SeedResult> {
  let evidenceRows = 0;
  const { ms } = await timed(async () => {
    for (let i = 0; i < entities.length; i += SEED_BATCH) {
      evidenceRows += await seedBatch(
        db,
        context,
        entities.slice(i, i + SEED_BATCH),
      );
      const done = Math.min(i + SEED_BATCH, entities.length);
      if (onProgress && done % 5000 === 0) onProgress(done);
    }
  });
  return {
    entities: entities.length,
    releases: entities.length * VERSIONS.length,
    evidenceRows,
    ms,
  };
}
