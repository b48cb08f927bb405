import { expect, test } from '@playwright/test';
import { waitForBackend } from './portal';
import { expectNoA11yViolations } from './a11y';

test.beforeAll(({ request }) => waitForBackend(request));

test('a guest signs in, finds the demo estate in the catalog and opens an ERP module', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Catalog', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog/);

  // The catalog starts on the guest's own components; widen to all of them. The picker settles
  // on "Owned" (URL and counts) after the page shows; a click before that is undone by it.
  await expect(
    page.getByRole('heading', { level: 2, name: /^Owned Components \(\d+\)$/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/filters%5Buser%5D=owned|filters\[user\]=owned/);
  await page.getByTestId('user-picker-all').click();
  await expect(
    page.getByRole('heading', { level: 2, name: /^All Components \(\d+\)$/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/filters%5Buser%5D=all|filters\[user\]=all/);
  const table = page.getByRole('table');
  for (const name of [
    'Sales Order Management',
    'Inventory',
    'EDI Gateway',
    'Customer Portal',
  ]) {
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // Every component's release verdict beside its grade: the blocked inventory release reads so.
  await expect(
    table.getByRole('columnheader', { name: 'Grade' }),
  ).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Gate' })).toBeVisible();
  const inventoryRow = table.getByRole('row').filter({
    has: page.getByRole('link', { name: 'Inventory', exact: true }),
  });
  await expect(
    inventoryRow.getByRole('link', { name: /^grade [A-F] \S+$/ }),
  ).toBeVisible();
  await expect(
    inventoryRow.getByRole('link', {
      name: /^gates: Blocked for (.+ and )?production$/,
    }),
  ).toHaveAttribute(
    'href',
    /\/catalog\/default\/component\/inventory\/scorecards\?release=/,
  );
  await page.screenshot({
    path: 'test-results/screenshots/catalog.png',
    fullPage: true,
  });

  // The Release gate filter narrows the catalog to the blocked components.
  await page
    .getByRole('group', { name: 'Release gate' })
    .getByRole('checkbox', { name: 'Blocked' })
    .check();
  await expect(page).toHaveURL(
    /filters%5BreleaseGate%5D=blocked|filters\[releaseGate\]=blocked/,
  );
  // On a fresh portal the user picker can still settle back on "Owned" late (see above); the
  // list the filter narrows is all components.
  await expect(async () => {
    if (
      await page.getByRole('heading', { name: /^Owned Components/ }).count()
    ) {
      await page.getByTestId('user-picker-all').click();
    }
    await expect(
      table.getByRole('link', { name: 'Inventory', exact: true }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page).toHaveURL(
    /filters%5BreleaseGate%5D=blocked|filters\[releaseGate\]=blocked/,
  );
  await expect(table.getByText('Passes every gate')).toHaveCount(0);
  await expectNoA11yViolations(page, {
    known: [
      {
        rule: 'nested-interactive',
        target: '[class*="MuiTableSortLabel-root"]',
        why: "Backstage's own catalog table (material-table): its sortable column headers hold a button",
      },
    ],
  });

  await table.getByRole('link', { name: 'Inventory', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/inventory/);
  await expect(
    page.getByRole('heading', { name: 'Inventory' }).first(),
  ).toBeVisible();
  await expect(page.getByText('erp-module').first()).toBeVisible();
  await expect(page.getByText('About', { exact: true })).toBeVisible();
  await expect(page.getByText('Depends on components')).toBeVisible();
  // The release scorecard leads the overview, its gate verdict beside the grade: above the
  // relations and dependencies cards, not at the bottom.
  const scorecard = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByText('Release scorecard', { exact: true }) })
    .first();
  await expect(
    scorecard.getByLabel(/^gates: Blocked for (.+ and )?production$/),
  ).toBeVisible();
  const scorecardTop = (await scorecard.boundingBox())!.y;
  const dependsOnTop = (await page
    .getByText('Depends on components')
    .boundingBox())!.y;
  expect(scorecardTop).toBeLessThan(dependsOnTop);
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/entity-inventory.png',
    fullPage: true,
  });
});
