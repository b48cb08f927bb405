import { Knex } from 'knex';

/** What the scorecards database holds for the evidence of one file (by its SHA-256). */
export async function evidenceRows(
  scorecards: Knex,
  digest: string,
): Promise<number> {
  const [{ count }] = await scorecards('scorecards_evidence')
    .where({ digest })
    .count({ count: '*' });
  return Number(count);
}

/**
 * Evidence rows stored without what must come with them in the same transaction: the release's
 * evaluation, computed at or after the upload, with its checks and a gate decision for each
 * gated environment. Answers one line per such row; none when every upload was all-or-nothing.
 */
export async function partialEvidence(
  scorecards: Knex,
  environments: string[],
): Promise<string[]> {
  const rows: Array<{
    id: number;
    release_id: number;
    kind: string;
    uploaded_at: Date;
    evaluated_at: Date | null;
    result: string | null;
    gates: string;
  }> = await scorecards('scorecards_evidence as e')
    .leftJoin('scorecards_evaluations as v', 'v.release_id', 'e.release_id')
    .select(
      'e.id',
      'e.release_id',
      'e.kind',
      'e.uploaded_at',
      'v.evaluated_at',
      'v.result',
      scorecards.raw(
        '(SELECT count(*) FROM scorecards_gates g WHERE g.release_id = e.release_id) AS gates',
      ),
    );
  return rows.flatMap(row => {
    const what = `evidence ${row.id} (${row.kind}, release ${row.release_id})`;
    if (!row.result || !row.evaluated_at) return [`${what}: no evaluation`];
    if (row.evaluated_at < row.uploaded_at) {
      return [`${what}: evaluated before it was uploaded`];
    }
    const checks = JSON.parse(row.result).checks;
    if (!Array.isArray(checks) || checks.length === 0) {
      return [`${what}: evaluation without checks`];
    }
    if (Number(row.gates) !== environments.length) {
      return [`${what}: ${row.gates} gate decisions`];
    }
    return [];
  });
}

/** The evaluation of a release as stored (its time), or undefined. */
export async function evaluatedAt(
  scorecards: Knex,
  entityRef: string,
  version: string,
): Promise<Date | undefined> {
  const row = await scorecards('scorecards_evaluations as v')
    .join('scorecards_releases as r', 'r.id', 'v.release_id')
    .where({ 'r.entity_ref': entityRef, 'r.version': version })
    .first('v.evaluated_at');
  return row?.evaluated_at;
}

/** How many of a rollout's tenants have `status`, of how many. */
export async function tenantsWithStatus(
  rollouts: Knex,
  rolloutId: number,
  status: string,
): Promise<{ matching: number; total: number }> {
  const [row] = await rollouts('tenant_rollouts_tenants')
    .where({ rollout_id: rolloutId })
    .select(
      rollouts.raw('count(*) FILTER (WHERE status = ?) AS matching', [status]),
      rollouts.raw('count(*) AS total'),
    );
  return { matching: Number(row.matching), total: Number(row.total) };
}

/** A rollout's position and its trail of transitions. */
export interface RolloutTrail {
  currentWave: number;
  lockVersion: number;
  /** Every stored transition, oldest first: `action by actor`. */
  events: Array<{ action: string; actor: string }>;
}

export async function rolloutTrail(
  rollouts: Knex,
  rolloutId: number,
): Promise<RolloutTrail> {
  const rollout = await rollouts('tenant_rollouts')
    .where({ id: rolloutId })
    .first('current_wave', 'lock_version');
  const events = await rollouts('tenant_rollouts_events')
    .where({ rollout_id: rolloutId })
    .orderBy('id')
    .select('action', 'actor');
  return {
    currentWave: Number(rollout.current_wave),
    lockVersion: Number(rollout.lock_version),
    events,
  };
}

/**
 * Whether a trail is whole: every transition bumped the lock version once and left one event,
 * and the wave index moved only by the stored advances.
 */
export function trailIsWhole(trail: RolloutTrail): boolean {
  const advances = trail.events.filter(e => e.action === 'advance').length;
  return (
    trail.lockVersion === trail.events.length && trail.currentWave === advances
  );
}

/**
 * How many of a rollout's tenant rows other transactions hold locked right now (rows they have
 * updated and not yet committed, or locked): counted by reading the rows that can be share-locked
 * without waiting.
 */
export async function uncommittedTenantWrites(
  rollouts: Knex,
  rolloutId: number,
): Promise<number> {
  const { rows } = await rollouts.raw(
    `SELECT (SELECT count(*) FROM tenant_rollouts_tenants WHERE rollout_id = ?) -
            (SELECT count(*) FROM (SELECT 1 FROM tenant_rollouts_tenants WHERE rollout_id = ?
                                   FOR SHARE SKIP LOCKED) free) AS locked`,
    [rolloutId, rolloutId],
  );
  return Number(rows[0].locked);
}
