import { expect, test } from '@playwright/test';
import { recordWaiverRequest } from '@waybill/golden-path';
import { expectNoA11yViolations } from './a11y';
import { E2E_AUDITOR_TOKEN, E2E_JOURNEY, waitForBackend } from './portal';

test.beforeAll(({ request }) => waitForBackend(request));

const DAY_MS = 24 * 60 * 60 * 1000;
const release =
  'http://localhost:7007/api/scorecards/entities/component/default/inventory/releases/5.2.0';

test("waivers of inventory 5.2.0's blocking production checks: the guest's own request cannot be approved by the guest, a developer's requests are approved by the guest as release manager, the gate passes with waivers, and revoking them blocks it again", async ({
  page,
  request,
}) => {
  const headers = { Authorization: `Bearer ${E2E_AUDITOR_TOKEN}` };
  await expect
    .poll(async () => (await request.get(release, { headers })).status(), {
      timeout: 120_000,
    })
    .toBe(200);
  const gate = await (
    await request.get(`${release}/gates/production`, { headers })
  ).json();
  const blocking: Array<{ checkId: string; title: string }> =
    gate.reasons.filter(
      (r: { enforcement: string }) => r.enforcement === 'fail',
    );
  expect(blocking.length).toBeGreaterThan(0);

  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.goto(
    '/catalog/default/component/inventory/scorecards?release=5.2.0',
  );
  await expect(page.getByText('production: fail')).toBeVisible();
  const waivers = page.getByRole('table', { name: 'Waivers' });

  // The guest asks for a waiver of the first blocking check, and may not approve it.
  await page
    .getByRole('button', {
      name: `Request waiver of ${blocking[0].title} for production`,
    })
    .click();
  const ask = page.getByRole('dialog');
  await ask
    .getByLabel('Reason')
    .fill('CVE-2025-29927 is not reachable: the middleware path is unused');
  await ask.getByRole('button', { name: 'Request waiver' }).click();
  await expect(ask).toBeHidden();
  await expect(waivers.getByText('pending approval')).toBeVisible();
  const own = waivers.getByRole('button', {
    name: /^Approve the production waiver of /,
  });
  await expect(own).toBeDisabled();
  await expect(
    page.getByText(
      'You asked for this waiver: another person must approve it.',
    ),
  ).toBeAttached();
  await expectNoA11yViolations(page);
  await page
    .getByRole('button', { name: /^Revoke the production waiver of / })
    .click();
  const withdraw = page.getByRole('dialog');
  await withdraw
    .getByLabel('Reason')
    .fill('Asked for by mistake, a developer asks');
  await withdraw.getByRole('button', { name: 'Revoke waiver' }).click();
  await expect(withdraw).toBeHidden();

  // A developer asked to waive every blocking check; the guest, a release manager, approves.
  for (const check of blocking) {
    await recordWaiverRequest(E2E_JOURNEY.databaseDirectory, {
      entityRef: 'component:default/inventory',
      versionRange: '5.2.0',
      environment: 'production',
      checkId: check.checkId,
      reason: 'Not reachable in 5.2.0; the fix ships with 5.2.1',
      requestedBy: 'user:default/ana',
      expiresAt: new Date(Date.now() + 5 * DAY_MS),
    });
  }
  await page.reload();
  for (let i = 0; i < blocking.length; i += 1) {
    await waivers
      .getByRole('button', { name: /^Approve the production waiver of / })
      .and(page.locator(':enabled'))
      .first()
      .click();
    const approve = page.getByRole('dialog');
    await approve.getByRole('button', { name: 'Approve waiver' }).click();
    await expect(approve).toBeHidden();
  }
  // Every blocking check waived: the gate lets the release through (warnings may remain).
  const { decision } = await (
    await request.get(`${release}/gates/production`, { headers })
  ).json();
  expect(decision).not.toBe('fail');
  await expect(
    page
      .getByText(
        `production: ${decision} (${blocking.length} waiver${
          blocking.length === 1 ? '' : 's'
        })`,
      )
      .first(),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.screenshot({
    path: 'test-results/screenshots/scorecards-gate-waived.png',
    fullPage: true,
  });

  // Revoked: the gate is what the evidence says again (the rollout test relies on it failing).
  for (let i = 0; i < blocking.length; i += 1) {
    await page
      .getByRole('button', { name: /^Revoke the production waiver of / })
      .first()
      .click();
    const revoke = page.getByRole('dialog');
    await revoke
      .getByLabel('Reason')
      .fill('5.2.1 is out; the waiver is not needed');
    await revoke.getByRole('button', { name: 'Revoke waiver' }).click();
    await expect(revoke).toBeHidden();
  }
  await expect(page.getByText('production: fail')).toBeVisible();
  await expect(waivers.getByText(/^revoked by /).first()).toBeVisible();
});
