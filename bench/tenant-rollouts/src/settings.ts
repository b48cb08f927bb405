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

/**
 * The sizes measured, in tenants, ascending: `WAYBILL_BENCH_SIZES`, else `WAYBILL_BENCH_TENANTS`
 * (one size or a comma-separated list), else 5,000, 10,000 and 20,000.
 */
export const SIZES = parseSizes(
  env.WAYBILL_BENCH_SIZES ?? env.WAYBILL_BENCH_TENANTS ?? '5000,10000,20000',
);
/** The largest size: the tenants in the catalog, and the Chromium phase's. */
export const TENANTS = SIZES[SIZES.length - 1];
export const SEED = Number(env.WAYBILL_BENCH_SEED ?? 20261125);
export const ENGINES = (env.WAYBILL_BENCH_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map(e => e.trim())
  .filter(Boolean) as EngineName[];
/** By default 240 s per 5,000 tenants of the largest size (at least 240 s). */
export const INGEST_TIMEOUT_MS =
  Number(
    env.WAYBILL_BENCH_INGEST_TIMEOUT_S ??
      240 * Math.max(1, Math.ceil(TENANTS / 5000)),
  ) * 1000;
/** `off` leaves out the freeze window that names tenants (see README.md). */
export const NAMED_TENANTS_WINDOW =
  (env.WAYBILL_BENCH_NAMED_TENANTS_WINDOW ?? 'on') !== 'off';
/**
 * `off` (or `skip`, the default: the run stays under 15 minutes): without the Chromium phase;
 * `on`: it after the others; `only`: it alone.
 */
export const BROWSER = (env.WAYBILL_BENCH_BROWSER ?? 'off').toLowerCase();
export const BROWSER_RUNS = Number(env.WAYBILL_BENCH_BROWSER_RUNS ?? 10);
export const CHROMIUM = env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium';
/** `on`: CPU profiles of the board page to results/profiles (see README.md). */
export const BROWSER_PROFILE =
  (env.WAYBILL_BENCH_BROWSER_PROFILE ?? 'off') === 'on';
export const PLAN_RUNS = 30;
/** Reports of every tenant timed per size and engine (the slowest is held to the target). */
export const WHOLE_INGEST_RUNS = 3;
export const BOARD: BoardSampling & { afterChangeSamples: number } = {
  warmup: 3,
  minSamples: Number(env.WAYBILL_BENCH_BOARD_SAMPLES ?? 20),
  maxSamples: 100,
  budgetMs: 4_000,
  /**
   * Board reads each after a status change (failure analysis not cached); enough that the p95
   * is not just the slowest read.
   */
  afterChangeSamples: 40,
};

/** The live-board figures: the idle window on signals (a real minute) and the reports timed. */
export const LIVE: LiveSettings = {
  idleSeconds: Number(env.WAYBILL_BENCH_LIVE_IDLE_S ?? 30),
  latencySamples: Number(env.WAYBILL_BENCH_LIVE_SAMPLES ?? 20),
  timeoutMs: 10_000,
};

/** `1000,5000` → [1000, 5000]: positive integers, ascending, each once. */
export function parseSizes(text: string): number[] {
  const sizes = text
    .split(',')
    .map(s => s.trim().replace(/_/g, ''))
    .filter(Boolean)
    .map(Number);
  if (sizes.length === 0 || sizes.some(s => !Number.isInteger(s) || s < 1)) {
    throw new Error(
      `WAYBILL_BENCH_SIZES / WAYBILL_BENCH_TENANTS=${text}: expected tenant counts, e.g. 5000,10000,20000`,
    );
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

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
