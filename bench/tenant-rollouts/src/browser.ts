import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Page } from '@playwright/test';
import { Entity } from '@backstage/catalog-model';
import {
  LatencySummary,
  guestToken,
  inChromium,
  signInAsGuest,
  summarize,
  withPortal,
} from '@waybill/bench-utils';
import {
  BoardAnswer,
  RolloutsApi,
  describeBoard,
  setupBoardRollout,
} from './api';
import { FAILING_REGION, TenantAxes } from './tenants';

/*
 * The Chromium phase: the 5,001 entities in a real portal (the production build of the app served
 * by `@waybill/backend`, its catalog reading them from a file location), a rollout over the 5,000
 * tenants driven through the portal's API to the same mixed state as the HTTP phase, and the
 * rollout board page (/tenant-rollouts/rollouts/:id) in Chromium: time to the board painted with
 * its tenant rows on a full page load and after an in-app navigation from the rollouts list, the
 * main thread's long tasks meanwhile, and the time of a region filter change and a heatmap click.
 */

/**
 * The portal's port: beside a portal someone may run on 3000/7007, the scorecards-ui bench's 7107
 * and the dependency-map bench's 7108.
 */
export const PORT = 7109;

/** The issue's target for the board, and the reference for an interaction (as bench/scorecards-ui). */
export const BROWSER_TARGETS = { renderMs: 1500, interactionMs: 300 };

const BOARD = '[data-testid="rollout-board"]';
const ROWS = '[aria-label="Tenants by wave"]';
const SHOWN = `${BOARD} [aria-live="polite"]`;

/** Where a board load spent its time, from the start of the load (navigation start or the click). */
export interface BoardLoad {
  /** Start to the board painted with its tenant rows. */
  paintedMs: number;
  /** Start to the board's first DOM appearance with its tenant rows (before the frame). */
  inDomMs: number;
  /** Start to the board's request (GET /api/tenant-rollouts/rollouts/:id) leaving the browser. */
  requestStartMs: number;
  /** The request sent to its first byte back: the backend's time, mostly. */
  waitingMs: number;
  /** First byte to last byte of the answer. */
  downloadMs: number;
  /** The answer's last byte to the board painted: JSON parse, React render, layout, paint. */
  afterResponseMs: number;
  /** Bytes of the answer over the wire, and decoded. */
  encodedBytes: number;
  decodedBytes: number;
  /** Long tasks (main-thread blocks of 50 ms or more) from the start to painted. */
  longTasks: number[];
  /** Long tasks overlapping the span from the answer's last byte to painted. */
  longTasksAfterResponse: number[];
  /** Rows the virtualized list reported (aria-rowcount: wave headers and tenants). */
  rowCount: number;
}

/** One timed interaction on the board: click to the new row count painted. */
export interface BoardInteraction {
  what: string;
  ms: number;
  /** The longest main-thread block from the click to painted (0 when none over 50 ms). */
  longestTaskMs: number;
  /** Requests for the board made meanwhile (0: the change is the page's own work). */
  boardRequests: number;
  shown: number;
}

/** Summaries of a series of board loads. */
export interface BoardLoadSummary {
  painted: LatencySummary;
  requestStart: LatencySummary;
  waiting: LatencySummary;
  download: LatencySummary;
  afterResponse: LatencySummary;
  /** The longest main-thread block over all loads, and per load. */
  longestTaskMs: number;
  longestTaskPerRun: number[];
  longestTaskAfterResponseMs: number;
  longTasksPerRun: number;
}

/**
 * Records a CPU profile (Chromium's sampling profiler, 100 µs) of each step, written as
 * `board-<step>.cpuprofile` into `directory`; not timed, so the profiler's cost does not skew the
 * figures.
 */
