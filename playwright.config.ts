import { defineConfig } from '@playwright/test';

/** The token deployment tooling reports tenant status with in the browser tests (a static external access token). */
export const E2E_DEPLOY_TOKEN = 'e2e-deploy-tooling-5c1e0f3a9b7d4e26';

/**
 * What the tenant-rollouts browser test needs beyond the demo config: a strategy without bake
 * times, and, instead of the demo's calendar-dependent freeze windows, one window that always
 * holds Asia-Pacific, so the test sees a held wave on any date.
 */
const e2eTenantRollouts = {
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
  APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
    {
      type: 'static',
      options: { token: E2E_DEPLOY_TOKEN, subject: 'e2e-deploy-tooling' },
      accessRestrictions: [{ plugin: 'tenant-rollouts' }],
    },
  ]),
};

/**
 * Browser tests against the running portal in Debian's Chromium (scripts/chromium.sh finds or
 * installs it; Playwright's own browser download is not used). The portal starts on a fresh
 * in-memory SQLite database with the demo catalog; locally an already running portal is reused.
 */
export default defineConfig({
  testMatch: '**/e2e-tests/**/*.test.ts',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: 'test-results/playwright',
  webServer: {
    command: 'yarn start',
    url: 'http://localhost:3000',
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      // A fresh database per run, so the test sees exactly the demo catalog.
      APP_CONFIG_backend_database_connection: ':memory:',
      ...e2eTenantRollouts,
    },
  },
  use: {
    baseURL: 'http://localhost:3000',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
