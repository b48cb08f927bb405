import type { Tenant } from '@waybill/plugin-waybill-common';
import { StoredPlan } from '../database/RolloutStore';

const indexes = new WeakMap<StoredPlan, ReadonlyMap<string, Tenant>>();

/**
 * A plan's tenants by ref, built once per plan object: a board keeps its rollout's plan (see
 * BoardSnapshots), so its reads look tenants up without indexing 20,000 of them each time.
 */
export function tenantsByRef(plan: StoredPlan): ReadonlyMap<string, Tenant> {
  let index = indexes.get(plan);
  if (!index) {
    index = new Map(plan.tenants.map(t => [t.ref, t]));
    indexes.set(plan, index);
  }
  return index;
}
