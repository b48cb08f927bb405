import type { DependencyMapSchemas as Schemas } from './schema/openapi.generated';
import { EdgeView, graphIndex } from './graphIndex';
import {
  DependencyEdgeType,
  DependencyGraph,
  ORDERING_EDGE_TYPES,
} from './model';
import { keptPer } from '@waybill/plugin-waybill-common';
import { isCyclicComponent } from './stronglyConnectedComponents';

/** A dependency cycle: a strongly connected component with more than one member or a self-edge. */
export type DependencyCycle = Schemas['DependencyCycle'];

/** Options of {@link findCycles}. */
export interface FindCyclesOptions {
  /** Edge types to follow; default {@link ORDERING_EDGE_TYPES}. */
  edgeTypes?: readonly DependencyEdgeType[];
}

/**
 * Finds every dependency cycle with Tarjan's algorithm (iterative), in O(nodes + edges).
 * Cycles come in Tarjan's completion order: a cycle's providers before its consumers.
 */
export function findCycles(
  graph: DependencyGraph,
  options: FindCyclesOptions = {},
): DependencyCycle[] {
  return describeCycles(
    graph,
    graphIndex(graph).view(options.edgeTypes ?? ORDERING_EDGE_TYPES),
  ).cycles;
}

/** The cycles of an edge view and each component's cycle. */
interface DescribedCycles {
  cycles: DependencyCycle[];
  /** The cycle index of each strongly connected component; -1 when it is acyclic. */
  cycleOf: Int32Array;
}

/** Cycles described, per edge view (a view belongs to one graph and never changes). */
const described = new WeakMap<EdgeView, DescribedCycles>();

/**
 * The cycles of an edge view, with the cycle index of each component (-1 when acyclic):
 * described once per view and the same answer given again (treat it as immutable), so plans and
 * queries on a served graph do not walk every node for them.
 */
export function describeCycles(
  graph: DependencyGraph,
  view: EdgeView,
): DescribedCycles {
  return keptPer(described, view, () => describeCyclesOf(graph, view));
}

function describeCyclesOf(
  graph: DependencyGraph,
  view: EdgeView,
): DescribedCycles {
  const scc = view.components();
  const cycleOf = new Int32Array(scc.components.length).fill(-1);
  const cycles: DependencyCycle[] = [];
  scc.components.forEach((members, c) => {
    if (!isCyclicComponent(view.forward, members)) return;
    cycleOf[c] = cycles.length;
    cycles.push({
      members: [],
      edges: [],
      closingEdges: [],
    });
  });
  if (cycles.length === 0) return { cycles, cycleOf };

  const { forward, edgeIndex } = view;
  const closingPairs = new Set<string>();
  for (const slot of scc.backEdgeSlots) {
    const edge = graph.edges[edgeIndex[forward.edgeIds[slot]]];
    closingPairs.add(`${edge.source}\n${edge.target}`);
  }
  for (let v = 0; v < forward.nodeCount; v++) {
    const cycle = cycleOf[scc.componentOf[v]];
    if (cycle < 0) continue;
    cycles[cycle].members.push(graph.nodes[v].ref);
    for (let slot = forward.offsets[v]; slot < forward.offsets[v + 1]; slot++) {
      if (scc.componentOf[forward.targets[slot]] !== scc.componentOf[v])
        continue;
      const edge = graph.edges[edgeIndex[forward.edgeIds[slot]]];
      cycles[cycle].edges.push(edge);
      // Parallel edges of other types between the same two nodes close the same cycle.
      if (closingPairs.has(`${edge.source}\n${edge.target}`)) {
        cycles[cycle].closingEdges.push(edge);
      }
    }
  }
  return { cycles, cycleOf };
}
