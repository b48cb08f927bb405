import type { IndexableDocument } from '@backstage/plugin-search-common';
import {
  type GateDecision,
  RELEASE_SEARCH_TYPE,
} from '@waybill/plugin-scorecards-common';
import {
  type RolloutState,
  ROLLOUT_SEARCH_TYPE,
} from '@waybill/plugin-tenant-rollouts-common';

/** The search document type of releases, one per version of a catalog entity. */
export const WAYBILL_RELEASE_DOCUMENT_TYPE = RELEASE_SEARCH_TYPE;

/** The search document type of tenant rollouts, one per rollout. */
export const WAYBILL_ROLLOUT_DOCUMENT_TYPE = ROLLOUT_SEARCH_TYPE;

/**
 * A release in the search index: one version of one catalog entity, its score and its gate per
 * environment, linked to its scorecard. Visible to those who may read the entity
 * (`authorization.resourceRef`).
 */
export interface WaybillReleaseDocument extends IndexableDocument {
  /** `inventory 5.2.0`: the entity's name (with its namespace outside `default`) and the version. */
  title: string;
  /** The entity's title, owner, system, business processes, grade and gate decisions. */
  text: string;
  /** The release's scorecard: `/catalog/:namespace/:kind/:name/scorecards?release=:version`. */
  location: string;
  authorization: { resourceRef: string };
  /** Full, lower-case entity ref, e.g. `component:default/inventory`. */
  entityRef: string;
  version: string;
  /** 0..100; null until the release is evaluated. */
  score: number | null;
  grade: string | null;
  /**
   * The gate in each environment, in promotion order: `decision` after the waivers and overrides
   * active when the index was built, `policyDecision` the policy's alone.
   */
  gates: Array<{
    environment: string;
    decision: GateDecision;
    policyDecision: GateDecision;
  }>;
}

/**
 * A tenant rollout in the search index, linked to its board. Visible to those who may read the
 * released entity (`authorization.resourceRef`).
 */
export interface WaybillRolloutDocument extends IndexableDocument {
  /** `inventory 5.2.0 rollout`. */
  title: string;
  /** The environment, the status, where the waves are and how many tenants it delivers to. */
  text: string;
  /** The rollout's board: `/tenant-rollouts/rollouts/:id`. */
  location: string;
  authorization: { resourceRef: string };
  rolloutId: number;
  /** Full, lower-case entity ref of the released entity. */
  entityRef: string;
  version: string;
  environment: string;
  /** The rollout's state: planned, running, paused, rolled-back or completed. */
  status: RolloutState;
}
