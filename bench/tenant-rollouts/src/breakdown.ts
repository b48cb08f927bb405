import { performance } from 'node:perf_hooks';
import { LatencySummary, summarize } from '@waybill/bench-utils';
import * as common from '@waybill/plugin-tenant-rollouts-common';
import {
  FailureAnalysis,
  FreezeStatus,
  FreezeWindow,
  RolloutPlan,
  TenantStatus,
  analyzeFailures,
  freezeStatus,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';

/*
 * Where a board query's time goes: the pure computations behind GET /rollouts/:id, timed in
 * process on the same data as the board rollout (the same tenants, statuses, windows and
 * instant), beside the HTTP figures.
 */

/** One pure computation's cost. */
export interface BreakdownRow {
  /** The same at every size (the growth table's), e.g. `analyzeFailures`. */
  key: string;
  name: string;
  latency: LatencySummary;
  /** What it answered, in a few words. */
  answer: string;
}

/** The batched freeze evaluation, when the common package has one (`freezeStatuses`). */
type FreezeStatuses = (
  tenants: Tenant[],
  instant: Date,
  windows: FreezeWindow[],
) => Map<string, FreezeStatus>;

function time<T>(warmup: number, runs: number, fn: () => T) {
  let result = fn();
  for (let i = 1; i < warmup; i++) result = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  return { latency: summarize(samples), result };
}

const frozenCount = (statuses: Iterable<FreezeStatus>) => {
  let n = 0;
  for (const s of statuses) if (s.frozen) n++;
  return n;
};

/**
 * Times `analyzeFailures` on the rollout's reported statuses, the freeze status of every tenant
 * (one `freezeStatus` call per tenant; and the batched `freezeStatuses`, with every window and
 * without the one naming tenants, when the package exports it), and serializing the board's
 * answer as the router does (`JSON.stringify`).
 */
export function measureBreakdown(input: {
  tenants: Tenant[];
  outcomes: Array<{ tenant: Tenant; status: TenantStatus; wave: number }>;
  windows: FreezeWindow[];
  instant: Date;
  board?: unknown;
  /** Also one `freezeStatus` call per tenant (the old path, 1 s at 5,000 tenants). */
  perTenantFreeze?: boolean;
}): BreakdownRow[] {
  const { tenants, outcomes, windows, instant } = input;
  const rows: BreakdownRow[] = [];

  const analysis = time<FailureAnalysis>(2, 10, () =>
    analyzeFailures(outcomes),
  );
  rows.push({
    key: 'analyzeFailures',
    name: `analyzeFailures (${outcomes.length} reported, ${analysis.result.settled} settled)`,
    latency: analysis.latency,
    answer: analysis.result.summary,
  });

  if (input.perTenantFreeze ?? true) {
    const perTenant = time(1, 5, () =>
      tenants.map(t => freezeStatus(t, instant, windows)),
    );
    rows.push({
      key: 'freezeStatus per tenant',
      name: `freezeStatus x ${tenants.length.toLocaleString(
        'en-US',
      )} tenants, ${windows.length} windows`,
      latency: perTenant.latency,
      answer: `${frozenCount(perTenant.result)} frozen`,
    });
  }

  const batched = (common as Record<string, unknown>).freezeStatuses as
    | FreezeStatuses
    | undefined;
  if (batched) {
    const all = time(1, 5, () => batched(tenants, instant, windows));
    rows.push({
      key: 'freezeStatuses (batched)',
      name: `freezeStatuses (batched), ${windows.length} windows`,
      latency: all.latency,
      answer: `${frozenCount(all.result.values())} frozen`,
    });
    const byGroup = windows.filter(w => !w.scope.tenants);
    if (byGroup.length < windows.length) {
      const some = time(1, 5, () => batched(tenants, instant, byGroup));
      rows.push({
        key: 'freezeStatuses (batched), windows not naming tenants',
        name: `freezeStatuses (batched), the ${byGroup.length} windows not naming tenants`,
        latency: some.latency,
        answer: `${frozenCount(some.result.values())} frozen`,
      });
    }
  }

  rows.push(...boardScanRows(outcomes, freezeOf(tenants, instant, windows)));

  if (input.board !== undefined) {
    const json = time(2, 10, () => JSON.stringify(input.board));
    rows.push({
      key: 'JSON.stringify of the board answer',
      name: 'JSON.stringify of the board answer (the router)',
      latency: json.latency,
      answer: `${(Buffer.byteLength(json.result) / 1024 / 1024).toFixed(2)} MB`,
    });
    const parsed = time(2, 10, () => JSON.parse(json.result));
    rows.push({
      key: 'JSON.parse of the board answer',
      name: 'JSON.parse of the board answer (the benchmark, in each timing)',
      latency: parsed.latency,
      answer: `${Object.keys(parsed.result).length} fields`,
    });
  }
  return rows;
}

/** The paged board's scans over every tenant, when the common package has them (board.ts). */
interface BoardScans {
  matchesBoardFilter: (
    line: BoardLine,
    filter: { status?: string },
    frozen: (line: BoardLine) => boolean,
  ) => boolean;
  boardHeatmap: (lines: Iterable<BoardLine>) => unknown[];
  boardAxisValues: (lines: Iterable<BoardLine>) => Record<string, string[]>;
}

/** A tenant of the board as the paged board's filters see it. */
type BoardLine = Tenant & { wave: number; status: TenantStatus };

/** Whether each tenant is frozen at `instant`: batched when the package can, else per tenant. */
function freezeOf(
  tenants: Tenant[],
  instant: Date,
  windows: FreezeWindow[],
): (ref: string) => boolean {
  const batched = (common as Record<string, unknown>).freezeStatuses as
    | FreezeStatuses
    | undefined;
  const statuses = batched
    ? batched(tenants, instant, windows)
    : new Map(tenants.map(t => [t.ref, freezeStatus(t, instant, windows)]));
  return ref => statuses.get(ref)?.frozen ?? false;
}

/**
 * What the paged board computes over every tenant of a read (`board.ts` of the common package,
 * when it has it): the status filter a filtered page is cut from, the heatmap and the values each
 * filter offers. The tenants are the outcomes with their wave (by plan order, as read).
 */
function boardScanRows(
  outcomes: Array<{ tenant: Tenant; status: TenantStatus; wave: number }>,
  frozen: (ref: string) => boolean,
): BreakdownRow[] {
  const scans = common as unknown as Partial<BoardScans>;
  if (
    typeof scans.matchesBoardFilter !== 'function' ||
    typeof scans.boardHeatmap !== 'function' ||
    typeof scans.boardAxisValues !== 'function'
  ) {
    return [];
  }
  const { matchesBoardFilter, boardHeatmap, boardAxisValues } =
    scans as BoardScans;
  const lines: BoardLine[] = outcomes.map(({ tenant, status, wave }) => ({
    ...tenant,
    wave,
    status,
  }));
  const filter = time(2, 10, () =>
    lines.filter(l =>
      matchesBoardFilter(l, { status: 'failed' }, x => frozen(x.ref)),
    ),
  );
  const heatmap = time(2, 10, () => boardHeatmap(lines));
  const axes = time(2, 10, () => boardAxisValues(lines));
  const n = lines.length.toLocaleString('en-US');
  return [
    {
      key: 'matchesBoardFilter status=failed',
      name: `matchesBoardFilter status=failed x ${n} tenants`,
      latency: filter.latency,
      answer: `${filter.result.length} match`,
    },
    {
      key: 'boardHeatmap',
      name: `boardHeatmap x ${n} tenants`,
      latency: heatmap.latency,
      answer: `${heatmap.result.length} cells`,
    },
    {
      key: 'boardAxisValues',
      name: `boardAxisValues x ${n} tenants`,
      latency: axes.latency,
      answer: `${Object.values(axes.result).flat().length} values`,
    },
  ];
}

/** Whether the common package has the batched freeze evaluation. */
export const hasBatchedFreeze = () =>
  typeof (common as Record<string, unknown>).freezeStatuses === 'function';

/**
 * The board rollout's outcomes as the plugin reads them (by wave, then ref): each planned tenant
 * with its wave and the status the setup reported for it, `pending` when none. The permutation test's shuffles
 * are seeded, so its adjusted p-values depend on this order.
 */
export function boardOutcomes(
  plan: RolloutPlan,
  tenants: Tenant[],
  reported: Array<Array<{ tenant: string; status: TenantStatus }>>,
): Array<{ tenant: Tenant; status: TenantStatus; wave: number }> {
  const statusOf = new Map(reported.flat().map(s => [s.tenant, s.status]));
  const tenantByRef = new Map(tenants.map(t => [t.ref, t]));
  return plan.waves.flatMap((wave, index) =>
    wave.tenants.map(({ ref }) => ({
      tenant: tenantByRef.get(ref)!,
      status: statusOf.get(ref) ?? 'pending',
      wave: index,
    })),
  );
}
