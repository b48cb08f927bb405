import { Knex } from 'knex';

/** An active override or approved waiver that expires within the window, not yet notified. */
export interface DueReminder {
  kind: 'override' | 'waiver';
  id: number;
  entityRef: string;
  /** The override's release, or the waiver's version range. */
  versions: string;
  environment: string;
  /** The waiver's check (and finding); null for an override. */
  checkId: string | null;
  finding: string | null;
  expiresAt: string;
  /** The override's actor, the waiver's approver. */
  grantedBy: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * The overrides and approved waivers in force at `now` that expire before `until` and whose
 * expiry was not notified yet, soonest first (at most `limit` of each kind).
 */
export async function dueExpiryReminders(
  db: Knex,
  now: Date,
  until: Date,
  limit: number,
): Promise<DueReminder[]> {
  const overrides = await db('scorecards_overrides as o')
    .join('scorecards_releases as r', 'r.id', 'o.release_id')
    .whereNull('o.revoked_at')
    .whereNull('o.expiry_notified_at')
    .where('o.expires_at', '>', now)
    .where('o.expires_at', '<=', until)
    .orderBy('o.expires_at')
    .limit(limit)
    .select(
      'o.id',
      'r.entity_ref',
      'r.version',
      'o.environment',
      'o.expires_at',
      'o.actor',
    );
  const waivers = await db('scorecards_waivers')
    .whereNotNull('approved_at')
    .whereNull('revoked_at')
    .whereNull('expiry_notified_at')
    .where('expires_at', '>', now)
    .where('expires_at', '<=', until)
    .orderBy('expires_at')
    .limit(limit)
    .select(
      'id',
      'entity_ref',
      'version_range',
      'environment',
      'check_id',
      'finding',
      'expires_at',
      'approved_by',
    );
  return [
    ...overrides.map(
      (o): DueReminder => ({
        kind: 'override',
        id: Number(o.id),
        entityRef: o.entity_ref,
        versions: o.version,
        environment: o.environment,
        checkId: null,
        finding: null,
        expiresAt: iso(o.expires_at),
        grantedBy: o.actor,
      }),
    ),
    ...waivers.map(
      (w): DueReminder => ({
        kind: 'waiver',
        id: Number(w.id),
        entityRef: w.entity_ref,
        versions: w.version_range,
        environment: w.environment,
        checkId: w.check_id,
        finding: w.finding ?? null,
        expiresAt: iso(w.expires_at),
        grantedBy: w.approved_by,
      }),
    ),
  ];
}

/**
 * Marks a reminder sent, with a conditional UPDATE: true for exactly one caller, on any
 * replica, who then sends it.
 */
export async function markExpiryNotified(
  db: Knex,
  reminder: { kind: 'override' | 'waiver'; id: number },
  at: Date,
): Promise<boolean> {
  const table =
    reminder.kind === 'override'
      ? 'scorecards_overrides'
      : 'scorecards_waivers';
  const updated = await db(table)
    .where({ id: reminder.id })
    .whereNull('expiry_notified_at')
    .update({ expiry_notified_at: at });
  return updated > 0;
}
