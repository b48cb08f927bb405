import { InputError } from '@backstage/errors';
import { tryNormalizeEntityRef } from '@waybill/plugin-waybill-common';
import { Digraph, createDigraph, reverseDigraph } from './digraph';
import {
  DependencyEdge,
  DependencyEdgeType,
  DependencyGraph,
  DependencyNode,
} from './model';
import {
  StronglyConnectedComponents,
  stronglyConnectedComponents,
} from './stronglyConnectedComponents';

/** The graph restricted to some edge types, as index-based digraphs both ways round. */
export interface EdgeView {
  /** Edges source → target (consumer → provider for dependency types). */
  forward: Digraph;
  /** Edges target → source. */
  reverse: Digraph;
  /** For each digraph edge id, the index of the edge in `graph.edges`. */
  edgeIndex: Int32Array;
  /** Computed on first use, then kept. */
  components(): StronglyConnectedComponents;
}

/** Lookups over a {@link DependencyGraph}, built once per graph object and cached. */
export interface GraphIndex {
  graph: DependencyGraph;
  indexOf: Map<string, number>;
  view(types: readonly DependencyEdgeType[]): EdgeView;
}

const indexes = new WeakMap<DependencyGraph, GraphIndex>();

/**
 * The index of a graph, built in O(nodes + edges) on first use and cached for the graph object,
 * so a backend serving many queries from one in-memory graph pays for it once. Graphs are
 * treated as immutable: build a new one rather than editing nodes or edges in place.
 */
export function graphIndex(graph: DependencyGraph): GraphIndex {
  const cached = indexes.get(graph);
  if (cached) return cached;
  const indexOf = new Map<string, number>();
  graph.nodes.forEach((node, i) => indexOf.set(node.ref, i));
  const views = new Map<string, EdgeView>();
  const index: GraphIndex = {
    graph,
    indexOf,
    view(types) {
      const key = [...new Set(types)].sort().join(',');
      const existing = views.get(key);
      if (existing) return existing;
      const wanted = new Set(types);
      const view = buildEdgeView(graph, indexOf, (edge, _i) =>
        wanted.has(edge.type),
      );
      views.set(key, view);
      return view;
    },
  };
  indexes.set(graph, index);
  return index;
}

/**
 * An edge view over the edges a predicate selects, built in O(nodes + edges). Used directly for
 * one-off views (a release train's own constraints); {@link GraphIndex.view} caches by type.
 */
export function buildEdgeView(
  graph: DependencyGraph,
  indexOf: ReadonlyMap<string, number>,
  select: (edge: DependencyEdge, edgeIndex: number) => boolean,
): EdgeView {
  const sources: number[] = [];
  const targets: number[] = [];
  const edgeIndex: number[] = [];
  graph.edges.forEach((edge, i) => {
    if (!select(edge, i)) return;
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined || t === undefined) return;
    sources.push(s);
    targets.push(t);
    edgeIndex.push(i);
  });
  const forward = createDigraph(graph.nodes.length, sources, targets);
  let components: StronglyConnectedComponents | undefined;
  return {
    forward,
    reverse: reverseDigraph(forward),
    edgeIndex: Int32Array.from(edgeIndex),
    components() {
      if (!components) components = stronglyConnectedComponents(forward);
      return components;
    },
  };
}

/**
 * Normalises an entity ref as a caller may write it (`inventory`, `Component:inventory`,
 * `api:default/pricing-api`) to the graph's lowercase form; the kind defaults to `component`
 * and the namespace to `default`. Undefined when it cannot be read as a ref. The graph's
 * lenient form of waybill-common's `tryNormalizeEntityRef`.
 */
export function normalizeEntityRef(
  ref: string,
  defaultKind = 'component',
): string | undefined {
  return tryNormalizeEntityRef(ref, { defaultKind });
}

/** The node a ref names, or undefined. */
export function findNode(
  graph: DependencyGraph,
  ref: string,
): DependencyNode | undefined {
  const normalized = normalizeEntityRef(ref);
  const i =
    normalized === undefined
      ? undefined
      : graphIndex(graph).indexOf.get(normalized);
  return i === undefined ? undefined : graph.nodes[i];
}

/**
 * Resolves refs to node indices, throwing one `InputError` that names every ref not in the
 * graph (so a caller fixes a request in one go).
 */
export function resolveNodeIndices(
  graph: DependencyGraph,
  refs: readonly string[],
): number[] {
  const { indexOf } = graphIndex(graph);
  const unknown: string[] = [];
  const indices: number[] = [];
  for (const ref of refs) {
    const normalized = normalizeEntityRef(ref);
    const i = normalized === undefined ? undefined : indexOf.get(normalized);
    if (i === undefined) unknown.push(ref);
    else indices.push(i);
  }
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown entity ref${unknown.length > 1 ? 's' : ''}: ${unknown
        .map(r => `"${r}"`)
        .join(', ')}; not in the dependency graph`,
    );
  }
  return indices;
}
