import { expect, Page, test } from '@playwright/test';
import { waitForBackend } from './portal';

test.beforeAll(({ request }) => waitForBackend(request));

/** The Waybill pages, each with what shows once its data is in. */
const PAGES: Array<{
  name: string;
  path: string;
  loaded: (page: Page) => Promise<void>;
}> = [
  {
    name: 'home',
    path: '/',
    loaded: page =>
      expect(
        page.getByText('Your rollouts in flight', { exact: true }),
      ).toBeVisible(),
  },
  {
    name: 'scorecards-portfolio',
    path: '/scorecards',
    loaded: page =>
      expect(
        page
          .getByRole('table', { name: 'Portfolio' })
          .getByRole('link', { name: 'Inventory', exact: true }),
      ).toBeVisible(),
  },
  {
    name: 'scorecards-entity-tab',
    path: '/catalog/default/component/inventory/scorecards?release=5.2.0',
    loaded: page =>
      expect(page.getByText('Release 5.2.0', { exact: true })).toBeVisible(),
  },
  {
    name: 'tenant-rollouts',
    path: '/tenant-rollouts',
    loaded: page =>
      expect(page.getByRole('table', { name: 'Rollouts' })).toBeVisible(),
  },
  {
    name: 'freeze-calendar',
    path: '/tenant-rollouts/freeze-calendar',
    loaded: page =>
      expect(page.getByRole('table', { name: 'Next freezes' })).toBeVisible(),
  },
  {
    name: 'dependency-map',
    path: '/dependency-map',
    loaded: page =>
      expect(
        page.getByRole('group', { name: /^Dependency graph of \d+ entities/ }),
      ).toBeVisible(),
  },
  {
    name: 'release-train',
    path: '/dependency-map/release-train',
    loaded: page => expect(page.getByLabel('Paste a list')).toBeVisible(),
  },
  {
    name: 'entity-overview',
    path: '/catalog/default/component/inventory',
    loaded: page =>
      expect(
        page.getByText('Release scorecard', { exact: true }),
      ).toBeVisible(),
  },
];

/**
 * A card, or a box that scrolls sideways on purpose (a table's `TableScroller`). The app's
 * Material UI class names carry a suffix (`MuiPaper-root-962`), hence the substring match.
 */
const CARD_SELECTOR =
  '[class*="MuiPaper-root"], [class*="MuiCard-root"], [role="region"]';

/** The drawer of the sidebar: 72 px wide when collapsed, 224 px when open. */
const drawerWidth = (page: Page) =>
  page.evaluate(
    () =>
      document
        .querySelector('[data-testid="sidebar-root"] > div')
        ?.getBoundingClientRect().width,
  );

for (const width of [800, 1024]) {
  test(`at ${width} px the Waybill pages fit the window: no sideways scrolling of the page${
    width === 800 ? ', the sidebar collapsed' : ''
  }`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    // Signed in before any reload: a reload racing the guest sign-in lands on the sign-in page.
    // (The sidebar's nav has no box of its own; its logo link shows.)
    await expect(
      page.getByRole('link', { name: 'Waybill home' }),
    ).toBeVisible();

    // A rollout board: the demo's rollouts are seeded over HTTP once the backend is up.
    const rollout = page
      .getByRole('table', { name: 'Rollouts' })
      .getByRole('link', { name: /^\d+\.\d+\.\d+$/ })
      .first();
    await expect(async () => {
      await page.goto('/tenant-rollouts');
      await expect(rollout).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 240_000, intervals: [5_000] });
    await rollout.click();
    await expect(page).toHaveURL(/\/tenant-rollouts\/rollouts\/\d+$/);
    const board = new URL(page.url()).pathname;
    const pages = [
      ...PAGES,
      {
        name: 'rollout-board',
        path: board,
        loaded: (p: Page) =>
          expect(p.getByTestId('rollout-board')).toBeVisible(),
      },
    ];

    for (const { name, path, loaded } of pages) {
      await test.step(name, async () => {
        await page.goto(path);
        await loaded(page);
        if (width === 800) {
          // Below Backstage's sidebar breakpoint the sidebar is icons only.
          await expect.poll(() => drawerWidth(page)).toBeLessThanOrEqual(72);
          await expect(
            page
              .getByRole('navigation', { name: 'sidebar nav' })
              .getByText('Scorecards', { exact: true }),
          ).toHaveCount(0);
        }
        // Wide content (tables, the timeline, the graph) scrolls inside its card, not the page:
        // the document does not scroll sideways, and neither does any wide box outside a card.
        const overflow = await page.evaluate(CARD => {
          const { scrollWidth, clientWidth } = document.documentElement;
          const describe = (e: Element) =>
            `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`;
          const pageScrollers = [...document.querySelectorAll('body *')]
            .filter(e => {
              const { overflowX } = getComputedStyle(e);
              const wideBox =
                e.getBoundingClientRect().width >= clientWidth / 2;
              return (
                (overflowX === 'auto' ||
                  overflowX === 'scroll' ||
                  (wideBox &&
                    (overflowX === 'hidden' || overflowX === 'clip'))) &&
                e.scrollWidth > e.clientWidth + 1 &&
                !e.closest(CARD)
              );
            })
            .map(describe);
          // A card that cuts its content off (cards hide their overflow).
          const clippingCards = [
            ...document.querySelectorAll(
              '[class*="MuiPaper-root"], [class*="MuiCard-root"]',
            ),
          ]
            .filter(e => e.scrollWidth > e.clientWidth + 1)
            .map(describe);
          return { scrollWidth, clientWidth, pageScrollers, clippingCards };
        }, CARD_SELECTOR);
        expect
          .soft(
            overflow.scrollWidth,
            `${path}: the document is wider than the ${width} px window`,
          )
          .toBeLessThanOrEqual(overflow.clientWidth);
        expect
          .soft(
            overflow.pageScrollers,
            `${path}: content wider than the ${width} px window outside a card`,
          )
          .toEqual([]);
        expect
          .soft(overflow.clippingCards, `${path}: cards that cut content off`)
          .toEqual([]);
        await page.screenshot({
          path: `test-results/screenshots/layout-${width}-${name}.png`,
          fullPage: true,
        });
      });
    }
  });
}
