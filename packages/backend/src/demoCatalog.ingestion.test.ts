import path from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import { createTestDatabases } from '@waybill/test-utils';
import request from 'supertest';

const databases = createTestDatabases();
const demoCatalog = path.resolve(__dirname, '../../../examples/all.yaml');

jest.setTimeout(120_000);

describe.each(databases.eachSupportedId())(
  'the demo catalog ingested by the real catalog backend on %s',
  databaseId => {
    it('processes every demo entity, with dependency relations resolved', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogBackend,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'System',
                      'API',
                      'Resource',
                      'Location',
                      'Domain',
                      'Group',
                      'User',
                    ],
                  },
                ],
                locations: [{ type: 'file', target: demoCatalog }],
              },
            },
          }),
        ],
      });

      const query = (filter: string) =>
        request(server)
          .get('/api/catalog/entities/by-query')
          .query({ filter, limit: 500 })
          .set('Authorization', mockCredentials.user.header());

      const tenants = await eventually(async () => {
        const res = await query('kind=resource,spec.type=tenant');
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeGreaterThanOrEqual(40);
        return res.body.items;
      });
      expect(
        tenants.every((tenant: any) =>
          tenant.relations?.some((r: any) => r.type === 'dependsOn'),
        ),
      ).toBe(true);

      const inventory = await eventually(async () => {
        const res = await request(server)
          .get('/api/catalog/entities/by-name/component/default/inventory')
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        expect(res.body.relations).toEqual(
          expect.arrayContaining([
            { type: 'dependsOn', targetRef: 'component:default/purchase' },
            { type: 'dependencyOf', targetRef: 'component:default/purchase' },
          ]),
        );
        return res.body;
      });
      expect(inventory.spec.type).toBe('erp-module');

      const processes = await query('kind=domain,spec.type=business-process');
      expect(processes.body.items.map((d: any) => d.metadata.name)).toEqual(
        expect.arrayContaining([
          'order-to-cash',
          'procure-to-pay',
          'inventory-allocation',
        ]),
      );
    });
  },
);

/** Retries an assertion while the catalog's processing loop catches up. */
async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
}
