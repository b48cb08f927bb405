import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { loadDemoEntities } from '@waybill/plugin-dependency-map-common/testUtils';
import { dependencyMapPlugin } from './plugin';

jest.setTimeout(60_000);

const BASE = '/api/dependency-map';
const component = (name: string) => `component:default/${name}`;
const api = (name: string) => `api:default/${name}`;
const user = mockCredentials.user.header('user:default/release-manager');
const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'dependency-map',
});

/** A catalog over `entities` whose queryEntities calls are counted, and optionally held back. */
function countingCatalog(
  entities: Entity[],
  options: { gate?: Promise<void>; fail?: boolean } = {},
) {
  const catalog = catalogServiceMock({ entities });
  const original = catalog.queryEntities.bind(catalog);
  const queryEntities = jest
    .spyOn(catalog, 'queryEntities')
    .mockImplementation(async (...args) => {
      await options.gate;
      if (options.fail) throw new Error('catalog is down');
      return original(...args);
    });
  const factory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
  return { factory, queryEntities };
}

async function startBackend(
  options: {
    entities?: Entity[];
    catalog?: ReturnType<typeof createServiceFactory>;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    config?: object;
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      dependencyMapPlugin,
      options.catalog ??
        catalogServiceMock.factory({
          entities: options.entities ?? loadDemoEntities(),
        }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
    ],
  });
  return server;
}