async function recordProfiles(
  page: Page,
  directory: string,
  steps: Record<string, () => Promise<void>>,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await mkdir(directory, { recursive: true });
  for (const [step, run] of Object.entries(steps)) {
    await cdp.send('Profiler.start');
    await run();
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(
      join(directory, `board-${step}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
  await cdp.detach();
}

/** What the board page showed on its first load, before any filter. */
export interface BoardPageShown {
  /** The board's data-tenants. */
  tenants: number;
  /** The virtualized list's aria-rowcount: wave headers and tenant rows. */
  rowCount: number;
  /** The count line: "N tenants shown". */
  shown: number;
  /** The failure verdict's text. */
  verdict: string;
}

/** What the browser measured. */
export interface BrowserFigures {
  runs: number;
  tenants: number;
  rollout: {
    id: number;
    answer: BoardAnswer;
    createMs: number;
    actionP50Ms: number;
    reported: number;
  };
  /** Catalog ingest of the entities by the portal, portal start excluded. */
  ingestMs: number;
  /** Full page loads of the board, from navigation start (bundle in the browser cache). */
  pageLoad: BoardLoadSummary;
  /** In-app navigations from the rollouts list (a click on the rollout's link). */
  navigation: BoardLoadSummary;
  /** Picking a region in the board's filter, click on the option to the new count painted. */
  filter: LatencySummary;
  filterLongestTaskMs: number;
  /** Clicking a region x tier cell of the heatmap, to the new count painted. */
  heatmap: LatencySummary;
  heatmapLongestTaskMs: number;
  /** The board's answer: size on the wire and decoded, and its JSON.parse in the page. */
  body: {
    encodedBytes: number;
    decodedBytes: number;
    parseInPage: LatencySummary;
    /** GET from Node to the portal's backend (no browser): the backend's time and the transfer. */
    getFromNode: LatencySummary;
  };
  /** What the board showed. */
  page: BoardPageShown;
  loads: BoardLoad[];
  navigations: BoardLoad[];
  interactions: BoardInteraction[];
}

/**
 * Installed before the app's code on every document: long tasks from navigation start, the time
 * of the last click (capture phase, so the timed span starts at the real click), and `watch`,
 * which resolves when a condition on the DOM first holds (checked on every DOM mutation) with that
 * time and the time of the next animation frame (the frame that paints it). On a board URL the
 * board's load is watched from the document's start.
 */
function pageInstrumentation(tenants: number): string {
  return `
  (() => {
    const wb = (window.__waybill = { longTasks: [], clickAt: NaN });
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        wb.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
    performance.setResourceTimingBufferSize(10000);
    document.addEventListener('click', () => { wb.clickAt = performance.now(); }, true);
    wb.watch = (ready, timeoutMs) => new Promise((resolve, reject) => {
      let done = false;
      const observer = new MutationObserver(() => check());
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        observer.disconnect();
        reject(new Error('not shown within ' + timeoutMs / 1000 + ' s'));
      }, timeoutMs);
      const check = () => {
        if (done || !ready()) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        const inDomAt = performance.now();
        requestAnimationFrame(() => resolve({ inDomAt, paintedAt: performance.now() }));
      };
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      check();
    });
    wb.boardReady = () => {
      const board = document.querySelector('${BOARD}');
      return !!board && board.getAttribute('data-tenants') === '${tenants}' &&
        !!document.querySelector('${ROWS} [data-tenant]');
    };
    if (/\\/tenant-rollouts\\/rollouts\\/\\d+$/.test(location.pathname)) {
      wb.boardLoad = wb.watch(wb.boardReady, 120000);
      wb.boardLoad.catch(() => undefined);
    }
  })();`;
}

/**
 * In the page: waits for `watch` (an expression giving the watch's promise), then answers the
 * load's figures relative to `startExpr` (0: navigation start; the click for an in-app navigation).
 */
function boardLoadFigures(
  id: number,
  watch: string,
  startExpr: string,
): string {
  return `(async () => {
    const wb = window.__waybill;
    const { inDomAt, paintedAt } = await ${watch};
    const start = ${startExpr};
    // Long tasks that ended by then are reported after their task: let the observer run.
    await new Promise(resolve => setTimeout(resolve, 50));
    const request = performance
      .getEntriesByType('resource')
      .filter(e => /\\/api\\/tenant-rollouts\\/rollouts\\/${id}$/.test(e.name) && e.startTime >= start && e.startTime < paintedAt)
      .pop();
    const responseEnd = request ? request.responseEnd : NaN;
    const tasks = wb.longTasks.filter(t => t.start + t.duration > start && t.start < paintedAt);
    const list = document.querySelector('${ROWS}');
    return {
      paintedMs: paintedAt - start,
      inDomMs: inDomAt - start,
      requestStartMs: request ? request.startTime - start : NaN,
      waitingMs: request ? request.responseStart - request.requestStart : NaN,
      downloadMs: request ? request.responseEnd - request.responseStart : NaN,
      afterResponseMs: paintedAt - responseEnd,
      encodedBytes: request ? request.encodedBodySize : NaN,
      decodedBytes: request ? request.decodedBodySize : NaN,
      longTasks: tasks.map(t => t.duration),
      longTasksAfterResponse: tasks.filter(t => t.start + t.duration > responseEnd).map(t => t.duration),
      rowCount: list ? Number(list.getAttribute('aria-rowcount')) : NaN,
    };
  })()`;
}

/** The count line of the board: "1502 tenants shown". */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator(SHOWN).textContent()) ?? '';
  return Number(/^(\d+) tenants? shown/.exec(text.trim())?.[1] ?? NaN);
}

/**
 * Arms a watch for the count line showing `expected` (and, for a heatmap cell, the cell pressed),
 * runs `click`, and answers click to painted with the long tasks and board requests meanwhile.
 */
async function timeInteraction(
  page: Page,
  id: number,
  what: string,
  expected: number,
  click: () => Promise<void>,
  pressed?: string,
): Promise<BoardInteraction> {
  const ready = `() => {
    const shown = document.querySelector('${SHOWN}');
    if (!shown || !shown.textContent.startsWith('${expected} tenant')) return false;
    ${
      pressed
        ? `const cell = document.querySelector(${JSON.stringify(
            pressed,
          )}); return !!cell && cell.getAttribute('aria-pressed') === 'true';`
        : 'return true;'
    }
  }`;
  await page.evaluate(
    `window.__waybill.interaction = window.__waybill.watch(${ready}, 60000); window.__waybill.interaction.catch(() => undefined); undefined;`,
  );
  await click();
  const figures = (await page.evaluate(`(async () => {
    const wb = window.__waybill;
    const { paintedAt } = await wb.interaction.catch(error => {
      const shown = document.querySelector('${SHOWN}');
      throw new Error(error.message + ': waiting for "${expected} tenants shown", the page shows "' +
        (shown ? shown.textContent : 'no count') + '" at ' + location.pathname + location.search);
    });
    await new Promise(resolve => setTimeout(resolve, 50));
    const clickAt = wb.clickAt;
    const tasks = wb.longTasks.filter(t => t.start + t.duration > clickAt && t.start < paintedAt);
    const requests = performance.getEntriesByType('resource')
      .filter(e => /\\/api\\/tenant-rollouts\\/rollouts\\/${id}$/.test(e.name) && e.startTime >= clickAt).length;
    return {
      ms: paintedAt - clickAt,
      longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      boardRequests: requests,
    };
  })()`)) as Pick<BoardInteraction, 'ms' | 'longestTaskMs' | 'boardRequests'>;
  return { what, ...figures, shown: expected };
}

/** Picks `region` in the board's Region filter: open the select, then the timed click on the option. */
async function filterRegion(
  page: Page,
  id: number,
  region: string,
  expected: number,
): Promise<BoardInteraction> {
  // The previous menu is gone before this one opens.
  await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
  await page.locator('#board-filter-region').click();
  const option = page.getByRole('option', { name: region, exact: true });
  await option.waitFor();
  return timeInteraction(page, id, `filter region ${region}`, expected, () =>
    option.click(),
  );
}

/** Clicks the heatmap cell of `region` x `tier`; the board narrows to its tenants. */
async function clickHeatmap(
  page: Page,
  id: number,
  region: string,
  tier: string,
): Promise<BoardInteraction> {
  const selector = `table[aria-label="Health by region and tier"] button[aria-label^="${region} ${tier}:"]`;
  const cell = page.locator(selector);
  const label = (await cell.getAttribute('aria-label')) ?? '';
  const counts = /(\d+) healthy, (\d+) failing, (\d+) not settled/.exec(label);
  if (!counts) throw new Error(`No heatmap cell for ${region} ${tier}`);
  const expected = Number(counts[1]) + Number(counts[2]) + Number(counts[3]);
  return timeInteraction(
    page,
    id,
    `heatmap ${region} ${tier}`,
    expected,
    () => cell.click(),
    selector,
  );
}

const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);

function summarizeLoads(loads: BoardLoad[]): BoardLoadSummary {
  const longestPerRun = loads.map(l => max(l.longTasks));
  return {
    painted: summarize(loads.map(l => l.paintedMs)),
    requestStart: summarize(loads.map(l => l.requestStartMs)),
    waiting: summarize(loads.map(l => l.waitingMs)),
    download: summarize(loads.map(l => l.downloadMs)),
    afterResponse: summarize(loads.map(l => l.afterResponseMs)),
    longestTaskMs: max(longestPerRun),
    longestTaskPerRun: longestPerRun,
    longestTaskAfterResponseMs: max(
      loads.map(l => max(l.longTasksAfterResponse)),
    ),
    longTasksPerRun:
      loads.reduce((s, l) => s + l.longTasks.length, 0) / loads.length,
  };
}

/** Writes the entities as a multi-document file a catalog `file` location reads (JSON is YAML). */
async function writeEntities(entities: Entity[], file: string): Promise<void> {
  await writeFile(
    file,
    entities.map(entity => JSON.stringify(entity)).join('\n---\n'),
  );
}

/** Waits until the portal's catalog serves every tenant and the released component. */
async function waitForCatalog(
  baseUrl: string,
  authorization: string,
  tenants: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  const count = async (filter: string) => {
    const response = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?filter=${encodeURIComponent(
        filter,
      )}&limit=1&fields=kind`,
      { headers: { authorization } },
    );
    if (!response.ok) return 0;
    return ((await response.json()) as { totalItems: number }).totalItems;
  };
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    const served = await count('kind=resource,spec.type=tenant');
    if (served !== last) {
      log(`portal catalog serves ${served} / ${tenants} tenants`);
      last = served;
    }
    if (served >= tenants && (await count('kind=component')) >= 1) return;
    await sleep(2000);
  }
  throw new Error(
    `The portal's catalog did not serve the ${tenants} tenants within ${
      timeoutMs / 1000
    } s (last: ${last})`,
  );
}

