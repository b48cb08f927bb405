import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  buildDependencyGraph,
  planDeployOrder,
} from '@waybill/plugin-dependency-map-common';
import express from 'express';
import request from 'supertest';
import { swappableCatalog } from '../__testUtils__/swappableCatalog';
import { CatalogDependencyGraph } from './CatalogDependencyGraph';
import { createRouter } from './router';

/** Components, each depending on the next. */
function chain(names: string[]): Entity[] {
  return names.map((name, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: {
      type: 'service',
      dependsOn: i + 1 < names.length ? [`component:${names[i + 1]}`] : [],
    },
  }));
}

describe('GET /deploy-order of the whole estate', () => {
  it('answers what the served graph plans, serialized once per graph, and anew once the graph changes', async () => {
    const before = chain(['web', 'orders', 'ledger']);
    const after = chain(['web', 'orders', 'stock', 'ledger']);
    const swappable = swappableCatalog(before);
    const graph = new CatalogDependencyGraph({
      catalog: swappable.catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      maxNodes: 1000,
      pageSize: 100,
    });
    const app = express()
      .use(
        await createRouter({
          graph,
          httpAuth: mockServices.httpAuth(),
          permissions: mockServices.permissions(),
          catalog: catalogServiceMock(),
          notifications: { send: jest.fn() },
          logger: mockServices.logger.mock(),
        }),
      )
      .use(mockErrorHandler());
    const ask = () =>
      request(app)
        .get('/deploy-order')
        .set('authorization', mockCredentials.user.header());
    const serialized = jest.spyOn(JSON, 'stringify');

    const first = await ask();
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect(first.body.sequence).toEqual(
      planDeployOrder(buildDependencyGraph(before)).sequence,
    );
    const again = await ask();
    expect(again.text).toBe(first.text);
    // Serialized for the first answer only.
    expect(
      serialized.mock.results.filter(r => r.value === first.text),
    ).toHaveLength(1);
    serialized.mockRestore();

    swappable.serve(after);
    await graph.refresh('event');
    const changed = await ask();
    expect(changed.body.sequence).toEqual(
      planDeployOrder(buildDependencyGraph(after)).sequence,
    );
    expect(changed.body.graph.nodeCount).toBe(4);
  });
});
