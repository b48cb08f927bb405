import { LatencySummary, summarize } from '@waybill/bench-utils';
import { PlannedWave } from '@waybill/plugin-tenant-rollouts-common';
import { RolloutsApi, overrideBakeTime } from './rolloutsApi';
import {
  CURRENT_WAVE,
  RELEASED_SERVICE,
  TenantAxes,
  mixedStatuses,
} from './tenants';

/*
 * The board rollout: driven through the real API to a mixed state (create, start, statuses,
 * advances with an override past the bake time), the state the board query is timed on.
 */

/** The board rollout in its mixed state, and what it took to get there. */
export interface BoardSetup {
  id: number;
  waves: PlannedWave[];
  /** POST /rollouts: the catalog's tenants read page by page, the plan, 5,000 rows written. */
  createMs: number;
  /** start + advances, each answering with the whole board (override past bake and freeze). */
  actionMs: LatencySummary;
  /** Status reports made to reach the state, and their requests. */
  reported: number;
  reportRequests: number;
  /** A healthy tenant of the current wave, whose status the cache-miss samples flip. */
  flipTenant: string;
}

/** The waves of a rollout as the API answers them, in the planner's terms. */
function plannedWaves(answer: any): PlannedWave[] {
  return answer.waves.map((w: any) => ({
    name: w.name,
    bakeMinutes: w.bakeMinutes,
    healthThreshold: w.healthThreshold,
    tenants: w.tenants.map((t: any) => ({
      ref: t.ref,
      reason: t.placement ?? t.reason,
    })),
  }));
}

/**
 * Drives a rollout of the released service through the API to the mixed state: created with the
 * `bench` strategy, started, waves 0..{@link CURRENT_WAVE}-1 reported and advanced past, the
 * current wave reported with its failures.
 */
export async function setupBoardRollout(
  api: RolloutsApi,
  axes: TenantAxes,
  seed: number,
): Promise<BoardSetup> {
  const created = await api.ok('POST', '/rollouts', {
    entityRef: RELEASED_SERVICE,
    version: '7.4.0',
    environment: 'production',
    strategy: 'bench',
  });
  const id = created.json.id as number;
  const waves = plannedWaves(created.json);
  const statuses = mixedStatuses(waves, axes, seed);
  const act = async (action: string, what: string) =>
    (
      await api.ok(
        'POST',
        `/rollouts/${id}/actions/${action}`,
        overrideBakeTime(what),
      )
    ).ms;
  const before = api.requests;
  const actionMs = [await act('start', 'start')];
  let reported = 0;
  for (let wave = 0; wave <= CURRENT_WAVE; wave++) {
    await api.report(id, statuses[wave]);
    reported += statuses[wave].length;
    if (wave < CURRENT_WAVE) {
      actionMs.push(await act('advance', `advance past wave ${wave}`));
    }
  }
  return {
    id,
    waves,
    createMs: created.ms,
    actionMs: summarize(actionMs),
    reported,
    reportRequests: api.requests - before - actionMs.length,
    flipTenant: statuses[CURRENT_WAVE].find(s => s.status === 'healthy')!
      .tenant,
  };
}
