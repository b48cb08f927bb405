import { ScorecardEvaluation } from '@waybill/plugin-scorecards-common';
import { Knex } from 'knex';
import { upsertEntity } from './entities';
import { saveEvaluations } from './evaluations';
import { EvidenceRow, idOf, releaseEvidenceOf } from './rows';
import { EvaluateRelease, NewEvidence, RecordedEvidence } from './types';

/**
 * Creates the release if it is new and locks its row until the transaction ends, so that
 * concurrent uploads to one release evaluate one after the other. (SQLite serializes
 * writers on its own.)
 */
async function lockRelease(
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
    ...(evidence.artifactDigest
      ? { artifact_digest: evidence.artifactDigest }
      : {}),
  };
  if (Object.keys(details).length > 0) {
    await tx('scorecards_releases').where({ id: release.id }).update(details);
  }
  await upsertEntity(tx, evidence.entity);
  return release.id;
}

/**
 * Stores an upload and the release's new evaluation in one transaction; the same file twice is
 * stored once and answers the evaluation already stored.
 */
export async function recordEvidence(
  db: Knex,
  evidence: NewEvidence,
  evaluate: EvaluateRelease,
  policyDigest: string,
): Promise<RecordedEvidence> {
  return db.transaction(async tx => {
    const releaseId = await lockRelease(tx, evidence);
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

    const before = await tx('scorecards_evaluations')
      .where({ release_id: releaseId })
      .first('result');
    const evaluation = evaluate(releaseEvidenceOf(rows));
    await saveEvaluations(tx, [{ releaseId, evaluation }], policyDigest);
    return {
      releaseId,
      evidenceId: Number(idOf(inserted[0])),
      duplicate: false,
      evaluation,
      ...(before
        ? {
            previousEvaluation: JSON.parse(
              before.result,
            ) as ScorecardEvaluation,
          }
        : {}),
    };
  });
}
