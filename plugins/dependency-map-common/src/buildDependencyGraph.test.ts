import {
  Entity,
  EntityRelation,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  api,
  component,
  demoGraph,
  loadDemoEntities,
  resource,
} from './__testUtils__/demoEstate';
import { buildDependencyGraph } from './buildDependencyGraph';
import { DependencyEdge, DependencyGraph, isDeployable } from './model';

const edgeKey = (e: DependencyEdge) => `${e.type} ${e.source} -> ${e.target}`;

function edgesOf(graph: DependencyGraph, type: DependencyEdge['type']) {
  return graph.edges.filter(e => e.type === type).map(edgeKey);
}

/** What the catalog would add: relations in both directions, computed from the spec. */
function withCatalogRelations(entities: Entity[]): Entity[] {
  const relations = new Map<string, EntityRelation[]>();
  const add = (source: string, type: string, target: string) => {
    const list = relations.get(source) ?? [];
    list.push({ type, targetRef: target });
    relations.set(source, list);
  };
  for (const entity of entities) {
    const self = stringifyEntityRef(entity);
    const spec = (entity.spec ?? {}) as Record<string, any>;
    const ref = (raw: string, defaultKind?: string) =>
      stringifyEntityRef(
        parseEntityRef(raw, { defaultKind, defaultNamespace: 'default' }),
      );
    for (const d of spec.dependsOn ?? []) {
      add(self, 'dependsOn', ref(d));
      add(ref(d), 'dependencyOf', self);
    }
    for (const a of spec.consumesApis ?? []) {
      add(self, 'consumesApi', ref(a, 'api'));
      add(ref(a, 'api'), 'apiConsumedBy', self);
    }
    for (const a of spec.providesApis ?? []) {
      add(self, 'providesApi', ref(a, 'api'));
      add(ref(a, 'api'), 'apiProvidedBy', self);
    }
    if (spec.system) {
      add(self, 'partOf', ref(spec.system, 'system'));
      add(ref(spec.system, 'system'), 'hasPart', self);
    }
    if (spec.owner) add(self, 'ownedBy', ref(spec.owner, 'group'));
  }
  return entities.map(entity => ({
    ...entity,
    // A real catalog entity keeps its spec; the relations must win over it.
    relations: relations.get(stringifyEntityRef(entity)) ?? [],
  }));
}

