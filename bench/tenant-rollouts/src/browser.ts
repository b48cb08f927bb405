import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Page } from '@playwright/test';
import { Entity } from '@backstage/catalog-model';
import {
  LatencySummary,
  inChromium,
  signInAsGuest,
  summarize,
  withPortal,
} from '@waybill/bench-utils';
import { BoardAnswer } from './boardQuery';
import {
  BoardInteraction,
  BoardLoad,
  BoardPageShown,
  boardLoadFigures,
  clickHeatmap,
  describePage,
  filterRegion,
  pageInstrumentation,
  parseInPage,
  profileBoard,
} from './boardPage';
import {
  DrivenRollout,
  RolloutsConfig,
  driveRollout,
  portalConfig,
  writeEntities,
} from './portalRollout';
import { FAILING_REGION, TenantAxes } from './tenants';

/*
 * The Chromium phase: the entities in a real portal (the production build of the app served
 * by `@waybill/backend`, its catalog reading them from a file location), a rollout over the
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

/** Board loads, filter changes and heatmap clicks of the page-load series. */
interface PageLoadSeries {
  loads: BoardLoad[];
  shownPage: BoardPageShown;
  interactions: BoardInteraction[];
}

/**
 * `runs` full page loads of the board after one warm-up, each followed by a region filter change
 * and a heatmap click.
 */
async function timePageLoads(
  page: Page,
  boardUrl: string,
  id: number,
  regions: Array<[string, number]>,
  runs: number,
  log: (line: string) => void,
): Promise<PageLoadSeries> {
  const loads: BoardLoad[] = [];
  let shownPage: BoardPageShown | undefined;
  const interactions: BoardInteraction[] = [];
  log(
    `full page loads of the board, each followed by a region filter change and a heatmap click`,
  );
  for (let i = 0; i <= runs; i++) {
    await page.goto(boardUrl);
    const load = (await page.evaluate(
      boardLoadFigures(id, 'window.__waybill.boardLoad', '0'),
    )) as BoardLoad;
    shownPage ??= await describePage(page);
    // Within the board's 15 s poll interval from its mount: no poll lands in the timings.
    const [region, count] = regions[i % regions.length];
    const filter = await filterRegion(page, id, region, count);
    const [cellRegion] = regions[(i + 1) % regions.length];
    const heatmap = await clickHeatmap(page, id, cellRegion, 'standard');
    log(
      `${i === 0 ? 'warm-up' : `run ${i}`}: painted at ${Math.round(
        load.paintedMs,
      )} ms (board request sent at ${Math.round(
        load.requestStartMs,
      )} ms, answered after ${Math.round(load.waitingMs)} ms + ${Math.round(
        load.downloadMs,
      )} ms, painted ${Math.round(
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
  return { loads, shownPage: shownPage!, interactions };
}

/** `runs` in-app navigations from the rollouts list to the board, after one warm-up. */
async function timeNavigations(
  page: Page,
  id: number,
  runs: number,
  log: (line: string) => void,
): Promise<BoardLoad[]> {
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  const navigations: BoardLoad[] = [];
  for (let i = 0; i <= runs; i++) {
    await sidebar
      .getByRole('link', { name: 'Tenant rollouts', exact: true })
      .click();
    await page.waitForURL(url => url.pathname === '/tenant-rollouts');
    const link = page.locator(
      `table[aria-label="Rollouts"] a[href$="/tenant-rollouts/rollouts/${id}"]`,
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
        id,
        'window.__waybill.navigation',
        'window.__waybill.clickAt',
      ),
    )) as BoardLoad;
    log(
      `${i === 0 ? 'warm-up' : `run ${i}`}: painted ${Math.round(
        load.paintedMs,
      )} ms after the click (request sent after ${Math.round(
        load.requestStartMs,
      )} ms, answered after ${Math.round(load.waitingMs)} ms + ${Math.round(
        load.downloadMs,
      )} ms, painted ${Math.round(
        load.afterResponseMs,
      )} ms later); longest task ${Math.round(max(load.longTasks))} ms`,
    );
    // The first one also loads the plugin's code; it is the warm-up.
    if (i > 0) navigations.push(load);
  }
  return navigations;
}

/** The figures of the Chromium phase. */
function browserFigures(
  rollout: DrivenRollout,
  series: PageLoadSeries,
  navigations: BoardLoad[],
  parseTimes: number[],
  tenants: number,
): BrowserFigures {
  const { setup, answer, fromNode, ingestMs } = rollout;
  const { loads, shownPage, interactions } = series;
  const filters = interactions.filter(x => x.what.startsWith('filter'));
  const heatmaps = interactions.filter(x => x.what.startsWith('heatmap'));
  return {
    runs: loads.length,
    tenants,
    rollout: {
      id: setup.id,
      answer,
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
      parseInPage: summarize(parseTimes),
      getFromNode: summarize(fromNode),
    },
    page: shownPage,
    loads,
    navigations,
    interactions,
  };
}

/** What the Chromium phase is given. */
export interface BoardPageOptions {
  repoRoot: string;
  entities: Entity[];
  axes: TenantAxes;
  seed: number;
  /** `tenantRollouts` config: the `bench` strategy and the freeze windows. */
  tenantRollouts: RolloutsConfig;
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
}

/**
 * Starts a portal on port {@link PORT} whose catalog holds `entities` (and nothing else), drives
 * a rollout over the tenants through its API to the mixed state, and measures the board page in
 * Chromium: `runs` full page loads (each followed by a region filter change and a heatmap click)
 * and `runs` in-app navigations from the rollouts list, each series after one warm-up.
 */
export async function measureBoardPage(
  options: BoardPageOptions,
): Promise<BrowserFigures> {
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
        config: portalConfig(entitiesFile, options.tenantRollouts, deployToken),
        log,
      };
    },
    measure: async portal => {
      const baseUrl = portal.url;
      const rollout = await driveRollout(baseUrl, deployToken, options);
      const { id } = rollout.setup;
      const boardUrl = `${baseUrl}/tenant-rollouts/rollouts/${id}`;
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
          const series = await timePageLoads(
            page,
            boardUrl,
            id,
            regions,
            options.runs,
            log,
          );
          const navigations = await timeNavigations(
            page,
            id,
            options.runs,
            log,
          );
          if (options.profileDirectory) {
            await profileBoard(
              page,
              options.profileDirectory,
              boardUrl,
              id,
              regions,
            );
            log(
              `CPU profiles of one more page load and one filter change + heatmap click in ${options.profileDirectory}`,
            );
          }
          const parseTimes = await parseInPage(
            page,
            `${baseUrl}/api/tenant-rollouts/rollouts/${id}`,
            rollout.user,
          );
          return browserFigures(
            rollout,
            series,
            navigations,
            parseTimes,
            tenants,
          );
        },
      );
    },
  });
}
