/**
 * What an upload tells the portal (the real plugin on SQLite and PostgreSQL): a signal on the
 * entity's channel after each upload or waiver change, and a notification to the entity's
 * owners when a release's gate for an environment changes decision.
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
  recordedSignals,
} from '@waybill/test-utils';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';
import {
  ci,
  inventory,
  junit,
  testsPolicy,
} from './__testUtils__/releaseFixtures';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const release =
  '/api/scorecards/entities/component/default/inventory/releases/4.2.0';

/** A JUnit report of `passed` passing tests and `failed` failing ones. */
function junitOf(passed: number, failed: number): string {
  const cases = [
    ...Array.from({ length: passed }, (_, i) => `<testcase name="ok ${i}"/>`),
    ...Array.from(
      { length: failed },
      (_, i) => `<testcase name="bad ${i}"><failure message="no"/></testcase>`,
    ),
  ];
  return `<testsuites><testsuite name="s" tests="${
    passed + failed
  }" failures="${failed}">${cases.join('')}</testsuite></testsuites>`;
}

describe.each(databases.eachSupportedId())(
  'live scorecards on %s',
  databaseId => {
    let server: Server;
    const recorded = {
      signals: recordedSignals(),
      notifications: recordedNotifications(),
    };
    const { signals } = recorded.signals;
    const { sent } = recorded.notifications;

    beforeAll(async () => {
      ({ server } = await startTestBackend({
        features: [
          scorecardsPlugin,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          catalogServiceMock.factory({ entities: [inventory] }),
          recorded.signals.factory,
          recorded.notifications.factory,
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'https://portal.example.com' },
              scorecards: { policy: testsPolicy },
            },
          }),
        ],
      }));
    });

    const upload = (body: string | Buffer) =>
      request(server)
        .post(`${release}/evidence/tests`)
        .set('Authorization', ci)
        .type('application/xml')
        .send(body)
        .expect(201);

    it('signals every upload, and tells the owners when a gate changes decision', async () => {
      await upload(junitOf(14, 0));
      // The first evaluation of a release changes nothing anyone was told of.
      expect(sent).toEqual([]);
      await upload(junit); // 14 tests, one failing: staging warns, production turns red.
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'component:default/inventory',
          },
          payload: {
            title: 'inventory 4.2.0: staging gate pass → warn',
            description: 'Allowed with warnings: No failing tests.',
            link: '/catalog/default/component/inventory/scorecards?release=4.2.0',
            severity: 'normal',
            topic: 'Release gate changed',
            scope: 'scorecards:component:default/inventory:4.2.0:gate:staging',
          },
        },
        {
          recipients: {
            type: 'entity',
            entityRef: 'component:default/inventory',
          },
          payload: {
            title: 'inventory 4.2.0: production gate pass → fail',
            description: 'Blocked by: No failing tests.',
            link: '/catalog/default/component/inventory/scorecards?release=4.2.0',
            severity: 'high',
            topic: 'Release gate changed',
            scope:
              'scorecards:component:default/inventory:4.2.0:gate:production',
          },
        },
      ]);
      // The same file again changes nothing: no signal, no notification.
      await request(server)
        .post(`${release}/evidence/tests`)
        .set('Authorization', ci)
        .type('application/xml')
        .send(junit)
        .expect(200);
      await upload(junitOf(15, 0));
      expect(sent.map(s => s.payload.title)).toEqual([
        'inventory 4.2.0: staging gate pass → warn',
        'inventory 4.2.0: production gate pass → fail',
        'inventory 4.2.0: staging gate warn → pass',
        'inventory 4.2.0: production gate fail → pass',
      ]);
      expect(sent[3].payload.description).toBe('Passes with score 100 (A).');
      expect(signals.map(s => [s.channel, s.message])).toEqual(
        Array(3).fill([
          'scorecards:entity:component:default/inventory',
          {
            entityRef: 'component:default/inventory',
            version: '4.2.0',
            cause: 'evidence',
          },
        ]),
      );

      // A waiver asked for changes what the entity's tab shows.
      await request(server)
        .post('/api/scorecards/waivers')
        .set('Authorization', mockCredentials.user.header('user:default/dev'))
        .send({
          entityRef: 'component:default/inventory',
          versionRange: '4.2.0',
          environment: 'production',
          checkId: 'no-failing-tests',
          reason: 'Flaky carrier sandbox test',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
        .expect(201);
      expect(signals[3].message).toEqual({
        entityRef: 'component:default/inventory',
        version: null,
        cause: 'waiver',
      });
    });
  },
);
