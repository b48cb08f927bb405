/*
 * Property tests of the index-based algorithms against brute-force references on random small
 * graphs (self-loops, parallel edges and cycles included).
 */
import fc from 'fast-check';
import {
  bruteForceComponents,
  shortestPaths,
  transitiveClosure,
} from './__testUtils__/bruteForce';
import { createDigraph, reverseDigraph } from './digraph';
import { deployLevels, deployStages } from './deployOrder';
import { reachableFrom } from './impact';
import { stronglyConnectedComponents } from './stronglyConnectedComponents';

type Edge = readonly [number, number];

const graphArbitrary = fc.integer({ min: 1, max: 14 }).chain(nodeCount =>
  fc.record({
    nodeCount: fc.constant(nodeCount),
    edges: fc.array(
      fc.tuple(
        fc.nat(nodeCount - 1),
        fc.nat(nodeCount - 1),
      ) as fc.Arbitrary<Edge>,
      { maxLength: nodeCount * 3 },
    ),
    placed: fc.array(fc.boolean(), {
      minLength: nodeCount,
      maxLength: nodeCount,
    }),
  }),
);

function digraphOf(nodeCount: number, edges: readonly Edge[]) {
  return createDigraph(
    nodeCount,
    edges.map(e => e[0]),
    edges.map(e => e[1]),
  );
}

/** The deploy stages of a generated graph, over the nodes `placed` marks. */
function stagesOf(
  nodeCount: number,
  edges: readonly Edge[],
  placed: boolean[],
) {
  const graph = digraphOf(nodeCount, edges);
  return deployStages(
    graph,
    stronglyConnectedComponents(graph),
    Uint8Array.from(placed.map(Number)),
  );
}

describe('stronglyConnectedComponents', () => {
  it('equals the brute-force components from the transitive closure', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges }) => {
        const scc = stronglyConnectedComponents(digraphOf(nodeCount, edges));
        const found = scc.components
          .map(c => [...c].sort((a, b) => a - b))
          .sort((a, b) => a[0] - b[0]);
        expect(found).toEqual(bruteForceComponents(nodeCount, edges));
        for (const [c, members] of scc.components.entries()) {
          for (const v of members) expect(scc.componentOf[v]).toBe(c);
        }
      }),
    );
  });

  it('completes a component after every component it has an edge to', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges }) => {
        const { componentOf } = stronglyConnectedComponents(
          digraphOf(nodeCount, edges),
        );
        for (const [u, v] of edges) {
          expect(componentOf[u]).toBeGreaterThanOrEqual(componentOf[v]);
        }
      }),
    );
  });

  it('reports back edges whose removal leaves the graph acyclic', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges }) => {
        const graph = digraphOf(nodeCount, edges);
        const { backEdgeSlots } = stronglyConnectedComponents(graph);
        const removed = new Set(backEdgeSlots.map(slot => graph.edgeIds[slot]));
        const rest = edges.filter((_, i) => !removed.has(i));
        const acyclic = stronglyConnectedComponents(digraphOf(nodeCount, rest));
        for (const [u, v] of rest) expect(u).not.toBe(v);
        expect(acyclic.components.every(c => c.length === 1)).toBe(true);
      }),
    );
  });

  it('handles a 10,000-node cycle without recursion', () => {
    const n = 10000;
    const sources = Array.from({ length: n }, (_, i) => i);
    const targets = sources.map(i => (i + 1) % n);
    const scc = stronglyConnectedComponents(createDigraph(n, sources, targets));
    expect(scc.components).toHaveLength(1);
    expect(scc.components[0]).toHaveLength(n);
    expect(scc.backEdgeSlots).toHaveLength(1);
  });
});

