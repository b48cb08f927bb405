import { NotFoundError } from '@backstage/errors';
import { coversVersion } from '@waybill/plugin-scorecards-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import {
  ReleaseKey,
  ReleaseRecord,
  ReleaseSummary,
} from '../../database/types';
import { assertReadable, nowOf, ScorecardsDeps } from '../deps';
import { Waivers } from '../waivers/Waivers';

/** Releases: an entity's history and one release's scorecard, as stored (reads never re-evaluate). */
export class Releases {
  private readonly waivers: Waivers;

  constructor(private readonly deps: ScorecardsDeps) {
    this.waivers = new Waivers(deps);
  }

  /** A release's scorecard with its evidence and overrides. */
  async get(
    key: ReleaseKey,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<ReleaseRecord> {
    await assertReadable(key.entityRef, access);
    const release = await this.deps.store.getRelease(key);
    if (!release) {
      throw new NotFoundError(
        `No evidence has been uploaded for ${key.entityRef} ${key.version}`,
      );
    }
    const { maxOverrideDays, maxWaiverDays } = this.deps.config;
    const waivers = (await this.waivers.ofEntity(key.entityRef)).filter(w =>
      coversVersion(w.versionRange, key.version),
    );
    return { ...release, maxOverrideDays, waivers, maxWaiverDays };
  }

  /** An entity's releases, newest first, with their gates after the waivers and overrides active now. */
  async history(
    entityRef: string,
    limit: number,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<ReleaseSummary[]> {
    await assertReadable(entityRef, access);
    return this.deps.store.listReleases(entityRef, {
      limit,
      now: nowOf(this.deps),
      waivers: await this.waivers.ofEntity(entityRef, 'active'),
    });
  }
}
