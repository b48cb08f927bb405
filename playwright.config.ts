// Before anything loads the golden path's GitHub Actions runner (see the file).
import '@waybill/golden-path/esmHooks.cjs';
import { createRequire } from 'node:module';
import { defineConfig } from '@playwright/test';
import {
  E2E_JOURNEY,
  E2E_SIGSTORE,
  e2ePortalEnv,
} from './packages/app/e2e-tests/portal';

/**
 * Starts the journey's Sigstore in the background (Backstage's Node transform runs its
 * TypeScript) and waits for the trusted root it writes, which the portal's config names.
 */
const sigstore = [
  `rm -f '${E2E_SIGSTORE.trustedRootFile}'`,
  `(node --require '${createRequire(__filename).resolve(
    '@backstage/cli-node/config/nodeTransform.cjs',
    { paths: [`${__dirname}/packages/backend`] },
  )}' packages/golden-path/src/testSigstoreServer.ts ${
    E2E_JOURNEY.sigstorePort
  } '${E2E_SIGSTORE.issuers.github}' '${E2E_SIGSTORE.issuers.gitlab}' '${
    E2E_SIGSTORE.trustedRootFile
  }' &)`,
  `for i in $(seq 600); do [ -f '${E2E_SIGSTORE.trustedRootFile}' ] && break; sleep 0.1; done`,
].join(' && ');

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
    command: `rm -rf test-results/e2e-portal && ${sigstore} && yarn start`,
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
