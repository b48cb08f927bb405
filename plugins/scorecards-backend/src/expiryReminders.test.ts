/**
 * Overrides and waivers about to expire are told to their owners and to whoever granted them,
 * once, by the scheduled reminder (the real plugin on SQLite and PostgreSQL).
 */
import type { Server } from 'http';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createTestDatabases,
  recordedNotifications,
} from '@waybill/test-utils';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';
import {
  ci,
  inventory,
  junit,
  onlyApprovedBy,
  testsPolicy,
} from './__testUtils__/releaseFixtures';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const DEV = 'user:default/dev';
const MANAGER = 'user:default/release-manager';
const as = (user: string) => mockCredentials.user.header(user);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();
const release =
  '/api/scorecards/entities/component/default/inventory/releases/4.2.0';

describe.each(databases.eachSupportedId())(
  'expiry reminders on %s',
  databaseId => {
    let server: Server;
    let remind: () => Promise<void>;
    const recorded = { notifications: recordedNotifications() };
    const { sent } = recorded.notifications;

    beforeAll(async () => {
      const scheduler = mockServices.scheduler.mock();
      ({ server } = await startTestBackend({
        features: [
          scorecardsPlugin,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          scheduler.factory,
          catalogServiceMock.factory({ entities: [inventory] }),
          onlyApprovedBy(MANAGER),
          recorded.notifications.factory,
          mockServices.rootConfig.factory({
            data: {
              scorecards: {
                policy: testsPolicy,
                waivers: { maxDurationDays: 30 },
                overrides: { maxDurationDays: 30 },
              },
            },
          }),
        ],
      }));
      const task = scheduler.scheduleTask.mock.calls
        .map(([definition]) => definition)
        .find(d => d.id === 'scorecards-expiry-reminders');
      if (!task)
        throw new Error('scorecards-expiry-reminders was not scheduled');
      remind = () => Promise.resolve(task.fn(new AbortController().signal));
      await request(server)
        .post(`${release}/evidence/tests`)
        .set('Authorization', ci)
        .type('application/xml')
        .send(junit)
        .expect(201);
    });

    const waiver = async (expiresAt: string, approved: boolean) => {
      const asked = await request(server)
        .post('/api/scorecards/waivers')
        .set('Authorization', as(DEV))
        .send({
          entityRef: 'component:default/inventory',
          versionRange: '>=4.2.0 <4.3.0',
          environment: 'production',
          checkId: 'no-failing-tests',
          reason: 'Flaky carrier sandbox test, fix in 4.2.1',
          expiresAt,
        })
        .expect(201);
      if (approved) {
        await request(server)
          .post(`/api/scorecards/waivers/${asked.body.id}/approve`)
          .set('Authorization', as(MANAGER))
          .expect(200);
      }
    };

    it('tells of what expires within 3 days, once', async () => {
      await request(server)
        .post(`${release}/gates/production/overrides`)
        .set('Authorization', as(MANAGER))
        .send({ reason: 'Carrier outage hotfix', expiresAt: inDays(1) })
        .expect(201);
      await waiver(inDays(2), true);
      // Not yet: pending, or further away.
      await waiver(inDays(2), false);
      await waiver(inDays(10), true);

      await remind();
      expect(sent.map(s => s.payload.title)).toEqual([
        expect.stringMatching(
          /^inventory 4\.2\.0: the production gate override expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/,
        ),
        expect.stringMatching(
          /^inventory >=4\.2\.0 <4\.3\.0: the waiver of no-failing-tests for production expires /,
        ),
      ]);
      for (const notification of sent) {
        expect(notification.recipients).toEqual({
          type: 'entity',
          entityRef: ['component:default/inventory', MANAGER],
        });
        expect(notification.payload).toMatchObject({
          topic: 'Override or waiver expiring',
          link: expect.stringMatching(
            /^\/catalog\/default\/component\/inventory\/scorecards/,
          ),
        });
      }

      await remind();
      expect(sent).toHaveLength(2);
    });
  },
);
