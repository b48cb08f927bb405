import {
  TENANT_AXES,
  type Tenant,
  type TenantAxis,
} from '@waybill/plugin-waybill-common';
import {
  TenantStatusValues,
  type TenantRolloutsSchemas,
} from './schema/openapi.generated';

/** A tenant's deployment status in a rollout (the spec's `TenantStatus`). */
export type TenantStatus = TenantRolloutsSchemas['TenantStatus'];

/** Every status: the spec's `TenantStatus` enum, as generated. */
export const TENANT_STATUSES = TenantStatusValues;

/** Statuses that count as a failed deployment; `healthy` counts as a success, the rest are not settled. */
export const FAILED_STATUSES: readonly TenantStatus[] = [
  'failed',
  'degraded',
  'rolled-back',
];

/** How one value of an axis fared against all the other tenants (the spec's `ValueEvidence`). */
export type ValueEvidence = TenantRolloutsSchemas['ValueEvidence'];

/** Whether failures are concentrated in one value of an axis, with the evidence (the spec's `FailureAnalysis`). */
export type FailureAnalysis = TenantRolloutsSchemas['FailureAnalysis'];

/** The family-wise significance level of an "isolated" verdict. */
export const SIGNIFICANCE = 0.05;

/** log(n!) for n = 0..max, summed once. */
function logFactorials(max: number): Float64Array {
  const table = new Float64Array(max + 1);
  for (let n = 2; n <= max; n++) table[n] = table[n - 1] + Math.log(n);
  return table;
}

/**
 * P(X >= x) for every x from 0 to min(draws, successes), X ~ Hypergeometric(population,
 * successes, draws): the one-sided Fisher exact test of a 2x2 table for each possible count,
 * summed once from the top and computed in log space so that 5,000 tenants do not overflow.
 */
export function fisherExactTail(
  draws: number,
  successes: number,
  population: number,
  logFact: Float64Array = logFactorials(population),
): number[] {
  const logChoose = (n: number, k: number) =>
    logFact[n] - logFact[k] - logFact[n - k];
  const denominator = logChoose(population, draws);
  const highest = Math.min(draws, successes);
  const tail: number[] = new Array(highest + 1);
  let p = 0;
  for (let x = highest; x >= 0; x--) {
    if (draws - x <= population - successes) {
      p += Math.exp(
        logChoose(successes, x) +
          logChoose(population - successes, draws - x) -
          denominator,
      );
    }
    tail[x] = Math.min(1, p);
  }
  return tail;
}

/** P(X >= observed): the one-sided Fisher exact test of one 2x2 table (see fisherExactTail). */
export function fisherExactGreater(
  observed: number,
  draws: number,
  successes: number,
  population: number,
): number {
  return fisherExactTail(draws, successes, population)[observed] ?? 0;
}

/** Permutations behind the adjusted p-values; the resolution is 1 / (PERMUTATIONS + 1). */
export const PERMUTATIONS = 1999;

/**
 * The seed of the permutations' generator, mulberry32 (a small seeded PRNG, inlined where it
 * draws), so the same outcomes always get the same verdict.
 */
const SEED = 20261123;

interface Group {
  axis: TenantAxis;
  value: string;
  /** Indexes of the settled tenants with this value. */
  members: number[];
  /** pByCount[x]: the one-sided Fisher p-value of x failures among the members. */
  pByCount: number[];
}

/** Each value of each axis that has at least two values, with its Fisher p-values by failure count. */
function groupsOf(
  settledOutcomes: Array<{ tenant: Tenant }>,
  failed: number,
): Group[] {
  const settled = settledOutcomes.length;
  const logFact = logFactorials(settled);
  const groups: Group[] = [];
  for (const axis of TENANT_AXES) {
    const byValue = new Map<string, number[]>();
    settledOutcomes.forEach((o, i) => {
      const value = o.tenant[axis];
      const members = byValue.get(value);
      if (members) members.push(i);
      else byValue.set(value, [i]);
    });
    if (byValue.size < 2) continue; // nothing to compare a value with
    for (const [value, members] of [...byValue].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const pByCount = fisherExactTail(
        members.length,
        failed,
        settled,
        logFact,
      );
      groups.push({ axis, value, members, pByCount });
    }
  }
  return groups;
}

/**
 * The settled tenants as cells: tenants with the same value on every tested axis are in the same
 * groups, so a permutation only needs how many of each cell it drew. `cellOf[i]` is tenant i's
 * cell; `groupsOfCell` lists each cell's group per tested axis, `tested` per cell.
 */
function cellsOf(groups: Group[], settled: number) {
  const tested =
    groups.length === 0 ? 0 : new Set(groups.map(g => g.axis)).size;
  const groupsOfTenant = new Int32Array(settled * tested);
  const filled = new Int32Array(settled);
  groups.forEach((g, k) => {
    for (const i of g.members) groupsOfTenant[i * tested + filled[i]++] = k;
  });
  const cellByKey = new Map<string, number>();
  const cellOf = new Int32Array(settled);
  const groupsOfCell: number[] = [];
  for (let i = 0; i < settled; i++) {
    const own = groupsOfTenant.subarray(i * tested, (i + 1) * tested);
    const key = own.join(',');
    let cell = cellByKey.get(key);
    if (cell === undefined) {
      cell = cellByKey.size;
      cellByKey.set(key, cell);
      groupsOfCell.push(...own);
    }
    cellOf[i] = cell;
  }
  return {
    tested,
    cellOf,
    cells: cellByKey.size,
    groupsOfCell: Int32Array.from(groupsOfCell),
  };
}

