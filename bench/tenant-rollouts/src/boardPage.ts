import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Page } from '@playwright/test';

/*
 * Driving the rollout board page in Chromium: the instrumentation installed in every document,
 * the in-page figures of a board load, and the timed interactions (a region filter change, a
 * heatmap click), with what the page shows. ./browser puts them together into the Chromium phase.
 */

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

/**
 * Records a CPU profile (Chromium's sampling profiler, 100 µs) of each step, written as
 * `board-<step>.cpuprofile` into `directory`; not timed, so the profiler's cost does not skew the
 * figures.
 */
export async function recordProfiles(
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

/**
 * Installed before the app's code on every document: long tasks from navigation start, the time
 * of the last click (capture phase, so the timed span starts at the real click), and `watch`,
 * which resolves when a condition on the DOM first holds (checked on every DOM mutation) with that
 * time and the time of the next animation frame (the frame that paints it). On a board URL the
 * board's load is watched from the document's start.
 */
export function pageInstrumentation(tenants: number): string {
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
export function boardLoadFigures(
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
      .filter(e => /\\/api\\/tenant-rollouts\\/rollouts\\/${id}(\\?|$)/.test(e.name) && e.startTime >= start && e.startTime < paintedAt)
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

/**
 * The tenants matching, from the count line of the board: "1502 tenants shown" (every match on
 * the page), or "Showing 1–100 of 1502 tenants" (a page of them).
 */
const COUNT_LINE = String.raw`^(\d+) tenants? shown|of (\d+) tenants?$`;

/** The tenants matching, as the board's count line says (see {@link COUNT_LINE}). */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator(SHOWN).textContent()) ?? '';
  const match = new RegExp(COUNT_LINE).exec(text.trim());
  return Number(match?.[1] ?? match?.[2] ?? NaN);
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
    const match = shown && new RegExp(${JSON.stringify(
      COUNT_LINE,
    )}).exec(shown.textContent.trim());
    if (!match || Number(match[1] ?? match[2]) !== ${expected}) return false;
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
      throw new Error(error.message + ': waiting for ${expected} tenants matching, the page shows "' +
        (shown ? shown.textContent : 'no count') + '" at ' + location.pathname + location.search);
    });
    await new Promise(resolve => setTimeout(resolve, 50));
    const clickAt = wb.clickAt;
    const tasks = wb.longTasks.filter(t => t.start + t.duration > clickAt && t.start < paintedAt);
    const requests = performance.getEntriesByType('resource')
      .filter(e => /\\/api\\/tenant-rollouts\\/rollouts\\/${id}(\\?|$)/.test(e.name) && e.startTime >= clickAt).length;
    return {
      ms: paintedAt - clickAt,
      longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      boardRequests: requests,
    };
  })()`)) as Pick<BoardInteraction, 'ms' | 'longestTaskMs' | 'boardRequests'>;
  return { what, ...figures, shown: expected };
}

/** Picks `region` in the board's Region filter: open the select, then the timed click on the option. */
export async function filterRegion(
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
export async function clickHeatmap(
  page: Page,
  id: number,
  region: string,
  tier: string,
): Promise<BoardInteraction> {
  const selector = `table[aria-label="Health by region and tier"] button[aria-label^="${region} ${tier}:"]`;
  const cell = page.locator(selector);
  const label = (await cell.getAttribute('aria-label')) ?? '';
  // "europe standard: healthy 12/40, 3 failing, 25 not settled": the cell's tenants are its total.
  const counts = /healthy \d+\/(\d+),/.exec(label);
  if (!counts) {
    throw new Error(`No heatmap cell for ${region} ${tier} (label "${label}")`);
  }
  const expected = Number(counts[1]);
  return timeInteraction(
    page,
    id,
    `heatmap ${region} ${tier}`,
    expected,
    () => cell.click(),
    selector,
  );
}

/** What the board page showed after the loads: tenants, rows, the verdict. */
export async function describePage(page: Page): Promise<BoardPageShown> {
  return {
    tenants: Number(await page.locator(BOARD).getAttribute('data-tenants')),
    rowCount: Number(await page.locator(ROWS).getAttribute('aria-rowcount')),
    shown: await shownCount(page),
    verdict: ((await page.getByLabel('Verdict').textContent()) ?? '').trim(),
  };
}

/** JSON.parse of the board's answer in the page, apart from React: 10 times after one warm-up. */
export async function parseInPage(
  page: Page,
  boardApiUrl: string,
  user: string,
): Promise<number[]> {
  return (await page.evaluate(
    `(async () => {
          const response = await fetch(${JSON.stringify(
            boardApiUrl,
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
}

/**
 * CPU profiles (see {@link recordProfiles}) of one more page load of the board and of one filter
 * change and heatmap click, on the first two of `regions`.
 */
export async function profileBoard(
  page: Page,
  directory: string,
  boardUrl: string,
  id: number,
  regions: Array<[string, number]>,
): Promise<void> {
  await recordProfiles(page, directory, {
    load: async () => {
      await page.goto(boardUrl);
      await page.evaluate(
        boardLoadFigures(id, 'window.__waybill.boardLoad', '0'),
      );
    },
    interactions: async () => {
      const [region, count] = regions[0];
      await filterRegion(page, id, region, count);
      const [cellRegion] = regions[1];
      await clickHeatmap(page, id, cellRegion, 'standard');
    },
  });
}
