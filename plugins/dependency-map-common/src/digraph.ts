/**
 * A directed graph over node indices 0..nodeCount-1 in compressed sparse row form: the
 * successors of `v` are `targets[offsets[v]]` up to (not including) `targets[offsets[v + 1]]`.
 * `edgeIds[slot]` is the index of the edge in the list the digraph was built from, so results
 * found on slots can be mapped back to typed edges. Compact and allocation-free to walk, which
 * is what lets the algorithms stay fast at tens of thousands of edges.
 */
export interface Digraph {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly edgeIds: Int32Array;
}

/**
 * Builds a {@link Digraph} from parallel arrays of edge ends (edge `i` is `sources[i]` →
 * `targets[i]`) by counting sort, in O(nodes + edges). Successors keep the input edge order.
 */
export function createDigraph(
  nodeCount: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
): Digraph {
  const edgeCount = sources.length;
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < edgeCount; i++) offsets[sources[i] + 1]++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
  const next = offsets.slice(0, nodeCount);
  const sortedTargets = new Int32Array(edgeCount);
  const edgeIds = new Int32Array(edgeCount);
  for (let i = 0; i < edgeCount; i++) {
    const slot = next[sources[i]]++;
    sortedTargets[slot] = targets[i];
    edgeIds[slot] = i;
  }
  return { nodeCount, offsets, targets: sortedTargets, edgeIds };
}

/** The same graph with every edge turned round; `edgeIds` still name the original edges. */
export function reverseDigraph(graph: Digraph): Digraph {
  const edgeCount = graph.targets.length;
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    for (let slot = graph.offsets[v]; slot < graph.offsets[v + 1]; slot++) {
      const id = graph.edgeIds[slot];
      sources[id] = graph.targets[slot];
      targets[id] = v;
    }
  }
  return createDigraph(graph.nodeCount, sources, targets);
}
