import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { describeTree } from '@waybill/bench-utils';
import { EngineName } from './backend';
import { BoardSampling } from './boardQuery';
import { LiveSettings } from './liveBoard';

/*
 * The run's settings, from the environment (README.md has the table), and the tree it measured.
 */

export const PACKAGE_DIR = resolvePackagePath('@waybill/bench-tenant-rollouts');

const env = process.env;

export const TENANTS = Number(env.WAYBILL_BENCH_TENANTS ?? 5000);
export const SEED = Number(env.WAYBILL_BENCH_SEED ?? 20261125);
export const ENGINES = (env.WAYBILL_BENCH_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map(e => e.trim())
  .filter(Boolean) as EngineName[];
export const INGEST_TIMEOUT_MS =
  Number(env.WAYBILL_BENCH_INGEST_TIMEOUT_S ?? 240) * 1000;
/** `off` leaves out the freeze window that names tenants (see README.md). */
export const NAMED_TENANTS_WINDOW =
  (env.WAYBILL_BENCH_NAMED_TENANTS_WINDOW ?? 'on') !== 'off';
/** `on`: the Chromium phase after the others; `off` (or `skip`): without it; `only`: it alone. */
export const BROWSER = (env.WAYBILL_BENCH_BROWSER ?? 'on').toLowerCase();
export const BROWSER_RUNS = Number(env.WAYBILL_BENCH_BROWSER_RUNS ?? 10);
export const CHROMIUM = env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium';
/** `on`: CPU profiles of the board page to results/profiles (see README.md). */
export const BROWSER_PROFILE =
  (env.WAYBILL_BENCH_BROWSER_PROFILE ?? 'off') === 'on';
export const PLAN_RUNS = 30;
export const BOARD: BoardSampling & { afterChangeSamples: number } = {
  warmup: 3,
  minSamples: Number(env.WAYBILL_BENCH_BOARD_SAMPLES ?? 20),
  maxSamples: 100,
  budgetMs: 10_000,
  /**
   * Board reads each after a status change (failure analysis not cached); enough that the p95
   * is not just the slowest read.
   */
  afterChangeSamples: 40,
};

/** The live-board figures: the idle window on signals (a real minute) and the reports timed. */
export const LIVE: LiveSettings = {
  idleSeconds: Number(env.WAYBILL_BENCH_LIVE_IDLE_S ?? 60),
  latencySamples: Number(env.WAYBILL_BENCH_LIVE_SAMPLES ?? 20),
  timeoutMs: 10_000,
};

/** Fails on a `WAYBILL_BENCH_BROWSER` that is none of on, off, skip and only. */
export function checkSettings(): void {
  if (!['on', 'off', 'skip', 'only'].includes(BROWSER)) {
    throw new Error(
      `WAYBILL_BENCH_BROWSER=${BROWSER}: expected on, off (or skip) or only`,
    );
  }
  if (!(LIVE.idleSeconds > 0) || !(LIVE.latencySamples >= 1)) {
    throw new Error(
      'WAYBILL_BENCH_LIVE_IDLE_S must be a positive number of seconds and WAYBILL_BENCH_LIVE_SAMPLES at least 1',
    );
  }
}

/** The commit, and which of the measured paths have uncommitted changes. */
export const tree = () =>
  // Relative to this package: the plugins measured (the frontend for the Chromium phase), the
  // benchmark and its shared helpers.
  describeTree(PACKAGE_DIR, {
    '../../plugins/tenant-rollouts-backend': 'plugins/tenant-rollouts-backend',
    '../../plugins/tenant-rollouts-common': 'plugins/tenant-rollouts-common',
    '../../plugins/tenant-rollouts': 'plugins/tenant-rollouts',
    '.': 'bench/tenant-rollouts',
    '../utils': 'bench/utils',
  });
