import {
  analyzeFailures,
  BoardLine,
  boardAxisValues,
  boardHeatmap,
  BoardTenant,
  emptyStatusCounts,
  FailureAnalysis,
  FreezeGroups,
  HeatCell,
  heatCellKey,
  settledAs,
  StatusCounts,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant, TenantAxis } from '@waybill/plugin-waybill-common';
import {
  RolloutRecord,
  StoredPlan,
  TenantStatusRecord,
} from '../database/RolloutStore';
import { tenantsByRef } from './planTenants';

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
 * Where each tenant of a board is, for one plan and reader: the same at every status version,
 * so a snapshot updated to a later version shares it.
 */
interface SnapshotIndex {
  tenantByRef: ReadonlyMap<string, Tenant>;
  /** Position of each tenant's status in `statuses`. */
  statusAt: Map<string, number>;
  /** Position of each line (tenant the reader may read) in `lines`. */
  lineAt: Map<string, number>;
  /** Wave w's lines are `lines[waveStarts[w]]` up to `lines[waveStarts[w + 1]]`. */
  waveStarts: number[];
  /** Position of each heatmap cell, by `heatCellKey`. */
  cellAt: Map<string, number>;
  /** The tenants the reader may read; every tenant when absent. */
  visible?: ReadonlySet<string>;
}

/**
 * What a board computes over every tenant of a rollout the reader may read, from the statuses
 * as they were at `version` or later: kept, and brought up to later versions, by BoardSnapshots.
 */
