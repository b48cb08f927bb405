// The journey runs the generated pipeline in Node (Playwright), not in the app's bundle.
// eslint-disable-next-line no-restricted-imports
import fs from 'fs';
// eslint-disable-next-line no-restricted-imports
import os from 'os';
// eslint-disable-next-line no-restricted-imports
import path from 'path';
import { expect, Page, test } from '@playwright/test';
import {
  git,
  githubRun,
  OidcIssuer,
  registerLocation,
  RepoHost,
  RunningService,
  ScaffoldedService,
  startFakeGithub,
  startGitHttpBackend,
  Stubs,
  tenantEntities,
  tenantsFor,
  waitForEntities,
  walk,
} from '@waybill/golden-path';
import { E2E_JOURNEY, E2E_SIGSTORE, waitForBackend } from './portal';
import {
  chooseClouds,
  chooseTemplate,
  fillRepoUrl,
  fillServicePage,
  openCreate,
} from './templateForm';

/** A JUnit report of one failing test, as a rerun of the test job writes it. */
const FAILING_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="2" failures="1" errors="0" time="1.2">
  <testsuite name="rates" tests="2" failures="1" errors="0" skipped="0" time="1.2">
    <testcase classname="rates" name="quotes a pallet" time="0.4"/>
    <testcase classname="rates" name="quotes a parcel" time="0.8">
      <failure message="expected 12.40, got 0">AssertionError: expected 12.40, got 0</failure>
    </testcase>
  </testsuite>
