import path from 'path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DependencyEdgeType,
  DependencyMapClient,
  DEFAULT_MAX_NODES,
  DEFAULT_NEIGHBOURHOOD_DEPTH,
  DEPENDENCY_DIRECTIONS,
  DEPENDENCY_EDGE_TYPES,
  MAX_NEIGHBOURHOOD_DEPTH,
  MAX_NODES_LIMIT,
} from '@waybill/plugin-dependency-map-common';
import {
  itIsAValidOpenApiDocument,
  JsonObject,
  loadOpenApiSpec,
  OpenApiOperation,
} from '@waybill/test-utils';
import request from 'supertest';
import { loadDemoEntities } from '@waybill/plugin-dependency-map-common/testUtils';
import { dependencyMapPlugin } from '../plugin';
import { CatalogDependencyGraph } from '../service/CatalogDependencyGraph';
import { createRouter } from '../service/router';

/*
 * Keeps openapi.yaml and the router honest with each other: the spec is a well-formed
 * OpenAPI 3.0 document, it lists exactly the routes the router registers, every answer the
 * running plugin gives (successes and errors) matches the schema the spec gives for it, and the
 * typed client's requests pass the spec's validation. (The router validates every request
 * against the spec itself, so the requests the tests send need no checking of their own.)
 */

const BASE = '/api/dependency-map';

const openapi = loadOpenApiSpec(path.join(__dirname, 'openapi.yaml'), {
  id: 'https://waybill.dev/dependency-map/openapi.json',
});

// ---------------------------------------------------------------------------------------------

describe('openapi.yaml', () => {
  itIsAValidOpenApiDocument(openapi, { minSchemas: 30 });

  it('names the same enumerations and limits as the code', () => {
    const { schemas, parameters } = openapi.spec.components;
    expect(schemas.EdgeType.enum).toEqual([...DEPENDENCY_EDGE_TYPES]);
    expect(schemas.Direction.enum).toEqual([...DEPENDENCY_DIRECTIONS]);
    expect(parameters.MaxNodes.schema).toMatchObject({
      maximum: MAX_NODES_LIMIT,
      default: DEFAULT_MAX_NODES,
    });
    const depth = openapi
      .operation('get', '/entities/{kind}/{namespace}/{name}/neighbourhood')
      .op.parameters.find((p: JsonObject) => p.name === 'depth');
    expect(depth.schema).toMatchObject({
      maximum: MAX_NEIGHBOURHOOD_DEPTH,
      default: DEFAULT_NEIGHBOURHOOD_DEPTH,
    });
  });

  it('documents exactly the routes the router registers', async () => {
    const router = await createRouter({
      graph: {} as CatalogDependencyGraph,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      catalog: catalogServiceMock(),
      notifications: { send: jest.fn() },
      logger: mockServices.logger.mock(),
    });
    expect(openapi.routeProblems(router)).toEqual([]);
  });

  it('fails a response that does not match, with ajv’s error text', () => {
    const wrong = {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { stages: [{ index: -1, entityRefs: [], blockers: [] }] },
      text: '',
    } as unknown as request.Response;
    const check = () =>
      openapi.expectResponseMatchesSpec('get', '/deploy-order', wrong);
    expect(check).toThrow('body/stages/0/index must be >= 0');
    expect(check).toThrow("body must have required property 'sequence'");
    expect(() =>
      openapi.expectResponseMatchesSpec('get', '/estate', {
        ...wrong,
        status: 418,
      } as request.Response),
    ).toThrow(/a status openapi.yaml does not document/);
  });
});

// ---------------------------------------------------------------------------------------------

jest.setTimeout(60_000);

const user = mockCredentials.user.header('user:default/release-manager');
const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'dependency-map',
});

const P = {
  estate: '/estate',
  process: '/business-processes/{process}',
  neighbourhood: '/entities/{kind}/{namespace}/{name}/neighbourhood',
  impact: '/entities/{kind}/{namespace}/{name}/impact',
  deployOrder: '/deploy-order',
  releaseTrain: '/release-train',
  status: '/status',
};
const inventory = {
  kind: 'component',
  namespace: 'default',
  name: 'inventory',
};
const pricingTrain = {
  changes: [
    { entityRef: 'api:pricing-api', version: '3.0.0' },
    { entityRef: 'pricing-api', version: '3.0.0' },
    { entityRef: 'customer-portal', version: '5.0.0' },
  ],
};

