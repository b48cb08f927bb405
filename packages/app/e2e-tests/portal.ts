import { APIRequestContext, expect } from '@playwright/test';

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
  APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
    {
      type: 'static',
      options: { token: E2E_DEPLOY_TOKEN, subject: 'e2e-deploy-tooling' },
      accessRestrictions: [{ plugin: 'tenant-rollouts' }],
    },
  ]),
};