</testsuites>
`;

/** The recording stubs, whose cosign signs with the journey's Sigstore (see playwright.config.ts). */
function stubsSigningWith(dir: string): Stubs {
  const stubs = Stubs.create(dir);
  stubs.useSigstore(E2E_SIGSTORE.url);
  return stubs;
}

/**
 * The golden path in the portal, as a developer and a release manager see it:
 *
 * 1. The developer fills in the API service template at /create and clicks Create. The real
 *    scaffolder publishes to GitHub (a fake of its REST API on loopback, which the portal's
 *    github.com integration points at, and a real git remote receiving the push), creates the
 *    environments and registers the new service; the task page links to both.
 * 2. The service's tenants join the catalog (they depend on it), and its first pipeline run is
 *    executed from a clone of the pushed repository, job by job, as in the golden path's own
 *    tests (packages/golden-path): GitHub's workflow parser and expression engine, recording
 *    stubs for the cloud and cluster commands, OIDC tokens from a loopback issuer that the
 *    portal trusts as production trusts GitHub's.
 * 3. Between the waves, the rollout board shows the canary wave healthy and the next one coming;
 *    after the run, the service's scorecard shows the release and its passing production gate,
 *    the board shows the completed rollout, and DORA counts the deployment.
 *
 * The e2e config holds Asia-Pacific's standard and critical tenants in a freeze window (the
 * tenant-rollouts test needs one), so this service's tenants are outside Asia-Pacific.
 */

const NAME = 'carrier-rates-api';
const OWNER_TEAM = 'order-management';
const PORTAL = 'http://localhost:7007';

test.beforeAll(({ request }) => waitForBackend(request));

/** The service's repository, cloned from the git remote the portal pushed it to. */
async function clonePushed(
  remote: string,
  dir: string,
): Promise<{ sha: string; files: ScaffoldedService['files'] }> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  await git(path.dirname(dir), 'clone', '--quiet', remote, dir);
  const files: ScaffoldedService['files'] = {};
  for (const file of walk(dir).filter(f => !f.startsWith('.git/'))) {
    const full = path.join(dir, file);
    files[file] = {
      content: fs.readFileSync(full),
      executable: (fs.statSync(full).mode & 0o111) !== 0,
    };
  }
  return { sha: await git(dir, 'rev-parse', 'HEAD'), files };
}

/** Opens the service's latest rollout board from its entity page's Rollouts tab. */
async function openRolloutBoard(page: Page) {
  await page.goto(`/catalog/default/component/${NAME}/rollouts`);
  await page
    .getByTitle(/^Rollout #\d+: its board$/)
    .first()
    .click();
  await expect(page).toHaveURL(/\/tenant-rollouts\/rollouts\/\d+/);
  return page.getByTestId('rollout-board');
}

test('a developer creates a service in the portal; its first pipeline run releases it, and the portal shows its scorecard, its rollout advancing and its deployment in DORA', async ({
  page,
}) => {
  test.setTimeout(20 * 60_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'waybill-journey-'));
  const remote = await startGitHttpBackend(
    path.join(root, 'git'),
    E2E_JOURNEY.gitPort,
  );
  const github = await startFakeGithub({
    token: E2E_JOURNEY.githubToken,
    git: remote,
    organizations: { meridian: { teams: [OWNER_TEAM] } },
    port: E2E_JOURNEY.githubApiPort,
    htmlBaseUrl: 'https://github.com',
  });
  const issuer = await OidcIssuer.start(E2E_JOURNEY.oidcPort);
  const host = await RepoHost.start(E2E_JOURNEY.repoHostPort);
  const services: RunningService[] = [];
  try {
    await test.step('the developer creates the service at /create', async () => {
      await openCreate(page);
      await chooseTemplate(page, 'api-service', 'TypeScript API service');
      await fillServicePage(page, {
        name: NAME,
        description: 'Quotes carrier rates for outbound shipments.',
        owner: { search: 'Order', option: /Order Management/ },
        tier: 'internal',
        businessProcesses: ['Order to Cash'],
      });
      await chooseClouds(page, ['AWS']);
      await fillRepoUrl(page, { owner: 'meridian', name: NAME });
      await page.getByRole('button', { name: 'Review' }).click();
      await page.getByRole('button', { name: 'Create' }).click();
      await expect(page).toHaveURL(/\/create\/tasks\//);
      const inCatalog = page.getByRole('link', { name: 'Open in catalog' });
      await expect(inCatalog).toBeVisible({ timeout: 300_000 });
      await expect(
        page.getByRole('link', { name: 'Repository' }),
      ).toHaveAttribute('href', `${remote.baseUrl}/meridian/${NAME}.git`);
      await page.screenshot({
        path: 'test-results/screenshots/journey-created.png',
        fullPage: true,
      });
      await inCatalog.click();
      await expect(page).toHaveURL(
        new RegExp(`/catalog/default/component/${NAME}`),
      );
      // The scaffolder registered it, on the person's behalf, from what GitHub has.
      expect(github.requests).toContainEqual(
        expect.objectContaining({
          method: 'GET',
          path: `/repos/meridian/${NAME}/contents/catalog-info.yaml`,
        }),
      );
      // GitHub holds deployments to staging and production for Waybill's gate (its App).
      for (const environment of ['staging', 'production']) {
        expect(
          github.protectionRuleApps('meridian', NAME, environment),
        ).toEqual([348282]);
      }
    });

    // Tenants in every region but Asia-Pacific, depending on the new service.
    const tenants = tenantsFor('crt', ['aws']).filter(
      t => t.region !== 'asia-pacific',
    );
    await test.step('its tenants join the catalog', async () => {
      const location = host.serveCatalogFile(
        `${NAME}-tenants.yaml`,
        tenantEntities(NAME, 'shared', tenants)
          .map(entity => JSON.stringify(entity))
          .join('\n---\n'),
      );
      await registerLocation(PORTAL, E2E_JOURNEY.driverToken, location);
      await waitForEntities(PORTAL, E2E_JOURNEY.driverToken, [
        ...tenants.map(t => `resource:default/${t.name}`),
      ]);
    });

    const repoDir = path.join(root, 'repos', NAME);
    const { sha, files } = await clonePushed(
      `${remote.baseUrl}/meridian/${NAME}.git`,
      repoDir,
    );
    const service: ScaffoldedService = {
      template: 'api-service',
      name: NAME,
      entityRef: `component:default/${NAME}`,
      slug: `meridian/${NAME}`,
      tier: 'internal',
      tenancy: 'shared',
      ciProvider: 'github-actions',
      repoDir,
      sha,
      files,
      tenants,
      sourceLocation: `https://github.com/meridian/${NAME}/tree/main/`,
      dryRunMs: 0,
    };

    let version = '';
    await test.step('its first pipeline run releases it', async () => {
      const run = await githubRun(
        {
          root,
          waybill: {
            url: PORTAL,
            token: E2E_JOURNEY.driverToken,
            databaseDirectory: E2E_JOURNEY.databaseDirectory,
          },
          issuer,
          stubs: stubsSigningWith(path.join(root, 'stubs')),
          services,
        },
        service,
        '5001',
        {
          // Before the second wave, while the canary bakes: the board shows it healthy, and the
          // next wave coming (the portal's auto-advance, or the wave job, moves on once it baked).
          beforeJob: async job => {
            if (job !== 'tenant-rollout-all-tenants') return;
            const board = await openRolloutBoard(page);
            await expect(board).toContainText('running');
            await expect(
              page.getByLabel('Wave 0 canary: current'),
            ).toContainText(/(\d+) of \1 healthy/);
            await expect(
              page.getByLabel('Wave 1 all-tenants: upcoming'),
            ).toBeVisible();
            await page.screenshot({
              path: 'test-results/screenshots/journey-board-canary.png',
              fullPage: true,
            });
          },
        },
      );
      await run.run();
      for (const [id, job] of run.jobs) {
        if (job.result !== 'success') {
          throw new Error(`${id}: ${job.result}\n${run.logOf(id)}`);
        }
      }
      version = run.job('source-validation').outputs.version;
      expect(version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    });

    await test.step('the portal shows the release, the rollout and the deployment', async () => {
      const board = await openRolloutBoard(page);
      await expect(board).toContainText('completed');
      await expect(board).toHaveAttribute(
        'data-tenants',
        String(tenants.length),
      );
      await expect(page.getByLabel('Wave 1 all-tenants: done')).toContainText(
        /(\d+) of \1 healthy/,
      );
      await page.screenshot({
        path: 'test-results/screenshots/journey-board-completed.png',
        fullPage: true,
      });

      await page.goto(
        `/catalog/default/component/${NAME}/scorecards?release=${encodeURIComponent(
          version,
        )}`,
      );
      await expect(page.getByText(`Release ${version}`)).toBeVisible();
      await expect(page.getByText('production: pass')).toBeVisible();
      await expect(page.getByText('1 production deployments')).toBeVisible();
      await page.screenshot({
        path: 'test-results/screenshots/journey-scorecard.png',
        fullPage: true,
      });
    });

    await test.step('a failing test run turns the gate red: the open scorecard follows, and the owners are told', async () => {
      // A rerun of the pipeline's test job reports a failing test for the same release.
      const token = await issuer.mintGithub({
        repository: `meridian/${NAME}`,
        ref: 'refs/heads/main',
        sha: 'c'.repeat(40),
        runId: '2',
        eventName: 'workflow_dispatch',
        workflowPath: '.github/workflows/golden-pipeline.yml',
        job: 'unit-tests',
      });
      const upload = await page.request.post(
        `http://localhost:7007/api/scorecards/entities/component/default/${NAME}/releases/${encodeURIComponent(
          version,
        )}/evidence/tests`,
        {
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/xml',
          },
          data: FAILING_JUNIT,
        },
      );
      expect(upload.status(), await upload.text()).toBe(201);
      // The scorecard open in the browser changes without a reload (the entity's signal).
      await expect(page.getByText('production: fail')).toBeVisible();
      // The guest is of Order Management, the owner: the notification arrives in the portal.
      const title = `${NAME} ${version}: production gate pass → fail`;
      await page.goto('/notifications');
      const notification = page.getByText(title);
      await expect(notification).toBeVisible();
      await page.screenshot({
        path: 'test-results/screenshots/journey-gate-notification.png',
        fullPage: true,
      });
      await notification.click();
      await expect(page).toHaveURL(
        new RegExp(`/catalog/default/component/${NAME}/scorecards\\?release=`),
      );
    });
  } finally {
    await Promise.all(services.map(s => s.stop()));
    await Promise.all([
      issuer.close(),
      host.close(),
      github.close(),
      remote.close(),
    ]);
    fs.rmSync(root, { recursive: true, force: true });
  }
});
