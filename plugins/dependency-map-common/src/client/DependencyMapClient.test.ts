import { DependencyMapClient, entityPath } from './DependencyMapClient';

function clientWith(respond: (url: string, init?: RequestInit) => Response) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const client = new DependencyMapClient({
    discoveryApi: {
      getBaseUrl: async id => `http://backend.test/api/${id}`,
    },
    fetchApi: {
      fetch: async (input, init) => {
        const url = String(input);
        calls.push({ url, init });
        return respond(url, init);
      },
    },
  });
  return { client, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('DependencyMapClient', () => {
  it('builds entity paths from full and short refs', () => {
    expect(entityPath('inventory')).toBe(
      '/entities/component/default/inventory',
    );
    expect(entityPath('api:pricing-api')).toBe(
      '/entities/api/default/pricing-api',
    );
    expect(entityPath('Component:ops/edi gateway')).toBe(
      '/entities/component/ops/edi%20gateway',
    );
  });

  it('sends each view as one GET with its parameters, lists comma-joined', async () => {
    const { client, calls } = clientWith(() => json({ nodes: [], edges: [] }));
    await client.getNeighbourhood({
      entityRef: 'component:default/inventory',
      depth: 3,
      direction: 'downstream',
      kinds: ['component', 'api'],
      relations: ['dependsOn'],
    });
    await client.getBusinessProcessGraph({
      process: 'order-to-cash',
      maxNodes: 2000,
      owners: ['warehouse-systems'],
    });
    await client.getEstate();
    await client.getImpact({ entityRef: 'inventory', maxDepth: 2 });
    await client.getImpact({ entityRef: 'inventory', limit: 50, offset: 100 });
    await client.getDeployOrder({ entityRefs: ['sales', 'inventory'] });
    await client.getDeployOrder();
    await client.getStatus();
    expect(calls.map(c => c.url)).toEqual([
      'http://backend.test/api/dependency-map/entities/component/default/inventory/neighbourhood?depth=3&direction=downstream&kind=component%2Capi&relation=dependsOn',
      'http://backend.test/api/dependency-map/business-processes/order-to-cash?maxNodes=2000&owner=warehouse-systems',
      'http://backend.test/api/dependency-map/estate',
      'http://backend.test/api/dependency-map/entities/component/default/inventory/impact?maxDepth=2',
      'http://backend.test/api/dependency-map/entities/component/default/inventory/impact?limit=50&offset=100',
      'http://backend.test/api/dependency-map/deploy-order?entityRef=sales%2Cinventory',
      'http://backend.test/api/dependency-map/deploy-order',
      'http://backend.test/api/dependency-map/status',
    ]);
  });

  it('posts a release train as JSON', async () => {
    const { client, calls } = clientWith(() =>
      json({ sequence: ['api:default/pricing-api'], safe: true }),
    );
    const plan = await client.planReleaseTrain({
      changes: [{ entityRef: 'api:pricing-api', version: '3.0.0' }],
    });
    expect(plan.safe).toBe(true);
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      changes: [{ entityRef: 'api:pricing-api', version: '3.0.0' }],
    });
  });

  it("throws the server's reason on an error answer", async () => {
    const { client } = clientWith(() =>
      json(
        {
          error: {
            name: 'NotFoundError',
            message: 'No entity component:default/nope in the dependency map',
          },
          request: { method: 'GET', url: '/impact' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    await expect(client.getImpact({ entityRef: 'nope' })).rejects.toThrow(
      /Request failed with 404.*No entity component:default\/nope/,
    );
  });
});
