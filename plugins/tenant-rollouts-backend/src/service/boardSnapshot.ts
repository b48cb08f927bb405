import { createHash } from 'node:crypto';
import {
  analyzeFailures,
  BoardLine,
  boardAxisValues,
  boardHeatmap,
  BoardTenant,
  emptyStatusCounts,
  FailureAnalysis,
  FreezeGroups,
  freezeGroups,
  FreezeWindow,
  HeatCell,
  StatusCounts,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant, TenantAxis } from '@waybill/plugin-waybill-common';
import {
  RolloutRecord,
  StoredPlan,
  TenantStatusRecord,
} from '../database/RolloutStore';

/** A tenant of a board, as read once per status version: all but its freeze at `now`. */
export interface SnapshotLine extends BoardLine {
  tenant: Omit<Tenant, 'deployables'>;
  placement: BoardTenant['placement'];
  detail: string | null;
  updatedAt: string;
  /** Its freeze group (see FreezeGroups): its freeze status is the group's. */
  freezeGroup: number;
}

/** What a wave is of the tenants the reader may read, but for its phase and what is frozen now. */
export interface SnapshotWave {
  total: number;
  healthy: number;
  lastChangeAt: string | null;
  counts: StatusCounts;
  /** How many of its tenants are in each freeze group, by group. */
  perFreezeGroup: Map<number, number>;
}

/**
 * What a board computes over every tenant of a rollout the reader may read, from one read of
 * its statuses: kept while its status version stands (see BoardSnapshots).
 */
export interface BoardSnapshot {
  /** The tenants the reader may read, in the plan's order (wave by wave). */
  lines: SnapshotLine[];
  waves: SnapshotWave[];
  axisValues: Record<TenantAxis, string[]>;
  heatmap: HeatCell[];
  analysis: FailureAnalysis;
  /** Every tenant status of the rollout: the next actions are decided on all of them. */
  statuses: TenantStatusRecord[];
  /** The freeze groups of every tenant of the rollout. */
  freezeGroups: FreezeGroups;
}

/** A wave's lines' counts. */
function snapshotWave(lines: SnapshotLine[]): SnapshotWave {
  const counts = emptyStatusCounts();
  const perFreezeGroup = new Map<number, number>();
  let lastChangeAt: string | null = null;
  for (const line of lines) {
    counts[line.status]++;
    perFreezeGroup.set(
      line.freezeGroup,
      (perFreezeGroup.get(line.freezeGroup) ?? 0) + 1,
    );
    if (!lastChangeAt || line.updatedAt > lastChangeAt) {
      lastChangeAt = line.updatedAt;
    }
  }
  return {
    total: lines.length,
    healthy: counts.healthy,
    lastChangeAt,
    counts,
    perFreezeGroup,
  };
}

/** The snapshot of a rollout's board for a reader who may read `visible` (every tenant when absent). */
export function boardSnapshot(
  record: RolloutRecord,
  statuses: TenantStatusRecord[],
  windows: FreezeWindow[],
  visible?: ReadonlySet<string>,
): BoardSnapshot {
  const groups = freezeGroups(record.plan.tenants, windows);
  const tenantByRef = new Map(record.plan.tenants.map(t => [t.ref, t]));
  const statusOf = new Map(statuses.map(s => [s.tenantRef, s]));
  const waves = record.plan.waves.map((wave, index) =>
    wave.tenants
      .filter(({ ref }) => !visible || visible.has(ref))
      .map(({ ref, reason }): SnapshotLine => {
        const { deployables: _deployables, ...tenant } = tenantByRef.get(ref)!;
        const status = statusOf.get(ref);
        return {
          ...tenant,
          tenant,
          wave: index,
          placement: reason,
          status: status?.status ?? 'pending',
          detail: status?.detail ?? null,
          updatedAt: status?.updatedAt ?? record.createdAt,
          freezeGroup: groups.groupOf.get(ref)!,
        };
      }),
  );
  const lines = waves.flat();
  const settled = statuses.filter(s => !visible || visible.has(s.tenantRef));
  return {
    lines,
    waves: waves.map(snapshotWave),
    axisValues: boardAxisValues(lines),
    heatmap: boardHeatmap(lines),
    analysis: analyzeFailures(
      settled.map(s => ({
        tenant: tenantByRef.get(s.tenantRef)!,
        status: s.status,
      })),
    ),
    statuses,
    freezeGroups: groups,
  };
}

/** Board snapshots kept in memory, most recently used last. */
const SNAPSHOTS_KEPT = 16;

/**
 * Board snapshots and rollout plans, kept per replica. A plan never changes once stored, so it is
 * kept by rollout (and creation time). A snapshot is kept by rollout, status version and what
 * the reader may read; the status version is read from the database in the same request before
 * the statuses are, and every status report bumps it in its own transaction, so a snapshot is
 * never older than the version it is kept under: a report on any replica is seen by the next
 * read on every replica.
 */
export class BoardSnapshots {
  private readonly plans = new Map<string, StoredPlan>();
  private readonly snapshots = new Map<string, BoardSnapshot>();

  /** The plan of a rollout created at `createdAt`, read by `read` the first time. */
  async plan(
    id: number,
    createdAt: string,
    read: () => Promise<StoredPlan>,
  ): Promise<StoredPlan> {
    return this.kept(this.plans, `${id}:${createdAt}`, read);
  }

  /**
   * The snapshot of a rollout at a status version for a reader who may read `visible` (every
   * tenant when absent), computed by `compute` when not kept.
   */
  async snapshot(
    key: { id: number; createdAt: string; statusVersion: number },
    visible: ReadonlySet<string> | undefined,
    compute: () => Promise<BoardSnapshot>,
  ): Promise<BoardSnapshot> {
    const reader = visible ? digestOf(visible) : '*';
    return this.kept(
      this.snapshots,
      `${key.id}:${key.createdAt}:${key.statusVersion}:${reader}`,
      compute,
    );
  }

  private async kept<T>(
    map: Map<string, T>,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    const found = map.get(key);
    if (found) {
      map.delete(key);
      map.set(key, found);
      return found;
    }
    const value = await compute();
    map.set(key, value);
    if (map.size > SNAPSHOTS_KEPT) map.delete(map.keys().next().value!);
    return value;
  }
}

/** A digest of the refs a reader may read. */
function digestOf(refs: ReadonlySet<string>): string {
  const digest = createHash('sha1');
  for (const ref of refs) digest.update(`${ref}\n`);
  return digest.digest('base64url');
}
