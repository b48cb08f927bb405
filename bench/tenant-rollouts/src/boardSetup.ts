import { LatencySummary, summarize } from '@waybill/bench-utils';
import { PlannedWave } from '@waybill/plugin-tenant-rollouts-common';
import { RolloutsApi, overrideBakeTime } from './rolloutsApi';
import { CURRENT_WAVE, TenantAxes, mixedStatuses } from './tenants';

/*
 * The board rollout: driven through the real API to a mixed state (create, start, statuses,
 * advances with an override past the bake time), the state the board query is timed on.
 */

/** The board rollout in its mixed state, and what it took to get there. */
export interface BoardSetup {
  id: number;
  waves: PlannedWave[];
  /** POST /rollouts: the catalog's tenants read page by page, the plan, a row per tenant written. */
  createMs: number;
  /** start + advances, each answering with the whole board (override past bake and freeze). */
  actionMs: LatencySummary;
  /** Status reports made to reach the state, and their requests. */
  reported: number;
  reportRequests: number;
  /** A healthy tenant of the current wave, whose status the cache-miss samples flip. */
  flipTenant: string;
}

/** A wave as the API answers it, in the planner's terms. */
const plannedWave = (w: any): PlannedWave => ({
  name: w.name,
  bakeMinutes: w.bakeMinutes,
  healthThreshold: w.healthThreshold,
  tenants: w.tenants.map((t: any) => ({
    ref: t.ref,
    reason: t.placement ?? t.reason,
  })),
});

/**
 * The waves of a rollout with their tenants, in the planner's terms: from its answer when that
 * lists them (the unpaged board), else wave by wave with `GET /rollouts/:id/waves/:index`, as a
 * pipeline's wave job reads them (a paged board's waves are summaries).
 */
export async function rolloutWaves(
  api: RolloutsApi,
  answer: any,
): Promise<PlannedWave[]> {
  if (answer.waves.every((w: any) => Array.isArray(w.tenants))) {
    return answer.waves.map(plannedWave);
  }
  const waves: PlannedWave[] = [];
  for (const [index] of answer.waves.entries()) {
    const read = await api.ok('GET', `/rollouts/${answer.id}/waves/${index}`);
    waves.push(plannedWave(read.json.wave));
  }
  return waves;
}

/**
 * Drives a rollout of `entityRef` (a released service) through the API to the mixed state: created with the
 * `bench` strategy, started, waves 0..{@link CURRENT_WAVE}-1 reported and advanced past, the
 * current wave reported with its failures.
 */
export async function setupBoardRollout(
  api: RolloutsApi,
  axes: TenantAxes,
  seed: number,
  entityRef: string,
): Promise<BoardSetup> {
  const created = await api.ok('POST', '/rollouts', {
    entityRef,
    version: '7.4.0',
    environment: 'production',
    strategy: 'bench',
  });
  const id = created.json.id as number;
  const waves = await rolloutWaves(api, created.json);
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
