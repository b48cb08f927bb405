import { expect, test } from '@playwright/test';
import { waitForBackend } from './portal';
import { expectNoA11yViolations } from './a11y';

test.beforeAll(({ request }) => waitForBackend(request));

/** `datetime-local` wants local time without a zone (the browser runs in this machine's zone). */
function localInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const DAY_MS = 24 * 60 * 60 * 1000;

test('a release manager goes from the front door to the blocked inventory release, learns why, overrides its production gate until an expiry and revokes the override', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // The front door: beyond their own services, every release production's gate blocks.
  await page
    .getByRole('link', { name: 'Every release blocked for production' })
    .click();
  await expect(page).toHaveURL(/\/scorecards\?gate=production%3Afail/);

  // The demo evidence is seeded over HTTP once the backend is up.
  const table = page.getByRole('table', { name: 'Portfolio' });
  await expect(
    table.getByRole('link', { name: 'Inventory', exact: true }),
  ).toBeVisible();
  await expect(page.getByText('Grade distribution')).toBeVisible();
  const rows = table.locator('tbody tr');
  for (const text of await rows.allInnerTexts()) {
    expect(text).toContain('production: fail');
  }

  // Narrowed to a business process: the filter joins the gate's in the URL.
  await page.getByLabel('Business process').click();
  await page.getByRole('option', { name: 'Order to Cash' }).click();
  await expect(page).toHaveURL(/businessProcess=order-to-cash/);
  await expect(page).toHaveURL(/gate=production%3Afail/);
  await expect(rows.first()).toContainText('order-to-cash');
  for (const text of await rows.allInnerTexts()) {
    expect(text).toContain('order-to-cash');
  }
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/scorecards-portfolio.png',
    fullPage: true,
  });

  // The blocked release: why, and what to do about it.
  const inventory = rows.filter({
    has: page.getByRole('link', { name: 'Inventory', exact: true }),
  });
  await inventory.getByRole('link', { name: '5.2.0' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/inventory\/scorecards\?release=5\.2\.0/,
  );
  await expect(page.getByText('Release 5.2.0')).toBeVisible();
  await expect(page.getByText('production: fail')).toBeVisible();
  await expect(
    page
      .getByText(/^Blocks: No critical dependency vulnerabilities \(fail\)/)
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/^Fix: Run npm audit fix/).first()).toBeVisible();
  await expect(
    page
      .getByRole('list', { name: 'Worst vulnerabilities' })
      .getByText(/^CVE-2025-29927 \(critical/),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/scorecards-entity-tab.png',
    fullPage: true,
  });

  // The guest takes release-management rotations, so it may override the gate: until an expiry,
  // which the configured cap (scorecards.overrides.maxDurationDays, 14 by default) bounds.
  await page.getByRole('button', { name: 'Override production gate' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel('Reason')
    .fill(
      'Hotfix for the EDI outage; CVE-2025-29927 is not reachable, patched in 5.2.1',
    );
  const expires = dialog.getByLabel('Expires');
  await expires.fill(localInput(new Date(Date.now() + 30 * DAY_MS)));
  await expect(
    dialog.getByText(/^An override may last at most 14 days/),
  ).toBeVisible();
  await expect(
    dialog.getByRole('button', { name: 'Override gate' }),
  ).toBeDisabled();
  await expires.fill(localInput(new Date(Date.now() + 3 * DAY_MS)));
  await dialog.getByRole('button', { name: 'Override gate' }).click();
  await expect(page.getByText('production: pass (overridden)')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Overrides' }).getByText(/expires /),
  ).toBeVisible();
  await expect(
    page
      .getByRole('list', { name: 'Overrides' })
      .getByText(/Hotfix for the EDI outage/),
  ).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/scorecards-gate-overridden.png',
    fullPage: true,
  });

  // The hotfix shipped: the manager revokes the override. It stays on the release's record, and
  // the gate answers from the evidence again (the rollout test relies on inventory 5.2.0 failing).
  await page
    .getByRole('button', { name: /^Revoke the production override by / })
    .click();
  const revoke = page.getByRole('dialog');
  await revoke
    .getByLabel('Reason')
    .fill('EDI outage over; the CVE patch ships in 5.2.1');
  await revoke.getByRole('button', { name: 'Revoke override' }).click();
  await expect(revoke).toBeHidden();
  await expect(page.getByText('production: fail')).toBeVisible();
  await expect(
    page
      .getByRole('list', { name: 'Overrides' })
      .getByText(
        /revoked by .*: EDI outage over; the CVE patch ships in 5\.2\.1/,
      ),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^Revoke the production override by / }),
  ).toHaveCount(0);
});
