/**
 * Live updates of rollouts through Backstage signals (`@backstage/plugin-signals`): the backend
 * publishes on these channels whenever a board or the rollouts list would show something new,
 * and the pages subscribed to them refetch. A message names the rollout and why, nothing more:
 * what a reader sees still comes from the permission-checked API.
 */

/** The channel of one rollout's board. */
export function rolloutChannel(rolloutId: number): string {
  return `tenant-rollouts:rollout:${rolloutId}`;
}

/** The channel of the rollouts list (a rollout created, or any rollout's state changed). */
export const ROLLOUTS_CHANNEL = 'tenant-rollouts:rollouts';

/** Why a rollout changed: planned, an action applied (by a person, a tool or the scheduler), or tenant statuses reported. */
export type RolloutChangeCause = 'created' | 'action' | 'status';

/** A message on a rollout channel (a type, not an interface: signals carry JSON objects). */
export type RolloutSignal = {
  rolloutId: number;
  cause: RolloutChangeCause;
};

/** The portal path of a rollout's board under the plugin's default mount point. */
export function rolloutBoardPath(rolloutId: number): string {
  return `/tenant-rollouts/rollouts/${rolloutId}`;
}
