import { expect, test } from '@playwright/test';
import { waitForBackend } from './portal';
import { expectNoA11yViolations } from './a11y';

// A larger window than the default, so the screenshots show the graph beside its deploy stages.
test.use({ viewport: { width: 1440, height: 1000 } });

test.beforeAll(({ request }) => waitForBackend(request));

test('a release manager maps order-to-cash, sees the inventory cycle, checks inventory’s blast radius and plans a release train', async ({
  page,
}) => {
  // On a fresh portal the backend's first graph can be built before the catalog has ingested the
  // demo estate; a request finding the graph older than 30 s (dependencyMap.refresh.maxAge)
  // rebuilds it, so wait for a graph that holds the estate.
  test.setTimeout(300_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Signed in before any reload: a reload racing the guest sign-in lands on the sign-in page.
  // (The sidebar's nav has no box of its own; its logo link shows.)
  await expect(page.getByRole('link', { name: 'Waybill home' })).toBeVisible();
  await expect(async () => {
    await page.goto('/dependency-map?kind=component');
    await expect(
      page.getByRole('button', { name: 'Inventory (erp-module)' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000, intervals: [10_000] });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Dependency map', exact: true }).click();
  await expect(page).toHaveURL(/\/dependency-map$/);
  // The estate reads without its tenants and data stores until asked for.
  await expect(
    page.getByRole('checkbox', { name: 'Show tenants' }),
  ).not.toBeChecked();
  await expect(page.getByTestId('graph-caption')).toContainText(
    /are hidden: show them with the switches above\./,
  );

  // The map for order-to-cash, laid out in a Web Worker (said in a tooltip, not in the copy).
  await page.getByLabel('Business process', { exact: true }).click();
  await page.getByRole('option', { name: 'Order to Cash' }).click();
  await expect(page).toHaveURL(/process=order-to-cash/);
  const graph = page.getByRole('group', {
    name: /Dependency graph of \d+ entities/,
  });
  await expect(
    graph.getByRole('button', { name: 'Inventory (erp-module)' }),
  ).toBeVisible();
  const caption = page.getByTestId('graph-caption');
  await expect(caption).toHaveAttribute(
    'title',
    /^Laid out in \d+ ms in a Web Worker\.$/,
  );
  await expect(caption).not.toContainText('Laid out');

  // The inventory ⇄ purchase cycle is flagged by title (Purchasing is outside this view), on the
  // node and in the deploy stages.
  await expect(page.getByText(/Cycle: Inventory ⇄ Purchasing\./)).toBeVisible();
  await expect(
    graph.getByRole('button', { name: 'Inventory (erp-module)' }),
  ).toHaveAttribute('data-in-cycle', 'true');
  const stages = page.getByRole('table', { name: 'Deploy stages' });
  await expect(stages.getByText(/Blocked by a cycle/)).toBeVisible();
  // The node leads to its release scorecard, rollouts and blast radius.
  await graph.getByRole('button', { name: 'Inventory (erp-module)' }).click();
  const links = page.getByRole('list', { name: 'Links for Inventory' });
  await expect(
    links.getByRole('link', { name: 'Release scorecard' }),
  ).toHaveAttribute('href', '/catalog/default/component/inventory/scorecards');
  await expect(links.getByRole('link', { name: 'Rollouts' })).toHaveAttribute(
    'href',
    '/catalog/default/component/inventory/rollouts',
  );
  await expect(
    links.getByRole('link', { name: 'Blast radius' }),
  ).toHaveAttribute(
    'href',
    '/catalog/default/component/inventory/dependencies',
  );
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/dependency-map-order-to-cash.png',
    fullPage: true,
  });

  // The whole estate's components: both ends of the cycle are drawn, with red edges.
  await page.goto('/dependency-map?kind=component');
  await expect(
    page
      .locator('[data-testid="dependency-graph"] path[data-cycle="true"]')
      .first(),
  ).toBeAttached();
  await expect(
    page.getByText(/Cycle: (Inventory ⇄ Purchasing|Purchasing ⇄ Inventory)\./),
  ).toBeVisible();

  // An ERP module's blast radius: the dependencies tab of inventory.
  // (The counts depend on how much of the demo catalog the fresh portal had ingested when the
  // backend first built its graph: 44 tenants once it is all in.)
  await page.goto('/catalog/default/component/inventory/dependencies');
  await expect(page.getByLabel('Blast radius summary')).toContainText(
    /Changing Inventory affects [1-9]\d* entities, [1-9] business processes and [1-9]\d* tenants\./,
  );
  await expect(page.getByText(/^Deploy stage \d+ of \d+$/)).toBeVisible();
  await expect(page.getByText(/^Tenants affected \([1-9]\d*\)$/)).toBeVisible();
  // Its real consumers are counted and listed; its tenants are summed up until asked for.
  await expect(
    page.getByText(/^Downstream: what needs Inventory \([1-9]\d*\)$/),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^and [1-9]\d* tenants?$/ }),
  ).toHaveAttribute('aria-expanded', 'false');
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/dependency-map-entity-tab.png',
    fullPage: true,
  });

  // A release train of three changes: the pricing API, its provider and the portal.
  await page.goto('/dependency-map/release-train');
  await page
    .getByLabel('Paste a list')
    .fill('customer-portal 5.0.0\napi:pricing-api 3.0.0\npricing-api 3.0.0');
  await page.getByRole('button', { name: 'Add pasted changes' }).click();
  await expect(page.getByText('3 changes')).toBeVisible();
  await page.getByRole('button', { name: 'Plan release train' }).click();
  const sequence = page.getByRole('list', { name: 'Safe sequence' });
  await expect(sequence.getByRole('listitem')).toHaveCount(3);
  await expect(sequence.getByRole('listitem').nth(2)).toContainText(
    'Customer Portal',
  );
  await expect(sequence.getByRole('listitem').nth(2)).toContainText(
    '(stage 2)',
  );
  await expect(page.getByText(/^Safe: 2 deploy stages/)).toBeVisible();
  await expectNoA11yViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^release-train-.*\.md$/,
  );
  await page.screenshot({
    path: 'test-results/screenshots/dependency-map-release-train.png',
    fullPage: true,
  });
});
