import { APIRequestContext, expect, test } from '@playwright/test';
import { E2E_DEPLOY_TOKEN, waitForBackend } from './portal';
import { expectNoA11yViolations } from './a11y';

const API = 'http://localhost:7007/api/tenant-rollouts';

test.beforeAll(({ request }) => waitForBackend(request));

// Times on the board are the reader's: read in Berlin, they name Berlin's zone.
test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

/** A time written for a reader in Berlin, e.g. `Fri, 27 Nov 2026, 21:00 CET`. */
const BERLIN_TIME = /\d{4}, \d{2}:\d{2} (CET|CEST|GMT\+1|GMT\+2)/;

/** A raw ISO 8601 instant, which nothing shown to people should be. */
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

interface Tenant {
  ref: string;
  region: string;
}

/** Deployment tooling's side: the rollout's waves, and status reports, with its own token. */
function deployTooling(request: APIRequestContext, id: string) {
  const headers = { Authorization: `Bearer ${E2E_DEPLOY_TOKEN}` };
  return {
    async wave(index: number): Promise<Tenant[]> {
      const res = await request.get(`${API}/rollouts/${id}/waves/${index}`, {
        headers,
      });
      expect(res.status()).toBe(200);
      return (await res.json()).wave.tenants;
    },
    async report(statuses: Array<{ tenant: string; status: string }>) {
      const res = await request.post(`${API}/rollouts/${id}/tenants/status`, {
        headers,
        data: { statuses },
      });
      expect(res.status(), await res.text()).toBe(200);
    },
  };
}

test('a release manager rolls a release out to tenants: canary, a wave held by a freeze, failures isolated to one region', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Tenant rollouts' }).click();
  await expect(page).toHaveURL(/\/tenant-rollouts$/);

  // Plan a rollout of the demo release sales 7.4.0 to production with the e2e strategy.
  await page.getByRole('button', { name: 'New rollout' }).click();
  const dialog = page.getByRole('dialog');
  // The entity is picked from the catalog, the release from its scorecards (with its verdict).
  await dialog.getByLabel('Entity').fill('sales');
  await page.getByRole('option', { name: /^Sales Order Management/ }).click();
  await dialog.getByLabel('Version').click();
  await page.getByRole('option', { name: /^7\.4\.0/ }).click();
  await dialog.getByLabel('Environment').fill('production');
  await dialog.getByLabel('Strategy').click();
  await page.getByRole('option', { name: /^e2e/ }).click();
  await dialog.getByRole('button', { name: 'Create rollout' }).click();
  await expect(page).toHaveURL(/\/tenant-rollouts\/rollouts\/\d+$/);
  const id = page.url().split('/').pop()!;
  const tooling = deployTooling(request, id);
  const board = page.getByTestId('rollout-board');
  await expect(board).toContainText('planned');
  await expect(board).toHaveAttribute('data-tenants', '44');

  // Start: the canary wave deploys; deployment tooling reports it healthy.
  await page.getByRole('button', { name: 'Start wave 0 (canary)' }).click();
  await expect(page.getByLabel('Wave 0 canary: current')).toBeVisible();
  const canary = await tooling.wave(0);
  expect(canary).toHaveLength(3);
  // The board follows without a reload or a click: the status report signals it.
  await expect(page.getByTestId('rollout-board')).toContainText('updates live');
  await tooling.report(canary.map(t => ({ tenant: t.ref, status: 'healthy' })));
  await expect(page.getByLabel('Wave 0 canary: current')).toContainText(
    '3 of 3 healthy',
  );

  // Advance past the canary: Europe and the Americas deploy, and come up healthy.
  await page
    .getByRole('button', { name: 'Advance to wave 1 (europe-and-americas)' })
    .click();
  await expect(
    page.getByLabel('Wave 1 europe-and-americas: current'),
  ).toBeVisible();
  const second = await tooling.wave(1);
  await tooling.report(second.map(t => ({ tenant: t.ref, status: 'healthy' })));
  await page.getByRole('button', { name: 'Refresh' }).click();

  // Asia-Pacific is frozen: before any click, the board holds the advance, naming the window
  // and when each tenant opens, in the reader's time.
  const held = page.getByRole('region', {
    name: 'Advance to wave 2 (asia-pacific): held',
  });
  await expect(held).toContainText('Freeze window');
  const frozen = held.getByRole('list', { name: 'Frozen tenants' });
  await expect(frozen.getByRole('listitem').first()).toContainText(
    'Asia-Pacific data-centre move; opens',
  );
  await expect(frozen.getByRole('listitem').first()).toContainText(BERLIN_TIME);
  expect(await held.textContent()).not.toMatch(ISO_TIME);
  await expect(
    page.getByRole('button', { name: 'Advance to wave 2 (asia-pacific)' }),
  ).toBeDisabled();
  await expect(
    page.getByLabel('Wave 1 europe-and-americas: current'),
  ).toBeVisible();

  // Failures in Europe only: the verdict isolates them to that region.
  const europe = second.filter(t => t.region === 'europe').slice(0, 6);
  await tooling.report(europe.map(t => ({ tenant: t.ref, status: 'failed' })));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByLabel('Verdict')).toContainText(
    'isolated to region europe: 6 of 6 failures',
  );
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/tenant-rollouts-board.png',
    fullPage: true,
  });
  await page.getByLabel('Status').click();
  await page.getByRole('option', { name: 'failed' }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText('6 tenants shown')).toBeVisible();

  // The freeze calendar shows the window that held the wave, on a timeline.
  await nav.getByRole('link', { name: 'Tenant rollouts' }).click();
  await page.getByRole('tab', { name: 'Freeze calendar' }).click();
  await expect(page).toHaveURL(/\/tenant-rollouts\/freeze-calendar/);
  await expect(
    page.getByRole('img', { name: /^Asia-Pacific data-centre move / }).first(),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/tenant-rollouts-freeze-calendar.png',
    fullPage: true,
  });
});

