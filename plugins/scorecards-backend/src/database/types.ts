import {
  DeliveryEvent,
  EntitySnapshot,
  EvidenceFacts,
  EvidenceFormat,
  EvidenceKind,
  GateDecision,
  GateOverride,
  Grade,
  PortfolioFilter,
  PortfolioPage,
  PortfolioQuery,
  RecordEvidenceResult,
  ReleaseDependencies,
  ReleaseEvidence,
  ReleaseKey,
  ReleaseRecord,
  ReleaseSummary,
  ScorecardEvaluation,
  Waiver,
  WaiverStatus,
} from '@waybill/plugin-scorecards-common';
import type { Tier } from '@waybill/plugin-waybill-common';
import type { DueReminder } from './expiryReminders';

export type { DueReminder } from './expiryReminders';

// The records the store returns are the API's types, shared with the client in -common.

/** An upload's outcome, and the release's evaluation before it (none for a new release). */
export interface RecordedEvidence extends RecordEvidenceResult {
  previousEvaluation?: ScorecardEvaluation;
}

export type {
  EntitySnapshot,
  GateOverride,
  PortfolioFilter,
  PortfolioItem,
  PortfolioPage,
  PortfolioQuery,
  PortfolioSummary,
  RecordEvidenceResult,
  ReleaseDependencies,
  ReleaseKey,
  ReleaseRecord,
  ReleaseSummary,
  StoredEvidence,
  Waiver,
  WaiverStatus,
} from '@waybill/plugin-scorecards-common';

/** One parsed upload, ready to store. */
export interface NewEvidence extends ReleaseKey {
  /** The entity as the catalog describes it now. */
  entity: EntitySnapshot;
  commit?: string;
  pipelineUrl?: string;
  /** `sha256:<hex>` of the artifact the release ships. */
  artifactDigest?: string;
  environment?: string;
  kind: EvidenceKind;
  format: EvidenceFormat;
  /** SHA-256 of the uploaded bytes, hex; the same file twice is one piece of evidence. */
  digest: string;
  sizeBytes: number;
  facts: EvidenceFacts;
  /** User entity ref or service subject of the uploader. */
  uploadedBy: string;
}

/** What the store hands the evaluator inside the transaction that stores evidence. */
export type EvaluateRelease = (
  evidence: ReleaseEvidence,
) => ScorecardEvaluation;

/** What the store counts for a portfolio summary; grades and decisions with no entity are absent. */
export interface StoredPortfolioSummary {
  grades: Array<{ grade: Grade; count: number }>;
  gates: Array<{ environment: string; decision: GateDecision; count: number }>;
}

/** The entity refs a read is limited to: of the entities with releases, those its caller may read. */
export type EntityScope = readonly string[];

/**
 * A release as stored: its record without what the configuration and the waivers add
 * (`maxOverrideDays`, `waivers`, `maxWaiverDays`).
 */
export type StoredRelease = Omit<
  ReleaseRecord,
  'maxOverrideDays' | 'waivers' | 'maxWaiverDays'
>;

/** A waiver to record: what it accepts, why, until when, and who asks. */
export interface NewWaiver {
  entityRef: string;
  versionRange: string;
  environment: string;
  checkId: string;
  /** One finding the check counts, accepted alone; undefined for the whole check. */
  finding?: string;
  /** The only tenant segment whose deliveries it applies to; undefined for every delivery. */
  tenantSegment?: string;
  reason: string;
  expiresAt: string;
  requestedBy: string;
}

/** Which waivers to list. */
export interface WaiverQuery {
  /** Only these entities' waivers; every entity's when undefined. */
  entityRefs?: EntityScope;
  status?: WaiverStatus;
  /** Only active waivers expiring within this many days, soonest first. */
  expiringWithinDays?: number;
  limit: number;
}

/** An override to record: who lets which gate through, why and until when. */
export type NewGateOverride = Pick<
  GateOverride,
  'environment' | 'reason' | 'actor' | 'expiresAt'
>;

/** What revoking an override records. */
export interface OverrideRevocation {
  environment: string;
  overrideId: number;
  actor: string;
  reason: string;
  /** When it is revoked; an override that expired by then is not revoked. */
  at: Date;
}

/** What a gate is answered from: a release's stored evaluation and its overrides. */
export interface GateState {
  evaluation: ScorecardEvaluation | null;
  overrides: GateOverride[];
}

/** What the store hands the evaluator for each release it re-evaluates from stored evidence. */
export type ReevaluateRelease = (
  release: StaleRelease,
  evidence: ReleaseEvidence,
) => ScorecardEvaluation;

/** A release whose stored evaluation was made with another policy. */
export interface StaleRelease {
  releaseId: number;
  entityRef: string;
  tier: Tier;
}

/** Persistence of releases, evidence, evaluations, overrides and delivery events. */
export interface ScorecardStore {
  /**
   * Stores an upload and the release's new evaluation in one transaction: either both are
   * written or neither is. Concurrent uploads to one release are serialized, so every
   * evaluation sees all evidence stored before it.
   */
  recordEvidence(
    evidence: NewEvidence,
    evaluate: EvaluateRelease,
    policyDigest: string,
  ): Promise<RecordedEvidence>;

  /** A release with its evidence, evaluation and overrides, or undefined. */
  getRelease(key: ReleaseKey): Promise<StoredRelease | undefined>;

