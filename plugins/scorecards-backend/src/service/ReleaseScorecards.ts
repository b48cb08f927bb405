import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DeliveryEvent,
  DoraTrend,
  GateAnswer,
  GateOverride,
  PortfolioFilter,
  PortfolioItem,
  PortfolioPage,
  PortfolioQuery,
  PortfolioSummary,
  RecordEvidenceResult,
  ReleaseKey,
  ReleaseRecord,
  ReleaseSummary,
} from '@waybill/plugin-scorecards-common';
import { Caller, CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { DeliveryEvents } from './delivery/DeliveryEvents';
import { EvidenceUpload, EvidenceUploads } from './evidence/EvidenceUploads';
import { Portfolio } from './portfolio/Portfolio';
import { Gates } from './releases/Gates';
import { Releases } from './releases/Releases';
import { ScorecardsDeps } from './deps';
import { ScorecardUpkeep } from './ScorecardUpkeep';

export type { EvidenceUpload } from './evidence/EvidenceUploads';

type Access = CatalogReadAccess;
const ALL = CatalogReadAccess.unrestricted;

/**
 * Release scorecards, the one entry point of the routes and the scheduled tasks. Each job is its
 * own service: evidence (EvidenceUploads), releases (Releases), gates and overrides (Gates), the
 * portfolio (Portfolio), delivery events and DORA (DeliveryEvents), and upkeep (ScorecardUpkeep).
 * Reads never re-evaluate. Given a reader's CatalogReadAccess, they show only the entities the
 * reader may read in the catalog: to them another entity is not there (404, not listed, not
 * counted); without one, they read every entity, as a service does.
 */
export class ReleaseScorecards {
  private readonly uploads: EvidenceUploads;
  private readonly releases: Releases;
  private readonly gates: Gates;
  private readonly portfolioOf: Portfolio;
  private readonly delivery: DeliveryEvents;
  private readonly upkeep: ScorecardUpkeep;

  constructor(private readonly options: ScorecardsDeps) {
    this.uploads = new EvidenceUploads(options);
    this.releases = new Releases(options);
    this.gates = new Gates(options);
    this.portfolioOf = new Portfolio(options);
    this.delivery = new DeliveryEvents(options, this.portfolioOf);
    this.upkeep = new ScorecardUpkeep(options);
  }

  /** Parses, stores and scores one upload; nothing is stored when any step fails. */
  async uploadEvidence(
    upload: EvidenceUpload,
    uploader: { caller: Caller; credentials: BackstageCredentials },
  ): Promise<RecordEvidenceResult> {
    const { previousEvaluation, ...result } = await this.uploads.upload(
      upload,
      uploader,
    );
    if (!result.duplicate) {
      const key = { entityRef: upload.entityRef, version: upload.version };
      await this.options.events.scored(
        key,
        previousEvaluation,
        result.evaluation,
      );
      await this.options.events.changed(key.entityRef, key.version, 'evidence');
    }
    return result;
  }

  /** A release's scorecard with its evidence and overrides. */
  getRelease(key: ReleaseKey, access: Access = ALL): Promise<ReleaseRecord> {
    return this.releases.get(key, access);
  }

  /** An entity's releases, newest first. */
  history(
    entityRef: string,
    limit: number,
    access: Access = ALL,
  ): Promise<ReleaseSummary[]> {
    return this.releases.history(entityRef, limit, access);
  }

  /**
   * Whether a release may be promoted to an environment, from the stored evaluation; `segments`
   * are the tenant segments it is about to be delivered to.
   */
  gate(
    key: ReleaseKey,
    environment: string,
    access: Access = ALL,
    segments: readonly string[] = [],
  ): Promise<GateAnswer> {
    return this.gates.answer(key, environment, access, segments);
  }

  /** Lets a release through one environment's gate until the override expires. */
  overrideGate(
    key: ReleaseKey,
    request: Parameters<Gates['override']>[1],
    access: Access = ALL,
  ): Promise<GateOverride> {
    return this.gates.override(key, request, access);
  }

  /** Ends an active gate override now; it stays on the release's record, revoked. */
  revokeGateOverride(
    key: ReleaseKey,
    request: Parameters<Gates['revoke']>[1],
    access: Access = ALL,
  ): Promise<GateOverride> {
    return this.gates.revoke(key, request, access);
  }

  /** Each entity's latest release, filtered, sorted and paged. */
  portfolio(
    query: PortfolioQuery,
    access: Access = ALL,
  ): Promise<PortfolioPage> {
    return this.portfolioOf.page(query, access);
  }

  /** The portfolio's charts: entities by grade and, per gated environment, by gate decision. */
  portfolioSummary(
    filter: PortfolioFilter,
    access: Access = ALL,
  ): Promise<PortfolioSummary> {
    return this.portfolioOf.summary(filter, access);
  }

  /** Every entity of the portfolio that matches a filter, one page at a time. */
  portfolioPages(
    query: Omit<PortfolioQuery, 'limit' | 'cursor'>,
    access: Access = ALL,
    pageSize = 200,
  ): AsyncGenerator<PortfolioItem[]> {
    return this.portfolioOf.pages(query, access, pageSize);
  }

  /** DORA figures over `[from, to)` and the window before it. */
  dora(
    options: Parameters<DeliveryEvents['dora']>[0],
    access: Access = ALL,
  ): Promise<DoraTrend & { entityRefs: string[] }> {
    return this.delivery.dora(options, access);
  }

  /** Stores delivery events of entities the reporter may act for. */
  recordDeliveryEvents(
    events: DeliveryEvent[],
    reporter: { caller: Caller; credentials: BackstageCredentials },
  ): Promise<{ stored: number; duplicates: number }> {
    return this.delivery.record(events, reporter);
  }

  /** Re-evaluates up to `batch` releases scored with an older policy; returns how many. */
  reevaluateStale(batch: number): Promise<number> {
    return this.upkeep.reevaluateStale(batch);
  }

  /** Refreshes the catalog facts of every entity with releases. */
  syncEntities(credentials: BackstageCredentials): Promise<void> {
    return this.upkeep.syncEntities(credentials);
  }

  /** Tells of the overrides and waivers that expire within `withinDays`, once each. */
  remindExpiring(withinDays: number): Promise<number> {
    return this.upkeep.remindExpiring(withinDays);
  }
}