describe('the running plugin answers as openapi.yaml says', () => {
  type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];
  let servers: Record<'allowed' | 'denied' | 'catalogDown', Server>;

  async function startBackend(
    permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    catalogDown = false,
  ) {
    const catalog = catalogServiceMock({ entities: loadDemoEntities() });
    if (catalogDown) {
      jest
        .spyOn(catalog, 'queryEntities')
        .mockRejectedValue(new Error('connect ECONNREFUSED catalog'));
    }
    const { server } = await startTestBackend({
      features: [
        dependencyMapPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.permissions.factory({ result: permission }),
      ],
    });
    return server;
  }

  beforeAll(async () => {
    servers = {
      allowed: await startBackend(AuthorizeResult.ALLOW),
      denied: await startBackend(AuthorizeResult.DENY),
      catalogDown: await startBackend(AuthorizeResult.ALLOW, true),
    };
  });

  /** One request, named by the spec's method and path template. */
  interface Call {
    method: 'get' | 'post';
    path: string;
    params?: Record<string, string>;
    /** Query parameters; a list is sent as the parameter repeated. */
    query?: Record<string, string | number | string[]>;
    body?: object;
    auth?: string;
    server?: keyof typeof servers;
  }

  /**
   * Sends a request to a running backend, which validates it against the spec; fails unless
   * the answer's status, media type and body are what the spec documents.
   */
  async function call(c: Call): Promise<request.Response> {
    const url = c.path.replace(/\{(\w+)\}/g, (_, name) =>
      encodeURIComponent(c.params?.[name] ?? ''),
    );
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(c.query ?? {})) {
      for (const v of [value].flat()) search.append(name, String(v));
    }
    let req = request(servers[c.server ?? 'allowed'])
      [c.method](`${BASE}${url}${search.size ? `?${search}` : ''}`)
      .set('Authorization', c.auth ?? user);
    if (c.body !== undefined) req = req.send(c.body);
    const res = await req;
    openapi.expectResponseMatchesSpec(c.method, c.path, res);
    return res;
  }

  /** A request each route answers with 200 on the demo estate. */
  function minimalCall(o: OpenApiOperation): Call {
    const names = [...o.path.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
    const values: Record<string, string> = {
      ...inventory,
      process: 'order-to-cash',
    };
    return {
      method: o.method as Call['method'],
      path: o.path,
      params: Object.fromEntries(names.map(n => [n, values[n]])),
      body: o.method === 'post' ? pricingTrain : undefined,
    };
  }

  it('answers every view of the demo estate', async () => {
    const estate = await call({
      method: 'get',
      path: P.estate,
      query: { maxNodes: 10000 },
    });
    expect(estate.status).toBe(200);
    expect(estate.body.edges.some((e: JsonObject) => e.inCycle)).toBe(true);
    await call({
      method: 'get',
      path: P.estate,
      query: {
        kind: ['component', 'resource'],
        type: 'erp-module,database',
        owner: 'warehouse-systems',
        businessProcess: 'order-to-cash',
        relation: ['dependsOn', 'usesApi'],
        maxNodes: 3,
      },
    });
    const process = await call({
      method: 'get',
      path: P.process,
      params: { process: 'order-to-cash' },
      query: { kind: 'component', relation: 'usesApi' },
    });
    expect(process.status).toBe(200);
    const hood = await call({
      method: 'get',
      path: P.neighbourhood,
      params: inventory,
      query: { depth: 3, direction: 'both', maxNodes: 100 },
    });
    expect(hood.body.nodes.length).toBeGreaterThan(10);
    // The tenants inventory serves, with their labels.
    await call({
      method: 'get',
      path: P.neighbourhood,
      params: inventory,
      query: { depth: 1, direction: 'downstream', kind: 'resource' },
    });
    const impact = await call({
      method: 'get',
      path: P.impact,
      params: inventory,
    });
    expect(impact.body.tenants).toHaveLength(44);
    await call({
      method: 'get',
      path: P.impact,
      params: { kind: 'api', namespace: 'default', name: 'pricing-api' },
      query: { maxDepth: 1 },
    });
    const order = await call({ method: 'get', path: P.deployOrder });
    expect(order.body.blockers).toHaveLength(1);
    await call({
      method: 'get',
      path: P.deployOrder,
      query: { entityRef: ['inventory', 'purchase', 'sales'] },
    });
    const train = await call({
      method: 'post',
      path: P.releaseTrain,
      body: pricingTrain,
      auth: ci,
    });
    expect(train.body.safe).toBe(true);
    const unsafe = await call({
      method: 'post',
      path: P.releaseTrain,
      body: {
        changes: [
          { entityRef: 'customer-portal', version: '5.0.0' },
          { entityRef: 'inventory', version: '4.3.0' },
          { entityRef: 'purchase', version: '2.1.0' },
        ],
      },
    });
    expect(unsafe.body.blockers).toHaveLength(1);
    expect(unsafe.body.incompatibilities).toHaveLength(1);
    const partial = await call({
      method: 'post',
      path: P.releaseTrain,
      body: {
        changes: [
          { entityRef: 'billing', version: '1.0.0' },
          { entityRef: 'inventory', version: '4.3.0' },
          { entityRef: 'inventory', version: '4.3.1' },
          { entityRef: 'api:pricing-api', version: 'v3' },
        ],
      },
    });
    expect(
      partial.body.rejected.map((r: { reason: string }) => r.reason),
    ).toEqual(['unknown-entity', 'duplicate', 'invalid-version']);
    expect(partial.body.changes).toHaveLength(1);
    const status = await call({ method: 'get', path: P.status });
    // One request for the demo estate, one for its APIs.
    expect(status.body.current.catalogRequests).toBe(2);
  });

  it('answers bad requests with 400, 404, 413 and 503 error bodies', async () => {
    const cases: Array<[Call, number]> = [
      [
        {
          method: 'get',
          path: P.estate,
          query: { maxNodes: 0 },
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.process,
          params: { process: 'component:' },
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.neighbourhood,
          params: inventory,
          query: { direction: 'sideways' },
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.impact,
          params: inventory,
          query: { maxDepth: -1 },
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.deployOrder,
          query: { entityRef: 'x/' },
        },
        400,
      ],
      [
        {
          method: 'post',
          path: P.releaseTrain,
          body: { changes: [] },
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.process,
          params: { process: 'hire-to-retire' },
        },
        404,
      ],
      [
        {
          method: 'get',
          path: P.neighbourhood,
          params: { ...inventory, name: 'billing' },
        },
        404,
      ],
      [
        {
          method: 'get',
          path: P.impact,
          params: { ...inventory, name: 'billing' },
        },
        404,
      ],
      [
        {
          method: 'get',
          path: P.deployOrder,
          query: { entityRef: 'billing' },
        },
        404,
      ],
      [
        {
          method: 'post',
          path: P.releaseTrain,
          body: {
            changes: Array.from({ length: 500 }, (_, i) => ({
              entityRef: `component:default/${'x'.repeat(500)}-${i}`,
              version: '1.0.0',
            })),
          },
        },
        413,
      ],
    ];
    for (const [c, status] of cases) {
      const res = await call(c);
      expect([c.path, res.status, typeof res.body.error?.message]).toEqual([
        c.path,
        status,
        'string',
      ]);
    }
    for (const o of openapi.operations.filter(op => op.op.responses['503'])) {
      const res = await call({
        ...minimalCall(o),
        server: 'catalogDown',
      });
      expect([o.path, res.status]).toEqual([o.path, 503]);
      expect(res.body.error.message).toContain('ECONNREFUSED');
    }
  });

  it('answers 401 without a token and 403 without the permission, on every route', async () => {
    for (const o of openapi.operations) {
      const anonymous = await call({
        ...minimalCall(o),
        auth: mockCredentials.none.header(),
      });
      const forbidden = await call({ ...minimalCall(o), server: 'denied' });
      expect([o.path, anonymous.status, forbidden.status]).toEqual([
        o.path,
        401,
        403,
      ]);
    }
  });

  it("sends the typed client's requests as the spec reads them, lists comma-separated", async () => {
    const client = new DependencyMapClient({
      discoveryApi: {
        getBaseUrl: async id =>
          `http://localhost:${servers.allowed.port()}/api/${id}`,
      },
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...init?.headers, Authorization: user },
          }),
      },
    });
    const lists = {
      kinds: ['component', 'resource'],
      owners: ['group:default/warehouse-systems', 'order-management'],
      relations: ['dependsOn', 'usesApi'] as DependencyEdgeType[],
    };
    const estate = await client.getEstate({ ...lists, maxNodes: 5 });
    openapi.validateResponse('get', P.estate, 200, estate);
    expect(estate.nodes.length).toBeGreaterThan(0);
    for (const node of estate.nodes) {
      expect(lists.kinds).toContain(node.kind);
      expect([
        'group:default/warehouse-systems',
        'group:default/order-management',
      ]).toContain(node.owner);
    }
    const hood = await client.getNeighbourhood({
      entityRef: 'inventory',
      depth: 1,
      ...lists,
      businessProcesses: ['order-to-cash'],
    });
    openapi.validateResponse('get', P.neighbourhood, 200, hood);
    const order = await client.getDeployOrder({
      entityRefs: ['order-tracking', 'component:default/sales'],
    });
    openapi.validateResponse('get', P.deployOrder, 200, order);
    expect(order.sequence).toEqual([
      'component:default/sales',
      'component:default/order-tracking',
    ]);
  });

  it('has exercised every response openapi.yaml documents', () => {
    expect(openapi.unexercisedResponses()).toEqual([]);
  });
});
