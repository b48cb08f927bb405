import { Digraph } from './digraph';

/** The strongly connected components of a {@link Digraph}. */
export interface StronglyConnectedComponents {
  /** The component index of each node. */
  componentOf: Int32Array;
  /**
   * The members of each component, in the order Tarjan's algorithm completes them: a
   * component comes after every component it has an edge to. With edges pointing from consumer
   * to provider that is a deploy order, providers first.
   */
  components: number[][];
  /**
   * Edge slots (indices into the digraph's `targets`) of the depth-first search's back edges:
   * the edges that close a cycle. Removing them all leaves the graph acyclic, so they are the
   * edges to look at first when breaking a cycle.
   */
  backEdgeSlots: number[];
}

/**
 * Tarjan's strongly connected components, written with an explicit stack instead of recursion so
 * a chain of 10,000 nodes cannot overflow the call stack. O(nodes + edges) time and memory.
 */
export function stronglyConnectedComponents(
  graph: Digraph,
): StronglyConnectedComponents {
  const { nodeCount, offsets, targets } = graph;
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onTarjanStack = new Uint8Array(nodeCount);
  const onCallStack = new Uint8Array(nodeCount);
  const tarjanStack = new Int32Array(nodeCount);
  const callStack = new Int32Array(nodeCount);
  const nextSlot = new Int32Array(nodeCount);
  const componentOf = new Int32Array(nodeCount).fill(-1);
  const components: number[][] = [];
  const backEdgeSlots: number[] = [];
  let counter = 0;
  let tarjanTop = 0;
  let callTop = 0;

  const enter = (v: number) => {
    index[v] = counter;
    low[v] = counter;
    counter++;
    tarjanStack[tarjanTop++] = v;
    onTarjanStack[v] = 1;
    callStack[callTop++] = v;
    onCallStack[v] = 1;
    nextSlot[v] = offsets[v];
  };

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (callTop > 0) {
      const v = callStack[callTop - 1];
      if (nextSlot[v] < offsets[v + 1]) {
        const slot = nextSlot[v]++;
        const w = targets[slot];
        if (index[w] === -1) {
          enter(w);
        } else if (onTarjanStack[w]) {
          if (index[w] < low[v]) low[v] = index[w];
          if (onCallStack[w]) backEdgeSlots.push(slot);
        }
        continue;
      }
      callTop--;
      onCallStack[v] = 0;
      if (low[v] === index[v]) {
        // Members leave the stack from v's position up, in their order of discovery.
        const id = components.length;
        let start = tarjanTop - 1;
        while (tarjanStack[start] !== v) start--;
        const members: number[] = new Array(tarjanTop - start);
        for (let k = start; k < tarjanTop; k++) {
          const w = tarjanStack[k];
          onTarjanStack[w] = 0;
          componentOf[w] = id;
          members[k - start] = w;
        }
        tarjanTop = start;
        components.push(members);
      }
      if (callTop > 0) {
        const parent = callStack[callTop - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return { componentOf, components, backEdgeSlots };
}

/** True when a component is a cycle: more than one member, or one member with an edge to itself. */
export function isCyclicComponent(
  graph: Digraph,
  members: readonly number[],
): boolean {
  if (members.length > 1) return true;
  const v = members[0];
  for (let slot = graph.offsets[v]; slot < graph.offsets[v + 1]; slot++) {
    if (graph.targets[slot] === v) return true;
  }
  return false;
}
