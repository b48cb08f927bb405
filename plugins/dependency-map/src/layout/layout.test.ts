import { GraphLayout, LayoutInput, computeLayout } from './layout';

/** A seeded pseudo-random generator (mulberry32), so the random graphs are the same each run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random graph: mostly acyclic edges from higher to lower ids, plus a few back edges. */
function randomGraph(seed: number, nodeCount: number, edgeCount: number) {
  const next = random(seed);
  const lanes = ['order-to-cash', 'procure-to-pay', 'record-to-report'];
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    id: `n${String(i).padStart(5, '0')}`,
    lane: next() < 0.1 ? undefined : lanes[Math.floor(next() * lanes.length)],
  }));
  const edges = Array.from({ length: edgeCount }, () => {
    const a = Math.floor(next() * nodeCount);
    const b = Math.floor(next() * nodeCount);
    const back = next() < 0.02;
    return {
      source: nodes[back ? Math.min(a, b) : Math.max(a, b)].id,
      target: nodes[back ? Math.max(a, b) : Math.min(a, b)].id,
    };
  });
  return {
    nodes,
    edges,
    lanes: lanes.map(id => ({ id, title: id })),
  } satisfies LayoutInput;
}

function expectNoOverlaps(layout: GraphLayout) {
  const cells = new Map<string, typeof layout.nodes>();
  for (const node of layout.nodes) {
    const key = `${node.lane}/${node.layer}`;
    cells.set(key, [...(cells.get(key) ?? []), node]);
  }
  for (const cell of cells.values()) {
    const sorted = [...cell].sort((a, b) => a.y - b.y);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i].y).toBeGreaterThanOrEqual(
        sorted[i - 1].y + layout.nodeHeight,
      );
      expect(sorted[i].x).toBe(sorted[i - 1].x);
    }
  }
  // Nodes sit inside their lane, and lanes do not overlap.
  for (const node of layout.nodes) {
    const lane = layout.lanes[node.lane];
    expect(node.y).toBeGreaterThanOrEqual(lane.y);
    expect(node.y + layout.nodeHeight).toBeLessThanOrEqual(
      lane.y + lane.height,
    );
  }
  for (let i = 1; i < layout.lanes.length; i++) {
    expect(layout.lanes[i].y).toBeGreaterThanOrEqual(
      layout.lanes[i - 1].y + layout.lanes[i - 1].height,
    );
  }
}

function expectEdgesRightwards(layout: GraphLayout) {
  const byId = new Map(layout.nodes.map(n => [n.id, n]));
  for (const edge of layout.edges) {
    const consumer = byId.get(edge.source)!;
    const provider = byId.get(edge.target)!;
    if (edge.inCycle) {
      expect(consumer.layer).toBe(provider.layer);
    } else {
      // The provider deploys first: a lower layer, further left.
      expect(provider.layer).toBeLessThan(consumer.layer);
      expect(provider.x).toBeLessThan(consumer.x);
    }
  }
}

describe('computeLayout', () => {
  it('puts providers in lower layers than their consumers and cycle members together', () => {
    const layout = computeLayout({
      nodes: [
        { id: 'portal', lane: 'o2c' },
        { id: 'sales', lane: 'o2c' },
        { id: 'inventory', lane: 'o2c' },
        { id: 'purchase', lane: 'p2p' },
        { id: 'db', lane: undefined },
      ],
      edges: [
        { source: 'portal', target: 'sales' },
        { source: 'sales', target: 'inventory' },
        { source: 'inventory', target: 'purchase' },
        { source: 'purchase', target: 'inventory' },
        { source: 'inventory', target: 'db' },
        { source: 'purchase', target: 'db' },
      ],
      lanes: [
        { id: 'o2c', title: 'Order to Cash' },
        { id: 'p2p', title: 'Procure to Pay' },
      ],
    });
    const layer = Object.fromEntries(layout.nodes.map(n => [n.id, n.layer]));
    expect(layer).toEqual({
      db: 0,
      inventory: 1,
      purchase: 1,
      sales: 2,
      portal: 3,
    });
    expect(layout.layerCount).toBe(4);
    expect(layout.lanes.map(l => [l.title, l.nodeCount])).toEqual([
      ['Order to Cash', 3],
      ['Procure to Pay', 1],
      ['No business process', 1],
    ]);
    expect(
      layout.edges.filter(e => e.inCycle).map(e => `${e.source}>${e.target}`),
    ).toEqual(['inventory>purchase', 'purchase>inventory']);
    expect(layout.nodes.filter(n => n.inCycle).map(n => n.id)).toEqual([
      'inventory',
      'purchase',
    ]);
    expectEdgesRightwards(layout);
    expectNoOverlaps(layout);
  });

  it('honours minimum layers such as deploy stages', () => {
    const layout = computeLayout({
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      edges: [{ source: 'b', target: 'a' }],
      minLayers: { a: 2, c: 1 },
    });
    const layer = Object.fromEntries(layout.nodes.map(n => [n.id, n.layer]));
    expect(layer).toEqual({ a: 2, b: 3, c: 1 });
  });

  it('marks self-loops as cycles and ignores edges to unknown nodes and duplicates', () => {
    const layout = computeLayout({
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'a' }],
      edges: [
        { source: 'a', target: 'a' },
        { source: 'b', target: 'a' },
        { source: 'b', target: 'a' },
        { source: 'b', target: 'ghost' },
      ],
    });
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges).toEqual([
      { source: 'a', target: 'a', inCycle: true },
      { source: 'b', target: 'a', inCycle: false },
    ]);
  });

  it('orders a cell by the barycentre of neighbours, which removes avoidable crossings', () => {
    // Two chains whose ids would cross if each layer kept id order.
    const layout = computeLayout({
      nodes: ['a1', 'a2', 'b1', 'b2'].map(id => ({ id })),
      edges: [
        { source: 'b1', target: 'a2' },
        { source: 'b2', target: 'a1' },
      ],
    });
    const y = Object.fromEntries(layout.nodes.map(n => [n.id, n.y]));
    expect(Math.sign(y.a1 - y.a2)).toBe(Math.sign(y.b2 - y.b1));
  });

  it('handles the empty graph', () => {
    const layout = computeLayout({ nodes: [], edges: [] });
    expect(layout).toMatchObject({
      nodes: [],
      edges: [],
      lanes: [],
      height: 0,
    });
  });

  it.each([1, 2, 3, 4, 5])(
    'on random graph %i: edges point rightwards outside cycles, no overlaps',
    seed => {
      const layout = computeLayout(randomGraph(seed, 300, 900));
      expect(layout.nodes).toHaveLength(300);
      expectEdgesRightwards(layout);
      expectNoOverlaps(layout);
    },
  );

  it('is deterministic, whatever the input order', () => {
    const input = randomGraph(42, 500, 1500);
    const shuffled = {
      ...input,
      nodes: [...input.nodes].reverse(),
      edges: [...input.edges].reverse(),
    };
    const first = computeLayout(input);
    expect(computeLayout(input)).toEqual(first);
    expect(computeLayout(shuffled)).toEqual(first);
  });

  it('lays out 2,000 nodes and 6,000 edges well within a frame budget of a worker', () => {
    const input = randomGraph(7, 2000, 6000);
    const started = performance.now();
    const layout = computeLayout(input);
    const elapsed = performance.now() - started;
    expect(layout.nodes).toHaveLength(2000);
    expectEdgesRightwards(layout);
    expectNoOverlaps(layout);
    // Generous for a shared CI machine; typically ~30 ms.
    expect(elapsed).toBeLessThan(2000);
  });
});
