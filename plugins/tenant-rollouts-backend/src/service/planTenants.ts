import { Tenant, keptPer } from '@waybill/plugin-waybill-common';
import { StoredPlan } from '../database/RolloutStore';

const indexes = new WeakMap<StoredPlan, ReadonlyMap<string, Tenant>>();
const segments = new WeakMap<StoredPlan, Map<number, string[]>>();

/*
 * What is read of a plan's tenants on every board read, computed once per plan object: a board
 * keeps its rollout's plan (see BoardSnapshots), so its reads do not index 20,000 tenants again.
 */

/** A plan's tenants by ref. */
export function tenantsByRef(plan: StoredPlan): ReadonlyMap<string, Tenant> {
  return keptPer(indexes, plan, p => new Map(p.tenants.map(t => [t.ref, t])));
}

/** The segments of a wave's tenants, sorted; none for a wave the plan does not have. */
export function waveSegments(
  plan: StoredPlan,
  index: number,
): readonly string[] {
  const byWave = keptPer(segments, plan, () => new Map());
  let found = byWave.get(index);
  if (!found) {
    const tenants = tenantsByRef(plan);
    found = [
      ...new Set(
        (plan.waves[index]?.tenants ?? []).flatMap(t => {
          const segment = tenants.get(t.ref)?.segment;
          return segment ? [segment] : [];
        }),
      ),
    ].sort();
    byWave.set(index, found);
  }
  return found;
}
