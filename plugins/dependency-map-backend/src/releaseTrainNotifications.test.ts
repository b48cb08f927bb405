import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadDemoEntities } from '@waybill/plugin-dependency-map-common/testUtils';
import { recordedNotifications } from '@waybill/test-utils';
import request from 'supertest';
import { dependencyMapPlugin } from './plugin';

jest.setTimeout(60_000);

const AUTHOR = 'user:default/release-manager';
const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'dependency-map',
});

describe('a release train that cannot be ordered', () => {
  it("is told to its author, and not to a pipeline's answer alone", async () => {
    const recorded = { notifications: recordedNotifications() };
    const { sent } = recorded.notifications;
    const { server } = await startTestBackend({
      features: [
        dependencyMapPlugin,
        catalogServiceMock.factory({ entities: loadDemoEntities() }),
        recorded.notifications.factory,
      ],
    });
    const plan = (auth: string, changes: object[]) =>
      request(server)
        .post('/api/dependency-map/release-train')
        .set('Authorization', auth)
        .send({ changes })
        .expect(200);
    const unorderable = [
      { entityRef: 'customer-portal', version: '5.0.0' },
      { entityRef: 'inventory', version: '4.3.0' },
      { entityRef: 'purchase', version: '2.1.0' },
    ];

    await plan(ci, unorderable);
    expect(sent).toEqual([]);
    // An orderable train tells nobody.
    await plan(mockCredentials.user.header(AUTHOR), [
      { entityRef: 'api:pricing-api', version: '3.0.0' },
      { entityRef: 'component:default/pricing-api', version: '3.0.0' },
    ]);
    expect(sent).toEqual([]);

    await plan(mockCredentials.user.header(AUTHOR), unorderable);
    await plan(mockCredentials.user.header(AUTHOR), [...unorderable].reverse());
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      recipients: { type: 'entity', entityRef: AUTHOR },
      payload: {
        title:
          'Release train of 3 changes cannot be ordered: 1 dependency cycle, 1 incompatible API',
        description: expect.stringContaining(
          '(usesApi); Customer Portal requires Pricing API ^3.0.0',
        ),
        link: '/dependency-map/release-train',
        severity: 'high',
        topic: 'Release train cannot be ordered',
        scope: expect.stringMatching(
          /^dependency-map:release-train:[0-9a-f]{16}$/,
        ),
      },
    });
    // The same train, in another order, is the same notification (updated, not repeated).
    expect(sent[1].payload.scope).toBe(sent[0].payload.scope);
  });
});
