/**
 * GitLab deployment approvals enforced by the gate: the real scorecards plugin, on SQLite and
 * PostgreSQL, with Waybill's approver polling a fake of GitLab's API on loopback that follows
 * GitLab's approval rules (see service/enforcement/gitlab/__testUtils__/fakeGitlab.ts).
 */
import type { Server } from 'http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '@waybill/test-utils';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';
import {
  ci,
  inventory,
  junit,
  testsPolicy,
} from './__testUtils__/releaseFixtures';
import { GITLAB_APPROVALS_TASK_ID } from './service/enforcement/gitlab/fromConfig';
import { FakeGitlab } from './service/enforcement/gitlab/__testUtils__/fakeGitlab';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const WAYBILL = { id: 90, username: 'waybill-gate', token: 'glpat-waybill' };
const RELEASE_MANAGER = { id: 91, username: 'r.okafor', token: 'glpat-okafor' };
const PROJECT = 'meridian/erp/inventory';
const commit = 'a'.repeat(40);
const unknownCommit = 'b'.repeat(40);

const gitlabInventory: Entity = {
  ...inventory,
  metadata: {
    ...inventory.metadata,
    annotations: {
      'waybill.dev/tier': 'critical',
      'gitlab.com/project-slug': PROJECT,
    },
  },
};
/** A component whose project is not on this GitLab: its pass fails alone. */
const moved: Entity = {
  ...inventory,
  metadata: {
    name: 'pricing',
    namespace: 'default',
    annotations: { 'gitlab.com/project-slug': 'meridian/moved-away' },
  },
};

describe.each(databases.eachSupportedId())(
  'GitLab deployment approvals on %s',
  databaseId => {
    let gitlab: FakeGitlab;
    let server: Server;
    let pass: () => Promise<void>;
    const audit: Array<{ eventId: string; status: string }> = [];

    beforeAll(async () => {
      gitlab = await FakeGitlab.start([WAYBILL, RELEASE_MANAGER]);
      const scheduler = mockServices.scheduler.mock();
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          scorecardsPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [gitlabInventory, moved] }),
          scheduler.factory,
          mockServices.auditor.mock({
            createEvent: async ({ eventId }) => ({
              success: async () => {
                audit.push({ eventId, status: 'succeeded' });
              },
              fail: async () => {
                audit.push({ eventId, status: 'failed' });
              },
            }),
          }).factory,
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'https://portal.example.com' },
              scorecards: {
                policy: testsPolicy,
                enforcement: {
                  gitlab: {
                    apiBaseUrl: gitlab.apiBaseUrl,
                    token: WAYBILL.token,
                    environments: { preprod: 'staging' },
                    startAfterApproval: ['staging', 'preprod'],
                  },
                },
              },
            },
          }),
        ],
      }));
      const task = scheduler.scheduleTask.mock.calls
        .map(([definition]) => definition)
        .find(d => d.id === GITLAB_APPROVALS_TASK_ID);
      if (!task)
        throw new Error(`${GITLAB_APPROVALS_TASK_ID} was not scheduled`);
      pass = () => Promise.resolve(task.fn(new AbortController().signal));
      await request(server)
        .post(
          `/api/scorecards/entities/component/default/inventory/releases/4.2.0/evidence/tests?commit=${commit}`,
        )
        .set('Authorization', ci)
        .type('application/xml')
        .send(junit)
        .expect(201);
    });
    afterAll(() => gitlab.close());

    it("approves and rejects blocked deployments from the release's gate, once each", async () => {
      gitlab.protect(PROJECT, 'staging', {
        approvers: [WAYBILL.id],
        deployers: [WAYBILL.id],
      });
      gitlab.protect(PROJECT, 'production', {
        approvers: [WAYBILL.id, RELEASE_MANAGER.id],
        deployers: [RELEASE_MANAGER.id],
      });
      gitlab.protect(PROJECT, 'preprod', {
        approvers: [WAYBILL.id, RELEASE_MANAGER.id],
        deployers: [WAYBILL.id],
      });
      gitlab.protect(PROJECT, 'qa', {
        approvers: [RELEASE_MANAGER.id],
        deployers: [RELEASE_MANAGER.id],
      });
      const staging = gitlab.block(PROJECT, {
        environment: 'staging',
        sha: commit,
      });
      const production = gitlab.block(PROJECT, {
        environment: 'production',
        sha: commit,
      });
      const preprod = gitlab.block(PROJECT, {
        environment: 'preprod',
        sha: commit,
      });
      const qa = gitlab.block(PROJECT, { environment: 'qa', sha: commit });
      const unscored = gitlab.block(PROJECT, {
        environment: 'staging',
        sha: unknownCommit,
        ref: 'feature/pick-faster',
      });

      await pass();

      // Staging passes with warnings: approved, and Waybill starts the job GitLab left manual.
      expect(staging).toMatchObject({
        status: 'running',
        job: { status: 'pending' },
      });
      expect(staging.approvals).toEqual([
        expect.objectContaining({
          user: { id: WAYBILL.id, username: WAYBILL.username },
          status: 'approved',
        }),
      ]);
      expect(staging.approvals[0].comment).toBe(
        "Allowed by Waybill's gate for staging: component:default/inventory 4.2.0 (score 50, F); warnings: No failing tests. https://portal.example.com/catalog/default/component/inventory/scorecards?release=4.2.0",
      );
      // Production fails: rejected, and GitLab fails the job.
      expect(production).toMatchObject({
        status: 'failed',
        job: { status: 'failed', failure_reason: 'deployment_rejected' },
      });
      expect(production.approvals[0].comment).toMatch(
        /^Blocked by Waybill's gate for production: component:default\/inventory 4\.2\.0 .*; blocking: No failing tests\. https:\/\/portal\.example\.com\//,
      );
      // Approved by Waybill, but the release manager's approval is still pending: not started.
      expect(preprod).toMatchObject({
        status: 'blocked',
        job: { status: 'manual' },
      });
      expect(preprod.approvals.map(a => a.status)).toEqual(['approved']);
      // No rule names Waybill's user: left to the people it names.
      expect(qa).toMatchObject({ status: 'blocked', approvals: [] });
      // No release was scored for the commit: held, saying what to do.
      expect(unscored.status).toBe('failed');
      expect(unscored.approvals[0].comment).toBe(
        `Waybill holds this deployment: no release of component:default/inventory was scored for commit ${unknownCommit} (feature/pick-faster). Upload the pipeline's evidence with \`?commit=$CI_COMMIT_SHA\` before the deployment job.`,
      );
      for (const d of [staging, production, preprod, unscored]) {
        expect(d.approvals[0].comment.length).toBeLessThanOrEqual(255);
      }
      expect(
        audit.filter(e => e.eventId === 'gitlab-deployment-review'),
      ).toEqual(
        Array(4).fill({
          eventId: 'gitlab-deployment-review',
          status: 'succeeded',
        }),
      );

      // A second pass reviews nothing again: the approvals GitLab holds say what was reviewed.
      const reviews = () =>
        gitlab.requests.filter(r => r.path.endsWith('/approval')).length;
      const before = reviews();
      await pass();
      expect(reviews()).toBe(before);

      // The project that is not on this GitLab was asked for, and failed alone.
      expect(gitlab.requests.map(r => r.path)).toContain(
        `/api/v4/projects/${encodeURIComponent(
          'meridian/moved-away',
        )}/deployments`,
      );
    });
  },
);
