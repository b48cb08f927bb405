import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { evaluateScorecard } from '@waybill/plugin-scorecards-common';
import { entitySnapshot } from './entitySnapshot';
import { nowOf, ScorecardsDeps } from './deps';

/** The scheduled upkeep: re-scoring after a policy change and refreshing catalog facts. */
export class ScorecardUpkeep {
  constructor(private readonly deps: ScorecardsDeps) {}

  /** Re-evaluates up to `batch` releases scored with an older policy; returns how many. */
  async reevaluateStale(batch: number): Promise<number> {
    const { store, config } = this.deps;
    const { policy, environments, policyDigest } = config;
    const stale = await store.listStaleReleases(policyDigest, batch);
    await store.reevaluate(
      stale,
      (release, evidence) =>
        evaluateScorecard({
          policy,
          evidence,
          tier: release.tier,
          environments,
          now: nowOf(this.deps),
        }),
      policyDigest,
    );
    return stale.length;
  }

  /**
   * Refreshes the catalog facts (title, owner, system, tier, business processes) of every entity
   * with releases that is still in the catalog.
   */
  async syncEntities(credentials: BackstageCredentials): Promise<void> {
    const { store, catalog } = this.deps;
    const refs = await store.listEntityRefs();
    for (let i = 0; i < refs.length; i += 500) {
      const batch = refs.slice(i, i + 500);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: batch },
        { credentials },
      );
      await store.updateEntities(
        items.filter((e): e is Entity => Boolean(e)).map(entitySnapshot),
      );
    }
  }

  /**
   * Tells whoever granted each override or approved waiver that expires within
   * `withinDays`, and the entity's owners, once each; answers how many were told.
   */
  async remindExpiring(withinDays: number): Promise<number> {
    const { store, events } = this.deps;
    const now = nowOf(this.deps);
    const until = new Date(now.getTime() + withinDays * 86_400_000);
    let told = 0;
    for (const due of await store.dueExpiryReminders(now, until, 500)) {
      // Marked first: of two replicas (or a retry), one tells.
      if (!(await store.markExpiryNotified(due, now))) continue;
      await events.expiring({
        ...due,
        what: due.checkId
          ? `${due.checkId}${due.finding ? ` (${due.finding})` : ''}`
          : undefined,
      });
      told++;
    }
    return told;
  }
}
