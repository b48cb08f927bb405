import { InputError } from '@backstage/errors';
import {
  graphIndex,
  normalizeEntityRef,
  resolveNodeIndices,
} from './graphIndex';
import {
  BusinessProcess,
  DEPENDENCY_EDGE_TYPES,
  DependencyEdge,
  DependencyEdgeType,
  DependencyGraph,
  DependencyNode,
  ORDERING_EDGE_TYPES,
} from './model';
import {
  DirectionValues,
  type DependencyMapSchemas as Schemas,
} from './schema/openapi.generated';

/**
 * Which way to walk from an entity. Upstream is what it depends on (its providers, toward the
 * first deploy stage); downstream is what depends on it (its consumers, its blast radius).
 */
export type DependencyDirection = Schemas['Direction'];

/** The directions, for validation and UI controls: the spec's `Direction` enum, as generated. */
export const DEPENDENCY_DIRECTIONS: readonly DependencyDirection[] =
  DirectionValues;

/** Default depth of a neighbourhood. */
export const DEFAULT_NEIGHBOURHOOD_DEPTH = 2;
/** Deepest neighbourhood served. */
export const MAX_NEIGHBOURHOOD_DEPTH = 20;
/** Default node limit of a subgraph. */
export const DEFAULT_MAX_NODES = 500;
/** Highest node limit a caller may ask for. */
export const MAX_NODES_LIMIT = 10000;

/**
 * Restricts a subgraph. Lists are alternatives (any of), fields combine (all of); an absent or
 * empty list does not restrict. The focus entity of a neighbourhood is always kept.
 */
export interface GraphFilter {
  /** Entity kinds, case-insensitive: `component`, `api`, `resource`, ... */
  kinds?: string[];
  /** `spec.type` values: `erp-module`, `integration`, `tenant`, ... */
  types?: string[];
  /** Owner refs or group names: `group:default/warehouse-systems` or `warehouse-systems`. */
  owners?: string[];
  /** Business-process refs or names: `order-to-cash`. */
  businessProcesses?: string[];
  /** Edge types to follow and return; default all. */
  relations?: DependencyEdgeType[];
}

/** A node of a subgraph, with its distance from the focus entity where there is one. */
export type SubgraphNode = Schemas['DependencyNode'];

/** Part of the graph, as one view answers it. */
export interface DependencySubgraph {
  nodes: SubgraphNode[];
  /** Edges between returned nodes; `inCycle` marks dependency edges inside a cycle. */
  edges: DependencyEdge[];
  /** True when the node limit left out nodes that matched. */
  truncated: boolean;
}

/** Options of {@link dependencyNeighbourhood}. */
export interface NeighbourhoodOptions {
  entityRef: string;
  /** Hops from the entity; default {@link DEFAULT_NEIGHBOURHOOD_DEPTH}. */
  depth?: number;
  /** Default `both`. */
  direction?: DependencyDirection;
  /** Default {@link DEFAULT_MAX_NODES}. */
  maxNodes?: number;
  filter?: GraphFilter;
}

/** The subgraph around one entity, with its focus. */
export interface DependencyNeighbourhood extends DependencySubgraph {
  entityRef: string;
  depth: number;
  direction: DependencyDirection;
}

/** A business process's subgraph: its member entities and the edges between them. */
export interface BusinessProcessGraph extends DependencySubgraph {
  process: BusinessProcess;
}

/** The whole estate, filtered and limited. */
export interface EstateGraph extends DependencySubgraph {
  /** How many nodes matched the filter before the limit. */
  totalNodes: number;
  processes: BusinessProcess[];
}

function lowerAll(values: string[] | undefined): Set<string> | undefined {
  return values && values.length > 0
    ? new Set(values.map(v => v.toLowerCase()))
    : undefined;
}

function refsAll(
  values: string[] | undefined,
  defaultKind: string,
): Set<string> | undefined {
  if (!values || values.length === 0) return undefined;
  return new Set(
    values.map(v => normalizeEntityRef(v, defaultKind) ?? v.toLowerCase()),
  );
}

/** A predicate over nodes for a {@link GraphFilter} (relations are applied to edges, not here). */
export function nodeFilter(
  filter: GraphFilter = {},
): (node: DependencyNode) => boolean {
  const kinds = lowerAll(filter.kinds);
  const types = lowerAll(filter.types);
  const owners = refsAll(filter.owners, 'group');
  const processes = refsAll(filter.businessProcesses, 'domain');
  return node =>
    (!kinds || kinds.has(node.kind)) &&
    (!types ||
      (node.type !== undefined && types.has(node.type.toLowerCase()))) &&
    (!owners || (node.owner !== undefined && owners.has(node.owner))) &&
    (!processes || node.businessProcesses.some(p => processes.has(p)));
}

function clampMaxNodes(maxNodes: number | undefined): number {
  const value = maxNodes ?? DEFAULT_MAX_NODES;
  if (!Number.isInteger(value) || value < 1 || value > MAX_NODES_LIMIT) {
    throw new InputError(
      `maxNodes must be a whole number from 1 to ${MAX_NODES_LIMIT}, got ${value}`,
    );
  }
  return value;
}

/**
 * The edges between the included nodes, of the given types, with `inCycle` set on the
 * dependency edges that lie inside a cycle. Linear in the included nodes' degrees.
 */
