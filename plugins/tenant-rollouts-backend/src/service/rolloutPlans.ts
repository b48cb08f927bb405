import {
  freezeGroups,
  FreezeGroups,
  HeldFreezeStatuses,
} from '@waybill/plugin-tenant-rollouts-common';
import { RolloutStore, StoredPlan } from '../database/RolloutStore';
import { TenantRolloutsConfig } from './config';
import { keep } from './recentlyUsed';
import { tenantRefResolver } from './tenantRefs';

/**
 * A rollout's plan, read once per replica, with what is computed from it once: its tenants'
 * freeze groups under the configured windows and their statuses, each tenant's wave, and the
 * tenant a reported ref names.
 */
export interface KeptPlan {
  plan: StoredPlan;
  freezeGroups: FreezeGroups;
  freezes: HeldFreezeStatuses;
  /** The index of each tenant's wave, by ref. */
  waveOf: ReadonlyMap<string, number>;
  /** The plan's tenant a ref names (see tenantRefResolver). */
  resolveTenantRef: (given: string) => string | undefined;
}

/** Which rollout: its id and creation time (an id reused after a delete is another rollout). */
export interface PlanKey {
  id: number;
  createdAt: string;
}

/**
 * Rollout plans, kept per replica. A plan never changes once stored, so it is kept by rollout
 * and creation time: a board read or a status report of a 20,000-tenant rollout does not parse
 * its plan and index its tenants again.
 */
export class RolloutPlans {
  private readonly plans = new Map<string, KeptPlan>();

  constructor(
    private readonly options: {
      store: RolloutStore;
      config: TenantRolloutsConfig;
    },
  ) {}

  /** The plan of a rollout, read from the store the first time. */
  async get(key: PlanKey): Promise<KeptPlan> {
    const at = `${key.id}:${key.createdAt}`;
    const found = this.plans.get(at) ?? (await this.read(key.id));
    keep(this.plans, at, found);
    return found;
  }

  private async read(id: number): Promise<KeptPlan> {
    const { store, config } = this.options;
    const plan = await store.getPlan(id);
    if (!plan) throw new Error(`Rollout ${id} has no stored plan`);
    const groups = freezeGroups(plan.tenants, config.freezeWindows);
    const waveOf = new Map<string, number>();
    plan.waves.forEach((wave, i) =>
      wave.tenants.forEach(t => waveOf.set(t.ref, i)),
    );
    return {
      plan,
      freezeGroups: groups,
      freezes: new HeldFreezeStatuses(groups, config.freezeWindows),
      waveOf,
      resolveTenantRef: tenantRefResolver(waveOf.keys()),
    };
  }
}
