import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { buildDependencyGraph } from '@waybill/plugin-dependency-map-common';
import { loadDemoEntities } from '@waybill/plugin-dependency-map-common/testUtils';
import { syntheticEstate } from '../__testUtils__/syntheticEstate';
import {
  GRAPH_ENTITY_FIELDS,
  readEstateFromCatalog,
} from './readEstateFromCatalog';

const credentials = mockCredentials.service('plugin:dependency-map');

/** Reads `entities` from a mock catalog in pages of 500, counting the catalog's queries. */
async function readFrom(entities: Entity[], maxEntities = 50_000) {
  const catalog = catalogServiceMock({ entities });
  const queryEntities = jest.spyOn(catalog, 'queryEntities');
  const read = await readEstateFromCatalog({
    catalog,
    credentials,
    pageSize: 500,
    maxEntities,
  });
  return { read, queryEntities };
}

describe('readEstateFromCatalog', () => {
  it('reads 5,000 entities in 10 paged requests, whole but for the APIs, skipping kinds it does not map', async () => {
    const { read, queryEntities } = await readFrom(syntheticEstate(5000, 1200));
    expect(read.entities).toHaveLength(5000);
    expect(read.catalogRequests).toBe(10);
    expect(queryEntities).toHaveBeenCalledTimes(10);
    expect(read.catalogEntities).toBe(5000);
    expect(read.truncated).toBe(false);
    // 2,500 Components whole in 5 pages (the first filters, the rest follow the cursor), then
    // 2,500 APIs trimmed to the fields the graph reads.
    const requests = queryEntities.mock.calls.map(([request]) => request);
    expect(requests[0]).toEqual({
      filter: { kind: ['component', 'resource', 'system', 'domain'] },
      limit: 500,
    });
    for (const request of requests.slice(1, 5)) {
      expect(request).toEqual({ cursor: expect.any(String), limit: 500 });
    }
    expect(requests[5]).toEqual({
      filter: { kind: ['api'] },
      limit: 500,
      fields: [...GRAPH_ENTITY_FIELDS],
    });
    for (const request of requests.slice(6)) {
      expect(request).toEqual({
        cursor: expect.any(String),
        limit: 500,
        fields: [...GRAPH_ENTITY_FIELDS],
      });
    }
    expect(queryEntities.mock.calls[0][1]).toEqual({ credentials });
    expect(read.entities.filter(e => e.kind === 'API')).toHaveLength(2500);
    // Trimmed APIs still make the graph that whole entities make.
    const graph = buildDependencyGraph(read.entities);
    expect(graph.nodes).toHaveLength(5000);
    expect(graph.edges.filter(e => e.type === 'usesApi').length).toBe(2490);
  });

  it('reads an API without its definition', async () => {
    const api: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'orders-api' },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'team-a',
        definition: 'openapi: 3.0.0',
      },
    };
    const { read } = await readFrom([api]);
    expect(read.entities[0].spec).toEqual({
      type: 'openapi',
      lifecycle: 'production',
      owner: 'team-a',
    });
  });

  // Half the synthetic estate is APIs: one request per page of each half, at least one each.
  it.each([
    [1, 2],
    [499, 2],
    [500, 2],
    [1000, 2],
    [1001, 3],
    [5000, 10],
    [12_345, 26],
  ])(
    'makes one request per page of each query: %i entities, %i requests',
    async (size, requests) => {
      const { read } = await readFrom(syntheticEstate(size));
      expect([read.entities.length, read.catalogRequests]).toEqual([
        size,
        requests,
      ]);
    },
  );

  it('makes one request per query for an empty catalog', async () => {
    const { read } = await readFrom([], 10);
    expect(read).toEqual({
      entities: [],
      catalogRequests: 2,
      catalogEntities: 0,
      truncated: false,
    });
  });

  it('stops at maxEntities and says the catalog held more', async () => {
    const { read, queryEntities } = await readFrom(syntheticEstate(2000), 1200);
    expect(read.entities).toHaveLength(1200);
    expect(read.truncated).toBe(true);
    expect(read.catalogEntities).toBe(2000);
    // 500 + 500 + 200: the last page asks only for what is still allowed.
    expect(queryEntities.mock.calls.map(([r]) => r!.limit)).toEqual([
      500, 500, 200,
    ]);
  });

  it('counts the kinds it did not reach once maxEntities are read', async () => {
    const { read, queryEntities } = await readFrom(syntheticEstate(2000), 700);
    expect(read.entities).toHaveLength(700);
    expect([read.truncated, read.catalogEntities]).toEqual([true, 2000]);
    expect(queryEntities.mock.calls.map(([r]) => r!.limit)).toEqual([
      500, 200, 0,
    ]);
  });

  it('is not truncated when the catalog holds exactly maxEntities', async () => {
    const { read } = await readFrom(syntheticEstate(1000), 1000);
    expect([read.entities.length, read.truncated]).toEqual([1000, false]);
  });

  it('reads the demo estate, its Domains included, in one page of each query', async () => {
    const entities = loadDemoEntities();
    const { read } = await readFrom(entities);
    expect(read.catalogRequests).toBe(2);
    expect(read.entities.map(e => e.metadata.name).sort()).toEqual(
      entities
        .filter(e =>
          ['Component', 'API', 'Resource', 'System', 'Domain'].includes(e.kind),
        )
        .map(e => e.metadata.name)
        .sort(),
    );
  });
});
