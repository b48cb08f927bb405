import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { releaseId } from './releases';
import { idOf, toOverride } from './rows';
import {
  GateOverride,
  NewGateOverride,
  OverrideRevocation,
  ReleaseKey,
} from './types';

/** Records an override of one environment's gate for a release. */
export async function addOverride(
  db: Knex,
  key: ReleaseKey,
  override: NewGateOverride,
): Promise<GateOverride> {
  const release = await releaseId(db, key).first();
  if (!release) {
    throw new NotFoundError(
      `No release ${key.version} of ${key.entityRef} has any evidence`,
    );
  }
  const createdAt = new Date();
  const [row] = await db('scorecards_overrides')
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
    environment: override.environment,
    reason: override.reason,
    actor: override.actor,
    expiresAt: new Date(override.expiresAt).toISOString(),
    createdAt: createdAt.toISOString(),
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
  };
}

/**
 * Ends an active override of one of a release's gates, in one transaction that holds the
 * override's row: of two concurrent revocations one wins and the other gets 409. The override
 * stays on record with who revoked it, when and why.
 */
export async function revokeOverride(
  db: Knex,
  key: ReleaseKey,
  revocation: OverrideRevocation,
): Promise<GateOverride> {
  return db.transaction(async tx => {
    const query = tx('scorecards_overrides')
      .whereIn('release_id', releaseId(tx, key))
      .where({
        id: revocation.overrideId,
        environment: revocation.environment,
      });
    const row =
      tx.client.config.client === 'pg'
        ? await query.forUpdate().first()
        : await query.first();
    const name = `Override ${revocation.overrideId} of the ${revocation.environment} gate of ${key.entityRef} ${key.version}`;
    if (!row) throw new NotFoundError(`${name} does not exist`);
    const current = toOverride(row);
    if (current.revokedAt) {
      throw new ConflictError(
        `${name} was already revoked by ${current.revokedBy} at ${current.revokedAt}`,
      );
    }
    if (Date.parse(current.expiresAt) <= revocation.at.getTime()) {
      throw new ConflictError(`${name} expired at ${current.expiresAt}`);
    }
    await tx('scorecards_overrides')
      .where({ id: row.id })
      .whereNull('revoked_at')
      .update({
        revoked_at: revocation.at,
        revoked_by: revocation.actor,
        revoke_reason: revocation.reason,
      });
    return {
      ...current,
      revokedAt: revocation.at.toISOString(),
      revokedBy: revocation.actor,
      revokeReason: revocation.reason,
    };
  });
}
