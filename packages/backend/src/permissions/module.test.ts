import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionBackend from '@backstage/plugin-permission-backend';
import request from 'supertest';
import permissionPolicyModule from '.';

describe('waybill-policy permission module', () => {
  it('answers authorize requests through the permission backend with the Waybill policy', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionBackend,
        permissionPolicyModule,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            waybill: {
              permissions: {
                roles: { 'platform-admin': ['user:default/platform-lead'] },
              },
            },
          },
        }),
      ],
    });

    const authorize = (user: string) =>
      request(server)
        .post('/api/permission/authorize')
        .set('Authorization', mockCredentials.user.header(user))
        .send({
          items: [
            {
              id: 'create-location',
              permission: {
                type: 'basic',
                name: 'catalog.location.create',
                attributes: { action: 'create' },
              },
            },
          ],
        });

    const admin = await authorize('user:default/platform-lead');
    const developer = await authorize('user:default/dana');

    expect(admin.status).toBe(200);
    expect(admin.body.items[0]).toMatchObject({ result: 'ALLOW' });
    expect(developer.body.items[0]).toMatchObject({ result: 'DENY' });
  });
});