/** The regions the filter cycles through, each with its tenant count, the failing one first. */
function regionCycle(axes: TenantAxes): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const { region } of axes.values()) {
    counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  const rank = (region: string) => (region === FAILING_REGION ? 0 : 1);
  return [...counts].sort(
    ([a], [b]) => rank(a) - rank(b) || a.localeCompare(b),
  );
}

/**
 * Starts a portal on port {@link PORT} whose catalog holds `entities` (and nothing else), drives
 * a rollout over the tenants through its API to the mixed state, and measures the board page in
 * Chromium: `runs` full page loads (each followed by a region filter change and a heatmap click)
 * and `runs` in-app navigations from the rollouts list, each series after one warm-up.
 */
export async function measureBoardPage(options: {
  repoRoot: string;
  entities: Entity[];
  axes: TenantAxes;
  seed: number;
  /** `tenantRollouts` config: the `bench` strategy and the freeze windows. */
  tenantRollouts: { strategies: object; freezeWindows: object[] };
  chromiumPath: string;
  runs: number;
  ingestTimeoutMs: number;
  /**
   * When set, Chromium's CPU profiles (`.cpuprofile`, DevTools' format) of one more page load
   * and of one filter change and heatmap click are written here, after the timed runs.
   */
  profileDirectory?: string;
  failureScreenshot: string;
  log: (line: string) => void;
}): Promise<BrowserFigures> {
  const { log, axes } = options;
  const tenants = axes.size;
  const deployToken = `waybill-bench-deploy-${randomBytes(12).toString('hex')}`;
  return withPortal({
    directoryPrefix: 'waybill-bench-rollouts-',
    prepare: async directory => {
      const entitiesFile = join(directory, 'tenants.yaml');
      await writeEntities(options.entities, entitiesFile);
      log(`catalog: ${entitiesFile} (${options.entities.length} entities)`);
      return {
        repoRoot: options.repoRoot,
        port: PORT,
        // Others edit the tree while benchmarks run: a file watcher would restart the backend.
        watch: false,
        config: {
          // The tenants and the released service only: no demo data, no templates.
          APP_CONFIG_catalog_locations: JSON.stringify([
            { type: 'file', target: entitiesFile },
          ]),
          // As in the HTTP phase: no re-processing of the 5,001 entities during the measurements.
          APP_CONFIG_catalog_processingInterval: JSON.stringify({ hours: 1 }),
          APP_CONFIG_tenantRollouts_strategies: JSON.stringify(
            options.tenantRollouts.strategies,
          ),
          APP_CONFIG_tenantRollouts_freezeWindows: JSON.stringify(
            options.tenantRollouts.freezeWindows,
          ),
          // The bake times hold anyway; the hourly pass keeps the auto-advance (which evaluates the
          // rollout's blockers) from running in the middle of the measurements.
          APP_CONFIG_tenantRollouts_autoAdvance_frequencyMinutes: '60',
          // The benchmark's rollout is the only one (startPortal already seeds no demo releases).
          APP_CONFIG_waybill_demo_seedRollouts: 'false',
          // Deployment tooling reports statuses with a static token, as in the e2e tests.
          APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
            {
              type: 'static',
              options: { token: deployToken, subject: 'bench-deploy-tooling' },
              accessRestrictions: [{ plugin: 'tenant-rollouts' }],
            },
          ]),
        },
        log,
      };
    },
    measure: async portal => {
      const baseUrl = portal.url;
      const user = `Bearer ${await guestToken(baseUrl)}`;

      const ingestStart = performance.now();
      await waitForCatalog(
        baseUrl,
        user,
        tenants,
        options.ingestTimeoutMs,
        log,
      );
      const ingestMs = performance.now() - ingestStart;
      log(`portal catalog ingest done in ${(ingestMs / 1000).toFixed(1)} s`);

      log('driving a rollout to the mixed state through the portal API');
      const api = new RolloutsApi(baseUrl, {
        user,
        tooling: `Bearer ${deployToken}`,
      });
      const setup = await setupBoardRollout(api, axes, options.seed);
      const planned = setup.waves.reduce((n, w) => n + w.tenants.length, 0);
      if (planned !== tenants) {
        throw new Error(
          `The portal planned ${planned} tenants, not ${tenants}; is its catalog complete?`,
        );
      }
      // The board as Node reads it from the portal: the backend's time without a browser.
      const fromNode: number[] = [];
      let answer: BoardAnswer | undefined;
      for (let i = 0; i < 6; i++) {
        const read = await api.ok('GET', `/rollouts/${setup.id}`);
        if (i > 0) fromNode.push(read.ms);
        answer ??= describeBoard(read.json);
      }
      log(
        `rollout #${setup.id}: ${answer!.state} at wave ${
          answer!.currentWave
        }; ${answer!.summary}; GET from Node p50 ${Math.round(
          summarize(fromNode).p50,
        )} ms`,
      );

      const boardUrl = `${baseUrl}/tenant-rollouts/rollouts/${setup.id}`;
      // The guest is a release manager: it may create, start and advance rollouts.
      return await inChromium(
        {
          chromiumPath: options.chromiumPath,
          initScript: pageInstrumentation(tenants),
          failureScreenshot: options.failureScreenshot,
        },
        async page => {
          await signInAsGuest(page, baseUrl);

          const regions = regionCycle(axes);
          const loads: BoardLoad[] = [];
          let shownPage: BoardPageShown | undefined;
          const interactions: BoardInteraction[] = [];
          log(
            `full page loads of the board, each followed by a region filter change and a heatmap click`,
          );
          for (let i = 0; i <= options.runs; i++) {
            await page.goto(boardUrl);
            const load = (await page.evaluate(
              boardLoadFigures(setup.id, 'window.__waybill.boardLoad', '0'),
            )) as BoardLoad;
            shownPage ??= await describePage(page);
            // Within the board's 15 s poll interval from its mount: no poll lands in the timings.
            const [region, count] = regions[i % regions.length];
            const filter = await filterRegion(page, setup.id, region, count);
            const [cellRegion] = regions[(i + 1) % regions.length];
            const heatmap = await clickHeatmap(
              page,
              setup.id,
              cellRegion,
              'standard',
            );
            log(
              `${i === 0 ? 'warm-up' : `run ${i}`}: painted at ${Math.round(
                load.paintedMs,
              )} ms (board request sent at ${Math.round(
                load.requestStartMs,
              )} ms, answered after ${Math.round(
                load.waitingMs,
              )} ms + ${Math.round(load.downloadMs)} ms, painted ${Math.round(
                load.afterResponseMs,
              )} ms later); longest task ${Math.round(
                max(load.longTasks),
              )} ms; filter ${Math.round(filter.ms)} ms, heatmap ${Math.round(
                heatmap.ms,
              )} ms`,
            );
            // The first load fills the HTTP cache; it is the warm-up.
            if (i > 0) {
              loads.push(load);
              interactions.push(filter, heatmap);
            }
          }

          log('in-app navigations: rollouts list -> board');
          const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
          const navigations: BoardLoad[] = [];
          for (let i = 0; i <= options.runs; i++) {
            await sidebar
              .getByRole('link', { name: 'Tenant rollouts', exact: true })
              .click();
            await page.waitForURL(url => url.pathname === '/tenant-rollouts');
            const link = page.locator(
              `table[aria-label="Rollouts"] a[href$="/tenant-rollouts/rollouts/${setup.id}"]`,
            );
            await link.waitFor();
            // The list settles (its requests answered) before the timed click.
            await page.waitForLoadState('networkidle');
            await page.evaluate(
              `window.__waybill.navigation = window.__waybill.watch(window.__waybill.boardReady, 120000); window.__waybill.navigation.catch(() => undefined); undefined;`,
            );
            await link.click();
            const load = (await page.evaluate(
              boardLoadFigures(
                setup.id,
                'window.__waybill.navigation',
                'window.__waybill.clickAt',
              ),
            )) as BoardLoad;
            log(
              `${i === 0 ? 'warm-up' : `run ${i}`}: painted ${Math.round(
                load.paintedMs,
              )} ms after the click (request sent after ${Math.round(
                load.requestStartMs,
              )} ms, answered after ${Math.round(
                load.waitingMs,
              )} ms + ${Math.round(load.downloadMs)} ms, painted ${Math.round(
                load.afterResponseMs,
              )} ms later); longest task ${Math.round(max(load.longTasks))} ms`,
            );
            // The first one also loads the plugin's code; it is the warm-up.
            if (i > 0) navigations.push(load);
          }

          if (options.profileDirectory) {
            await recordProfiles(page, options.profileDirectory, {
              load: async () => {
                await page.goto(boardUrl);
                await page.evaluate(
                  boardLoadFigures(setup.id, 'window.__waybill.boardLoad', '0'),
                );
              },
              interactions: async () => {
                const [region, count] = regions[0];
                await filterRegion(page, setup.id, region, count);
                const [cellRegion] = regions[1];
                await clickHeatmap(page, setup.id, cellRegion, 'standard');
              },
            });
            log(
              `CPU profiles of one more page load and one filter change + heatmap click in ${options.profileDirectory}`,
            );
          }

          // JSON.parse of the board's answer in the page, apart from React.
          const parseInPage = (await page.evaluate(
            `(async () => {
          const response = await fetch(${JSON.stringify(
            `${baseUrl}/api/tenant-rollouts/rollouts/${setup.id}`,
          )}, { headers: { authorization: ${JSON.stringify(user)} } });
          const text = await response.text();
          const times = [];
          for (let i = 0; i < 11; i++) {
            const start = performance.now();
            JSON.parse(text);
            if (i > 0) times.push(performance.now() - start);
          }
          return times;
        })()`,
          )) as number[];

          const filters = interactions.filter(x => x.what.startsWith('filter'));
          const heatmaps = interactions.filter(x =>
            x.what.startsWith('heatmap'),
          );
          return {
            runs: loads.length,
            tenants,
            rollout: {
              id: setup.id,
              answer: answer!,
              createMs: setup.createMs,
              actionP50Ms: setup.actionMs.p50,
              reported: setup.reported,
            },
            ingestMs,
            pageLoad: summarizeLoads(loads),
            navigation: summarizeLoads(navigations),
            filter: summarize(filters.map(x => x.ms)),
            filterLongestTaskMs: max(filters.map(x => x.longestTaskMs)),
            heatmap: summarize(heatmaps.map(x => x.ms)),
            heatmapLongestTaskMs: max(heatmaps.map(x => x.longestTaskMs)),
            body: {
              encodedBytes: loads[0].encodedBytes,
              decodedBytes: loads[0].decodedBytes,
              parseInPage: summarize(parseInPage),
              getFromNode: summarize(fromNode),
            },
            page: shownPage!,
            loads,
            navigations,
            interactions,
          };
        },
      );
    },
  });
}

/** What the board page showed after the loads: tenants, rows, the verdict. */
async function describePage(page: Page): Promise<BoardPageShown> {
  return {
    tenants: Number(await page.locator(BOARD).getAttribute('data-tenants')),
    rowCount: Number(await page.locator(ROWS).getAttribute('aria-rowcount')),
    shown: await shownCount(page),
    verdict: ((await page.getByLabel('Verdict').textContent()) ?? '').trim(),
  };
}
