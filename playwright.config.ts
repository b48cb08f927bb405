// Before anything loads the golden path's GitHub Actions runner (see the file).
import '@waybill/golden-path/esmHooks.cjs';
import { defineConfig } from '@playwright/test';
import { e2ePortalEnv } from './packages/app/e2e-tests/portal';

/**
 * Browser tests against the running portal in Debian's Chromium (scripts/chromium.sh finds or
 * installs it; Playwright's own browser download is not used). The portal starts on a fresh
 * SQLite database (test-results/e2e-portal) with the demo catalog; locally an already running portal is reused.
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
    // A fresh SQLite directory per run, so the tests see exactly the demo catalog.
    command: 'rm -rf test-results/e2e-portal && yarn start',
    url: 'http://localhost:3000',
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: e2ePortalEnv,
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
