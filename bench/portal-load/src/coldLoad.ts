import { Browser, BrowserContext } from '@playwright/test';
import { launchChromium, signInAsGuest } from '@waybill/bench-utils';

/** A row of the portfolio table (plugins/scorecards PortfolioTable): one per service. */
const ROWS = 'table[aria-label="Portfolio"] tbody tr';

/** What one cold load of `/scorecards` measured, times from its navigation start. */
export interface ColdLoad {
  /** The first portfolio row painted: the frame after it appeared in the DOM has been drawn. */
  firstRowMs: number;
  /** The first portfolio row inserted into the DOM (MutationObserver). */
  firstRowInDomMs: number;
  domContentLoadedMs: number;
  /** The last script (loaded before the first row) fully received. */
  scriptsDoneMs: number;
  /** The first portfolio page request sent, and answered (last byte). */
  portfolioRequestMs: number;
  portfolioResponseMs: number;
  /** Scripts requested before the first row was painted, and their bytes. */
  scripts: number;
  /** On the wire (`transferSize`: compressed body and headers), compressed body, uncompressed. */
  scriptBytes: { transferred: number; encoded: number; decoded: number };
  /** Same-origin scripts with `transferSize` 0: served from a cache (should be 0 on a cold load). */
  scriptsFromCache: number;
  /** Requests before the first row was painted: the document and every resource. */
  requests: number;
  /** Bytes of every same-origin resource and the document on the wire. */
  transferredBytes: number;
  rows: number;
}

/**
 * Installed before the app's code: a large Resource Timing buffer, and a MutationObserver that
 * notes when the first portfolio row enters the DOM, then, after the next animation frame and a
 * task (the frame drawn), when it was painted.
 */
const WATCH_FIRST_ROW = `(() => {
  performance.setResourceTimingBufferSize(100000);
  const observer = new MutationObserver(() => {
    if (window.__firstRow || !document.querySelector('${ROWS}')) return;
    const firstRow = { inDom: performance.now() };
    window.__firstRow = firstRow;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { firstRow.painted = performance.now(); };
      channel.port2.postMessage(undefined);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Reads the figures of a load in the page, once the first row is painted. */
const READ_FIGURES = `(() => {
  const firstRow = window.__firstRow;
  const origin = location.origin;
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance
    .getEntriesByType('resource')
    .filter(e => e.startTime <= firstRow.painted);
  const scripts = resources.filter(
    e => e.initiatorType === 'script' || /\\.m?js(\\?|$)/.test(new URL(e.name).pathname),
  );
  const sum = (entries, key) => entries.reduce((s, e) => s + e[key], 0);
  const portfolio = resources.find(e => /\\/api\\/scorecards\\/portfolio\\?/.test(e.name));
  const sameOrigin = [navigation, ...resources].filter(e => e.name.startsWith(origin));
  return {
    firstRowMs: firstRow.painted,
    firstRowInDomMs: firstRow.inDom,
    domContentLoadedMs: navigation.domContentLoadedEventEnd,
    scriptsDoneMs: Math.max(0, ...scripts.map(e => e.responseEnd)),
    portfolioRequestMs: portfolio ? portfolio.startTime : NaN,
    portfolioResponseMs: portfolio ? portfolio.responseEnd : NaN,
    scripts: scripts.length,
    scriptBytes: {
      transferred: sum(scripts, 'transferSize'),
      encoded: sum(scripts, 'encodedBodySize'),
      decoded: sum(scripts, 'decodedBodySize'),
    },
    scriptsFromCache: scripts.filter(
      e => e.name.startsWith(origin) && e.transferSize === 0,
    ).length,
    requests: resources.length + 1,
    transferredBytes: sum(sameOrigin, 'transferSize'),
    rows: document.querySelectorAll('${ROWS}').length,
  };
})()`;

const VIEWPORT = { width: 1440, height: 900 };

/** One load of `/scorecards` in `context` (fresh: empty HTTP cache), timed in the page. */
async function loadOnce(
  context: BrowserContext,
  appUrl: string,
  timeoutMs: number,
  failureScreenshot: string,
): Promise<ColdLoad> {
  await context.addInitScript(WATCH_FIRST_ROW);
  const page = await context.newPage();
  try {
    await page.goto(`${appUrl}/scorecards`, { waitUntil: 'commit' });
    await page.waitForFunction(
      'window.__firstRow?.painted !== undefined',
      null,
      { timeout: timeoutMs, polling: 500 },
    );
    return (await page.evaluate(READ_FIGURES)) as ColdLoad;
  } catch (error) {
    await page.screenshot({ path: failureScreenshot, fullPage: true });
    throw new Error(
      `${(error as Error).message}; the page is in ${failureScreenshot}`,
    );
  }
}

/**
 * Signs in as the guest in a throwaway context and loads `/scorecards` there once, untimed (the
 * servers warm: the dev server's first requests, the backend's first queries); answers the
 * signed-in storage (the sign-in page remembers the guest in localStorage), without any cache.
 */
async function signedInStorage(
  browser: Browser,
  appUrl: string,
  timeoutMs: number,
) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await signInAsGuest(page, appUrl);
    await page.goto(`${appUrl}/scorecards`);
    await page.locator(ROWS).first().waitFor({ timeout: timeoutMs });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * Measures `runs` cold loads of `/scorecards` at `appUrl` in Chromium: the guest signed in once
 * (and one untimed warm-up load), then each load in a new browser context with only the
 * signed-in localStorage, so its HTTP cache is empty. `onLoad` hears each load's figures.
 */
export async function measureColdLoads(options: {
  appUrl: string;
  chromiumPath: string;
  runs: number;
  timeoutMs: number;
  failureScreenshot: string;
  onLoad: (load: ColdLoad, index: number) => void;
}): Promise<ColdLoad[]> {
  const { appUrl, timeoutMs } = options;
  const browser = await launchChromium(options.chromiumPath);
  try {
    const storageState = await signedInStorage(browser, appUrl, timeoutMs);
    const loads: ColdLoad[] = [];
    for (let i = 0; i < options.runs; i++) {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        storageState,
      });
      try {
        const load = await loadOnce(
          context,
          appUrl,
          timeoutMs,
          options.failureScreenshot,
        );
        loads.push(load);
        options.onLoad(load, i);
      } finally {
        await context.close();
      }
    }
    return loads;
  } finally {
    await browser.close();
  }
}
