import { join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Entity } from '@backstage/catalog-model';
import {
  currentLoad,
  describeMachine,
  logProgress as progress,
  writeResultJson,
} from '@waybill/bench-utils';
import { BrowserFigures, measureBoardPage } from './browser';
import { renderBrowserOnly } from './renderBrowser';
import { BrowserOnlyResult } from './result';
import {
  BROWSER_PROFILE,
  BROWSER_RUNS,
  CHROMIUM,
  INGEST_TIMEOUT_MS,
  NAMED_TENANTS_WINDOW,
  PACKAGE_DIR,
  SEED,
  SIZES,
  TENANTS,
  tree,
} from './settings';
import {
  STRATEGY,
  freezeWindows,
  generateEntities,
  tenantAxes,
} from './tenants';

/*
 * The Chromium phase with the run's settings (see browser.ts for what it measures), after the
 * others or alone (`WAYBILL_BENCH_BROWSER=only`).
 */

/**
 * The Chromium phase: the same tenants, strategy and freeze windows in a real portal (port 7109),
 * a rollout driven to the same mixed state through its API, and the board page in Chromium.
 */
export async function browserPhase(
  entities: Entity[],
): Promise<BrowserFigures> {
  progress(
    `Chromium phase: ${TENANTS} tenants in a portal on port 7109, ${BROWSER_RUNS} runs of each measure`,
  );
  return measureBoardPage({
    repoRoot: resolvePath(PACKAGE_DIR, '../..'),
    entities,
    axes: tenantAxes(entities),
    seed: SEED,
    tenantRollouts: {
      strategies: { bench: STRATEGY },
      freezeWindows: freezeWindows(new Date(), TENANTS, {
        namedTenantsWindow: NAMED_TENANTS_WINDOW,
      }),
    },
    chromiumPath: CHROMIUM,
    runs: BROWSER_RUNS,
    // The portal's catalog (SQLite files, every installed processor) is slower than the test
    // backend's: 80-90 s for the 5,001 entities on the 2-core machine of README.md.
    ingestTimeoutMs: INGEST_TIMEOUT_MS * 2,
    profileDirectory: BROWSER_PROFILE
      ? join(PACKAGE_DIR, 'results', 'profiles')
      : undefined,
    failureScreenshot: join(PACKAGE_DIR, 'results', 'browser-failure.png'),
    log: progress,
  });
}

/** `WAYBILL_BENCH_BROWSER=only`: the Chromium phase alone, to results/latest-browser.json. */
export async function browserOnly(): Promise<void> {
  const started = performance.now();
  const machine = describeMachine();
  progress(
    `tenant-rollouts benchmark, Chromium phase only; load average ${machine.loadAverage}`,
  );
  const browser = await browserPhase(generateEntities(SIZES, SEED));
  const result: BrowserOnlyResult = {
    date: new Date().toISOString(),
    tree: tree(),
    machine,
    loadAtEnd: currentLoad(),
    wallSeconds: (performance.now() - started) / 1000,
    browser,
  };
  process.stdout.write(`${renderBrowserOnly(result)}\n`);
  const file = await writeResultJson(
    PACKAGE_DIR,
    result,
    'latest-browser.json',
  );
  progress(`figures written to ${file}`);
}
