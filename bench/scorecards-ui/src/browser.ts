import { Locator, Page } from '@playwright/test';
import { inChromium, summarize, LatencySummary } from '@waybill/bench-utils';

const ROWS = 'table[aria-label="Portfolio"] tbody tr';
const RANGE = '[data-testid="portfolio-range"]';

/** What the browser measured on the portfolio page. */
export interface BrowserFigures {
  /** Full page load of /scorecards, from navigation start to the first page of rows painted. */
  pageLoad: LatencySummary;
  /** In-app navigation from the home page to the portfolio, click to first page painted. */
  navigation: TimingSummary;
  /** Picking a business process in the filter, click to the filtered first page painted. */
  filter: TimingSummary;
  /** Portfolio page requests the browser made, and their average response size. */
  portfolioRequests: { count: number; meanBytes: number; maxLimit: number };
  rowsPerPage: number;
  totalServices: string;
}

/** Summaries of timed interactions: the whole, and the portfolio request within it. */
export interface TimingSummary {
  total: LatencySummary;
  requestStart: LatencySummary;
  request: LatencySummary;
}

function summarizeTimings(timings: Timing[]): TimingSummary {
  return {
    total: summarize(timings.map(t => t.ms)),
    requestStart: summarize(timings.map(t => t.requestStartMs)),
    request: summarize(timings.map(t => t.requestMs)),
  };
}

/** Waits in the page, frame by frame, until `ready` holds, then one more frame so it is painted. */
const PAINTED = `
  async (ready, timeoutMs) => {
    const start = performance.now();
    await new Promise((resolve, reject) => {
      const check = () => {
        if (ready()) return resolve(undefined);
        if (performance.now() - start > timeoutMs) return reject(new Error('timed out'));
        requestAnimationFrame(check);
      };
      check();
    });
    await new Promise(resolve => requestAnimationFrame(() => resolve(undefined)));
  }`;

/** Time of the last click the page saw, from a capture-phase listener: the timed span starts at the real click. */
const RECORD_CLICKS = `document.addEventListener('click', () => { window.__waybillClickAt = performance.now(); }, true);`;

/** A timed interaction: click to painted, and how the portfolio request inside it spent that time. */
export interface Timing {
  /** Click to the result painted. */
  ms: number;
  /** Click to the portfolio page request leaving the browser. */
  requestStartMs: number;
  /** The portfolio page request, sent to last byte received (network and backend). */
  requestMs: number;
}

/**
 * Waits in the page until `ready` holds and is painted; returns the time since the last click,
 * with the timing of the portfolio page request made since.
 */
async function sinceClick(page: Page, ready: string): Promise<Timing> {
  return page.evaluate(
    `(async () => {
      const painted = ${PAINTED};
      await painted(() => ${ready}, 30000);
      const clickAt = window.__waybillClickAt;
      const request = performance
        .getEntriesByType('resource')
        .filter(e => /\\/api\\/scorecards\\/portfolio\\?/.test(e.name) && e.startTime >= clickAt)
        .pop();
      return {
        ms: performance.now() - clickAt,
        requestStartMs: request ? request.startTime - clickAt : NaN,
        requestMs: request ? request.responseEnd - request.startTime : NaN,
      };
    })()`,
  );
}

/** Opens the business-process filter and times picking `label` until the new first page is painted. */
async function timeFilter(page: Page, label: string): Promise<Timing> {
  const before = await page.locator(RANGE).textContent();
  // The previous choice's menu is gone before this one opens.
  await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
  await page.locator('#scorecards-business-process').click();
  await page.getByRole('option', { name: label, exact: true }).click();
  return sinceClick(
    page,
    `(() => {
      const range = document.querySelector('${RANGE}');
      return range && range.textContent !== ${JSON.stringify(
        before,
      )} && !document.querySelector('.MuiLinearProgress-root');
    })()`,
  );
}

/** Portfolio page responses as the browser receives them: size, and the page size asked. */
function recordPortfolioResponses(
  page: Page,
): Array<{ bytes: number; limit: number }> {
  const responses: Array<{ bytes: number; limit: number }> = [];
  page.on('response', async response => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('/api/scorecards/portfolio')) {
      const body = await response.body().catch(() => Buffer.alloc(0));
      responses.push({
        bytes: body.length,
        limit: Number(url.searchParams.get('limit')),
      });
    }
  });
  return responses;
}

