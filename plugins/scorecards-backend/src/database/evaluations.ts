import { ScorecardEvaluation } from '@waybill/plugin-scorecards-common';
import type { Tier } from '@waybill/plugin-waybill-common';
import { Knex } from 'knex';
import { syncFacets } from './facets';
import { EvidenceRow, releaseEvidenceOf } from './rows';
import { PortfolioItem, ReevaluateRelease, StaleRelease } from './types';

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

/** Keeps the summary (and the facet rows) of the entities whose latest release was just evaluated. */
async function updateLatestSummaries(
  tx: Knex.Transaction,
  chunk: Array<{ releaseId: number; evaluation: ScorecardEvaluation }>,
) {
  const latest = await tx('scorecards_entities as e')
    .join('scorecards_releases as r', 'r.id', 'e.latest_release_id')
    .whereIn(
      'e.latest_release_id',
      chunk.map(e => e.releaseId),
    )
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
  await syncFacets(
    tx,
    latest.map(row => row.entity_ref),
  );
}

/** Stores evaluations with their gate decisions, and the portfolio's summary of each latest release. */
export async function saveEvaluations(
  tx: Knex.Transaction,
  entries: Array<{ releaseId: number; evaluation: ScorecardEvaluation }>,
  policyDigest: string,
): Promise<void> {
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
        score: evaluation.score,
      })),
    );
    if (gates.length > 0) await tx('scorecards_gates').insert(gates);
    await updateLatestSummaries(tx, chunk);
  }
}

/** Up to `limit` releases evaluated with a policy other than `policyDigest`. */
export async function listStaleReleases(
  db: Knex,
  policyDigest: string,
  limit: number,
): Promise<StaleRelease[]> {
  const rows = await db('scorecards_evaluations as v')
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

/**
 * Re-evaluates releases from their stored evidence in one transaction that holds their rows as
 * an upload does; releases deleted since are skipped. A policy change re-scores thousands of
 * releases, and a commit per release would spend most of the time waiting for the disk.
 */
export async function reevaluate(
  db: Knex,
  releases: StaleRelease[],
  evaluate: ReevaluateRelease,
  policyDigest: string,
): Promise<number> {
  if (releases.length === 0) return 0;
  const ids = releases.map(r => r.releaseId);
  return db.transaction(async tx => {
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
          releaseEvidenceOf(byRelease.get(release.releaseId) ?? []),
        ),
      }));
    await saveEvaluations(tx, evaluated, policyDigest);
    return evaluated.length;
  });
}
