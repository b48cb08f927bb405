import fs from 'fs';
import path from 'path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scorecardsPlugin from '@waybill/plugin-scorecards-backend';
import tenantRolloutsPlugin from '@waybill/plugin-tenant-rollouts-backend';
import { createTestDatabases } from '@waybill/test-utils';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';

/*
 * A waiver scoped to a tenant segment, across the two plugins as the portal runs them: the
 * tenant-rollouts backend asks the scorecards gate (its typed client, a plugin token) about the
 * segments its next wave delivers to, and the scorecards backend applies the waiver only to them.
 */

const databases = createTestDatabases();
jest.setTimeout(180_000);

const examples = path.resolve(__dirname, '../../../examples');
const entities = ['erp.yaml', 'tenants.yaml'].flatMap(file =>
  parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(e => e.kind === 'Component' || e.kind === 'Resource'),
);

const DEV = mockCredentials.user.header('user:default/dev');
const MANAGER = mockCredentials.user.header('user:default/release-manager');
const CI = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'scorecards',
});
const release =
  '/api/scorecards/entities/component/default/inventory/releases/5.3.0';

/** A failing test blocks production; nothing else is checked. */
const policy = {
  checks: [
    {
      id: 'no-failing-tests',
      title: 'No failing tests',
      fixHint: 'Fix the failing test',
      fact: 'tests.failed',
      operator: '<=',
      threshold: 0,
      weight: 1,
      enforcement: 'fail',
    },
  ],
};

const junit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="2" failures="1">
  <testsuite name="inventory" tests="2" failures="1">
    <testcase classname="inventory" name="reserves stock"/>
    <testcase classname="inventory" name="releases stock"><failure message="expected 1, got 2"/></testcase>
  </testsuite>
</testsuites>
`;

describe.each(databases.eachSupportedId())(
  'a waiver for one tenant segment, between tenant rollouts and scorecards on %s',
  databaseId => {
    it('lets the rollout deliver to that segment, and holds the wave that reaches another', async () => {
      const { server } = await startTestBackend({
        features: [
          scorecardsPlugin,
          tenantRolloutsPlugin,
          catalogServiceMock.factory({ entities }),
          createServiceFactory({
            service: coreServices.database,
            deps: {},
            async factory() {
              const knex = await databases.init(databaseId);
              return { getClient: async () => knex };
            },
          }),
          mockServices.rootConfig.factory({
            data: {
              scorecards: { policy },
              tenantRollouts: { gate: { whenScorecardsAbsent: 'fail' } },
            },
          }),
        ],
      });
      await request(server)
        .post(`${release}/evidence/tests`)
        .set('Authorization', CI)
        .type('application/xml')
        .send(junit)
        .expect(201);

      const created = await request(server)
        .post('/api/tenant-rollouts/rollouts')
        .set('Authorization', MANAGER)
        .send({
          entityRef: 'component:default/inventory',
          version: '5.3.0',
          environment: 'production',
          strategy: {
            waves: [
              { name: 'retail', select: { segment: ['retail'] } },
              { name: 'everyone-else', select: {} },
            ],
          },
        });
      expect(created.status).toBe(201);
      const board = async () =>
        (
          await request(server)
            .get(`/api/tenant-rollouts/rollouts/${created.body.id}`)
            .set('Authorization', MANAGER)
        ).body;
      const blockersOf = (view: any, action: string) =>
        view.nextActions
          .find((a: { action: string }) => a.action === action)
          .blockers.map((b: { kind: string }) => b.kind);
      expect(blockersOf(await board(), 'start')).toEqual(['gate']);

      const asked = await request(server)
        .post('/api/scorecards/waivers')
        .set('Authorization', DEV)
        .send({
          entityRef: 'component:default/inventory',
          versionRange: '5.3.0',
          environment: 'production',
          checkId: 'no-failing-tests',
          tenantSegment: 'retail',
          reason: 'The failing case covers wholesale pallets only',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        });
      expect(asked.status).toBe(201);
      await request(server)
        .post(`/api/scorecards/waivers/${asked.body.id}/approve`)
        .set('Authorization', MANAGER)
        .expect(200);

      // The first wave delivers to retail tenants only: the waiver applies, the start is free.
      const ready = await board();
      expect(blockersOf(ready, 'start')).toEqual([]);
      expect(ready.gate).toMatchObject({ passed: true });
      // The pipeline's own gate call names no segment: for it the release is still blocked.
      const plain = await request(server)
        .get(`${release}/gates/production`)
        .set('Authorization', CI);
      expect(plain.body.decision).toBe('fail');

      const started = await request(server)
        .post(`/api/tenant-rollouts/rollouts/${created.body.id}/actions/start`)
        .set('Authorization', MANAGER)
        .send({});
      expect(started.status).toBe(200);
      // The next wave reaches the other segments: the gate holds it.
      expect(blockersOf(await board(), 'advance')).toContain('gate');
    });
  },
);
