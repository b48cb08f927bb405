import { ConflictError, NotFoundError } from '@backstage/errors';
import { waiverStatus, WaiverStatus } from '@waybill/plugin-scorecards-common';
import { toIso, whereRefIn } from '@waybill/plugin-waybill-node';
import { Knex } from 'knex';
import { idOf } from './rows';
import { NewWaiver, Waiver, WaiverQuery } from './types';

const TABLE = 'scorecards_waivers';

/** A stored waiver, with its status at `now`. */
function toWaiver(row: any, now: Date): Waiver {
  const waiver = {
    id: Number(row.id),
    entityRef: row.entity_ref,
    versionRange: row.version_range,
    environment: row.environment,
    checkId: row.check_id,
    finding: row.finding ?? null,
    tenantSegment: row.tenant_segment ?? null,
    reason: row.reason,
    expiresAt: toIso(row.expires_at),
    requestedBy: row.requested_by,
    requestedAt: toIso(row.requested_at),
    approvedBy: row.approved_by ?? null,
    approvedAt: row.approved_at ? toIso(row.approved_at) : null,
    revokedBy: row.revoked_by ?? null,
    revokedAt: row.revoked_at ? toIso(row.revoked_at) : null,
    revokeReason: row.revoke_reason ?? null,
  };
  return { ...waiver, status: waiverStatus(waiver, now) };
}

/** Records a waiver, pending approval. */
export async function addWaiver(
  db: Knex,
  waiver: NewWaiver,
  now: Date,
): Promise<Waiver> {
  const [row] = await db(TABLE)
    .insert({
      entity_ref: waiver.entityRef,
      version_range: waiver.versionRange,
      environment: waiver.environment,
      check_id: waiver.checkId,
      finding: waiver.finding ?? null,
      tenant_segment: waiver.tenantSegment ?? null,
      reason: waiver.reason,
      expires_at: new Date(waiver.expiresAt),
      requested_by: waiver.requestedBy,
      requested_at: now,
    })
    .returning('id');
  return getWaiver(db, Number(idOf(row)), now);
}

/** One waiver; 404 when there is none with that id. */
export async function getWaiver(
  db: Knex,
  id: number,
  now: Date,
): Promise<Waiver> {
  const row = await db(TABLE).where({ id }).first();
  if (!row) throw new NotFoundError(`Waiver ${id} does not exist`);
  return toWaiver(row, now);
}

/** Limits a query to the waivers whose status at `now` is `status` (see `waiverStatus`). */
function whereStatus(q: Knex.QueryBuilder, status: WaiverStatus, now: Date) {
  if (status === 'revoked') {
    q.whereNotNull('revoked_at');
    return;
  }
  q.whereNull('revoked_at');
  if (status === 'expired') {
    q.where('expires_at', '<=', now);
    return;
  }
  q.where('expires_at', '>', now);
  if (status === 'active') q.whereNotNull('approved_at');
  else q.whereNull('approved_at');
}

/**
 * Waivers, newest first (soonest to expire first when `expiringWithinDays` is given), of the
 * entities given (every entity when undefined), filtered and limited in the query.
 */
export async function listWaivers(
  db: Knex,
  query: WaiverQuery,
  now: Date,
): Promise<Waiver[]> {
  const q = db(TABLE).limit(query.limit);
  if (query.entityRefs) whereRefIn(q, 'entity_ref', query.entityRefs);
  if (query.status) whereStatus(q, query.status, now);
  if (query.expiringWithinDays !== undefined) {
    whereStatus(q, 'active', now);
    q.where(
      'expires_at',
      '<=',
      new Date(now.getTime() + query.expiringWithinDays * 86400000),
    ).orderBy([
      { column: 'expires_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
  } else {
    q.orderBy('id', 'desc');
  }
  return (await q).map(row => toWaiver(row, now));
}

/**
 * Changes a waiver in one transaction that holds its row, so that of two concurrent changes one
 * wins and the other gets 409: `allowed` names what the waiver's status must be.
 */
async function changeWaiver(
  db: Knex,
  id: number,
  now: Date,
  allowed: Waiver['status'][],
  change: (current: Waiver) => Record<string, unknown>,
): Promise<Waiver> {
  return db.transaction(async tx => {
    const query = tx(TABLE).where({ id });
    const row =
      tx.client.config.client === 'pg'
        ? await query.forUpdate().first()
        : await query.first();
    if (!row) throw new NotFoundError(`Waiver ${id} does not exist`);
    const current = toWaiver(row, now);
    if (!allowed.includes(current.status)) {
      throw new ConflictError(`Waiver ${id} is ${current.status}`);
    }
    await tx(TABLE).where({ id }).update(change(current));
    return toWaiver(await tx(TABLE).where({ id }).first(), now);
  });
}

/** Approves a pending waiver: it applies from `now` until it expires. */
export function approveWaiver(
  db: Knex,
  id: number,
  approval: { actor: string; at: Date },
  check: (current: Waiver) => void,
): Promise<Waiver> {
  return changeWaiver(db, id, approval.at, ['pending'], current => {
    check(current);
    return { approved_by: approval.actor, approved_at: approval.at };
  });
}

/** Ends a pending or active waiver now; it stays on record with who, when and why. */
export function revokeWaiver(
  db: Knex,
  id: number,
  revocation: { actor: string; reason: string; at: Date },
  check: (current: Waiver) => void,
): Promise<Waiver> {
  return changeWaiver(db, id, revocation.at, ['pending', 'active'], current => {
    check(current);
    return {
      revoked_by: revocation.actor,
      revoked_at: revocation.at,
      revoke_reason: revocation.reason,
    };
  });
}