/** Times in-app navigations home -> portfolio, `runs` after one warm-up. */
async function timeNavigations(
  page: Page,
  sidebar: Locator,
  runs: number,
  rowsPerPage: number,
): Promise<Timing[]> {
  const navigation: Timing[] = [];
  for (let i = 0; i <= runs; i++) {
    // The home item, not the logo (which links to / under the same name).
    await sidebar.locator('a[href="/home"]').click();
    await page.waitForURL(url => url.pathname === '/home');
    // The home page settles (its lazy parts loaded) before the timed click.
    await page.waitForLoadState('networkidle');
    await sidebar
      .getByRole('link', { name: 'Scorecards', exact: true })
      .click();
    const ms = await sinceClick(
      page,
      `document.querySelectorAll('${ROWS}').length >= ${rowsPerPage}`,
    );
    // The first one also loads the plugin's code; it is the warm-up.
    if (i > 0) navigation.push(ms);
  }
  return navigation;
}

/** Times business-process filter changes, `runs` after one warm-up. */
async function timeFilters(page: Page, runs: number): Promise<Timing[]> {
  const processes = [
    'Order to Cash',
    'Procure to Pay',
    'Inventory Allocation',
    'Record to Report',
  ];
  const filter: Timing[] = [];
  for (let i = 0; i <= runs; i++) {
    const ms = await timeFilter(page, processes[i % processes.length]);
    if (i > 0) filter.push(ms);
  }
  return filter;
}

/** Times full page loads of /scorecards, at most 10 after one warm-up. */
async function timePageLoads(
  page: Page,
  appUrl: string,
  runs: number,
  rowsPerPage: number,
): Promise<number[]> {
  const pageLoad: number[] = [];
  for (let i = 0; i <= Math.min(runs, 10); i++) {
    await page.goto(`${appUrl}/scorecards`);
    const ms = (await page.evaluate(
      `(async () => {
          const painted = ${PAINTED};
          await painted(() => document.querySelectorAll('${ROWS}').length >= ${rowsPerPage}, 60000);
          return performance.now();
        })()`,
    )) as number;
    if (i > 0) pageLoad.push(ms);
  }
  return pageLoad;
}

/**
 * Measures the portfolio page in Chromium against the running portal: page loads, in-app
 * navigations and filter changes, `runs` of each after one warm-up.
 */
export async function measurePortfolioPage(options: {
  /** Where the portal answers. */
  appUrl: string;
  chromiumPath: string;
  runs: number;
  rowsPerPage: number;
  failureScreenshot: string;
  log: (line: string) => void;
}): Promise<BrowserFigures> {
  const { appUrl, runs, rowsPerPage, log } = options;
  return inChromium(
    {
      chromiumPath: options.chromiumPath,
      initScript: RECORD_CLICKS,
      failureScreenshot: options.failureScreenshot,
    },
    async page => {
      const portfolioResponses = recordPortfolioResponses(page);

      await page.goto(`${appUrl}/`);
      await page.getByRole('button', { name: 'Enter' }).click();
      const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
      await sidebar
        .getByRole('link', { name: 'Scorecards', exact: true })
        .waitFor();

      log('in-app navigation to the portfolio');
      const navigation = await timeNavigations(
        page,
        sidebar,
        runs,
        rowsPerPage,
      );
      const totalServices =
        (await page.locator(RANGE).textContent())?.replace(/^.* of /, '') ??
        '?';

      log('business-process filter');
      const filter = await timeFilters(page, runs);

      log('full page loads of /scorecards');
      const pageLoad = await timePageLoads(page, appUrl, runs, rowsPerPage);

      return {
        pageLoad: summarize(pageLoad),
        navigation: summarizeTimings(navigation),
        filter: summarizeTimings(filter),
        portfolioRequests: {
          count: portfolioResponses.length,
          meanBytes: Math.round(
            portfolioResponses.reduce((s, r) => s + r.bytes, 0) /
              Math.max(1, portfolioResponses.length),
          ),
          maxLimit: Math.max(...portfolioResponses.map(r => r.limit)),
        },
        rowsPerPage,
        totalServices,
      };
    },
  );
}
