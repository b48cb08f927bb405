import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Page } from '@playwright/test';
import {
  LatencySummary,
  guestToken,
  inChromium,
  signInAsGuest,
  summarize,
  withPortal,
} from '@waybill/bench-utils';
import { stringify } from 'yaml';
import { Estate } from './estate';

/*
 * The Chromium phase: an estate of `WAYBILL_BENCH_BROWSER_NODES` nodes (default 5,000) in a real portal (the production build of the app
 * served by `@waybill/backend`, its catalog reading the estate from a YAML file), and the
 * dependency map page (/dependency-map, the whole estate) loaded in Chromium: time to the graph
 * laid out and drawn, and the main thread's long tasks meanwhile.
 */

/** The portal's port: beside a portal someone may run on 3000/7007 and the scorecards bench's 7107. */
export const PORT = 7108;
const BASE_URL = `http://localhost:${PORT}`;

/** Targets of issue 5 for the page. */
export const BROWSER_TARGETS = { drawnMs: 3000, longestTaskMs: 200 };

/** One page load of /dependency-map, timed in the page. */
export interface MapLoad {
  /** Navigation start to the graph laid out and painted. */
  drawnMs: number;
  /** The estate response received (last byte) to the graph laid out and painted. */
  afterEstateMs: number;
  /** What the page said: "Laid out in N ms in a Web Worker". */
  layoutMs: number;
  ranIn: string;
  /** Long tasks (main-thread blocks of 50 ms or more) from navigation start to drawn. */
  longTasks: number[];
  /** Long tasks from the estate response to drawn: the layout and drawing. */
  longTasksAfterEstate: number[];
  nodes: number;
  edges: number;
  renderer: 'canvas' | 'svg' | 'none';
}

/** What the browser measured. */
export interface BrowserFigures {
  runs: number;
  drawn: LatencySummary;
  afterEstate: LatencySummary;
  layout: LatencySummary;
  /** The longest main-thread block over all runs, and per run. */
  longestTaskMs: number;
  longestTaskPerRun: number[];
  longestTaskAfterEstateMs: number;
  /** Long tasks (over 50 ms) per run, mean. */
  longTasksPerRun: number;
  longTasksAfterEstatePerRun: number;
  /** Nodes and edges the page drew (its "N entities, M edges"). */
  nodes: number;
  edges: number;
  /** Nodes of the portal's estate: more than `nodes` when the page drew a part. */
  estateNodes?: number;
  renderer: string;
  ranIn: string;
  /** Catalog ingest and the plugin's graph covering the estate, portal start excluded. */
  ingestMs: number;
  loads: MapLoad[];
}

/** Every long task, from navigation start, recorded before the app's code runs. */
const OBSERVE_LONG_TASKS = `
  window.__waybillLongTasks = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      window.__waybillLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });`;

/** Writes the estate as a multi-document YAML file, as a catalog `file` location reads it. */
export async function writeEstateYaml(
  estate: Estate,
  file: string,
): Promise<void> {
  await writeFile(
    file,
    estate.entities.map(entity => stringify(entity)).join('---\n'),
  );
}

/**
 * Waits until the plugin's graph holds the whole estate: each poll asks for a one-node estate
 * (a graph route: when the graph is older than `refresh.maxAge` it starts a rebuild; `/status`
 * does not), then `/status` for the graph's size, until it has the expected nodes and edges.
 */
async function waitForGraph(
  nodes: number,
  edges: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  const authorization = `Bearer ${await guestToken(BASE_URL)}`;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    await fetch(`${BASE_URL}/api/dependency-map/estate?maxNodes=1`, {
      headers: { authorization },
    });
    const status = (await (
      await fetch(`${BASE_URL}/api/dependency-map/status`, {
        headers: { authorization },
      })
    ).json()) as { current?: { nodeCount: number; edgeCount: number } };
    const now = status.current
      ? `${status.current.nodeCount} nodes, ${status.current.edgeCount} edges`
      : 'no graph yet';
    if (now !== last) {
      log(`portal graph: ${now} (want ${nodes}, ${edges})`);
      last = now;
    }
    if (
      status.current &&
      status.current.nodeCount >= nodes &&
      status.current.edgeCount >= edges
    ) {
      return;
    }
    await sleep(2000);
  }
  throw new Error(
    `The portal's graph did not reach ${nodes} nodes and ${edges} edges within ${
      timeoutMs / 1000
    } s (last: ${last})`,
  );
}

/**
 * Loads /dependency-map with tenants and data stores shown (every node class drawn) and waits in
 * the page until the graph is laid out and painted.
 */
