import {
  ROLLOUT_STATES,
  type RolloutState,
} from '@waybill/plugin-tenant-rollouts-common';

export { ROLLOUT_SEARCH_TYPE } from '@waybill/plugin-tenant-rollouts-common';

/**
 * What a rollout's search document says of it, read defensively (a search engine hands back
 * whatever was indexed): its state and the environment it delivers to.
 */
export function readRolloutResult(document: object): {
  status?: RolloutState;
  environment?: string;
} {
  const { status, environment } = document as {
    status?: unknown;
    environment?: unknown;
  };
  return {
    status: (ROLLOUT_STATES as readonly unknown[]).includes(status)
      ? (status as RolloutState)
      : undefined,
    environment:
      typeof environment === 'string' && environment !== ''
        ? environment
        : undefined,
  };
}