describe('deployStages', () => {
  it('puts every placed node in exactly one stage', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges, placed }) => {
        const stages = stagesOf(nodeCount, edges, placed);
        const all = stages.flat().sort((a, b) => a - b);
        expect(all).toEqual(placed.flatMap((p, v) => (p ? [v] : [])));
        expect(stages.every(s => s.length > 0)).toBe(true);
      }),
    );
  });

  it('deploys every provider before its consumers, also through unplaced nodes, and cycles together', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges, placed }) => {
        const stages = stagesOf(nodeCount, edges, placed);
        const stageOf = new Map<number, number>();
        stages.forEach((s, i) => s.forEach(v => stageOf.set(v, i)));
        const reach = transitiveClosure(nodeCount, edges);
        const violations: string[] = [];
        for (const [u, wu] of stageOf) {
          for (const [v, wv] of stageOf) {
            if (u === v || !reach[u][v]) continue;
            // u needs v: v strictly earlier unless they are in one cycle.
            const ok = reach[v][u] ? wu === wv : wu > wv;
            if (!ok) violations.push(`${u}@${wu} needs ${v}@${wv}`);
          }
        }
        expect(violations).toEqual([]);
      }),
    );
  });

  it('uses no more stages than needed: each stage after the first waits for the one before', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges, placed }) => {
        const stages = stagesOf(nodeCount, edges, placed);
        const reach = transitiveClosure(nodeCount, edges);
        stages.forEach((stage, i) => {
          if (i === 0) return;
          for (const u of stage) {
            const waitsForPrevious = stages[i - 1].some(
              v => reach[u][v] && !reach[v][u],
            );
            expect(waitsForPrevious).toBe(true);
          }
        });
      }),
    );
  });

  it('gives every component a placed node reaches a level no lower than those it depends on, and the rest 0', () => {
    fc.assert(
      fc.property(graphArbitrary, ({ nodeCount, edges, placed }) => {
        const graph = digraphOf(nodeCount, edges);
        const scc = stronglyConnectedComponents(graph);
        const level = deployLevels(
          graph,
          scc,
          Uint8Array.from(placed.map(Number)),
        );
        const reach = transitiveClosure(nodeCount, edges);
        const reached = (u: number) =>
          placed.some((isPlaced, p) => isPlaced && (p === u || reach[p][u]));
        for (const [u, v] of edges) {
          if (!reached(u)) continue;
          expect(level[scc.componentOf[u]]).toBeGreaterThanOrEqual(
            level[scc.componentOf[v]],
          );
        }
        const unreachedLevels = Array.from({ length: nodeCount }, (_, u) => u)
          .filter(u => !reached(u))
          .map(u => level[scc.componentOf[u]]);
        expect(unreachedLevels.filter(l => l !== 0)).toEqual([]);
      }),
    );
  });
});

describe('reachableFrom', () => {
  it('on the reversed graph equals brute-force reverse reachability, with shortest distances', () => {
    fc.assert(
      fc.property(
        graphArbitrary.chain(g =>
          fc.record({
            g: fc.constant(g),
            sources: fc.uniqueArray(fc.nat(g.nodeCount - 1), {
              minLength: 1,
              maxLength: 3,
            }),
          }),
        ),
        ({ g: { nodeCount, edges }, sources }) => {
          const reverse = reverseDigraph(digraphOf(nodeCount, edges));
          const { distance, via, order } = reachableFrom(reverse, sources);
          const dist = shortestPaths(nodeCount, edges);
          for (let v = 0; v < nodeCount; v++) {
            const expected = Math.min(...sources.map(s => dist[v][s]));
            expect(distance[v]).toBe(
              expected === Number.POSITIVE_INFINITY ? -1 : expected,
            );
            // via is one hop nearer and v has an edge to it.
            const viaOk =
              distance[v] <= 0 ||
              (distance[via[v]] === distance[v] - 1 &&
                edges.some(([a, b]) => a === v && b === via[v]));
            expect(viaOk).toBe(true);
          }
          expect(order.length).toBe(
            Array.from(distance).filter(d => d >= 0).length,
          );
        },
      ),
    );
  });

  it('stops at maxDepth', () => {
    const n = 10;
    const sources = Array.from({ length: n - 1 }, (_, i) => i + 1);
    const targets = sources.map(i => i - 1);
    // i + 1 depends on i: a chain; reversed, from 0 the dependents fan out one per hop.
    const reverse = reverseDigraph(createDigraph(n, sources, targets));
    const { order } = reachableFrom(reverse, [0], 3);
    expect(order).toEqual([0, 1, 2, 3]);
  });
});
