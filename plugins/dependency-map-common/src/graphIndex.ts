import { InputError } from '@backstage/errors';
import { keptPer, tryNormalizeEntityRef } from '@waybill/plugin-waybill-common';
import { Digraph, createDigraph } from './digraph';
import {
  DEPENDENCY_EDGE_TYPES,
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
  /** Edges target → source; built on first use (cycles and deploy order never walk it). */
  readonly reverse: Digraph;
  /** For each digraph edge id, the index of the edge in `graph.edges`. */
  edgeIndex: Int32Array;
  /** Computed on first use, then kept. */
  components(): StronglyConnectedComponents;
}

/** Each edge's ends as node indices, and its type's position in {@link DEPENDENCY_EDGE_TYPES}. */
export interface EdgeEnds {
  source: Int32Array;
  target: Int32Array;
  type: Uint8Array;
}

/** Lookups over a {@link DependencyGraph}, built once per graph object and cached. */
export interface GraphIndex {
  graph: DependencyGraph;
  /**
   * Each node's index by ref; built on first use (a graph whose builder seeded its edge ends
   * gets its cycles and edge views without it).
   */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Computed on first use, then kept; an edge with an end not among the nodes has -1 there. */
  ends(): EdgeEnds;
  view(types: readonly DependencyEdgeType[]): EdgeView;
}

const indexes = new WeakMap<DependencyGraph, GraphIndex>();
/** Edge ends handed over by whoever built a graph and knew them (see {@link seedEdgeEnds}). */
const seededEnds = new WeakMap<DependencyGraph, EdgeEnds>();

const TYPE_POSITION = new Map(DEPENDENCY_EDGE_TYPES.map((t, i) => [t, i]));

/** An edge type's position in {@link DEPENDENCY_EDGE_TYPES}, as {@link EdgeEnds} keeps it. */
export function edgeTypeCode(type: DependencyEdgeType): number {
  return TYPE_POSITION.get(type) ?? 255;
}

/**
 * Gives the index of a graph its edge ends, computed by whoever built the graph without a
 * lookup per edge; they must be what {@link GraphIndex.ends} would compute.
 */
export function seedEdgeEnds(graph: DependencyGraph, ends: EdgeEnds): void {
  seededEnds.set(graph, ends);
}

/** The ends of every edge: one lookup per end (edges from one source in a row share one). */
function edgeEnds(
  graph: DependencyGraph,
  indexOf: ReadonlyMap<string, number>,
): EdgeEnds {
  const count = graph.edges.length;
  const ends: EdgeEnds = {
    source: new Int32Array(count),
    target: new Int32Array(count),
    type: new Uint8Array(count),
  };
  let lastSource: string | undefined;
  let lastIndex = -1;
  graph.edges.forEach((edge, i) => {
    if (edge.source !== lastSource) {
      lastSource = edge.source;
      lastIndex = indexOf.get(edge.source) ?? -1;
    }
    ends.source[i] = lastIndex;
    ends.target[i] = indexOf.get(edge.target) ?? -1;
    ends.type[i] = edgeTypeCode(edge.type);
  });
  return ends;
}

/**
 * The index of a graph, built in O(nodes + edges) on first use and cached for the graph object,
 * so a backend serving many queries from one in-memory graph pays for it once. Graphs are
 * treated as immutable: build a new one rather than editing nodes or edges in place.
 */
export function graphIndex(graph: DependencyGraph): GraphIndex {
  return keptPer(indexes, graph, indexOfGraph);
}

/** A graph's index, nothing computed yet: each part is computed on first use, then kept. */
function indexOfGraph(graph: DependencyGraph): GraphIndex {
  let indexOf: Map<string, number> | undefined;
  const views = new Map<string, EdgeView>();
  let ends = seededEnds.get(graph);
  const index: GraphIndex = {
    graph,
    get indexOf() {
      if (!indexOf) {
        indexOf = new Map();
        for (let i = 0; i < graph.nodes.length; i++) {
          indexOf.set(graph.nodes[i].ref, i);
        }
      }
      return indexOf;
    },
    ends() {
      if (!ends) ends = edgeEnds(graph, index.indexOf);
      return ends;
    },
    view(types) {
      const key = [...new Set(types)].sort().join(',');
      const existing = views.get(key);
      if (existing) return existing;
      const wanted = new Uint8Array(256);
      for (const type of types) wanted[TYPE_POSITION.get(type) ?? 255] = 1;
      const { type } = index.ends();
      const view = buildEdgeView(index, i => wanted[type[i]] === 1);
      views.set(key, view);
      return view;
    },
  };
  return index;
}

/**
 * An edge view over the edges a predicate selects (by index into `graph.edges`), built in
 * O(nodes + edges). Used directly for one-off views (a release train's own constraints);
 * {@link GraphIndex.view} caches by type.
 */
export function buildEdgeView(
  index: GraphIndex,
  select: (edgeIndex: number) => boolean,
): EdgeView {
  const { source, target } = index.ends();
  const chosen = new Int32Array(source.length);
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] >= 0 && target[i] >= 0 && select(i)) chosen[count++] = i;
  }
  const edgeIndex = chosen.subarray(0, count);
  const sources = new Int32Array(count);
  const targets = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    sources[k] = source[edgeIndex[k]];
    targets[k] = target[edgeIndex[k]];
  }
  const nodeCount = index.graph.nodes.length;
  const forward = createDigraph(nodeCount, sources, targets);
  let reverse: Digraph | undefined;
  let components: StronglyConnectedComponents | undefined;
  return {
    forward,
    get reverse() {
      reverse ??= createDigraph(nodeCount, targets, sources);
      return reverse;
    },
    edgeIndex,
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