describe('buildDependencyGraph on the demo estate', () => {
  const graph = demoGraph();
  const node = (ref: string) => graph.nodes.find(n => n.ref === ref)!;

  it('has the components, APIs, resources and systems as nodes and the processes aside', () => {
    const count = (kind: string) =>
      graph.nodes.filter(n => n.kind === kind).length;
    expect(count('component')).toBe(14);
    expect(count('api')).toBe(12);
    expect(count('resource')).toBe(53);
    expect(count('system')).toBe(3);
    expect(graph.nodes.filter(n => n.tenant)).toHaveLength(44);
    expect(graph.processes.map(p => p.name).sort()).toEqual([
      'inventory-allocation',
      'order-to-cash',
      'procure-to-pay',
      'record-to-report',
    ]);
    expect(graph.warnings).toEqual([]);
    expect(graph.nodes.some(n => n.missing)).toBe(false);
  });

  it('reads owner, system, business processes, tier, lifecycle and API versions', () => {
    expect(node(component('inventory'))).toMatchObject({
      kind: 'component',
      type: 'erp-module',
      title: 'Inventory',
      owner: 'group:default/warehouse-systems',
      system: 'system:default/erp-core',
      businessProcesses: [
        'domain:default/inventory-allocation',
        'domain:default/order-to-cash',
        'domain:default/procure-to-pay',
      ],
      tier: 'critical',
      lifecycle: 'production',
    });
    expect(node(api('pricing-api')).apiVersion).toBe('2.4.0');
    expect(node(component('sales')).apiRequirements).toEqual([
      { apiRef: api('inventory-availability-api'), range: '>=3.0.0 <4.0.0' },
      { apiRef: api('ledger-postings-api'), range: '^4.0.0' },
    ]);
    expect(graph.processes.find(p => p.name === 'order-to-cash')).toMatchObject(
      { title: 'Order to Cash', criticality: 'critical' },
    );
  });

  it('reads tenants with their labels, and their dependsOn as servedBy edges', () => {
    const tenant = node('resource:default/meridian-internal-canary-na');
    expect(tenant.tenant).toEqual({
      segment: 'wholesale',
      region: 'north-america',
      tier: 'internal',
      cloud: 'aws',
      tenancy: 'shared',
      timezone: 'America/Chicago',
    });
    expect(isDeployable(tenant)).toBe(false);
    expect(isDeployable(node(resource('sales-db')))).toBe(true);
    expect(edgesOf(graph, 'servedBy')).toContain(
      `servedBy resource:default/meridian-internal-canary-na -> ${component(
        'inventory',
      )}`,
    );
    expect(
      graph.edges.some(
        e => e.type === 'dependsOn' && e.source.includes('canary'),
      ),
    ).toBe(false);
  });

  it('points every dependency edge from consumer to provider', () => {
    expect(edgesOf(graph, 'dependsOn')).toContain(
      `dependsOn ${component('sales')} -> ${component('inventory')}`,
    );
    expect(edgesOf(graph, 'consumesApi')).toContain(
      `consumesApi ${component('customer-portal')} -> ${api('pricing-api')}`,
    );
    expect(edgesOf(graph, 'apiProvidedBy')).toContain(
      `apiProvidedBy ${api('pricing-api')} -> ${component('pricing-api')}`,
    );
    expect(
      graph.edges.find(
        e =>
          e.type === 'usesApi' &&
          e.source === component('customer-portal') &&
          e.target === component('pricing-api'),
      )?.apis,
    ).toEqual([api('pricing-api')]);
    expect(edgesOf(graph, 'partOf')).toContain(
      `partOf ${component('inventory')} -> system:default/erp-core`,
    );
  });

  it('keeps event subscriptions apart from request/response use', () => {
    // accounting only consumes events from sales and inventory: no deploy dependency on them.
    const fromAccounting = graph.edges.filter(
      e => e.source === component('accounting'),
    );
    expect(fromAccounting.filter(e => e.type === 'usesApi')).toEqual([]);
    expect(
      fromAccounting
        .filter(e => e.type === 'subscribesTo')
        .map(e => [e.target, e.apis])
        .sort(),
    ).toEqual([
      [component('inventory'), [api('stock-events')]],
      [component('sales'), [api('order-events')]],
    ]);
  });

  it('builds the same graph from catalog relations as from the spec', () => {
    const fromSpec = buildDependencyGraph(loadDemoEntities());
    const fromRelations = buildDependencyGraph(
      withCatalogRelations(loadDemoEntities()),
    );
    expect(fromRelations.edges.map(edgeKey).sort()).toEqual(
      fromSpec.edges.map(edgeKey).sort(),
    );
    expect(fromRelations.nodes).toEqual(fromSpec.nodes);
    expect(fromRelations.warnings).toEqual([]);
  });

  it('finds an edge from the inverse relation when only the other side was read', () => {
    const graphFromInverse = buildDependencyGraph([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'a' },
        spec: { type: 'service', owner: 'x', lifecycle: 'production' },
        relations: [{ type: 'ownedBy', targetRef: 'group:default/x' }],
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'b' },
        spec: { type: 'service', owner: 'x', lifecycle: 'production' },
        relations: [{ type: 'dependencyOf', targetRef: 'component:default/a' }],
      },
    ]);
    expect(graphFromInverse.edges.map(edgeKey)).toEqual([
      'dependsOn component:default/a -> component:default/b',
    ]);
  });
});

