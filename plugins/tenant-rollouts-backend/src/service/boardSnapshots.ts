import { createHash } from 'node:crypto';
import { BoardSnapshot } from './boardSnapshot';
import { keep } from './recentlyUsed';

/** Which snapshot: a rollout (and its creation time) and what the reader may read. */
export interface SnapshotKey {
  id: number;
  createdAt: string;
  /** The rollout's status version, read before anything the snapshot is made of. */
  statusVersion: number;
  /** The tenants the reader may read; every tenant when absent. */
  visible?: ReadonlySet<string>;
}

/**
 * Board snapshots, kept per replica (the plans are kept by RolloutPlans). The latest snapshot is kept by
 * rollout and what the reader may read, with the status version it holds: every status report
 * bumps the rollout's version and stamps the rows it writes with it, in one transaction, so a
 * read that finds a newer version catches the snapshot up from the rows stamped since, on any
 * replica. The version is read before the rows are, so a snapshot is never older than its
 * version (it may hold later reports, which catching up reads again).
 */
export class BoardSnapshots {
  private readonly snapshots = new Map<string, BoardSnapshot>();

  /**
   * The snapshot of a rollout at `key.statusVersion` or later: the one kept when it is that
   * recent, else `update(kept)` (given the kept snapshot, older, or undefined when none is kept),
   * which is kept unless a more recent one was meanwhile.
   */
  async snapshot(
    key: SnapshotKey,
    update: (kept: BoardSnapshot | undefined) => Promise<BoardSnapshot>,
  ): Promise<BoardSnapshot> {
    const reader = key.visible ? digestOf(key.visible) : '*';
    const at = `${key.id}:${key.createdAt}:${reader}`;
    const kept = this.snapshots.get(at);
    if (kept && kept.version >= key.statusVersion) {
      keep(this.snapshots, at, kept);
      return kept;
    }
    const snapshot = await update(kept);
    const latest = this.snapshots.get(at);
    if (!latest || latest.version < snapshot.version) {
      keep(this.snapshots, at, snapshot);
    }
    return snapshot;
  }
}

/** A digest of the refs a reader may read. */
function digestOf(refs: ReadonlySet<string>): string {
  const digest = createHash('sha1');
  for (const ref of refs) digest.update(`${ref}\n`);
  return digest.digest('base64url');
}
