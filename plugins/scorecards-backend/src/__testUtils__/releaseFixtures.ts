import fs from 'fs';
import path from 'path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/** jest-junit's report of a release: 14 tests, one failing. */
export const junit = fs.readFileSync(
  path.join(__dirname, '../evidence/__fixtures__/jest-junit.xml'),
);

/** The CI pipelines' service principal, as an Authorization header. */
export const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'scorecards',
});

/** Inventory, a critical ERP module whose repository is meridian/inventory. */
export const inventory: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'inventory',
    namespace: 'default',
    annotations: {
      'waybill.dev/tier': 'critical',
      'github.com/project-slug': 'meridian/inventory',
    },
  },
  spec: {
    type: 'erp-module',
    lifecycle: 'production',
    owner: 'group:default/warehouse-systems',
  },
};

/**
 * The policy the fixture's test results (14 tests, one failing) pass on staging and fail on
 * production with.
 */
export { testsPolicy } from '@waybill/test-utils';

/**
 * The permission service of the waiver tests: everyone may do everything, asking for waivers
 * included, but only `approver` may approve one.
 */
export function onlyApprovedBy(approver: string) {
  return mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(r => ({
        result:
          r.permission.name === 'scorecards.waiver.approve' &&
          (options?.credentials.principal as any)?.userEntityRef !== approver
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  }).factory;
}
