import { testsPolicy } from '@waybill/test-utils';
/*
 * The releases and rollouts the search tests index: two components of the ERP estate, three
 * tenants that depend on them, a policy that blocks production on a failing test, and helpers
 * that seed the scorecards and tenant-rollouts backends through their HTTP APIs, as CI pipelines
 * and release managers do.
 */
import type { Server } from 'http';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';

/** A component of the ERP estate. */
function component(
  name: string,
  spec: { title: string; owner: string; processes: string },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      title: spec.title,
      annotations: { 'waybill.dev/business-processes': spec.processes },
    },
    spec: {
      type: 'erp-module',
      lifecycle: 'production',
      owner: spec.owner,
      system: 'erp-core',
    },
  };
}

/** A tenant of `segment` served by `deployables`. */
function tenant(name: string, segment: string, deployables: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      labels: {
        'waybill.dev/segment': segment,
        'waybill.dev/region': 'europe',
        'waybill.dev/tier': 'standard',
        'waybill.dev/cloud': 'aws',
        'waybill.dev/tenancy': 'shared',
      },
    },
    spec: {
      type: 'tenant',
      owner: 'customer-success',
      dependsOn: deployables,
    },
  };
}

export const inventory = component('inventory', {
  title: 'Inventory',
  owner: 'warehouse-systems',
  processes: 'inventory-allocation, order-to-cash',
});

export const sales = component('sales', {
  title: 'Sales Order Management',
  owner: 'order-management',
  processes: 'order-to-cash',
});

/** Two tenants take inventory, two take sales. */
export const tenants = [
  tenant('acme-foods', 'retail', ['component:inventory', 'component:sales']),
  tenant('globex', 'wholesale', ['component:inventory']),
  tenant('initech', 'retail', ['component:sales']),
];

/** Any test run passes; a failing test warns on staging and blocks production. */
export const scorecardsConfig = {
  environments: ['staging', 'production'],
  policy: testsPolicy,
};

/** A JUnit report of two tests, one of them failing when `failing`. */
function junit(failing: boolean): string {
  const failure = failing ? '<failure message="expected 1, got 2"/>' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="2" failures="${failing ? 1 : 0}">
  <testsuite name="suite" tests="2" failures="${failing ? 1 : 0}">
    <testcase classname="suite" name="reserves stock"/>
    <testcase classname="suite" name="releases stock">${failure}</testcase>
  </testsuite>
</testsuites>
`;
}

/** The CI pipelines' service principal, calling the scorecards backend. */
const CI = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'scorecards',
});

/** Uploads a release's test results, as its pipeline does; the release is scored on upload. */
export async function uploadTests(
  server: Server,
  release: { name: string; version: string; failing: boolean },
): Promise<void> {
  await request(server)
    .post(
      `/api/scorecards/entities/component/default/${release.name}/releases/${release.version}/evidence/tests`,
    )
    .set('Authorization', CI)
    .type('application/xml')
    .send(junit(release.failing))
    .expect(201);
}

/**
 * Plans a rollout of a release over the tenants that depend on the entity, as `authorization`
 * (a user's header): retail tenants first, then the rest. Answers its id and how many waves
 * and tenants it has.
 */
export async function planRollout(
  server: Server,
  authorization: string,
  release: { name: string; version: string; environment: string },
): Promise<{ id: number; waveCount: number; tenantCount: number }> {
  const planned = await request(server)
    .post('/api/tenant-rollouts/rollouts')
    .set('Authorization', authorization)
    .send({
      entityRef: `component:default/${release.name}`,
      version: release.version,
      environment: release.environment,
      strategy: {
        waves: [
          { name: 'retail', select: { segment: ['retail'] } },
          { name: 'everyone-else', select: {} },
        ],
      },
    })
    .expect(201);
  const waves: Array<{ total: number }> = planned.body.waves;
  return {
    id: planned.body.id,
    waveCount: waves.length,
    tenantCount: waves.reduce((sum, wave) => sum + wave.total, 0),
  };
}

/** Starts a planned rollout (its first wave), as `authorization`. */
export async function startRollout(
  server: Server,
  authorization: string,
  id: number,
): Promise<void> {
  await request(server)
    .post(`/api/tenant-rollouts/rollouts/${id}/actions/start`)
    .set('Authorization', authorization)
    .send({})
    .expect(200);
}