test('a platform engineer sees what holds a rollout before any click: the failing gate of inventory 5.2.0, linked to its scorecard', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Tenant rollouts' }).click();

  // The demo plans inventory 5.2.0 for production; its gate fails, so it is still planned.
  const inventory = page
    .getByRole('table', { name: 'Rollouts' })
    .getByRole('row')
    .filter({ hasText: /inventory/i })
    .filter({ has: page.getByRole('link', { name: '5.2.0', exact: true }) });
  await expect(inventory).toHaveCount(1);
  await expect(inventory).toContainText('planned');
  await expectNoA11yViolations(page);
  await inventory.getByRole('link', { name: '5.2.0', exact: true }).click();
  await expect(page).toHaveURL(/\/tenant-rollouts\/rollouts\/\d+$/);

  // Nothing clicked yet: the start is held by the gate, which names its failing check and
  // links to the release's scorecard. The start is not the main action; nothing is.
  const held = page.getByRole('region', {
    name: /^Start wave 0 \(.+\): held$/,
  });
  await expect(held).toContainText('Scorecard gate:');
  await expect(held).toContainText('5.2.0 fails the production gate');
  await expect(
    held.getByRole('list', { name: 'Gate checks' }).getByRole('listitem'),
  ).not.toHaveCount(0);
  expect(await held.textContent()).not.toMatch(ISO_TIME);
  expect(await held.textContent()).not.toContain('component:default/');
  const start = page.getByRole('button', { name: /^Start wave 0 / });
  await expect(start).toBeDisabled();
  await expect(page.getByLabel('Gate', { exact: true })).toContainText(
    'The production gate fails',
  );
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/tenant-rollouts-blocked-start.png',
    fullPage: true,
  });

  // The link leads to the release's scorecard.
  await held
    .getByRole('link', { name: /^Open the scorecard of .+ 5\.2\.0$/ })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/inventory\/scorecards\?release=5\.2\.0$/,
  );
  // The scorecard opens on that release.
  await expect(page.getByText('Release 5.2.0', { exact: true })).toBeVisible();
});
