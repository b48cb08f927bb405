import fs from 'fs';
import path from 'path';
import type { Server } from 'http';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases, expectErrorAnswer } from '@waybill/test-utils';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';
import {
  ci,
  inventory,
  junit,
  onlyApprovedBy,
} from './__testUtils__/releaseFixtures';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const DEV = 'user:default/dev';
const MANAGER = 'user:default/release-manager';
const as = (user: string) => mockCredentials.user.header(user);
const release =
  '/api/scorecards/entities/component/default/inventory/releases/4.2.0';

/** No critical dependency vulnerability, no high code finding, no failing test: all blocking. */
const policy = {
  checks: [
    {
      id: 'no-critical-dependency-vulnerabilities',
      title: 'No critical dependency vulnerabilities',
      fixHint: 'Upgrade the dependency',
      fact: 'dependencies.vulnerabilitiesBySeverity.critical',
      operator: '<=',
      threshold: 0,
      weight: 1,
      enforcement: 'fail',
    },
    {
      id: 'no-high-code-findings',
      title: 'No high code findings',
      fixHint: 'Fix the finding',
      fact: 'security.bySeverity.high',
      operator: '<',
      threshold: 1,
      weight: 1,
      enforcement: 'fail',
    },
    {
      id: 'tests-ran',
      title: 'Tests ran',
      fixHint: 'Upload the JUnit report',
      fact: 'tests.total',
      operator: '>=',
      threshold: 1,
      weight: 1,
      enforcement: 'fail',
    },
  ],
};

/** An SBOM with two critical vulnerabilities and a high one. */
const sbom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    {
      type: 'library',
      name: 'next',
      version: '14.2.10',
      purl: 'pkg:npm/next@14.2.10',
    },
    {
      type: 'library',
      name: 'axios',
      version: '1.7.9',
      purl: 'pkg:npm/axios@1.7.9',
    },
  ],
  vulnerabilities: [
    {
      id: 'CVE-2025-29927',
      ratings: [{ severity: 'critical' }],
      affects: [{ ref: 'pkg:npm/next@14.2.10' }],
    },
    {
      id: 'CVE-2025-00001',
      ratings: [{ severity: 'critical' }],
      affects: [{ ref: 'pkg:npm/next@14.2.10' }],
    },
    {
      id: 'CVE-2025-27152',
      ratings: [{ severity: 'high' }],
      affects: [{ ref: 'pkg:npm/axios@1.7.9' }],
    },
  ],
};

describe.each(databases.eachSupportedId())(
  'finding waivers on %s',
  databaseId => {
    let server: Server;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          scorecardsPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [inventory] }),
          onlyApprovedBy(MANAGER),
          mockServices.rootConfig.factory({
            data: { scorecards: { policy } },
          }),
        ],
      }));
      await request(server)
        .post(`${release}/evidence/dependencies`)
        .set('Authorization', ci)
        .type('application/vnd.cyclonedx+json')
        .send(JSON.stringify(sbom))
        .expect(201);
      await request(server)
        .post(`${release}/evidence/tests`)
        .set('Authorization', ci)
        .type('application/xml')
        .send(junit)
        .expect(201);
      await request(server)
        .post(`${release}/evidence/security`)
        .set('Authorization', ci)
        .type('application/sarif+json')
        .send(
          fs.readFileSync(
            path.join(__dirname, 'evidence/__fixtures__/eslint-baseline.sarif'),
            'utf8',
          ),
        )
        .expect(201);
    });

    const waive = async (checkId: string, finding?: string) => {
      const asked = await request(server)
        .post('/api/scorecards/waivers')
        .set('Authorization', as(DEV))
        .send({
          entityRef: 'component:default/inventory',
          versionRange: '4.2.0',
          environment: 'production',
          checkId,
          ...(finding ? { finding } : {}),
          reason: 'Not reachable from our code paths',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        });
      expect(asked.status).toBe(201);
      const approved = await request(server)
        .post(`/api/scorecards/waivers/${asked.body.id}/approve`)
        .set('Authorization', as(MANAGER));
      expect(approved.status).toBe(200);
      return approved.body;
    };
    const gate = async () =>
      (
        await request(server)
          .get(`${release}/gates/production`)
          .set('Authorization', ci)
      ).body;
    const blocking = async () =>
      (await gate()).reasons.map((r: { checkId: string }) => r.checkId);

    it('lists the findings a failing check counted, and what it allows', async () => {
      const { reasons } = await gate();
      expect(reasons).toEqual([
        expect.objectContaining({
          checkId: 'no-critical-dependency-vulnerabilities',
          findings: {
            counted: [
              { id: 'CVE-2025-00001', count: 1 },
              { id: 'CVE-2025-29927', count: 1 },
            ],
            allowed: 0,
          },
        }),
        expect.objectContaining({
          checkId: 'no-high-code-findings',
          findings: { counted: [{ id: 'no-eval', count: 1 }], allowed: 0 },
        }),
      ]);
    });

    it('leaves a check out only when the waived findings bring it within what it allows, and back in when one is revoked', async () => {
      const first = await waive(
        'no-critical-dependency-vulnerabilities',
        'CVE-2025-29927',
      );
      expect(first).toMatchObject({
        finding: 'CVE-2025-29927',
        status: 'active',
      });
      // One critical vulnerability is left: the check still blocks.
      expect(await blocking()).toEqual([
        'no-critical-dependency-vulnerabilities',
        'no-high-code-findings',
      ]);
      await waive('no-critical-dependency-vulnerabilities', 'CVE-2025-00001');
      expect(await blocking()).toEqual(['no-high-code-findings']);
      await waive('no-high-code-findings', 'no-eval');
      const passed = await gate();
      expect(passed).toMatchObject({
        decision: 'pass',
        policyDecision: 'fail',
      });
      expect(
        passed.waivers.map((w: { finding: string }) => w.finding).sort(),
      ).toEqual(['CVE-2025-00001', 'CVE-2025-29927', 'no-eval']);

      const revoked = await request(server)
        .post(`/api/scorecards/waivers/${first.id}/revoke`)
        .set('Authorization', as(DEV))
        .send({ reason: 'It is reachable after all, from the admin API' });
      expect(revoked.status).toBe(200);
      expect(await gate()).toMatchObject({
        decision: 'fail',
        reasons: [
          expect.objectContaining({
            checkId: 'no-critical-dependency-vulnerabilities',
          }),
        ],
      });
    });

    it('refuses a finding for a check that counts none, storing nothing', async () => {
      const stored = async () =>
        (
          await request(server)
            .get('/api/scorecards/waivers')
            .query({ entityRef: 'component:default/inventory' })
            .set('Authorization', as(DEV))
        ).body.items.length;
      const before = await stored();
      const res = await request(server)
        .post('/api/scorecards/waivers')
        .set('Authorization', as(DEV))
        .send({
          entityRef: 'component:default/inventory',
          versionRange: '4.2.0',
          environment: 'production',
          checkId: 'tests-ran',
          finding: 'CVE-2025-29927',
          reason: 'Not reachable from our code paths',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        });
      expectErrorAnswer(
        res,
        400,
        'body.finding: tests-ran tests tests.total, which counts no findings; waive the whole check instead',
      );
      expect(await stored()).toBe(before);
    });
  },
);
