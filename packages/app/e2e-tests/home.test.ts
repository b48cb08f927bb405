import { expect, test } from '@playwright/test';
import { waitForBackend } from './portal';
import { expectNoA11yViolations } from './a11y';

test.beforeAll(({ request }) => waitForBackend(request));

test('the front door at / shows a developer what needs them, and leads to the board of their rollout', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByText('Looks like someone dropped the mic!'),
  ).toHaveCount(0);
  for (const title of [
    'Your blocked releases',
    'Your rollouts in flight',
    'Freezes this week',
    'What Waybill does',
  ]) {
    await expect(page.getByText(title, { exact: true })).toBeVisible();
  }

  // The guest is on order management, whose Sales canary the demo seeds: it is in flight.
  const rollouts = page.getByRole('table', { name: 'Rollouts' });
  const sales = rollouts.getByRole('row').filter({ hasText: /sales/i });
  await expect(sales).toHaveCount(1);
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/home.png',
    fullPage: true,
  });
  await sales.getByRole('link', { name: /^\d+\.\d+\.\d+$/ }).click();
  await expect(page).toHaveURL(/\/tenant-rollouts\/rollouts\/\d+$/);

  // The sidebar logo leads back to the front door.
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(
    page.getByText('Your rollouts in flight', { exact: true }),
  ).toBeVisible();
});
