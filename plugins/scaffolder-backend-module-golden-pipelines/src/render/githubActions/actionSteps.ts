import { PinnedActionKey, pinnedUses } from '../pinnedActions';

/** A step of a GitHub Actions job, as written to the workflow. */
export type Step = Record<string, unknown>;

/** A step using one of the pinned actions, `uses:` first. */
export function uses(key: PinnedActionKey, rest: Step = {}): Step {
  return { uses: pinnedUses(key), ...rest };
}
