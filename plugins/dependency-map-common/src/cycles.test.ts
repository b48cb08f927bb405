import { component, demoGraph } from './__testUtils__/demoEstate';
import { buildDependencyGraph } from './buildDependencyGraph';
import { findCycles } from './cycles';

const service = (name: string, dependsOn: string[] = []) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { type: 'service', dependsOn },
});

describe('findCycles', () => {
  it('finds the one deliberate cycle of the demo, inventory and purchase, and the edges that close it', () => {
    const cycles = findCycles(demoGraph());
    expect(cycles).toHaveLength(1);
    const [cycle] = cycles;
    expect(cycle.members.sort()).toEqual([
      component('inventory'),
      component('purchase'),
    ]);
    expect(
      cycle.edges.map(e => `${e.type} ${e.source} -> ${e.target}`).sort(),
    ).toEqual([
      `dependsOn ${component('inventory')} -> ${component('purchase')}`,
      `dependsOn ${component('purchase')} -> ${component('inventory')}`,
      `usesApi ${component('inventory')} -> ${component('purchase')}`,
      `usesApi ${component('purchase')} -> ${component('inventory')}`,
    ]);
    // One direction closes the cycle (which one depends on where the search started); every
    // parallel edge of that direction is named.
    const closing = new Set(
      cycle.closingEdges.map(e => `${e.source} -> ${e.target}`),
    );
    expect(closing.size).toBe(1);
    expect(cycle.closingEdges).toHaveLength(2);
  });

  it('finds more cycles when asked to follow event subscriptions too', () => {
    const cycles = findCycles(demoGraph(), {
      edgeTypes: ['dependsOn', 'usesApi', 'subscribesTo'],
    });
    // accounting subscribes to sales' order events and sales uses accounting's ledger API.
    expect(cycles).toHaveLength(1);
    expect(cycles[0].members.sort()).toEqual([
      component('accounting'),
      component('inventory'),
      component('purchase'),
      component('sales'),
    ]);
  });

  it('reports a self-dependency as a cycle of one', () => {
    const cycles = findCycles(
      buildDependencyGraph([service('loop', ['component:loop'])]),
    );
    expect(cycles).toEqual([
      expect.objectContaining({ members: [component('loop')] }),
    ]);
    expect(cycles[0].closingEdges).toHaveLength(1);
  });

  it('handles a 10,000-component dependency chain closed into one cycle', () => {
    const n = 10000;
    const entities = Array.from({ length: n }, (_, i) =>
      service(`s${i}`, [`component:s${(i + 1) % n}`]),
    );
    const cycles = findCycles(buildDependencyGraph(entities));
    expect(cycles).toHaveLength(1);
    expect(cycles[0].members).toHaveLength(n);
    expect(cycles[0].closingEdges).toHaveLength(1);
  });
});
