import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { Tier } from '@waybill/plugin-waybill-common';
import type { DoraTrend } from '../dora';
import type {
  DeliveryEvent,
  EvidenceFacts,
  EvidenceFormat,
  EvidenceKind,
} from '../evidence';
import type { EnvironmentGate, ScorecardEvaluation } from '../policy/evaluate';
import type { Grade } from '../policy/grade';
import type { GateDecision } from '../policy/types';

/*
 * What the scorecards API (`/api/scorecards`) answers, as its JSON. These mirror the backend's
 * `src/database/types.ts` and `src/service/ReleaseScorecards.ts` field for field;
 * `src/schema/openapi.yaml` in the backend describes the same shapes on the wire.
 */

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
  /** Business processes as normalized Domain refs, e.g. `domain:default/order-to-cash`. */
  businessProcesses: string[];
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

/** An entity's releases, newest first, as `GET .../releases` answers. */
export interface ReleaseHistory {
  items: ReleaseSummary[];
}

/** The outcome of storing an upload. */
export interface RecordEvidenceResult {
  releaseId: number;
  evidenceId: number;
  /** True when the same file was already stored for this release; nothing changed. */
  duplicate: boolean;
  evaluation: ScorecardEvaluation;
}

/** The answer to "may this release go to this environment?". */
export interface GateAnswer extends ReleaseKey {
  environment: string;
  /** The decision after overrides: an active override turns `fail` or `warn` into `pass`. */
  decision: GateDecision;
  /** The decision of the policy alone. */
  policyDecision: GateDecision;
  reasons: EnvironmentGate['reasons'];
  override: GateOverride | null;
  score: number | null;
  grade: string | null;
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
  /**
   * A business process: a Domain name (`order-to-cash`, read as `domain:default/order-to-cash`),
   * `namespace/name` or a full ref. The backend compares normalized Domain refs.
   */
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

/** The portfolio filters, which `/portfolio`, `/portfolio/summary`, `/portfolio.csv` and `/dora` share. */
export type PortfolioFilter = Omit<PortfolioQuery, 'sort' | 'limit' | 'cursor'>;

/** How the entities matching a portfolio filter are spread over grades and gate decisions. */
export interface PortfolioSummary {
  totalCount: number;
  /** Entities per grade of their latest release; every grade is present. */
  grades: Record<Grade, number>;
  /** Per gated environment, entities per gate decision (before overrides); every decision is present. */
  gates: Record<string, Record<GateDecision, number>>;
}

/** What `POST /events` stored. */
export interface DeliveryEventsResult {
  stored: number;
  /** Events already stored (same source and id), skipped. */
  duplicates: number;
}

/** DORA figures and the entities they count. */
export type DoraResponse = DoraTrend & { entityRefs: string[] };

/** What `POST /policy/reevaluate` answers: the task it started. */
export interface PolicyReevaluationResult {
  triggered: string;
}

/* ------------------------------------------------------------------------------------------- */
/* Requests                                                                                    */
/* ------------------------------------------------------------------------------------------- */

/** A catalog entity, as a ref string (`component:default/inventory`) or its parts. */
export type EntityRefInput = string | CompoundEntityRef;

/** Where and how an evidence file is uploaded. */
export interface UploadEvidenceOptions {
  /**
   * The Content-Type to send. The server tells the format from the body; by default a Blob's
   * own type, else `application/xml`, `application/json` or `text/plain` from the start of a
   * string body, else `application/octet-stream`.
   */
  contentType?: string;
  /** The commit the release was built from. */
  commit?: string;
  /** A link to the pipeline run. */
  pipelineUrl?: string;
  /** The environment the evidence was gathered in. */
  environment?: string;
}

/** A delivery event in Waybill's JSON; without an `id`, the server derives one from the content. */
export type DeliveryEventInput = Omit<DeliveryEvent, 'id'> & { id?: string };

/** A CDEvent (v0.4); Waybill reads these fields and ignores the rest. */
export interface CdEventInput {
  context: { id: string; source: string; type: string; timestamp: string };
  subject: {
    id: string;
    source?: string;
    content?: {
      artifactId?: string;
      environment?: { id: string };
      [key: string]: unknown;
    };
    [key: string]: unknown;
  };
  /** Names the Backstage entity in `entityRef` (or use a `subject.source` of `backstage:<ref>`). */
  customData?: { entityRef?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** The body of `POST /events`: one event, an array of events, or `{ events }`. */
export type DeliveryEventsRequest =
  | { events: Array<DeliveryEventInput | CdEventInput> }
  | Array<DeliveryEventInput | CdEventInput>
  | DeliveryEventInput
  | CdEventInput;

/** A gate override to record. */
export interface GateOverrideRequest {
  /** Why, in at least 10 characters. */
  reason: string;
  /** When the override ends; must be in the future. */
  expiresAt: string | Date;
}

/** What `/dora` counts: one entity, or every entity matching the portfolio filters. */
export interface DoraQuery extends PortfolioFilter {
  /** One entity; the portfolio filters are ignored when it is given. */
  entityRef?: EntityRefInput;
  /** Start of the window, inclusive. */
  from: string | Date;
  /** End of the window, exclusive. */
  to: string | Date;
}
