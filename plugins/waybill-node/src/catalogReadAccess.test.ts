import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases } from '@waybill/test-utils';
import { CatalogReadAccess, whereRefIn } from './catalogReadAccess';

const databases = createTestDatabases();
jest.setTimeout(60_000);

const ada = mockCredentials.user('user:default/ada');

function services(result: AuthorizeResult) {
  const permissions = mockServices.permissions.mock();
  permissions.authorizeConditional.mockResolvedValue([
    result === AuthorizeResult.CONDITIONAL
      ? {
          result,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'HAS_LABEL',
            resourceType: 'catalog-entity',
            params: { label: 'secret' },
          },
        }
      : { result },
  ]);
  const catalog = catalogServiceMock.mock();
  // What the catalog returns under the condition: inventory and pricing-api, nothing else.
  catalog.getEntitiesByRefs.mockImplementation(async ({ entityRefs }) => ({
    items: entityRefs.map(ref =>
      ['component:default/inventory', 'api:default/pricing-api'].includes(ref)
        ? {
            apiVersion: 'backstage.io/v1alpha1',
            kind: ref.split(':')[0],
            metadata: { name: ref.split('/')[1], namespace: 'default' },
          }
        : undefined,
    ),
  }));
  return { permissions, catalog };
}

describe('CatalogReadAccess', () => {
  it('lets service principals read everything without asking', async () => {
    const deps = services(AuthorizeResult.DENY);
    const access = await CatalogReadAccess.forCredentials(
      mockCredentials.service('plugin:catalog'),
      deps,
    );
    expect(access.restricted).toBe(false);
    expect(await access.mayRead('component:default/payroll')).toBe(true);
    expect(deps.permissions.authorizeConditional).not.toHaveBeenCalled();
    expect(deps.catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it("asks the permission framework with the user's credentials: ALLOW reads all, DENY none", async () => {
    const allow = services(AuthorizeResult.ALLOW);
    const all = await CatalogReadAccess.forCredentials(ada, allow);
    expect(allow.permissions.authorizeConditional).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
        },
      ],
      { credentials: ada },
    );
    expect(all.restricted).toBe(false);
    expect([...(await all.readable(['component:default/payroll']))]).toEqual([
      'component:default/payroll',
    ]);

    const deny = services(AuthorizeResult.DENY);
    const none = await CatalogReadAccess.forCredentials(ada, deny);
    expect(none.restricted).toBe(true);
    expect(await none.mayRead('component:default/inventory')).toBe(false);
    expect(deny.catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('under a conditional decision, reads what the catalog returns to the user, once per ref', async () => {
    const deps = services(AuthorizeResult.CONDITIONAL);
    const access = await CatalogReadAccess.forCredentials(ada, deps);
    expect(access.restricted).toBe(true);
    const refs = [
      'component:default/payroll',
      'Component:default/Inventory',
      'api:default/pricing-api',
      'component:default/inventory',
    ];
    expect([...(await access.readable(refs))]).toEqual([
      'Component:default/Inventory',
      'api:default/pricing-api',
      'component:default/inventory',
    ]);
    expect(deps.catalog.getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(deps.catalog.getEntitiesByRefs).toHaveBeenCalledWith(
      {
        entityRefs: [
          'component:default/payroll',
          'component:default/inventory',
          'api:default/pricing-api',
        ],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: ada },
    );
    expect(await access.mayRead('component:default/payroll')).toBe(false);
    expect(await access.mayRead('api:default/pricing-api')).toBe(true);
    expect(deps.catalog.getEntitiesByRefs).toHaveBeenCalledTimes(1);
  });
});

describe.each(databases.eachSupportedId())('whereRefIn on %s', databaseId => {
  it('keeps the rows an allow-list names, however long the list', async () => {
    const knex = await databases.init(databaseId);
    await knex.schema.createTable('releases', table => {
      table.increments('id');
      table.string('entity_ref').notNullable();
    });
    await knex('releases').insert(
      ['component:default/a', 'component:default/b', 'component:default/c'].map(
        entity_ref => ({ entity_ref }),
      ),
    );
    // More refs than either database accepts as bound parameters of one statement.
    const many = Array.from(
      { length: 70_000 },
      (_, i) => `component:default/n${i}`,
    );
    const rows = await whereRefIn(knex('releases'), 'entity_ref', [
      ...many,
      'component:default/c',
      'component:default/a',
    ]).orderBy('entity_ref');
    expect(rows.map((r: { entity_ref: string }) => r.entity_ref)).toEqual([
      'component:default/a',
      'component:default/c',
    ]);
    const [{ n }] = await whereRefIn(knex('releases'), 'entity_ref', []).count({
      n: '*',
    });
    expect(Number(n)).toBe(0);
  });
});
