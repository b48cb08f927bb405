import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
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

/**
 * A plugin that asks the permissions service, as a plugin such as tenant-rollouts does, whether
 * the caller may use a basic permission: GET /api/probe/{name}/{action}.
 */
const probePlugin = createBackendPlugin({
  pluginId: 'probe',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
      },
      async init({ httpRouter, httpAuth, permissions }) {
        httpRouter.use(async (req, res, next) => {
          const [, name, action] = req.path.split('/');
          if (!name || !action) {
            next();
            return;
          }
          try {
            const credentials = await httpAuth.credentials(req, {
              allow: ['user', 'service'],
            });
            const [decision] = await permissions.authorize(
              [
                {
                  permission: {
                    type: 'basic',
                    name,
                    attributes: { action: action as 'create' | 'update' },
                  },
                },
              ],
              { credentials },
            );
            res.json(decision);
          } catch (error) {
            next(error);
          }
        });
      },
    });
  },
});

describe('tenant-rollouts permissions through the permissions service', () => {
  it('lets release managers plan and move rollouts, and deployment tooling report status', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionBackend,
        permissionPolicyModule,
        probePlugin,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            waybill: {
              permissions: {
                roles: {
                  'release-manager': ['user:default/release-lead'],
                  'platform-admin': ['user:default/platform-lead'],
                },
              },
            },
          },
        }),
      ],
    });
    const decide = async (auth: string, name: string, action: string) => {
      const res = await request(server)
        .get(`/api/probe/${name}/${action}`)
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      return res.body.result;
    };
    const manager = mockCredentials.user.header('user:default/release-lead');
    const developer = mockCredentials.user.header('user:default/dana');
    const tooling = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('deploy-bot'),
      targetPluginId: 'probe',
    });

    for (const [name, action] of [
      ['tenant-rollouts.rollout.create', 'create'],
      ['tenant-rollouts.rollout.advance', 'update'],
      ['tenant-rollouts.rollout.rollback', 'update'],
      ['tenant-rollouts.rollout.override', 'update'],
    ]) {
      expect([name, await decide(manager, name, action)]).toEqual([
        name,
        'ALLOW',
      ]);
      expect([name, await decide(developer, name, action)]).toEqual([
        name,
        'DENY',
      ]);
    }

    const report = 'tenant-rollouts.status.report';
    expect(await decide(tooling, report, 'update')).toBe('ALLOW');
    expect(await decide(developer, report, 'update')).toBe('DENY');
    expect(await decide(manager, report, 'update')).toBe('DENY');
    expect(
      await decide(
        mockCredentials.user.header('user:default/platform-lead'),
        report,
        'update',
      ),
    ).toBe('ALLOW');
  });
});
