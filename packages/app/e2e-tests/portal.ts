// The config is built in Node (Playwright), not in the app's bundle.
// eslint-disable-next-line no-restricted-imports
import { generateKeyPairSync } from 'crypto';
// eslint-disable-next-line no-restricted-imports
import path from 'path';
import { APIRequestContext, expect } from '@playwright/test';
import { productionExternalAccess, sigstoreTrust } from '@waybill/golden-path';

/**
 * Waits until the backend is ready: the frontend dev server answers before the backend has
 * finished starting its plugins, and the first start compiles for minutes.
 */
export async function waitForBackend(request: APIRequestContext) {
  await expect
    .poll(
      async () =>
        (
          await request
            .get('http://localhost:7007/.backstage/health/v1/readiness')
            .catch(() => undefined)
        )?.status(),
      { timeout: 300_000, intervals: [1_000] },
    )
    .toBe(200);
}

/** The token an auditor's tooling reads signed gate decisions with in the browser tests (scorecards reads only). */
export const E2E_AUDITOR_TOKEN = 'e2e-auditor-8d2b6f41c0e9a357';

/** The token deployment tooling reports tenant status with in the browser tests (a static external access token). */
export const E2E_DEPLOY_TOKEN = 'e2e-deploy-tooling-5c1e0f3a9b7d4e26';

/**
 * What the tenant-rollouts browser test needs beyond the demo config: a strategy without bake
 * times, and, instead of the demo's calendar-dependent freeze windows, one window that always
 * holds Asia-Pacific, so the test sees a held wave on any date.
 */
export const e2eTenantRollouts = {
  APP_CONFIG_tenantRollouts_strategies_e2e: JSON.stringify({
    waves: [
      { name: 'canary', select: { tier: ['internal'] }, bakeMinutes: 0 },
      {
        name: 'europe-and-americas',
        select: { region: ['europe', 'north-america'] },
        bakeMinutes: 0,
        healthThreshold: 0.95,
      },
      { name: 'asia-pacific', bakeMinutes: 0 },
    ],
  }),
  APP_CONFIG_tenantRollouts_freezeWindows: JSON.stringify([
    {
      id: 'apac-data-centre-move',
      title: 'Asia-Pacific data-centre move',
      reason: 'Tenants move between data centres; no deployments until done.',
      // Not the internal canary: the test starts with it.
      scope: { region: ['asia-pacific'], tier: ['standard', 'critical'] },
      schedule: {
        kind: 'weekly',
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        from: '00:00',
        to: '00:00',
      },
    },
  ]),
};

/**
 * The fakes of the browser journey (journey.test.ts) listen on fixed loopback ports, because the
 * portal's config, set before the test starts them, names them: GitHub's REST API (publish,
 * environments, and the catalog's reads of the pushed files), the git remote that receives the
 * push, the pipelines' OIDC issuer and the host that serves the new service's tenants.
 */
export const E2E_JOURNEY = {
  githubApiPort: 7461,
  gitPort: 7462,
  oidcPort: 7463,
  repoHostPort: 7464,
  /** The pipelines' Sigstore (packages/golden-path/src/testSigstoreServer.ts), started with the portal. */
  sigstorePort: 7465,
  githubToken: 'e2e-github-3b9d17c54f0a4e8b',
  /**
   * A static token for the journey's driver: it registers the new service's tenants and reads
   * its rollouts (which wave bakes).
   */
  driverToken: 'e2e-journey-driver-8e41a2d6c0b5f937',
  /** The portal's SQLite files, one per plugin (the journey lets bake time pass in them). */
  databaseDirectory: path.resolve(
    __dirname,
    '../../../test-results/e2e-portal/sqlite',
  ),
};

const oidcIssuer = `http://127.0.0.1:${E2E_JOURNEY.oidcPort}`;

/**
 * The test Sigstore the journey's pipeline signs with: it writes its trusted root here before the
 * portal starts, and the portal trusts it for the pipelines' own workflows, as a deployment
 * trusts Sigstore's root (playwright.config.ts starts it).
 */
export const E2E_SIGSTORE = {
  url: `http://127.0.0.1:${E2E_JOURNEY.sigstorePort}`,
  issuers: { github: `${oidcIssuer}/github`, gitlab: `${oidcIssuer}/gitlab` },
  trustedRootFile: path.resolve(
    __dirname,
    '../../../test-results/e2e-sigstore/trusted_root.json',
  ),
};

/**
 * The browser tests' portal: the demo config, with the tenant-rollouts settings above, a fresh
 * SQLite directory per run, a GitHub integration for github.com whose API is the journey's fake,
 * and production's pipeline identities (GitHub Actions and GitLab CI OIDC, as
 * app-config.production.yaml configures them) issued by the journey's issuer.
 */
export const e2ePortalEnv = {
  ...e2eTenantRollouts,
  APP_CONFIG_backend_database_connection: JSON.stringify({
    directory: E2E_JOURNEY.databaseDirectory,
  }),
  APP_CONFIG_integrations_github: JSON.stringify([
    {
      host: 'github.com',
      apiBaseUrl: `http://127.0.0.1:${E2E_JOURNEY.githubApiPort}/api/v3`,
      token: E2E_JOURNEY.githubToken,
    },
  ]),
  // Waybill's GitHub App, which the templates enable on the new repository's environments (on
  // the journey's fake GitHub, which only records that they are).
  APP_CONFIG_scorecards_enforcement_github: JSON.stringify({
    appId: 348282,
    privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    webhookSecret: 'e2e-webhook-secret-6f1a9c3e',
    apiBaseUrl: `http://127.0.0.1:${E2E_JOURNEY.githubApiPort}/api/v3`,
  }),
  APP_CONFIG_scorecards_trust_sigstore: JSON.stringify(
    sigstoreTrust(E2E_SIGSTORE.issuers, {
      trustedRootFile: E2E_SIGSTORE.trustedRootFile,
    }),
  ),
  APP_CONFIG_backend_reading_allow: JSON.stringify([
    { host: `127.0.0.1:${E2E_JOURNEY.repoHostPort}` },
  ]),
  APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
    {
      type: 'static',
      options: { token: E2E_DEPLOY_TOKEN, subject: 'e2e-deploy-tooling' },
      accessRestrictions: [{ plugin: 'tenant-rollouts' }],
    },
    {
      type: 'static',
      options: { token: E2E_AUDITOR_TOKEN, subject: 'e2e-auditor' },
      accessRestrictions: [
        { plugin: 'scorecards', permission: ['scorecards.release.read'] },
      ],
    },
    {
      type: 'static',
      options: {
        token: E2E_JOURNEY.driverToken,
        subject: 'e2e-journey-driver',
      },
      accessRestrictions: [
        { plugin: 'catalog' },
        { plugin: 'tenant-rollouts' },
      ],
    },
    ...productionExternalAccess({
      GITHUB_OIDC_ISSUER: `${oidcIssuer}/github`,
      GITLAB_OIDC_ISSUER: `${oidcIssuer}/gitlab`,
    }),
  ]),
};
