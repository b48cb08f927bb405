import { ConfigReader } from '@backstage/config';
import { DEFAULT_POLICY } from '@waybill/plugin-scorecards-common';
// Imported by path, as in ./waybill.
/* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { ReleaseScorecards } from '@waybill/plugin-scorecards-backend/src/service/ReleaseScorecards';
import {
  readScorecardsConfig,
  ScorecardsConfig,
} from '@waybill/plugin-scorecards-backend/src/service/ScorecardsConfig';
/* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { BENCH_NOW } from './dataset';
import { timed } from '@waybill/bench-utils';
import { quietEvents, WaybillContext } from './waybill';

/** The default policy with one rule tightened: a release without a kill switch now fails its gates. */
export function tightenedPolicyConfig(): ScorecardsConfig {
  const policy = {
    checks: DEFAULT_POLICY.checks.map(check =>
      check.id === 'kill-switch' ? { ...check, enforcement: 'fail' } : check,
    ),
  };
  // Through JSON, as config files reach the plugin.
  return readScorecardsConfig(
    new ConfigReader(JSON.parse(JSON.stringify({ scorecards: { policy } }))),
  );
}

/** What a full re-evaluation did and how long it took. */
export interface Reevaluation {
  ms: number;
  releases: number;
  batches: number;
}

/**
 * Times the re-evaluation of stored releases after a policy change, as the plugin's scheduled
 * task does it: `reevaluateStale(500)` until it returns 0, or `maxBatches` batches (at 50,000
 * entities re-scoring all 250,000 releases would take minutes of the run for a per-release rate).
 */
export async function measureReevaluation(
  context: WaybillContext,
  maxBatches: number = Number.POSITIVE_INFINITY,
): Promise<Reevaluation> {
  const config = tightenedPolicyConfig();
  if (config.policyDigest === context.config.policyDigest) {
    throw new Error('The tightened policy has the same digest as the default');
  }
  const scorecards = new ReleaseScorecards({
    store: context.store,
    catalog: context.catalog,
    config,
    events: quietEvents(),
    now: () => BENCH_NOW,
  });
  let releases = 0;
  let batches = 0;
  const { ms } = await timed(async () => {
    while (batches < maxBatches) {
      const n = await scorecards.reevaluateStale(500);
      if (n === 0) break;
      releases += n;
      batches++;
    }
  });
  return { ms, releases, batches };
}
