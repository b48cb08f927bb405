import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { DeliveryEvent } from '@waybill/plugin-scorecards-common';
import { Knex } from 'knex';
import { recordDeliveryEvents, listDeliveryEvents } from './deliveryEvents';
import { listEntityRefs, updateEntities } from './entities';
import { listStaleReleases, reevaluate } from './evaluations';
import {
  DueReminder,
  dueExpiryReminders,
  markExpiryNotified,
} from './expiryReminders';
import { recordEvidence } from './evidence';
import {
  portfolio,
  portfolioItems,
  portfolioRefs,
  portfolioSummary,
} from './portfolio';
import { addOverride, revokeOverride } from './overrides';
import { isDeliveryHandled, markDeliveryHandled } from './githubDeliveries';
import {
  addWaiver,
  approveWaiver,
  getWaiver,
  listWaivers,
  revokeWaiver,
} from './waivers';
import {
  findPreviousDependencies,
  findReleaseByCommit,
  getGateState,
  getRelease,
  listReleases,
} from './releases';
import {
  EntityScope,
  EntitySnapshot,
  EvaluateRelease,
  GateOverride,
  GateState,
  NewEvidence,
  NewGateOverride,
  OverrideRevocation,
  PortfolioFilter,
  PortfolioPage,
  PortfolioQuery,
  RecordedEvidence,
  ReevaluateRelease,
  ReleaseDependencies,
  ReleaseKey,
  ReleaseSummary,
  ScorecardStore,
  StaleRelease,
  StoredRelease,
  NewWaiver,
  Waiver,
  WaiverQuery,
  StoredPortfolioSummary,
} from './types';

const migrationsDir = resolvePackagePath(
  '@waybill/plugin-scorecards-backend',
  'migrations',
);

/**
 * The scorecards store on the plugin's database (SQLite or PostgreSQL), through knex. Each job
 * has its module: evidence, evaluations, releases and overrides, entities, portfolio, delivery
 * events.
 */
export class DatabaseScorecardStore implements ScorecardStore {
  /** Connects to the plugin database and brings its schema up to date. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseScorecardStore(client);
  }

  private constructor(private readonly db: Knex) {}

  recordEvidence(
    evidence: NewEvidence,
    evaluate: EvaluateRelease,
    policyDigest: string,
  ): Promise<RecordedEvidence> {
    return recordEvidence(this.db, evidence, evaluate, policyDigest);
  }

  getRelease(key: ReleaseKey): Promise<StoredRelease | undefined> {
    return getRelease(this.db, key);
  }

  getGateState(key: ReleaseKey): Promise<GateState | undefined> {
    return getGateState(this.db, key);
  }

  findPreviousDependencies(
    key: ReleaseKey,
  ): Promise<ReleaseDependencies | undefined> {
    return findPreviousDependencies(this.db, key);
  }

  findReleaseByCommit(
    entityRef: string,
    commit: string,
  ): Promise<ReleaseKey | undefined> {
    return findReleaseByCommit(this.db, entityRef, commit);
  }

  addWaiver(waiver: NewWaiver, now: Date): Promise<Waiver> {
    return addWaiver(this.db, waiver, now);
  }

  getWaiver(id: number, now: Date): Promise<Waiver> {
    return getWaiver(this.db, id, now);
  }

  listWaivers(query: WaiverQuery, now: Date): Promise<Waiver[]> {
    return listWaivers(this.db, query, now);
  }

  approveWaiver(
    id: number,
    approval: { actor: string; at: Date },
    check: (current: Waiver) => void,
  ): Promise<Waiver> {
    return approveWaiver(this.db, id, approval, check);
  }

  revokeWaiver(
    id: number,
    revocation: { actor: string; reason: string; at: Date },
    check: (current: Waiver) => void,
  ): Promise<Waiver> {
    return revokeWaiver(this.db, id, revocation, check);
  }

  isDeliveryHandled(deliveryId: string): Promise<boolean> {
    return isDeliveryHandled(this.db, deliveryId);
  }

  markDeliveryHandled(deliveryId: string, at: Date): Promise<void> {
    return markDeliveryHandled(this.db, deliveryId, at);
  }

  listReleases(
    entityRef: string,
    options: { limit: number; now: Date; waivers?: Waiver[] },
  ): Promise<ReleaseSummary[]> {
    return listReleases(this.db, entityRef, options);
  }

  addOverride(
    key: ReleaseKey,
    override: NewGateOverride,
  ): Promise<GateOverride> {
    return addOverride(this.db, key, override);
  }

  revokeOverride(
    key: ReleaseKey,
    revocation: OverrideRevocation,
  ): Promise<GateOverride> {
    return revokeOverride(this.db, key, revocation);
  }

  recordDeliveryEvents(
    events: DeliveryEvent[],
  ): Promise<{ stored: number; duplicates: number }> {
    return recordDeliveryEvents(this.db, events);
  }

  listDeliveryEvents(options: {
    entityRefs: string[];
    from: Date;
    to: Date;
  }): Promise<DeliveryEvent[]> {
    return listDeliveryEvents(this.db, options);
  }

  portfolio(
    query: PortfolioQuery,
    options: { now: Date; scope?: EntityScope },
  ): Promise<PortfolioPage> {
    return portfolio(this.db, query, options);
  }

  portfolioItems(
    query: PortfolioQuery,
    options: { now: Date; scope?: EntityScope },
  ): Promise<Omit<PortfolioPage, 'totalCount'>> {
    return portfolioItems(this.db, query, options);
  }

  portfolioRefs(
    filter: PortfolioFilter,
    scope?: EntityScope,
  ): Promise<string[]> {
    return portfolioRefs(this.db, filter, scope);
  }

  portfolioSummary(
    filter: PortfolioFilter,
    scope?: EntityScope,
  ): Promise<StoredPortfolioSummary> {
    return portfolioSummary(this.db, filter, scope);
  }

  listEntityRefs(): Promise<string[]> {
    return listEntityRefs(this.db);
  }

  dueExpiryReminders(
    now: Date,
    until: Date,
    limit: number,
  ): Promise<DueReminder[]> {
    return dueExpiryReminders(this.db, now, until, limit);
  }

  markExpiryNotified(
    reminder: Pick<DueReminder, 'kind' | 'id'>,
    at: Date,
  ): Promise<boolean> {
    return markExpiryNotified(this.db, reminder, at);
  }

  updateEntities(snapshots: EntitySnapshot[]): Promise<void> {
    return updateEntities(this.db, snapshots);
  }

  listStaleReleases(
    policyDigest: string,
    limit: number,
  ): Promise<StaleRelease[]> {
    return listStaleReleases(this.db, policyDigest, limit);
  }

  reevaluate(
    releases: StaleRelease[],
    evaluate: ReevaluateRelease,
    policyDigest: string,
  ): Promise<number> {
    return reevaluate(this.db, releases, evaluate, policyDigest);
  }
}
