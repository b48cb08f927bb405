import path from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { dependencyMapPlugin } from './plugin';

/*
 * The plugin against the real catalog backend (in-memory SQLite) that ingested examples/: the
 * catalog answers queryEntities with relations and trimmed fields, and the graph built from
 * them is the one built from the YAML.
 */

jest.setTimeout(120_000);

const demoCatalog = path.resolve(__dirname, '../../../examples/all.yaml');
const user = mockCredentials.user.header('user:default/release-manager');

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

describe('the dependency map over the real catalog backend', () => {
  it('reads the ingested demo estate in paged requests and finds the same graph', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogBackend,
        dependencyMapPlugin,
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
            dependencyMap: { pageSize: 25 },
          },
        }),
      ],
    });
    const get = (p: string) =>
      request(server).get(`/api/dependency-map${p}`).set('Authorization', user);

    // Wait until the catalog has stitched the tenants, the last file processed.
    await eventually(async () => {
      const res = await request(server)
        .get('/api/catalog/entities/by-query')
        .query({ filter: 'kind=resource,spec.type=tenant', limit: 1 })
        .set('Authorization', user);
      expect(res.body.totalItems).toBe(44);
      const inventory = await request(server)
        .get('/api/catalog/entities/by-name/component/default/inventory')
        .set('Authorization', user);
      expect(inventory.body.relations).toEqual(
        expect.arrayContaining([
          { type: 'dependsOn', targetRef: 'component:default/purchase' },
        ]),
      );
    });

    const status = await get('/status');
    expect(status.body.ready).toBe(false);
    const order = await get('/deploy-order');
    expect(order.status).toBe(200);
    expect(order.body.blockers).toHaveLength(1);
    expect(order.body.blockers[0].cycle.members.sort()).toEqual([
      'component:default/inventory',
      'component:default/purchase',
    ]);
    expect(order.body.stages).toHaveLength(7);

    const impact = await get('/entities/component/default/inventory/impact');
    expect(impact.body.tenants).toHaveLength(44);
    expect(impact.body.businessProcesses).toHaveLength(4);

    const built = (await get('/status')).body.current;
    expect(built.entitiesRead).toBeGreaterThan(80);
    expect(built.catalogRequests).toBe(Math.ceil(built.entitiesRead / 25));
    expect(built.warningCount).toBe(0);
  });
});
