import {
  DeliveryEvent,
  EvidenceFacts,
  EvidenceFormat,
  EvidenceKind,
  ReleaseEvidence,
  ScorecardEvaluation,
  Tier,
} from '@waybill/plugin-scorecards-common';

/** Identifies a release: one version of one catalog entity. */
export interface ReleaseKey {
  /** Full, lower-case entity ref, e.g. `component:default/inventory`. */
  entityRef: string;
  version: string;
}

/** What the portfolio filters on, copied from the entity's catalog record. */
export interface EntitySnapshot {
  /** Full, lower-case entity ref. */
  entityRef: string;
  title: string;
  owner: string | null;
  system: string | null;
  tier: Tier;
  businessProcesses: string[];
}

/** One parsed upload, ready to store. */
export interface NewEvidence extends ReleaseKey {
  /** The entity as the catalog describes it now. */
  entity: EntitySnapshot;
  commit?: string;
  pipelineUrl?: string;
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

/** A stored piece of evidence, as listed on a release. */
export interface StoredEvidence {
  id: number;
  kind: EvidenceKind;
  format: EvidenceFormat;
  digest: string;
  sizeBytes: number;
  environment: string | null;
  uploadedBy: string;
  uploadedAt: string;
  facts: EvidenceFacts;
}

/** A gate override that is or was in force. */
export interface GateOverride {
  id: number;
  environment: string;
  reason: string;
  actor: string;
  createdAt: string;
  expiresAt: string;
}

/** A release with its current evidence, stored evaluation and overrides. */
export interface ReleaseRecord extends ReleaseKey {
  id: number;
  commit: string | null;
  pipelineUrl: string | null;
  createdAt: string;
  /** The current piece of each kind of evidence (the latest upload of that kind). */
  evidence: StoredEvidence[];
  evaluation: ScorecardEvaluation | null;
  /** Overrides, newest first, including expired ones (they are part of the record). */
  overrides: GateOverride[];
}

/** One release in an entity's history. */
export interface ReleaseSummary extends ReleaseKey {
  createdAt: string;
  score: number | null;
  grade: string | null;
}

/** What the store hands the evaluator inside the transaction that stores evidence. */
export type EvaluateRelease = (
  evidence: ReleaseEvidence,
) => ScorecardEvaluation;

/** The outcome of storing an upload. */
export interface RecordEvidenceResult {
  releaseId: number;
  evidenceId: number;
  /** True when the same file was already stored for this release; nothing changed. */
  duplicate: boolean;
  evaluation: ScorecardEvaluation;
}

/** Portfolio sort orders: a field, descending when prefixed with `-`. */
export const PORTFOLIO_SORTS = [
  'name',
  '-name',
  'score',
  '-score',
  'updated',
  '-updated',
] as const;

/** A portfolio sort order. */
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** Which entities the portfolio lists, in which order, and from where. */
export interface PortfolioQuery {
  owner?: string;
  system?: string;
  tier?: Tier;
  businessProcess?: string;
  grade?: string;
  /** Only releases whose stored gate decision (before overrides) in `environment` is `decision`. */
  gate?: { environment: string; decision: 'pass' | 'warn' | 'fail' };
  sort: PortfolioSort;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

/** One entity's line in the portfolio: its latest release and how it scored. */
export interface PortfolioItem extends EntitySnapshot {
  version: string;
  releasedAt: string;
  score: number;
  grade: string;
  /** Gate decision per environment, before overrides. */
  gates: Record<string, 'pass' | 'warn' | 'fail'>;
  /** The checks that fail or lack evidence, for a quick read of why. */
  failingChecks: Array<{
    id: string;
    title: string;
    status: 'fail' | 'missing';
  }>;
}

/** A page of the portfolio. */
export interface PortfolioPage {
  items: PortfolioItem[];
  totalCount: number;
  /** Cursor of the next page; absent on the last one. */
  nextCursor?: string;
}

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
  ): Promise<RecordEvidenceResult>;

  /** A release with its evidence, evaluation and overrides, or undefined. */
  getRelease(key: ReleaseKey): Promise<ReleaseRecord | undefined>;

  /** The portfolio: each entity's latest release, filtered, sorted and paged. */
  portfolio(query: PortfolioQuery): Promise<PortfolioPage>;

  /** Refs of every entity that has releases, for refreshing their catalog facts. */
  listEntityRefs(): Promise<string[]>;

  /** Refreshes the catalog facts of entities already known; unknown refs are ignored. */
  updateEntities(snapshots: EntitySnapshot[]): Promise<void>;

  /** Up to `limit` releases evaluated with a policy other than `policyDigest`. */
  listStaleReleases(
    policyDigest: string,
    limit: number,
  ): Promise<StaleRelease[]>;

  /** Re-evaluates one release from its stored evidence, in a transaction like an upload. */
  reevaluate(
    releaseId: number,
    evaluate: EvaluateRelease,
    policyDigest: string,
  ): Promise<ScorecardEvaluation>;

  /** An entity's releases, newest first. */
  listReleases(
    entityRef: string,
    options: { limit: number },
  ): Promise<ReleaseSummary[]>;

  /** Records an override of one environment's gate for a release. */
  addOverride(
    key: ReleaseKey,
    override: Omit<GateOverride, 'id' | 'createdAt'>,
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