describe('buildDependencyGraph on imperfect input', () => {
  const entity = (
    kind: string,
    name: string,
    spec: object,
    annotations = {},
  ) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations },
    spec,
  });

  it('adds dangling targets as missing nodes and says so', () => {
    const graph = buildDependencyGraph([
      entity(
        'Component',
        'shop',
        { type: 'service', dependsOn: ['component:ghost', 'not a ref:::'] },
        {
          'waybill.dev/business-processes': 'order-to-cash',
          'waybill.dev/api-requirements': 'catalog-api; pricing-api ^1.0.0',
        },
      ),
    ]);
    expect(graph.nodes.find(n => n.ref === component('ghost'))).toMatchObject({
      missing: true,
      kind: 'component',
    });
    expect(graph.processes).toEqual([
      expect.objectContaining({ name: 'order-to-cash', missing: true }),
    ]);
    expect(graph.nodes[0].apiRequirements).toEqual([
      { apiRef: api('pricing-api'), range: '^1.0.0' },
    ]);
    expect(graph.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'component:default/ghost, which is not in the catalog read',
        ),
        expect.stringContaining('"catalog-api" has no version range'),
        expect.stringContaining('"order-to-cash" is not declared'),
      ]),
    );
  });

  it('warns about business processes that are no ref and reads only known tiers', () => {
    const graph = buildDependencyGraph([
      entity(
        'Component',
        'shop',
        { type: 'service' },
        {
          'waybill.dev/business-processes':
            'order-to-cash, domain:, Order-To-Cash',
          'waybill.dev/tier': 'gold',
        },
      ),
      entity('Domain', 'order-to-cash', { type: 'business-process' }),
    ]);
    expect(graph.nodes[0].businessProcesses).toEqual([
      'domain:default/order-to-cash',
    ]);
    expect(graph.nodes[0].tier).toBeUndefined();
    expect(graph.warnings).toEqual([
      'component:default/shop: cannot read business process "domain:" as an entity ref',
    ]);
  });

  it('skips groups, users and locations, and keeps the first of duplicate entities', () => {
    const graph = buildDependencyGraph([
      entity('Group', 'team', { type: 'team', children: [] }),
      entity('Component', 'a', { type: 'service' }),
      entity('Component', 'A', { type: 'website' }),
    ]);
    expect(graph.nodes.map(n => [n.ref, n.type])).toEqual([
      [component('a'), 'service'],
    ]);
    expect(graph.warnings).toEqual([
      'component:default/a: appears more than once; the first is kept',
    ]);
  });
});

describe('buildDependencyGraph on tenants', () => {
  const tenant = (labels: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'acme', labels },
    spec: { type: 'tenant', dependsOn: ['component:shop'] },
  });
  const labels = {
    'waybill.dev/segment': 'retail',
    'waybill.dev/region': 'europe',
    'waybill.dev/tier': 'critical',
    'waybill.dev/cloud': 'aws',
    'waybill.dev/tenancy': 'dedicated',
  };

  it('reads a tenant strictly, in UTC when it names no time zone', () => {
    const graph = buildDependencyGraph([tenant(labels)]);
    expect(graph.nodes[0].tenant).toEqual({
      segment: 'retail',
      region: 'europe',
      tier: 'critical',
      cloud: 'aws',
      tenancy: 'dedicated',
      timezone: 'UTC',
    });
    expect(edgesOf(graph, 'servedBy')).toEqual([
      'servedBy resource:default/acme -> component:default/shop',
    ]);
  });

  it('keeps a tenant with a missing label as a plain node and names the problem', () => {
    const { 'waybill.dev/region': _region, ...withoutRegion } = labels;
    const graph = buildDependencyGraph([tenant(withoutRegion)]);
    expect(graph.nodes[0].tenant).toBeUndefined();
    expect(graph.warnings).toContain(
      'resource:default/acme: not read as a tenant: Tenant resource:default/acme has no waybill.dev/region label',
    );
  });
});