/**
 * The distribution of the smallest p-value over all values when failures fall at random, sorted.
 * Each permutation draws which settled tenants fail (a partial Fisher-Yates shuffle of the
 * smaller side: the failed or the healthy ones), counts the draws per cell, then per value, so
 * it costs the number drawn plus the number of cells rather than the number of tenants. The
 * shuffle moves the tenants' cells rather than their indexes: a permutation reads nothing else
 * of a drawn tenant, and the cells land where the indexes would.
 */
function permutedMinima(
  groups: Group[],
  settled: number,
  failed: number,
): Float64Array {
  const { tested, cellOf, cells, groupsOfCell } = cellsOf(groups, settled);
  const drawFailed = failed <= settled - failed;
  const drawn = drawFailed ? failed : settled - failed;
  const order = Int32Array.from(cellOf);
  const perCell = new Int32Array(cells);
  const counts = new Int32Array(groups.length);
  const sizes = groups.map(g => g.members.length);
  let state = SEED;
  const minima = new Float64Array(PERMUTATIONS);
  for (let r = 0; r < PERMUTATIONS; r++) {
    perCell.fill(0);
    for (let k = 0; k < drawn; k++) {
      // mulberry32's step, inlined: a call per draw cost half of the analysis.
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const random = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      // Truncation is Math.floor here: the product is non-negative and below 2^31.
      const j = k + ((random * (settled - k)) | 0);
      const cell = order[j];
      order[j] = order[k];
      order[k] = cell;
      perCell[cell]++;
    }
    counts.fill(0);
    for (let c = 0; c < cells; c++) {
      const n = perCell[c];
      if (n === 0) continue;
      for (let a = c * tested; a < (c + 1) * tested; a++) {
        counts[groupsOfCell[a]] += n;
      }
    }
    let min = 1;
    for (let g = 0; g < groups.length; g++) {
      const failedHere = drawFailed ? counts[g] : sizes[g] - counts[g];
      const p = groups[g].pByCount[failedHere];
      if (p < min) min = p;
    }
    minima[r] = min;
  }
  return minima.sort();
}

/** Count of sorted minima <= p (with a tolerance for floating-point ties), by binary search. */
function countAtMost(minima: Float64Array, p: number): number {
  let lo = 0;
  let hi = minima.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (minima[mid] <= p * (1 + 1e-9)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every tested value's evidence, most significant first. */
function evidenceOf(
  groups: Group[],
  failures: boolean[],
  failed: number,
): ValueEvidence[] {
  const settled = failures.length;
  const failuresIn = (group: Group, labels: boolean[]) =>
    group.members.reduce((n, i) => n + (labels[i] ? 1 : 0), 0);
  const observed = groups.map(g => g.pByCount[failuresIn(g, failures)]);
  const minima = permutedMinima(groups, settled, failed);
  return groups
    .map((g, k) => {
      const failedHere = failuresIn(g, failures);
      return {
        axis: g.axis,
        value: g.value,
        failed: failedHere,
        settled: g.members.length,
        failedElsewhere: failed - failedHere,
        settledElsewhere: settled - g.members.length,
        pValue: observed[k],
        adjustedPValue:
          (1 + countAtMost(minima, observed[k])) / (PERMUTATIONS + 1),
      };
    })
    .sort(
      (a, b) =>
        a.pValue - b.pValue ||
        b.failed - a.failed ||
        `${a.axis}:${a.value}`.localeCompare(`${b.axis}:${b.value}`),
    );
}

/**
 * Decides whether a rollout's failures concentrate in one value of segment, region, tier or
 * cloud, or are spread across the estate.
 *
 * Each value is tested against all other settled tenants with a one-sided Fisher exact test.
 * The p-values are adjusted for testing every value of every axis with the Westfall-Young
 * single-step min-p permutation method: the failure labels are shuffled among the settled
 * tenants (a seeded generator, so the verdict is reproducible), and a value's adjusted p-value
 * is the share of shuffles whose smallest p-value over all values is as small as its own. That
 * controls the chance of a false "isolated" at the 5% level like Bonferroni does, without
 * Bonferroni's penalty for tests that overlap (a region and a cloud often hold the same
 * tenants). Pending and deploying tenants are not counted.
 */
export function analyzeFailures(
  outcomes: Array<{ tenant: Tenant; status: TenantStatus }>,
): FailureAnalysis {
  const isFailed = (status: TenantStatus) => FAILED_STATUSES.includes(status);
  const settledOutcomes = outcomes.filter(
    o => o.status === 'healthy' || isFailed(o.status),
  );
  const settled = settledOutcomes.length;
  const failures = settledOutcomes.map(o => isFailed(o.status));
  const failed = failures.filter(Boolean).length;
  if (failed === 0) {
    return {
      verdict: 'no-failures',
      settled,
      failed,
      summary: `no failures among ${settled} settled tenants`,
      evidence: [],
    };
  }
  const evidence = evidenceOf(
    groupsOf(settledOutcomes, failed),
    failures,
    failed,
  );
  const best = evidence[0];
  if (best && best.adjustedPValue < SIGNIFICANCE) {
    return {
      verdict: 'isolated',
      settled,
      failed,
      isolatedTo: best,
      summary: `isolated to ${best.axis} ${best.value}: ${
        best.failed
      } of ${failed} failures (${best.failed} of ${
        best.settled
      } tenants there, ${best.failedElsewhere} of ${
        best.settledElsewhere
      } elsewhere; adjusted p = ${best.adjustedPValue.toPrecision(2)})`,
      evidence,
    };
  }
  return {
    verdict: 'global',
    settled,
    failed,
    summary: `global: ${failed} of ${settled} tenants failed, not concentrated in any one segment, region, tier or cloud`,
    evidence,
  };
}
