import { ConfigReader } from '@backstage/config';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RoleDirectory } from './roles';
import { WaybillPermissionPolicy } from './WaybillPermissionPolicy';

const roles = RoleDirectory.fromConfig(
  new ConfigReader({
    waybill: {
      permissions: {
        roles: { 'platform-admin': ['group:default/platform-engineering'] },
      },
    },
  }),
);

function policyFor(ownershipEntityRefs: string[]) {
  return new WaybillPermissionPolicy(
    roles,
    mockServices.userInfo({ ownershipEntityRefs }),
  );
}

const user = {
  credentials: mockCredentials.user('user:default/dana'),
  info: { userEntityRef: 'user:default/dana', ownershipEntityRefs: [] },
};

describe('WaybillPermissionPolicy', () => {
  it('lets every signed-in user read the catalog', async () => {
    const decision = await policyFor(['user:default/dana']).handle(
      { permission: catalogEntityReadPermission },
      user,
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies a request that carries no user', async () => {
    const decision = await policyFor([]).handle({
      permission: catalogEntityReadPermission,
    });
    expect(decision).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets only platform admins register catalog locations', async () => {
    const admin = await policyFor([
      'user:default/dana',
      'group:default/platform-engineering',
    ]).handle({ permission: catalogLocationCreatePermission }, user);
    const developer = await policyFor([
      'user:default/dana',
      'group:default/order-management',
    ]).handle({ permission: catalogLocationCreatePermission }, user);

    expect(admin).toEqual({ result: AuthorizeResult.ALLOW });
    expect(developer).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets owners delete only their own entities, through a catalog condition', async () => {
    const decision = await policyFor([
      'user:default/dana',
      'group:default/order-management',
    ]).handle({ permission: catalogEntityDeletePermission }, user);

    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/dana', 'group:default/order-management'],
        },
      },
    });
  });
});

describe('RoleDirectory', () => {
  it('matches refs regardless of case and default namespace', () => {
    const directory = RoleDirectory.fromConfig(
      new ConfigReader({
        waybill: {
          permissions: {
            roles: { 'platform-admin': ['Group:Platform-Engineering'] },
          },
        },
      }),
    );
    expect(directory.rolesOf(['group:default/platform-engineering'])).toEqual(
      new Set(['platform-admin']),
    );
    expect(directory.rolesOf(['group:default/platform'])).toEqual(new Set());
  });

  it('rejects a role it does not know and a ref it cannot parse', () => {
    expect(() =>
      RoleDirectory.fromConfig(
        new ConfigReader({
          waybill: { permissions: { roles: { superuser: ['user:a'] } } },
        }),
      ),
    ).toThrow(/superuser is not a Waybill role/);
    expect(() =>
      RoleDirectory.fromConfig(
        new ConfigReader({
          waybill: { permissions: { roles: { 'platform-admin': ['user:'] } } },
        }),
      ),
    ).toThrow(/invalid entity ref "user:"/);
  });
});

describe('WaybillPermissionPolicy for release scorecards', () => {
  const managers = RoleDirectory.fromConfig(
    new ConfigReader({
      waybill: {
        permissions: {
          roles: { 'release-manager': ['group:default/release-management'] },
        },
      },
    }),
  );
  const override = {
    type: 'basic' as const,
    name: 'scorecards.gate.override',
    attributes: { action: 'update' as const },
  };

  it('lets only release managers override a gate', async () => {
    const manager = new WaybillPermissionPolicy(
      managers,
      mockServices.userInfo({
        ownershipEntityRefs: [
          'user:default/dana',
          'group:default/release-management',
        ],
      }),
    );
    const developer = new WaybillPermissionPolicy(
      managers,
      mockServices.userInfo({ ownershipEntityRefs: ['user:default/dana'] }),
    );
    expect(await manager.handle({ permission: override }, user)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await developer.handle({ permission: override }, user)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});

describe('WaybillPermissionPolicy for tenant rollouts', () => {
  const directory = RoleDirectory.fromConfig(
    new ConfigReader({
      waybill: {
        permissions: {
          roles: {
            'release-manager': ['group:default/release-management'],
            'platform-admin': ['group:default/platform-engineering'],
          },
        },
      },
    }),
  );
  const policyOf = (groups: string[]) =>
    new WaybillPermissionPolicy(
      directory,
      mockServices.userInfo({
        ownershipEntityRefs: ['user:default/dana', ...groups],
      }),
    );
  const manager = policyOf(['group:default/release-management']);
  const admin = policyOf(['group:default/platform-engineering']);
  const developer = policyOf(['group:default/order-management']);
  const permission = (name: string, action: 'create' | 'update') => ({
    type: 'basic' as const,
    name,
    attributes: { action },
  });

  it.each([
    ['tenant-rollouts.rollout.create', 'create'],
    ['tenant-rollouts.rollout.advance', 'update'],
    ['tenant-rollouts.rollout.rollback', 'update'],
    ['tenant-rollouts.rollout.override', 'update'],
  ] as const)(
    'lets release managers and platform admins, not other users, use %s',
    async (name, action) => {
      const request = { permission: permission(name, action) };
      expect(await manager.handle(request, user)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(await admin.handle(request, user)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(await developer.handle(request, user)).toEqual({
        result: AuthorizeResult.DENY,
      });
    },
  );

  it('lets only platform admins report tenant status by hand', async () => {
    const request = {
      permission: permission('tenant-rollouts.status.report', 'update'),
    };
    expect(await admin.handle(request, user)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await manager.handle(request, user)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await developer.handle(request, user)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets every signed-in user read rollouts', async () => {
    expect(
      await developer.handle(
        {
          permission: {
            type: 'basic',
            name: 'tenant-rollouts.read',
            attributes: { action: 'read' },
          },
        },
        user,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