async function loadMap(page: Page): Promise<MapLoad> {
  await page.goto(`${BASE_URL}/dependency-map?show=tenants,data-stores`);
  return page.evaluate(`(async () => {
    const laidOut = /Laid out in (\\d+) ms (in a Web Worker|on the main thread)/;
    // The caption's tooltip says how long the layout took, once there is one.
    const caption = () => document.querySelector('[data-testid="graph-caption"]');
    const ready = () => {
      const match = laidOut.exec(caption()?.getAttribute('title') ?? '');
      if (!match) return undefined;
      const canvas = document.querySelector('main canvas, canvas');
      if (canvas && canvas.width > 0) return { match, renderer: 'canvas' };
      if (document.querySelector('svg g[aria-label^="Lane"]')) return { match, renderer: 'svg' };
      return undefined;
    };
    const start = performance.now();
    let found;
    await new Promise((resolve, reject) => {
      const check = () => {
        found = ready();
        if (found) return resolve(undefined);
        if (performance.now() - start > 120000) return reject(new Error('the graph was not drawn within 120 s'));
        requestAnimationFrame(check);
      };
      check();
    });
    // One more frame: what was drawn is painted.
    await new Promise(resolve => requestAnimationFrame(() => resolve(undefined)));
    const drawnAt = performance.now();
    // The long tasks that ended by then are reported after their task: let the observer run.
    await new Promise(resolve => setTimeout(resolve, 50));
    const estate = performance
      .getEntriesByType('resource')
      .filter(e => /\\/api\\/dependency-map\\/estate\\?/.test(e.name) && !/maxNodes=1(&|$)/.test(e.name))
      .pop();
    const estateAt = estate ? estate.responseEnd : NaN;
    const tasks = window.__waybillLongTasks.filter(t => t.start < drawnAt);
    const counts = /(\\d[\\d,]*) entities, (\\d[\\d,]*) edges/.exec(caption()?.textContent ?? '');
    return {
      drawnMs: drawnAt,
      afterEstateMs: drawnAt - estateAt,
      layoutMs: Number(found.match[1]),
      ranIn: found.match[2],
      longTasks: tasks.map(t => t.duration),
      longTasksAfterEstate: tasks.filter(t => t.start + t.duration > estateAt).map(t => t.duration),
      nodes: counts ? Number(counts[1].replace(/,/g, '')) : NaN,
      edges: counts ? Number(counts[2].replace(/,/g, '')) : NaN,
      renderer: found.renderer,
    };
  })()`);
}

const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);

/** Loads the map `runs` times after one warm-up, logging each load. */
async function timeMapLoads(
  page: Page,
  runs: number,
  log: (line: string) => void,
): Promise<MapLoad[]> {
  const loads: MapLoad[] = [];
  for (let i = 0; i <= runs; i++) {
    const load = await loadMap(page);
    log(
      `${i === 0 ? 'warm-up' : `run ${i}`}: drawn at ${Math.round(
        load.drawnMs,
      )} ms, ${Math.round(
        load.afterEstateMs,
      )} ms after the estate, laid out in ${
        load.layoutMs
      } ms; longest task ${Math.round(max(load.longTasks))} ms (${
        load.longTasks.length
      } over 50 ms); ${load.nodes} nodes on ${load.renderer}`,
    );
    // The first load also fills the HTTP cache; it is the warm-up.
    if (i > 0) loads.push(load);
  }
  return loads;
}

/** The figures of the timed loads. */
function mapFigures(loads: MapLoad[], ingestMs: number): BrowserFigures {
  const longestPerRun = loads.map(l => max(l.longTasks));
  return {
    runs: loads.length,
    drawn: summarize(loads.map(l => l.drawnMs)),
    afterEstate: summarize(loads.map(l => l.afterEstateMs)),
    layout: summarize(loads.map(l => l.layoutMs)),
    longestTaskMs: max(longestPerRun),
    longestTaskPerRun: longestPerRun,
    longestTaskAfterEstateMs: max(loads.map(l => max(l.longTasksAfterEstate))),
    longTasksPerRun:
      loads.reduce((s, l) => s + l.longTasks.length, 0) / loads.length,
    longTasksAfterEstatePerRun:
      loads.reduce((s, l) => s + l.longTasksAfterEstate.length, 0) /
      loads.length,
    nodes: loads[0].nodes,
    edges: loads[0].edges,
    renderer: loads[0].renderer,
    ranIn: loads[0].ranIn,
    ingestMs,
    loads,
  };
}

/**
 * Starts a portal on port 7108 whose catalog holds `estate` (and nothing else), waits until the
 * dependency map's graph covers it, and loads /dependency-map in Chromium `runs` times after one
 * warm-up.
 */
export async function measureMapPage(options: {
  repoRoot: string;
  estate: Estate;
  expectedNodes: number;
  expectedEdges: number;
  chromiumPath: string;
  runs: number;
  failureScreenshot: string;
  log: (line: string) => void;
}): Promise<BrowserFigures> {
  const { log } = options;
  return withPortal({
    directoryPrefix: 'waybill-bench-map-',
    prepare: async directory => {
      const estateFile = join(directory, 'estate.yaml');
      await writeEstateYaml(options.estate, estateFile);
      log(`catalog: ${estateFile}`);
      return {
        repoRoot: options.repoRoot,
        port: PORT,
        config: {
          // The estate only: no demo data, no templates.
          APP_CONFIG_catalog_locations: JSON.stringify([
            { type: 'file', target: estateFile },
          ]),
          // Rebuild the graph on the first request that finds it older than 2 s, so it follows
          // the catalog while it ingests.
          APP_CONFIG_dependencyMap_refresh_maxAge: 'PT2S',
        },
        log,
      };
    },
    measure: async () => {
      const ingestStart = Date.now();
      await waitForGraph(
        options.expectedNodes,
        options.expectedEdges,
        600_000,
        log,
      );
      const ingestMs = Date.now() - ingestStart;
      // One more rebuild window passes so no rebuild is running while the browser measures.
      await sleep(3000);

      return await inChromium(
        {
          chromiumPath: options.chromiumPath,
          initScript: OBSERVE_LONG_TASKS,
          failureScreenshot: options.failureScreenshot,
        },
        async page => {
          await signInAsGuest(page, BASE_URL);

          const loads = await timeMapLoads(page, options.runs, log);
          return {
            ...mapFigures(loads, ingestMs),
            estateNodes: options.expectedNodes,
          };
        },
      );
    },
  });
}
