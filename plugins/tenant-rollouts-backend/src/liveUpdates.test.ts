/**
 * What the rollouts tell the portal as they change, on the real plugin (SQLite and PostgreSQL):
 * a signal on the rollout's channel and the list's after each change, board reads that cost a
 * 304 when nothing changed, and a notification, sent once, when a wave fails or the scheduler
 * finds the rollout held.
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
import {
  catalogComponent,
  catalogTenant,
  rolloutsConfig,
} from './__testUtils__/fixtures';
import { tenantRolloutsPlugin } from './plugin';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const BASE = '/api/tenant-rollouts';
const manager = mockCredentials.user.header('user:default/release-manager');

describe.each(databases.eachSupportedId())(
  'live rollouts on %s',
  databaseId => {
    let server: Server;
    let autoAdvance: () => Promise<void>;
    const recorded = {
      signals: recordedSignals(),
      notifications: recordedNotifications(),
    };
    const { signals } = recorded.signals;
    const { sent: notifications } = recorded.notifications;

    beforeAll(async () => {
      const scheduler = mockServices.scheduler.mock();
      ({ server } = await startTestBackend({
        features: [
          tenantRolloutsPlugin,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          scheduler.factory,
          catalogServiceMock.factory({
            entities: [
              catalogComponent('inventory'),
              catalogTenant('acme', { 'waybill.dev/tier': 'internal' }),
              catalogTenant('bolt', {}),
              catalogTenant('cargo', {}),
            ],
          }),
          recorded.signals.factory,
          recorded.notifications.factory,
          mockServices.rootConfig.factory({
            data: rolloutsConfig({ whenScorecardsAbsent: 'pass' }),
          }),
        ],
      }));
      const task = scheduler.scheduleTask.mock.calls
        .map(([definition]) => definition)
        .find(d => d.id === 'tenant-rollouts-auto-advance');
      if (!task)
        throw new Error('tenant-rollouts-auto-advance was not scheduled');
      autoAdvance = () =>
        Promise.resolve(task.fn(new AbortController().signal));
    });

    const signalsFor = (id: number) =>
      signals
        .filter(s => s.channel === `tenant-rollouts:rollout:${id}`)
        .map(s => s.message.cause);

    it('signals each change, answers an unchanged board with a 304, and notifies a failing wave and a hold once', async () => {
      const planned = await request(server)
        .post(`${BASE}/rollouts`)
        .set('Authorization', manager)
        .send({
          entityRef: 'component:default/inventory',
          version: '5.2.0',
          environment: 'production',
        })
        .expect(201);
      const id: number = planned.body.id;
      expect(signalsFor(id)).toEqual(['created']);
      expect(
        signals.filter(s => s.channel === 'tenant-rollouts:rollouts'),
      ).toEqual([
        {
          recipients: { type: 'broadcast' },
          channel: 'tenant-rollouts:rollouts',
          message: { rolloutId: id, cause: 'created' },
        },
      ]);

      // An unchanged board costs a 304 without a body.
      const board = await request(server)
        .get(`${BASE}/rollouts/${id}`)
        .set('Authorization', manager)
        .expect(200);
      expect(board.headers.etag).toMatch(/^W\/"/);
      expect(board.headers['cache-control']).toBe('private, no-cache');
      const unchanged = await request(server)
        .get(`${BASE}/rollouts/${id}`)
        .set('Authorization', manager)
        .set('If-None-Match', board.headers.etag)
        .expect(304);
      expect(unchanged.text).toBe('');

      await request(server)
        .post(`${BASE}/rollouts/${id}/actions/start`)
        .set('Authorization', manager)
        .send({})
        .expect(200);
      expect(signalsFor(id)).toEqual(['created', 'action']);
      const started = await request(server)
        .get(`${BASE}/rollouts/${id}`)
        .set('Authorization', manager)
        .set('If-None-Match', board.headers.etag)
        .expect(200);
      expect(started.body.state).toBe('running');

      // The canary fails: one notification, however often it is reported.
      for (const detail of ['picking API 500s', 'still failing']) {
        await request(server)
          .post(`${BASE}/rollouts/${id}/tenants/status`)
          .set('Authorization', manager)
          .send({ statuses: [{ tenant: 'acme', status: 'failed', detail }] })
          .expect(200);
      }
      expect(signalsFor(id)).toEqual(['created', 'action', 'status', 'status']);
      expect(notifications).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: [
              'component:default/inventory',
              'user:default/release-manager',
            ],
          },
          payload: {
            title: 'inventory 5.2.0 (production) rollout: wave 0 failing',
            description:
              '1 tenant of wave 0 reported failed: resource:default/acme.',
            topic: 'Rollout wave failing',
            severity: 'critical',
            link: `/tenant-rollouts/rollouts/${id}`,
            scope: `tenant-rollouts:rollout:${id}:failing:0`,
          },
        },
      ]);

      // The scheduler cannot advance past the failed canary: held by health, notified once.
      await autoAdvance();
      await autoAdvance();
      expect(notifications.map(n => n.payload.title)).toEqual([
        'inventory 5.2.0 (production) rollout: wave 0 failing',
        'inventory 5.2.0 (production) rollout held: health',
      ]);
      expect(notifications[1].payload).toMatchObject({
        topic: 'Rollout held',
        severity: 'high',
        scope: `tenant-rollouts:rollout:${id}:held:0:health`,
      });

      // An action moves it on; a new hold after it is told again.
      await request(server)
        .post(`${BASE}/rollouts/${id}/actions/pause`)
        .set('Authorization', manager)
        .send({})
        .expect(200);
      await request(server)
        .post(`${BASE}/rollouts/${id}/actions/resume`)
        .set('Authorization', manager)
        .send({})
        .expect(200);
      await autoAdvance();
      expect(notifications).toHaveLength(3);
    });
  },
);
