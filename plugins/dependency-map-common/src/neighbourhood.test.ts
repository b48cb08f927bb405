import { InputError } from '@backstage/errors';
import {
  api,
  component,
  demoGraph,
  resource,
} from './__testUtils__/demoEstate';
import {
  businessProcessGraph,
  dependencyNeighbourhood,
  estateGraph,
} from './neighbourhood';

describe('dependencyNeighbourhood', () => {
  const graph = demoGraph();

  it('walks upstream to what an entity depends on, with distances and cycle edges marked', () => {
    const hood = dependencyNeighbourhood(graph, {
      entityRef: 'inventory',
      depth: 1,
      direction: 'upstream',
    });
    expect(hood).toMatchObject({
      entityRef: component('inventory'),
      depth: 1,
      direction: 'upstream',
      truncated: false,
    });
    expect(hood.nodes.map(n => [n.ref, n.distance]).sort()).toEqual([
      [api('purchase-orders-api'), 1],
      [component('inventory'), 0],
      [component('purchase'), 1],
      [resource('erp-event-bus'), 1],
      [resource('inventory-db'), 1],
      ['system:default/erp-core', 1],
    ]);
    const cycleEdges = hood.edges.filter(e => e.inCycle);
    expect(cycleEdges.map(e => `${e.type} ${e.source}`).sort()).toEqual([
      `dependsOn ${component('inventory')}`,
      `dependsOn ${component('purchase')}`,
      `usesApi ${component('inventory')}`,
      `usesApi ${component('purchase')}`,
    ]);
    expect(
      hood.edges.every(
        e =>
          e.inCycle ||
          !e.type.startsWith('depends') ||
          e.target !== component('purchase'),
      ),
    ).toBe(true);
  });

  it('walks downstream along chosen relations only', () => {
    const hood = dependencyNeighbourhood(graph, {
      entityRef: 'component:default/pricing-api',
      depth: 1,
      direction: 'downstream',
      filter: { relations: ['servedBy'] },
    });
    expect(hood.nodes.filter(n => n.tenant).length).toBe(hood.nodes.length - 1);
    expect(hood.edges.every(e => e.type === 'servedBy')).toBe(true);
  });

  it('stops at the node limit and says it truncated', () => {
    const hood = dependencyNeighbourhood(graph, {
      entityRef: 'inventory',
      depth: 3,
      maxNodes: 5,
    });
    expect(hood.nodes).toHaveLength(5);
    expect(hood.truncated).toBe(true);
    const returned = new Set(hood.nodes.map(n => n.ref));
    expect(
      hood.edges.every(e => returned.has(e.source) && returned.has(e.target)),
    ).toBe(true);
  });

  it('filters by kind, type and owner, and does not walk through what it filters out', () => {
    const hood = dependencyNeighbourhood(graph, {
      entityRef: 'order-tracking',
      depth: 4,
      direction: 'upstream',
      filter: { kinds: ['Component'], types: ['erp-module', 'website'] },
    });
    // carrier-labels (an integration) is filtered out, so warehouse-management is not reached
    // through it; sales is reached directly.
    expect(hood.nodes.map(n => n.ref).sort()).toEqual(
      ['accounting', 'inventory', 'order-tracking', 'purchase', 'sales'].map(
        component,
      ),
    );
    const owned = dependencyNeighbourhood(graph, {
      entityRef: 'sales',
      direction: 'downstream',
      filter: { owners: ['order-management'] },
    });
    expect(
      owned.nodes.every(n => n.owner === 'group:default/order-management'),
    ).toBe(true);
    expect(owned.nodes.length).toBeGreaterThan(1);
  });

  it('rejects unknown refs and bad parameters', () => {
    expect(() => dependencyNeighbourhood(graph, { entityRef: 'nope' })).toThrow(
      InputError,
    );
    expect(() =>
      dependencyNeighbourhood(graph, { entityRef: 'sales', depth: -1 }),
    ).toThrow('depth must be a whole number from 0 to 20, got -1');
    expect(() =>
      dependencyNeighbourhood(graph, { entityRef: 'sales', maxNodes: 0 }),
    ).toThrow(InputError);
    expect(() =>
      dependencyNeighbourhood(graph, {
        entityRef: 'sales',
        direction: 'sideways' as any,
      }),
    ).toThrow(InputError);
  });
});

describe('businessProcessGraph and estateGraph', () => {
  const graph = demoGraph();

  it("returns a business process's members and the edges between them", () => {
    const process = businessProcessGraph(graph, 'procure-to-pay');
    expect(process.process).toMatchObject({
      ref: 'domain:default/procure-to-pay',
      title: 'Procure to Pay',
    });
    expect(process.nodes.map(n => n.ref).sort()).toEqual(
      graph.nodes
        .filter(n =>
          n.businessProcesses.includes('domain:default/procure-to-pay'),
        )
        .map(n => n.ref)
        .sort(),
    );
    expect(process.edges.some(e => e.inCycle)).toBe(true);
    expect(process.truncated).toBe(false);
    expect(() => businessProcessGraph(graph, 'hire-to-retire')).toThrow(
      'Unknown business process "hire-to-retire"',
    );
  });

  it('returns the estate with a node limit and a truncated flag', () => {
    const estate = estateGraph(graph, { maxNodes: 10 });
    expect(estate.nodes).toHaveLength(10);
    expect(estate.truncated).toBe(true);
    expect(estate.totalNodes).toBe(graph.nodes.length);
    expect(estate.processes).toHaveLength(4);
    const components = estateGraph(graph, {
      filter: { kinds: ['component'], relations: ['dependsOn', 'usesApi'] },
    });
    expect(components.nodes).toHaveLength(14);
    expect(components.truncated).toBe(false);
    expect(new Set(components.edges.map(e => e.type))).toEqual(
      new Set(['dependsOn', 'usesApi']),
    );
  });
});