function inducedEdges(
  graph: DependencyGraph,
  included: Uint8Array,
  order: readonly number[],
  types: readonly DependencyEdgeType[],
): DependencyEdge[] {
  const index = graphIndex(graph);
  const view = index.view(types);
  const ordering = index.view(ORDERING_EDGE_TYPES);
  const orderingTypes = new Set<string>(ORDERING_EDGE_TYPES);
  const scc = ordering.components();
  const edges: DependencyEdge[] = [];
  for (const v of order) {
    for (
      let slot = view.forward.offsets[v];
      slot < view.forward.offsets[v + 1];
      slot++
    ) {
      const w = view.forward.targets[slot];
      if (!included[w]) continue;
      const edge = graph.edges[view.edgeIndex[view.forward.edgeIds[slot]]];
      const c = scc.componentOf[v];
      const inCycle =
        orderingTypes.has(edge.type) &&
        c === scc.componentOf[w] &&
        (v === w || scc.components[c].length > 1);
      edges.push(inCycle ? { ...edge, inCycle: true } : edge);
    }
  }
  return edges;
}

/**
 * The neighbourhood of an entity: everything within `depth` hops in a direction that passes the
 * filter, breadth first, stopping at `maxNodes` with `truncated` set. Nodes the filter rejects
 * are not walked through. Unknown refs or bad limits throw an `InputError`. Linear in the size
 * of the part walked.
 */
export function dependencyNeighbourhood(
  graph: DependencyGraph,
  options: NeighbourhoodOptions,
): DependencyNeighbourhood {
  const [root] = resolveNodeIndices(graph, [options.entityRef]);
  const depth = options.depth ?? DEFAULT_NEIGHBOURHOOD_DEPTH;
  if (
    !Number.isInteger(depth) ||
    depth < 0 ||
    depth > MAX_NEIGHBOURHOOD_DEPTH
  ) {
    throw new InputError(
      `depth must be a whole number from 0 to ${MAX_NEIGHBOURHOOD_DEPTH}, got ${depth}`,
    );
  }
  const direction = options.direction ?? 'both';
  if (!DEPENDENCY_DIRECTIONS.includes(direction)) {
    throw new InputError(
      `direction must be one of ${DEPENDENCY_DIRECTIONS.join(
        ', ',
      )}, got "${direction}"`,
    );
  }
  const maxNodes = clampMaxNodes(options.maxNodes);
  const types = options.filter?.relations?.length
    ? options.filter.relations
    : DEPENDENCY_EDGE_TYPES;
  const accepts = nodeFilter(options.filter);
  const view = graphIndex(graph).view(types);
  const adjacencies = [
    ...(direction !== 'downstream' ? [view.forward] : []),
    ...(direction !== 'upstream' ? [view.reverse] : []),
  ];

  const n = graph.nodes.length;
  const distance = new Int32Array(n).fill(-1);
  const included = new Uint8Array(n);
  const order = [root];
  distance[root] = 0;
  included[root] = 1;
  let truncated = false;
  for (let head = 0; head < order.length && !truncated; head++) {
    const v = order[head];
    if (distance[v] >= depth) continue;
    for (const adjacency of adjacencies) {
      const end = adjacency.offsets[v + 1];
      for (let slot = adjacency.offsets[v]; slot < end && !truncated; slot++) {
        const w = adjacency.targets[slot];
        if (distance[w] !== -1) continue;
        distance[w] = distance[v] + 1;
        if (!accepts(graph.nodes[w])) continue;
        if (order.length >= maxNodes) {
          truncated = true;
        } else {
          included[w] = 1;
          order.push(w);
        }
      }
    }
  }

  return {
    entityRef: graph.nodes[root].ref,
    depth,
    direction,
    nodes: order.map(v => ({ ...graph.nodes[v], distance: distance[v] })),
    edges: inducedEdges(graph, included, order, types),
    truncated,
  };
}

function subgraphOf(
  graph: DependencyGraph,
  accepts: (node: DependencyNode) => boolean,
  filter: GraphFilter | undefined,
  maxNodes: number | undefined,
): DependencySubgraph & { totalNodes: number } {
  const limit = clampMaxNodes(maxNodes);
  const types = filter?.relations?.length
    ? filter.relations
    : DEPENDENCY_EDGE_TYPES;
  const included = new Uint8Array(graph.nodes.length);
  const order: number[] = [];
  let totalNodes = 0;
  graph.nodes.forEach((node, i) => {
    if (!accepts(node)) return;
    totalNodes++;
    if (order.length >= limit) return;
    included[i] = 1;
    order.push(i);
  });
  return {
    nodes: order.map(v => graph.nodes[v]),
    edges: inducedEdges(graph, included, order, types),
    truncated: totalNodes > order.length,
    totalNodes,
  };
}

/**
 * A business process's graph: the entities that take part in it (by name or Domain ref) and
 * the edges between them, filtered and limited. An unknown process throws an `InputError`.
 * O(nodes + edges).
 */
export function businessProcessGraph(
  graph: DependencyGraph,
  processRef: string,
  options: { maxNodes?: number; filter?: GraphFilter } = {},
): BusinessProcessGraph {
  const ref = normalizeEntityRef(processRef, 'domain');
  const process = graph.processes.find(p => p.ref === ref);
  if (!process) {
    throw new InputError(
      `Unknown business process "${processRef}"; known: ${graph.processes
        .map(p => p.name)
        .join(', ')}`,
    );
  }
  const accepts = nodeFilter(options.filter);
  const { totalNodes: _total, ...subgraph } = subgraphOf(
    graph,
    node => node.businessProcesses.includes(process.ref) && accepts(node),
    options.filter,
    options.maxNodes,
  );
  return { process, ...subgraph };
}

/**
 * The whole estate, filtered, with at most `maxNodes` nodes (in graph order) and `truncated`
 * set when the limit left some out. O(nodes + edges).
 */
export function estateGraph(
  graph: DependencyGraph,
  options: { maxNodes?: number; filter?: GraphFilter } = {},
): EstateGraph {
  return {
    ...subgraphOf(
      graph,
      nodeFilter(options.filter),
      options.filter,
      options.maxNodes,
    ),
    processes: graph.processes,
  };
}
