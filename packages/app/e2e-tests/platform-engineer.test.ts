import { expect, test } from '@playwright/test';
import { waitForBackend } from './portal';

test.use({ viewport: { width: 1440, height: 1000 } });

test.beforeAll(({ request }) => waitForBackend(request));

test('a platform engineer goes from the map to a node, its scorecard, the rollout of that release and what holds it, before any click on an action', async ({
  page,
}) => {
  // The map is built from the catalog once it has ingested the demo estate (see the map's test).
  test.setTimeout(300_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Signed in only once the app shows its sidebar: a reload before that finds no session.
  await expect(page.getByRole('link', { name: 'Waybill home' })).toBeVisible();
  const graph = page.getByRole('group', {
    name: /Dependency graph of \d+ entities/,
  });
  await expect(async () => {
    await page.goto('/dependency-map?process=order-to-cash');
    await expect(
      graph.getByRole('button', { name: 'Inventory (erp-module)' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000, intervals: [10_000] });

  // The node leads to its release scorecard.
  await graph.getByRole('button', { name: 'Inventory (erp-module)' }).click();
  await page
    .getByRole('list', { name: 'Links for Inventory' })
    .getByRole('link', { name: 'Release scorecard' })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/inventory\/scorecards$/,
  );
  // The latest release, its verdict beside its grade.
  await expect(page.getByText('Release 5.2.0', { exact: true })).toBeVisible();
  await expect(
    page.getByLabel(/^gates: Blocked for (.+ and )?production$/).first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/journey-engineer-scorecard.png',
    fullPage: true,
  });

  // The scorecard leads to the rollouts of that release.
  await page
    .getByRole('link', { name: 'Rollouts of 5.2.0 to tenants' })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/inventory\/rollouts\?version=5\.2\.0$/,
  );
  await expect(page.getByText('Rollouts of 5.2.0')).toBeVisible();
  const rollouts = page.getByRole('table', { name: 'Rollouts' });
  await rollouts.getByRole('link', { name: '5.2.0', exact: true }).click();
  await expect(page).toHaveURL(/\/tenant-rollouts\/rollouts\/\d+$/);

  // The board shows what holds the start before anything is clicked: the failing gate.
  const held = page.getByRole('region', {
    name: /^Start wave 0 \(.+\): held$/,
  });
  await expect(held).toContainText('Scorecard gate:');
  await expect(held).toContainText('5.2.0 fails the production gate');
  await expect(
    page.getByRole('button', { name: /^Start wave 0 / }),
  ).toBeDisabled();
  await page.screenshot({
    path: 'test-results/screenshots/journey-engineer-blocked-rollout.png',
    fullPage: true,
  });
});
