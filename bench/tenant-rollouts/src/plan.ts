import { performance } from 'node:perf_hooks';
import { LatencySummary, summarize } from '@waybill/bench-utils';
import {
  PlacementReason,
  RolloutPlan,
  RolloutStrategy,
  planRollout,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';

/*
 * The planner: `planRollout` on each size's tenants with the 10-wave strategy, a pure function of
 * @waybill/plugin-tenant-rollouts-common, timed in process.
 */

/** One planned wave, as reported. */
export interface WaveSize {
  name: string;
  tenants: number;
  /** Tenants by why they are in the wave. */
  reasons: Partial<Record<PlacementReason, number>>;
}

export interface PlanResult {
  latency: LatencySummary;
  waves: WaveSize[];
  plan: RolloutPlan;
}

/** `warmup` untimed runs, then `runs` timed ones; the waves of the plan. */
export function measurePlan(
  tenants: Tenant[],
  strategy: RolloutStrategy,
  warmup: number,
  runs: number,
): PlanResult {
  let plan = planRollout(tenants, strategy);
  for (let i = 1; i < warmup; i++) plan = planRollout(tenants, strategy);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    plan = planRollout(tenants, strategy);
    samples.push(performance.now() - start);
  }
  return {
    latency: summarize(samples),
    plan,
    waves: plan.waves.map(wave => {
      const reasons: WaveSize['reasons'] = {};
      for (const t of wave.tenants) {
        reasons[t.reason] = (reasons[t.reason] ?? 0) + 1;
      }
      return { name: wave.name, tenants: wave.tenants.length, reasons };
    }),
  };
}
