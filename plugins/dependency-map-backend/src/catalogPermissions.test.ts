import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { hidden, startWithRestrictedCatalog } from '@waybill/test-utils';
import request from 'supertest';
import { dependencyMapPlugin } from './plugin';

/*
 * The dependency map over the real catalog and permission backends, under a policy that hides
 * the entities labelled waybill.dev/test-hidden from one user (a conditional decision on
 * catalog.entity.read). Hidden, all named zephyr-*: a component between two visible ones (and in
 * a cycle with one of them), the API through which one visible component uses another, a tenant,
 * and a business process a visible component names.
 */

jest.setTimeout(120_000);

const HIDDEN = 'zephyr';
const owner = 'group:default/team-a';
const entity = (
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, ...(annotations ? { annotations } : {}) },
  spec: { owner, ...spec },
});
const service = (name: string, spec: Record<string, unknown>) =>
  entity('Component', name, {
    type: 'service',
    lifecycle: 'production',
    system: 'erp',
    ...spec,
  });
// Every label a tenant needs to be read as one (readTenant is strict).
const tenant = (name: string): Entity => {
  const resource = entity('Resource', name, {
    type: 'tenant',
    dependsOn: ['component:inventory'],
  });
  resource.metadata.labels = {
    'waybill.dev/segment': 'retail',
    'waybill.dev/region': 'europe',
    'waybill.dev/tier': 'standard',
    'waybill.dev/cloud': 'aws',
    'waybill.dev/tenancy': 'shared',
  };
  return resource;
};
const businessProcess = (name: string) =>
  entity('Domain', name, { type: 'business-process' });

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', children: [] },
  },
  entity('System', 'erp', {}),
  businessProcess('order-to-cash'),
  hidden(businessProcess('zephyr-close')),
  {
    ...service('inventory', {
      dependsOn: ['component:zephyr-ledger'],
      consumesApis: ['zephyr-api'],
    }),
    metadata: {
      name: 'inventory',
      annotations: {
        'waybill.dev/business-processes': 'order-to-cash, zephyr-close',
      },
    },
  },
  service('pricing', { providesApis: ['zephyr-api'] }),
  hidden(
    service('zephyr-ledger', {
      dependsOn: ['component:pricing', 'component:inventory'],
    }),
  ),
  hidden(
    entity('API', 'zephyr-api', {
      type: 'openapi',
      lifecycle: 'production',
      definition: 'openapi: 3.0.0',
    }),
  ),
  tenant('acme'),
  hidden(tenant('zephyr-tenant')),
];

const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'dependency-map',
});
const BASE = '/api/dependency-map';

describe('dependency-map reads under catalog permissions', () => {
  it('shows a user a graph without the entities the policy hides from them, and everyone else all', async () => {
    const { server, restricted, unrestricted } =
      await startWithRestrictedCatalog({
        plugin: dependencyMapPlugin,
        entities,
      });
    const read = (auth: string, path: string, body?: object) =>
      body
        ? request(server)
            .post(`${BASE}${path}`)
            .set('Authorization', auth)
            .send(body)
        : request(server).get(`${BASE}${path}`).set('Authorization', auth);
    const train = {
      changes: [
        { entityRef: 'inventory', version: '2.0.0' },
        { entityRef: 'pricing', version: '3.0.0' },
      ],
    };
    const reads: Array<[string, object?]> = [
      ['/estate'],
      ['/business-processes/order-to-cash'],
      ['/entities/component/default/inventory/neighbourhood?depth=3'],
      ['/entities/component/default/pricing/neighbourhood?depth=3'],
      ['/entities/component/default/inventory/impact'],
      ['/entities/component/default/pricing/impact'],
      ['/deploy-order'],
      ['/release-train', train],
      ['/status'],
    ];

    // The restricted user: every view answers and none names a hidden entity.
    for (const [path, body] of reads) {
      const res = await read(restricted, path, body);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.text]).toEqual([
        path,
        expect.not.stringContaining(HIDDEN),
      ]);
    }
    const estate = await read(restricted, '/estate');
    expect(estate.body.nodes.map((n: { ref: string }) => n.ref).sort()).toEqual(
      [
        'component:default/inventory',
        'component:default/pricing',
        'resource:default/acme',
        'system:default/erp',
      ],
    );
    // The path inventory -> zephyr-ledger -> pricing and the API use through zephyr-api are cut.
    const depends = (res: request.Response) =>
      res.body.edges.filter(
        (e: { type: string }) => e.type !== 'partOf' && e.type !== 'servedBy',
      );
    expect(depends(estate)).toEqual([]);
    expect(estate.body.graph).toMatchObject({ nodeCount: 4 });
    const impact = await read(
      restricted,
      '/entities/component/default/inventory/impact',
    );
    expect(impact.body.tenants).toHaveLength(1);
    expect(impact.body.businessProcesses).toHaveLength(1);
    const order = await read(restricted, '/deploy-order');
    expect(order.body.blockers).toEqual([]);
    const status = await read(restricted, '/status');
    expect(status.body.current).toMatchObject({
      nodeCount: 4,
      cycleCount: 0,
    });

    // A hidden entity's own views answer as for one that does not exist.
    const entityViews = (name: string): Array<[string, object?]> => [
      [`/entities/component/default/${name}/neighbourhood`],
      [`/entities/component/default/${name}/impact`],
      [`/deploy-order?entityRef=${name}`],
      ['/release-train', { changes: [{ entityRef: name, version: '1.0.0' }] }],
      [`/business-processes/${name}`],
    ];
    const unknown = entityViews('no-such-entity');
    for (const [i, [path, body]] of entityViews('zephyr-ledger').entries()) {
      const [hiddenRes, unknownRes] = await Promise.all([
        read(restricted, path, body),
        read(restricted, unknown[i][0], unknown[i][1]),
      ]);
      // A release train plans the rest and names the entity in `rejected`, as an unknown one.
      expect([path, hiddenRes.status]).toEqual([
        path,
        path === '/release-train' ? 200 : 404,
      ]);
      expect(hiddenRes.text.replaceAll('zephyr-ledger', 'no-such-entity')).toBe(
        unknownRes.text,
      );
    }
    expect(
      (await read(restricted, '/business-processes/zephyr-close')).status,
    ).toBe(404);

    // A user the policy lets read everything, and a service, see the whole graph as before.
    for (const auth of [unrestricted, ci]) {
      const all = await read(auth, '/estate');
      expect(all.body.nodes).toHaveLength(7);
      expect(depends(all)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            source: 'component:default/inventory',
            target: 'component:default/pricing',
            type: 'usesApi',
            apis: ['api:default/zephyr-api'],
          }),
        ]),
      );
      expect((await read(auth, '/deploy-order')).body.blockers).toHaveLength(1);
      const ledger = await read(
        auth,
        '/entities/component/default/zephyr-ledger/impact',
      );
      expect(ledger.status).toBe(200);
      expect(
        (await read(auth, '/entities/component/default/inventory/impact')).body
          .tenants,
      ).toHaveLength(2);
    }
  });
});
