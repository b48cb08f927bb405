/**
 * Live updates of scorecards through Backstage signals (`@backstage/plugin-signals`): the
 * backend publishes on an entity's channel whenever one of its releases is scored again (an
 * upload) or its waivers or overrides change, and the entity's scorecards tab refetches. A
 * message names the release, nothing more: what a reader sees still comes from the
 * permission-checked API.
 */

/** The channel of one entity's scorecards. */
export function entityScorecardsChannel(entityRef: string): string {
  return `scorecards:entity:${entityRef}`;
}

/** Why an entity's scorecards changed. */
export type ScorecardChangeCause = 'evidence' | 'waiver' | 'override';

/** A message on an entity's scorecards channel (a type: signals carry JSON objects). */
export type ScorecardSignal = {
  entityRef: string;
  /** The release, when one release changed (not for a waiver over a version range). */
  version: string | null;
  cause: ScorecardChangeCause;
};