describe('dependency-map API on the demo estate', () => {
  let server: Awaited<ReturnType<typeof startBackend>>;
  const get = (path: string, auth = user) =>
    request(server).get(`${BASE}${path}`).set('Authorization', auth);

  beforeAll(async () => {
    server = await startBackend();
  });

  it('flags the one cycle, inventory <-> purchase, in the estate and as a deploy-order blocker', async () => {
    const estate = await get('/estate?maxNodes=10000');
    expect(estate.status).toBe(200);
    expect(estate.body.truncated).toBe(false);
    expect(estate.body.graph).toMatchObject({
      truncated: false,
      nodeCount: estate.body.totalNodes,
    });
    const cycleEdges = estate.body.edges
      .filter((e: any) => e.inCycle)
      .map((e: any) => [e.source, e.target].sort().join(' '));
    expect([...new Set(cycleEdges)]).toEqual([
      `${component('inventory')} ${component('purchase')}`,
    ]);

    const order = await get('/deploy-order');
    expect(order.status).toBe(200);
    expect(order.body.blockers).toHaveLength(1);
    expect(order.body.blockers[0].cycle.members.sort()).toEqual([
      component('inventory'),
      component('purchase'),
    ]);
    expect(order.body.stages).toHaveLength(7);
    const stageOf = (name: string) =>
      order.body.stages.findIndex((s: any) =>
        s.entityRefs.includes(component(name)),
      );
    expect(stageOf('inventory')).toBe(stageOf('purchase'));
    expect(order.body.stages[stageOf('inventory')].blockers).toEqual([0]);
    expect(stageOf('order-tracking')).toBe(6);
  });

  it("answers order-to-cash's graph in one request", async () => {
    const res = await get('/business-processes/order-to-cash');
    expect(res.status).toBe(200);
    expect(res.body.process).toMatchObject({
      ref: 'domain:default/order-to-cash',
      criticality: 'critical',
    });
    const refs: string[] = res.body.nodes.map((n: any) => n.ref);
    expect(refs).toEqual(
      expect.arrayContaining(
        ['sales', 'inventory', 'accounting', 'warehouse-management'].map(
          component,
        ),
      ),
    );
    expect(refs).not.toContain(component('purchase'));
    for (const node of res.body.nodes) {
      expect(node.businessProcesses).toContain('domain:default/order-to-cash');
    }
    for (const edge of res.body.edges) {
      expect(refs).toContain(edge.source);
      expect(refs).toContain(edge.target);
    }
    // The same process by Domain ref, narrowed to ERP modules.
    const modules = await get(
      `/business-processes/${encodeURIComponent(
        'domain:default/order-to-cash',
      )}?type=erp-module&relation=dependsOn,usesApi`,
    );
    expect(modules.body.nodes.map((n: any) => n.type)).toEqual(
      modules.body.nodes.map(() => 'erp-module'),
    );
    expect(
      modules.body.edges.every((e: any) =>
        ['dependsOn', 'usesApi'].includes(e.type),
      ),
    ).toBe(true);
  });

  it('gives the blast radius of inventory with its business processes and tenants', async () => {
    const res = await get('/entities/component/default/inventory/impact');
    expect(res.status).toBe(200);
    expect(res.body.entityRefs).toEqual([component('inventory')]);
    const kinds = (kind: string) =>
      res.body.affected.filter((a: any) => a.kind === kind).length;
    expect([kinds('component'), kinds('api')]).toEqual([12, 11]);
    expect(
      res.body.businessProcesses.map((p: any) => [p.name, p.distance]),
    ).toEqual([
      ['inventory-allocation', 0],
      ['order-to-cash', 0],
      ['procure-to-pay', 0],
      ['record-to-report', 1],
    ]);
    expect(res.body.tenants).toHaveLength(44);
    expect(res.body.tenants[0]).toMatchObject({
      entityRef: expect.stringMatching(/^resource:default\//),
      labels: expect.objectContaining({ region: expect.any(String) }),
      servedBy: expect.arrayContaining([component('inventory')]),
    });

    expect(res.body).toMatchObject({
      total: 23,
      offset: 0,
      limit: 500,
      truncated: false,
      depthTruncated: false,
      tenantCount: 44,
    });

    const near = await get(
      '/entities/component/default/inventory/impact?maxDepth=1',
    );
    expect([near.body.depthTruncated, near.body.truncated]).toEqual([
      true,
      false,
    ]);
    expect(near.body.affected.every((a: any) => a.distance === 1)).toBe(true);
  });

  it('pages the blast radius, counting processes and tenants over all of it', async () => {
    const whole = await get('/entities/component/default/inventory/impact');
    const pages = await Promise.all(
      [0, 10, 20].map(offset =>
        get(
          `/entities/component/default/inventory/impact?limit=10&offset=${offset}`,
        ),
      ),
    );
    expect(pages.map(p => [p.body.offset, p.body.truncated])).toEqual([
      [0, true],
      [10, true],
      [20, false],
    ]);
    expect(pages.flatMap(p => p.body.affected)).toEqual(whole.body.affected);
    expect(pages[0].body).toMatchObject({
      total: 23,
      limit: 10,
      tenantCount: 44,
      businessProcesses: whole.body.businessProcesses,
    });
    expect(pages[0].body.tenants).toHaveLength(10);
  });

  it('plans a three-change release train: the pricing API v3 with its provider, then the portal', async () => {
    const res = await request(server)
      .post(`${BASE}/release-train`)
      .set('Authorization', ci)
      .send({
        changes: [
          { entityRef: 'customer-portal', version: '5.0.0' },
          { entityRef: 'api:pricing-api', version: '3.0.0' },
          { entityRef: 'component:default/pricing-api', version: '3.0.0' },
        ],
      });
    expect(res.status).toBe(200);
    expect(
      res.body.stages.map((s: any) => s.changes.map((c: any) => c.entityRef)),
    ).toEqual(
      [
        [api('pricing-api'), component('pricing-api')].sort(),
        [component('customer-portal')],
      ].map(s => expect.arrayContaining(s)),
    );
    expect(res.body.sequence[2]).toBe(component('customer-portal'));
    expect(res.body.safe).toBe(true);
    expect(res.body.blockers).toEqual([]);
    expect(res.body.prematureConsumers[0]).toMatchObject({
      consumer: component('customer-portal'),
      needs: api('pricing-api'),
      reason: 'needs-new-api-version',
    });

    const withoutApi = await request(server)
      .post(`${BASE}/release-train`)
      .set('Authorization', user)
      .send({
        changes: [
          { entityRef: 'customer-portal', version: '5.0.0' },
          { entityRef: 'inventory', version: '4.3.0' },
          { entityRef: 'purchase', version: '2.1.0' },
        ],
      });
    expect(withoutApi.status).toBe(200);
    expect(withoutApi.body.safe).toBe(false);
    expect(withoutApi.body.blockers).toHaveLength(1);
    expect(withoutApi.body.incompatibilities[0]).toMatchObject({
      consumer: component('customer-portal'),
      api: api('pricing-api'),
      status: 'incompatible',
    });
  });

  it('plans the rest of a release train with bad changes, naming each bad one, its position and why', async () => {
    const res = await request(server)
      .post(`${BASE}/release-train`)
      .set('Authorization', user)
      .send({
        changes: [
          { entityRef: 'sales', version: '9.0.0' },
          { entityRef: 'api:billing-api', version: '1.0.0' },
          { entityRef: ' inventory ', version: ' 7.1.0 ' },
          { entityRef: 'component:default/sales', version: '9.0.1' },
          { entityRef: 'api:pricing-api', version: 'v3' },
          { entityRef: 'x/', version: '1.0.0' },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([
      {
        index: 1,
        entityRef: 'api:billing-api',
        version: '1.0.0',
        reason: 'unknown-entity',
        message: expect.stringContaining(
          'No entity "api:billing-api" in the dependency map',
        ),
      },
      expect.objectContaining({
        index: 3,
        reason: 'duplicate',
        message: expect.stringContaining('listed more than once'),
      }),
      expect.objectContaining({
        index: 4,
        reason: 'invalid-version',
        message: expect.stringContaining('semver'),
      }),
      expect.objectContaining({ index: 5, reason: 'unreadable-ref' }),
    ]);
    expect(
      res.body.changes.map((c: any) => [c.entityRef, c.version, c.stage]),
    ).toEqual([
      [component('sales'), '9.0.0', 1],
      [component('inventory'), '7.1.0', 0],
    ]);
    expect(res.body.changes[1].tenants).toBe(44);
    expect(res.body.sequence).toEqual([
      component('inventory'),
      component('sales'),
    ]);
    expect(res.body.safe).toBe(false);

    const onlyBad = await request(server)
      .post(`${BASE}/release-train`)
      .set('Authorization', user)
      .send({ changes: [{ entityRef: 'payroll', version: '1.0.0' }] });
    expect(onlyBad.status).toBe(200);
    expect(onlyBad.body).toMatchObject({
      changes: [],
      stages: [],
      safe: false,
      rejected: [{ index: 0, entityRef: 'payroll', reason: 'unknown-entity' }],
    });
  });

  it('walks a neighbourhood to a depth, in a direction, with filters and a node limit', async () => {
    const upstream = await get(
      '/entities/component/default/inventory/neighbourhood?depth=1&direction=upstream',
    );
    expect(upstream.status).toBe(200);
    expect(upstream.body).toMatchObject({
      entityRef: component('inventory'),
      depth: 1,
      direction: 'upstream',
      truncated: false,
    });
    expect(upstream.body.nodes[0]).toMatchObject({
      ref: component('inventory'),
      distance: 0,
    });
    expect(upstream.body.nodes.map((n: any) => n.ref)).toContain(
      component('purchase'),
    );

    const limited = await get(
      '/entities/component/default/inventory/neighbourhood?depth=3&direction=downstream&maxNodes=3',
    );
    expect(limited.body.nodes).toHaveLength(3);
    expect(limited.body.truncated).toBe(true);

    const components = await get(
      '/entities/component/default/inventory/neighbourhood?depth=2&kind=component&owner=warehouse-systems,order-management&relation=dependsOn&relation=usesApi',
    );
    expect(components.status).toBe(200);
    for (const node of components.body.nodes.slice(1)) {
      expect(node.kind).toBe('component');
    }
    for (const edge of components.body.edges) {
      expect(['dependsOn', 'usesApi']).toContain(edge.type);
    }
  });

  it('limits the estate and says it truncated', async () => {
    const res = await get('/estate?maxNodes=5&kind=component&type=erp-module');
    expect(res.body.nodes).toHaveLength(5);
    expect(res.body.totalNodes).toBe(5);
    expect(res.body.truncated).toBe(false);
    const small = await get('/estate?maxNodes=2&kind=component');
    expect(small.body).toMatchObject({ truncated: true });
    expect(small.body.nodes).toHaveLength(2);
    expect(small.body.totalNodes).toBeGreaterThan(2);
    expect(small.body.builtAt).toBe(small.body.graph.builtAt);
  });

  it('orders a set of refs, constraints through entities outside it included', async () => {
    const res = await get(
      '/deploy-order?entityRef=order-tracking,inventory&entityRef=component:default/sales',
    );
    expect(res.status).toBe(200);
    expect(res.body.sequence).toEqual([
      component('inventory'),
      component('sales'),
      component('order-tracking'),
    ]);
  });

  it.each([
    ['/estate?maxNodes=0', 'query/maxNodes'],
    ['/estate?maxNodes=lots', 'query/maxNodes'],
    ['/estate?colour=blue', 'colour'],
    ['/estate?relation=knows', 'query/relation/0'],
    ['/business-processes/order-to-cash?businessProcess=x', 'businessProcess'],
    [
      '/entities/component/default/inventory/neighbourhood?depth=21',
      'query/depth',
    ],
    [
      '/entities/component/default/inventory/neighbourhood?direction=sideways',
      'query/direction',
    ],
    [
      '/entities/component/default/inventory/impact?maxDepth=0',
      'query/maxDepth',
    ],
    ['/entities/component/default/inventory/impact?limit=0', 'query/limit'],
    ['/entities/component/default/inventory/impact?limit=5001', 'query/limit'],
    ['/entities/component/default/inventory/impact?offset=-1', 'query/offset'],
    ['/entities/component/default/inventory/impact?limit=ten', 'query/limit'],
    ['/deploy-order?entityRef=sales,component:', 'query.entityRef'],
  ])('answers GET %s with 400 naming %s', async (path, named) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(named);
  });

  it.each([
    [{ changes: [] }, 'body/changes must NOT have fewer than 1 items'],
    [
      { changes: [{ entityRef: 'sales' }] },
      "body/changes/0 must have required property 'version'",
    ],
    [
      { changes: [{ entityRef: 'sales', version: '1', extra: 1 }] },
      'body/changes/0 must NOT have additional properties',
    ],
    [{ changes: [] }, 'body/changes must NOT have fewer than 1 items'],
  ])(
    'answers POST /release-train %j with 400 naming %s',
    async (body, named) => {
      const res = await request(server)
        .post(`${BASE}/release-train`)
        .set('Authorization', user)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(named);
    },
  );

  it('answers 400 to a body that is not JSON', async () => {
    const notJson = await request(server)
      .post(`${BASE}/release-train`)
      .set('Authorization', user)
      .type('application/json')
      .send('{"changes": [');
    expect(notJson.status).toBe(400);
    const text = await request(server)
      .post(`${BASE}/release-train`)
      .set('Authorization', user)
      .type('text/plain')
      .send('inventory 4.3.0');
    expect(text.status).toBe(400);
    expect(text.body.error.message).toContain(
      'unsupported media type text/plain',
    );
  });

  it('answers 404 naming unknown entities and processes', async () => {
    const cases: Array<[request.Test, string[]]> = [
      [
        get('/entities/component/default/billing/neighbourhood'),
        ['component:default/billing'],
      ],
      [get('/entities/group/default/warehouse-systems/impact'), ['group:']],
      [
        get('/business-processes/hire-to-retire'),
        ['hire-to-retire', 'order-to-cash'],
      ],
      [
        get('/deploy-order?entityRef=sales,billing,payroll'),
        ['"billing"', '"payroll"'],
      ],
    ];
    for (const [req, named] of cases) {
      const res = await req;
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
      for (const n of named) expect(res.body.error.message).toContain(n);
    }
  });

  it('answers 401 without credentials on every route', async () => {
    const none = mockCredentials.none.header();
    const requests = [
      get('/estate', none),
      get('/status', none),
      get('/business-processes/order-to-cash', none),
      get('/entities/component/default/inventory/neighbourhood', none),
      get('/entities/component/default/inventory/impact', none),
      get('/deploy-order', none),
      request(server)
        .post(`${BASE}/release-train`)
        .set('Authorization', none)
        .send({ changes: [{ entityRef: 'sales', version: '1.0.0' }] }),
    ];
    expect((await Promise.all(requests)).map(res => res.status)).toEqual(
      requests.map(() => 401),
    );
  });

  it('reports the build: one catalog request for the demo estate, one for its APIs', async () => {
    const res = await get('/status');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ready: true,
      builds: 1,
      catalogRequestsTotal: 2,
      current: {
        catalogRequests: 2,
        pageSize: 500,
        truncated: false,
        cycleCount: 1,
        trigger: 'request',
      },
    });
  });
});

describe('dependency-map graph lifecycle', () => {
  it('answers 403 without dependency-map.graph.read, before reading the catalog', async () => {
    const catalog = countingCatalog(loadDemoEntities());
    const server = await startBackend({
      catalog: catalog.factory,
      permission: AuthorizeResult.DENY,
    });
    const res = await request(server)
      .get(`${BASE}/estate`)
      .set('Authorization', user);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('dependency-map.graph.read');
    expect(catalog.queryEntities).not.toHaveBeenCalled();
  });

  it('makes requests that arrive before the first build wait for it, and builds once', async () => {
    let release!: () => void;
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    const catalog = countingCatalog(loadDemoEntities(), { gate });
    const server = await startBackend({ catalog: catalog.factory });
    const pending = Promise.all([
      request(server).get(`${BASE}/estate`).set('Authorization', user),
      request(server)
        .get(`${BASE}/entities/component/default/sales/impact`)
        .set('Authorization', user),
    ]);
    await new Promise(resolve => setTimeout(resolve, 100));
    release();
    const [estate, impact] = await pending;
    expect([estate.status, impact.status]).toEqual([200, 200]);
    // One build: one request for the demo estate, one for its APIs.
    expect(catalog.queryEntities).toHaveBeenCalledTimes(2);
  });

  it('builds on the schedule, in pages of dependencyMap.pageSize', async () => {
    const catalog = countingCatalog(loadDemoEntities());
    const { server } = await startTestBackend({
      features: [
        dependencyMapPlugin,
        catalog.factory,
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.rootConfig.factory({
          data: { dependencyMap: { pageSize: 10 } },
        }),
      ],
    });
    const status = await request(server)
      .get(`${BASE}/status`)
      .set('Authorization', user);
    expect(status.body.current).toMatchObject({
      trigger: 'schedule',
      pageSize: 10,
    });
    // Pages of 10: the APIs on their own, after every other kind.
    const read = status.body.current.entitiesRead;
    const apis = loadDemoEntities().filter(e => e.kind === 'API').length;
    expect(status.body.current.catalogRequests).toBe(
      Math.ceil((read - apis) / 10) + Math.ceil(apis / 10),
    );
  });

  it('keeps at most dependencyMap.maxNodes entities and says so in every response', async () => {
    const server = await startBackend({
      config: { dependencyMap: { maxNodes: 20 } },
    });
    const estate = await request(server)
      .get(`${BASE}/estate`)
      .set('Authorization', user);
    expect(estate.body.graph).toMatchObject({
      truncated: true,
      maxNodes: 20,
      message: expect.stringContaining('dependencyMap.maxNodes'),
    });
    const order = await request(server)
      .get(`${BASE}/deploy-order`)
      .set('Authorization', user);
    expect(order.body.graph.truncated).toBe(true);
  });

  it('answers 503 while the catalog cannot be read, and recovers on the next request', async () => {
    const options = { fail: true };
    const catalog = countingCatalog(loadDemoEntities(), options);
    const server = await startBackend({ catalog: catalog.factory });
    const down = await request(server)
      .get(`${BASE}/estate`)
      .set('Authorization', user);
    expect(down.status).toBe(503);
    expect(down.body.error.message).toContain('catalog is down');
    const status = await request(server)
      .get(`${BASE}/status`)
      .set('Authorization', user);
    expect(status.body).toMatchObject({
      ready: false,
      lastError: { message: expect.stringContaining('catalog is down') },
    });
    options.fail = false;
    const up = await request(server)
      .get(`${BASE}/estate`)
      .set('Authorization', user);
    expect(up.status).toBe(200);
  });
});
