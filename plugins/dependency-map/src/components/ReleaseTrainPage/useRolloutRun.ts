import { useApiHolder, useRouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { PlannedChange } from '@waybill/plugin-dependency-map-common';
import { entityTabLink } from '@waybill/plugin-waybill-common';
import { useCallback, useState } from 'react';
import { useEntityPath } from '../shared/entityLinks';
import { rolloutRouteRef, tenantRolloutsApiRef } from './pluginApis';

/** What became of one change's rollout. */
export type RolloutOutcome =
  | { change: PlannedChange; status: 'created'; id: number }
  | { change: PlannedChange; status: 'failed'; message: string };

/** Why a request failed, without the status line: the backend's message names the problem. */
function reasonOf(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates the train's rollouts one after the other, in the order given (the plan's safe order),
 * through the tenant-rollouts plugin; the first failure stops it, so what was created is exactly
 * the outcomes marked `created`. Starting again goes on from the change that failed, without
 * creating the others again. `available` is false in an app without the tenant-rollouts plugin.
 */
export function useRolloutRun(environment: string) {
  const rollouts = useApiHolder().get(tenantRolloutsApiRef);
  const [outcomes, setOutcomes] = useState<RolloutOutcome[]>([]);
  const [running, setRunning] = useState(false);

  const start = useCallback(
    async (targets: readonly PlannedChange[]) => {
      if (!rollouts) return;
      setRunning(true);
      // Keep what was created; go on from the first change without a rollout.
      const done = outcomes.filter(o => o.status === 'created');
      const created = new Set(done.map(o => o.change.entityRef));
      let results: RolloutOutcome[] = done;
      setOutcomes(results);
      for (const change of targets) {
        if (created.has(change.entityRef)) continue;
        try {
          // One after the other, on purpose: each rollout follows those of earlier stages.
          const view = await rollouts.createRollout({
            entityRef: change.entityRef,
            version: change.version,
            environment,
          });
          results = [...results, { change, status: 'created', id: view.id }];
          setOutcomes(results);
        } catch (e) {
          results = [
            ...results,
            { change, status: 'failed', message: reasonOf(e) },
          ];
          setOutcomes(results);
          break;
        }
      }
      setRunning(false);
    },
    [rollouts, outcomes, environment],
  );

  return { available: Boolean(rollouts), outcomes, running, start };
}

/**
 * Links to a rollout's board (the tenant-rollouts plugin's `rolloutRouteRef`); where the app does
 * not mount that plugin's page, to the release's rollouts tab below its entity page instead.
 */
export function useRolloutLink(): (
  id: number,
  change: PlannedChange,
) => string {
  const entityPath = useEntityPath();
  let board: ((params: { id: string }) => string) | undefined;
  try {
    // useRouteRef calls all its hooks before it throws for a route the app does not mount, so
    // they run in the same order on every render either way.
    // eslint-disable-next-line react-hooks/rules-of-hooks -- see above
    board = useRouteRef(rolloutRouteRef);
  } catch {
    board = undefined;
  }
  return useCallback(
    (id, change) =>
      board
        ? board({ id: String(id) })
        : entityTabLink(
            entityPath(change.entityRef),
            'rollouts',
            change.version,
          ),
    [board, entityPath],
  );
}