  /**
   * The current dependency facts of the release before `key`'s, with its version: of the
   * entity's releases created before it (all of them when it is not stored yet), the most
   * recently created with dependency evidence; undefined when none has any.
   */
  findPreviousDependencies(
    key: ReleaseKey,
  ): Promise<ReleaseDependencies | undefined>;

  /** The newest release of an entity built from a commit (its uploads' `commit`), or undefined. */
  findReleaseByCommit(
    entityRef: string,
    commit: string,
  ): Promise<ReleaseKey | undefined>;

  /** Records a waiver, pending approval. */
  addWaiver(waiver: NewWaiver, now: Date): Promise<Waiver>;

  /** One waiver with its status at `now`; 404 when there is none. */
  getWaiver(id: number, now: Date): Promise<Waiver>;

  /** Waivers with their status at `now`, newest first (or soonest to expire). */
  listWaivers(query: WaiverQuery, now: Date): Promise<Waiver[]>;

  /**
   * Approves a pending waiver (409 otherwise) after `check` accepts it, holding its row; of two
   * concurrent changes one wins.
   */
  approveWaiver(
    id: number,
    approval: { actor: string; at: Date },
    check: (current: Waiver) => void,
  ): Promise<Waiver>;

  /** Revokes a pending or active waiver (409 otherwise) after `check` accepts it. */
  revokeWaiver(
    id: number,
    revocation: { actor: string; reason: string; at: Date },
    check: (current: Waiver) => void,
  ): Promise<Waiver>;

  /** Whether a GitHub webhook delivery has been answered already. */
  isDeliveryHandled(deliveryId: string): Promise<boolean>;

  /** Records a GitHub webhook delivery as answered (a second record of one id fails). */
  markDeliveryHandled(deliveryId: string, at: Date): Promise<void>;

  /** A release's evaluation and overrides (not its evidence), or undefined. */
  getGateState(key: ReleaseKey): Promise<GateState | undefined>;

  /** The refs of every matching entity with releases (of the scope, if given), in ref order. */
  portfolioRefs(
    filter: PortfolioFilter,
    scope?: EntityScope,
  ): Promise<string[]>;

  /**
   * The portfolio: each entity's latest release (of the scope, if given), filtered, sorted, paged,
   * with its gates as the policy decided them and after the overrides active at `now`.
   */
  portfolio(
    query: PortfolioQuery,
    options: { now: Date; scope?: EntityScope },
  ): Promise<PortfolioPage>;

  /**
   * A page of the portfolio as {@link ScorecardStore.portfolio} gives it, without counting every
   * match: for readers that page through the whole portfolio (exports), where a count per page
   * would read every match again on every page.
   */
  portfolioItems(
    query: PortfolioQuery,
    options: { now: Date; scope?: EntityScope },
  ): Promise<Omit<PortfolioPage, 'totalCount'>>;

  /** Counts of the matching entities (of the scope, if given) by grade and gate decision (no zeros). */
  portfolioSummary(
    filter: PortfolioFilter,
    scope?: EntityScope,
  ): Promise<StoredPortfolioSummary>;

  /** Refs of every entity that has releases, for refreshing their catalog facts. */
  listEntityRefs(): Promise<string[]>;

  /**
   * Overrides and approved waivers in force at `now` that expire before `until` and whose
   * expiry was not notified yet, soonest first (at most `limit` of each kind).
   */
  dueExpiryReminders(
    now: Date,
    until: Date,
    limit: number,
  ): Promise<DueReminder[]>;

  /** Marks an expiry notified; true for exactly one caller, who then sends it. */
  markExpiryNotified(
    reminder: Pick<DueReminder, 'kind' | 'id'>,
    at: Date,
  ): Promise<boolean>;

  /** Refreshes the catalog facts of entities already known; unknown refs are ignored. */
  updateEntities(snapshots: EntitySnapshot[]): Promise<void>;

  /** Up to `limit` releases evaluated with a policy other than `policyDigest`. */
  listStaleReleases(
    policyDigest: string,
    limit: number,
  ): Promise<StaleRelease[]>;

  /**
   * Re-evaluates releases from their stored evidence, all in one transaction that holds their
   * rows as an upload does; returns how many it re-evaluated (releases deleted since are skipped).
   */
  reevaluate(
    releases: StaleRelease[],
    evaluate: ReevaluateRelease,
    policyDigest: string,
  ): Promise<number>;

  /**
   * An entity's releases, newest first, each with its gates after the waivers (of those given)
   * and overrides active at `now`.
   */
  listReleases(
    entityRef: string,
    options: { limit: number; now: Date; waivers?: Waiver[] },
  ): Promise<ReleaseSummary[]>;

  /** Records an override of one environment's gate for a release. */
  addOverride(
    key: ReleaseKey,
    override: NewGateOverride,
  ): Promise<GateOverride>;

  /**
   * Ends an active override now, keeping it on record; 404 for an override that is not one of
   * the release's in that environment, 409 for one already revoked or expired.
   */
  revokeOverride(
    key: ReleaseKey,
    revocation: OverrideRevocation,
  ): Promise<GateOverride>;

  /** Stores delivery events, ignoring ones already stored (same source and id). */
  recordDeliveryEvents(
    events: DeliveryEvent[],
  ): Promise<{ stored: number; duplicates: number }>;

  /** Delivery events of the given entities in `[from, to)`, oldest first. */
  listDeliveryEvents(options: {
    entityRefs: string[];
    from: Date;
    to: Date;
  }): Promise<DeliveryEvent[]>;
}