export interface BoardSnapshot {
  /** The rollout's status version: the snapshot holds every report up to it (maybe later ones). */
  version: number;
  /** The tenants the reader may read, in the plan's order (wave by wave). */
  lines: SnapshotLine[];
  waves: SnapshotWave[];
  axisValues: Record<TenantAxis, string[]>;
  heatmap: HeatCell[];
  analysis: FailureAnalysis;
  /** Every tenant status of the rollout, by wave and ref: the next actions read all of them. */
  statuses: TenantStatusRecord[];
  /** The freeze groups of every tenant of the rollout. */
  freezeGroups: FreezeGroups;
  index: SnapshotIndex;
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

/**
 * The failure analysis of the statuses of the tenants the reader may read, in their order (the
 * unsettled ones left out here: it does not count them).
 */
function analysisOf(
  statuses: TenantStatusRecord[],
  index: SnapshotIndex,
): FailureAnalysis {
  const { visible, tenantByRef } = index;
  return analyzeFailures(
    statuses
      .filter(
        s =>
          settledAs(s.status) !== 'unsettled' &&
          (!visible || visible.has(s.tenantRef)),
      )
      .map(s => ({ tenant: tenantByRef.get(s.tenantRef)!, status: s.status })),
  );
}

/** A line's status as its tenant's status record says, or pending since the rollout was made. */
function withStatus(
  line: Omit<SnapshotLine, 'status' | 'detail' | 'updatedAt'>,
  status: TenantStatusRecord | undefined,
  createdAt: string,
): SnapshotLine {
  return {
    ...line,
    status: status?.status ?? 'pending',
    detail: status?.detail ?? null,
    updatedAt: status?.updatedAt ?? createdAt,
  };
}

/** The lines of the tenants the reader may read, wave by wave. */
function linesOf(
  record: RolloutRecord,
  statuses: TenantStatusRecord[],
  freezeGroups: FreezeGroups,
  tenantByRef: ReadonlyMap<string, Tenant>,
  visible?: ReadonlySet<string>,
): SnapshotLine[][] {
  const statusOf = new Map(statuses.map(s => [s.tenantRef, s]));
  return record.plan.waves.map((wave, index) =>
    wave.tenants
      .filter(({ ref }) => !visible || visible.has(ref))
      .map(({ ref, reason }) => {
        const { deployables: _deployables, ...tenant } = tenantByRef.get(ref)!;
        const line = {
          ...tenant,
          tenant,
          wave: index,
          placement: reason,
          freezeGroup: freezeGroups.groupOf.get(ref)!,
        };
        return withStatus(line, statusOf.get(ref), record.createdAt);
      }),
  );
}

/**
 * The snapshot of a rollout's board at status `version`, from all its statuses (read after the
 * version was), for a reader who may read `visible` (every tenant when absent).
 */
export function boardSnapshot(
  record: RolloutRecord & { plan: StoredPlan },
  statuses: TenantStatusRecord[],
  freezeGroups: FreezeGroups,
  version: number,
  visible?: ReadonlySet<string>,
): BoardSnapshot {
  const tenantByRef = tenantsByRef(record.plan);
  const waves = linesOf(record, statuses, freezeGroups, tenantByRef, visible);
  const lines = waves.flat();
  const heatmap = boardHeatmap(lines);
  const waveStarts = [0];
  for (const wave of waves) {
    waveStarts.push(waveStarts[waveStarts.length - 1] + wave.length);
  }
  const index: SnapshotIndex = {
    tenantByRef,
    statusAt: new Map(statuses.map((s, i) => [s.tenantRef, i])),
    lineAt: new Map(lines.map((l, i) => [l.ref, i])),
    waveStarts,
    cellAt: new Map(heatmap.map((c, i) => [heatCellKey(c), i])),
    visible,
  };
  return {
    version,
    lines,
    waves: waves.map(snapshotWave),
    axisValues: boardAxisValues(lines),
    heatmap,
    analysis: analysisOf(statuses, index),
    statuses,
    freezeGroups,
    index,
  };
}

/** The heatmap with one tenant moved from one status's column to another's. */
function moveInHeatmap(
  cells: HeatCell[],
  at: number,
  from: SnapshotLine['status'],
  to: SnapshotLine['status'],
) {
  const [before, after] = [settledAs(from), settledAs(to)];
  if (before === after) return;
  cells[at] = {
    ...cells[at],
    [before]: cells[at][before] - 1,
    [after]: cells[at][after] + 1,
  };
}

/**
 * `previous` brought up to status `version` with the status records written since its own (read
 * after `version` was): the lines, waves, heatmap and statuses of those tenants, and the failure
 * analysis only when a tenant the reader may read moved between unsettled, healthy and failed.
 * The same snapshot as `boardSnapshot` computes from every status; undefined when a record is of
 * a tenant the snapshot does not have (then compute it whole).
 */
export function updatedSnapshot(
  previous: BoardSnapshot,
  changed: TenantStatusRecord[],
  version: number,
): BoardSnapshot | undefined {
  const { index } = previous;
  if (changed.some(s => !index.statusAt.has(s.tenantRef))) return undefined;
  const statuses = [...previous.statuses];
  const lines = [...previous.lines];
  const heatmap = [...previous.heatmap];
  const waves = new Set<number>();
  let outcomesMoved = false;
  for (const status of changed) {
    statuses[index.statusAt.get(status.tenantRef)!] = status;
    const at = index.lineAt.get(status.tenantRef);
    if (at === undefined) continue; // a tenant the reader may not read
    const line = lines[at];
    lines[at] = withStatus(line, status, line.updatedAt);
    waves.add(line.wave);
    outcomesMoved ||= settledAs(line.status) !== settledAs(status.status);
    moveInHeatmap(
      heatmap,
      index.cellAt.get(heatCellKey(line))!,
      line.status,
      status.status,
    );
  }
  const { waveStarts } = index;
  return {
    ...previous,
    version,
    lines,
    waves: previous.waves.map((wave, w) =>
      waves.has(w)
        ? snapshotWave(lines.slice(waveStarts[w], waveStarts[w + 1]))
        : wave,
    ),
    heatmap,
    analysis: outcomesMoved ? analysisOf(statuses, index) : previous.analysis,
    statuses,
  };
}
