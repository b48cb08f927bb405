import { InputError } from '@backstage/errors';
import { FAILED_STATUSES } from '@waybill/plugin-tenant-rollouts-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RolloutRecord,
  RolloutStore,
  StatusUpdate,
} from '../database/RolloutStore';
import { RolloutConflictError } from './errors';
import { positionOf } from './rolloutActions';
import {
  accessOf,
  Actor,
  assertActorMayActFor,
  readableRolloutHead,
} from './rolloutAccess';
import { RolloutPlans } from './rolloutPlans';

/** Per-tenant statuses from deployment tooling; only for tenants of waves already started. */
export class StatusIngestion {
  constructor(
    private readonly options: {
      store: RolloutStore;
      catalog: CatalogService;
      /** The rollouts' plans, kept (shared with the board). */
      plans: RolloutPlans;
      now: () => Date;
    },
  ) {}

  async report(
    id: number,
    updates: StatusUpdate[],
    actor?: Actor,
  ): Promise<{
    answer: { rolloutId: number; updated: number };
    /** The rollout the statuses were reported for. */
    record: RolloutRecord;
    /** The tenants of the current wave this report says failed. */
    failedInCurrentWave: string[];
  }> {
    const { store, catalog, plans } = this.options;
    const access = accessOf(actor);
    const head = await readableRolloutHead(store, id, access);
    const kept = await plans.get(head.record);
    const record: RolloutRecord = { ...head.record, plan: kept.plan };
    if (actor) await assertActorMayActFor(catalog, record.entityRef, actor);
    const position = positionOf(record);
    if (record.state === 'planned') {
      throw new RolloutConflictError(
        `Rollout ${id} has not started; start it before reporting tenant status`,
        position,
      );
    }
    const { waveOf, resolveTenantRef } = kept;
    const resolved = updates.map(u => ({
      ...u,
      tenantRef: resolveTenantRef(u.tenantRef),
    }));
    // A tenant the reporter may not read is, to them, not part of the rollout.
    const readable = await access.readable(
      resolved.flatMap(u => (u.tenantRef === undefined ? [] : [u.tenantRef])),
    );
    const reported = resolved.map((u, i) => {
      const ref = u.tenantRef;
      if (ref === undefined || !readable.has(ref)) {
        throw new InputError(
          `Tenant ${updates[i].tenantRef} is not part of rollout ${id}`,
        );
      }
      const wave = waveOf.get(ref)!;
      if (wave > record.currentWave) {
        throw new RolloutConflictError(
          `Tenant ${ref} is in wave ${wave}, which has not started (rollout ${id} is at wave ${record.currentWave})`,
          position,
        );
      }
      return { ...u, tenantRef: ref };
    });
    const updated = await store.reportStatuses(
      id,
      reported,
      this.options.now(),
    );
    const failedInCurrentWave = reported
      .filter(
        u =>
          waveOf.get(u.tenantRef) === record.currentWave &&
          FAILED_STATUSES.includes(u.status),
      )
      .map(u => u.tenantRef);
    return {
      answer: { rolloutId: id, updated },
      record,
      failedInCurrentWave,
    };
  }
}
