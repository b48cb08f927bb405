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
  readableRollout,
} from './rolloutAccess';
import { tenantRefResolver } from './tenantRefs';

/** Per-tenant statuses from deployment tooling; only for tenants of waves already started. */
export class StatusIngestion {
  constructor(
    private readonly options: {
      store: RolloutStore;
      catalog: CatalogService;
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
    const { store, catalog } = this.options;
    const access = accessOf(actor);
    const record = await readableRollout(store, id, access);
    if (actor) await assertActorMayActFor(catalog, record.entityRef, actor);
    const position = positionOf(record);
    if (record.state === 'planned') {
      throw new RolloutConflictError(
        `Rollout ${id} has not started; start it before reporting tenant status`,
        position,
      );
    }
    // A tenant the reporter may not read is, to them, not part of the rollout.
    const readable = await access.readable(record.plan.tenants.map(t => t.ref));
    const waveOf = new Map<string, number>();
    record.plan.waves.forEach((wave, i) =>
      wave.tenants.forEach(t => {
        if (readable.has(t.ref)) waveOf.set(t.ref, i);
      }),
    );
    const resolveTenantRef = tenantRefResolver(waveOf.keys());
    const resolved = updates.map(u => {
      const ref = resolveTenantRef(u.tenantRef);
      if (ref === undefined) {
        throw new InputError(
          `Tenant ${u.tenantRef} is not part of rollout ${id}`,
        );
      }
      if (waveOf.get(ref)! > record.currentWave) {
        throw new RolloutConflictError(
          `Tenant ${ref} is in wave ${waveOf.get(
            ref,
          )}, which has not started (rollout ${id} is at wave ${
            record.currentWave
          })`,
          position,
        );
      }
      return { ...u, tenantRef: ref };
    });
    const updated = await store.reportStatuses(
      id,
      resolved,
      this.options.now(),
    );
    const failedInCurrentWave = resolved
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
