import { Digraph } from './digraph';
import { graphIndex, resolveNodeIndices } from './graphIndex';
import {
  BusinessProcess,
  DependencyEdgeType,
  DependencyGraph,
  DependencyNode,
  IMPACT_EDGE_TYPES,
  TenantLabels,
} from './model';

/** Breadth-first reachability from a set of sources. */
export interface Reachability {
  /** Hops from the nearest source, -1 when unreached; 0 for the sources. */
  distance: Int32Array;
  /** The neighbour one hop nearer to a source, -1 for sources and unreached nodes. */
  via: Int32Array;
  /** Reached nodes in breadth-first order (sources first, then by distance). */
  order: number[];
}

/**
 * Breadth-first search from `sources` along the digraph's edges, up to `maxDepth` hops.
 * Given the reversed dependency digraph (provider → consumer) this is the blast radius: every
 * node that depends on a source, transitively, with its distance. O(nodes + edges).
 */
export function reachableFrom(
  graph: Digraph,
  sources: readonly number[],
  maxDepth = Number.POSITIVE_INFINITY,
): Reachability {
  const distance = new Int32Array(graph.nodeCount).fill(-1);
  const via = new Int32Array(graph.nodeCount).fill(-1);
  const order: number[] = [];
  for (const s of sources) {
    if (distance[s] !== -1) continue;
    distance[s] = 0;
    order.push(s);
  }
  for (let head = 0; head < order.length; head++) {
    const v = order[head];
    if (distance[v] >= maxDepth) continue;
    for (let slot = graph.offsets[v]; slot < graph.offsets[v + 1]; slot++) {
      const w = graph.targets[slot];
      if (distance[w] !== -1) continue;
      distance[w] = distance[v] + 1;
      via[w] = v;
      order.push(w);
    }
  }
  return { distance, via, order };
}

/** An entity a change reaches. */
export interface ImpactedEntity {
  entityRef: string;
  kind: string;
  type?: string;
  title: string;
  /** Hops from the changed entity: 1 for direct consumers. */
  distance: number;
  /** The entity one hop nearer the change, through which this one is affected. */
  via: string;
}

/** A business process a change reaches, with the entities through which it does. */
export interface ImpactedBusinessProcess {
  ref: string;
  name: string;
  title: string;
  criticality?: string;
  /** The changed and affected entities that take part in the process, nearest first. */
  entityRefs: string[];
  /** The smallest distance among them (0 when a changed entity itself takes part). */
  distance: number;
}

/** A tenant served by a changed or affected deployable. */
export interface ImpactedTenant {
  entityRef: string;
  title: string;
  labels: TenantLabels;
  /** The changed or affected deployables that serve it, nearest first. */
  servedBy: string[];
  /** One more than the nearest of those. */
  distance: number;
}

/** The blast radius of changing some entities. */
export interface ImpactReport {
  /** The changed entities, normalised. */
  entityRefs: string[];
  /** Everything that depends on them, transitively (tenants excluded), by distance, then ref. */
  affected: ImpactedEntity[];
  businessProcesses: ImpactedBusinessProcess[];
  /** By distance, then ref. */
  tenants: ImpactedTenant[];
  /** True when `maxDepth` stopped the search before it ran out of consumers. */
  truncated: boolean;
}

/** Options of {@link analyzeImpact}. */
export interface ImpactOptions {
  /** Stop this many hops away from the change; default unlimited. */
  maxDepth?: number;
  /** Edge types impact travels along (against their direction); default {@link IMPACT_EDGE_TYPES}. */
  edgeTypes?: readonly DependencyEdgeType[];
}

/** Whether a node has a neighbour the search did not reach (it stopped at the node). */
function hasUnreachedNeighbour(
  digraph: Digraph,
  v: number,
  distance: Int32Array,
): boolean {
  const { offsets, targets } = digraph;
  for (let slot = offsets[v]; slot < offsets[v + 1]; slot++) {
    if (distance[targets[slot]] === -1) return true;
  }
  return false;
}

/** Adds a reached node to the business processes it takes part in. */
function noteProcesses(
  node: DependencyNode,
  d: number,
  processes: Map<string, ImpactedBusinessProcess>,
  processByRef: Map<string, BusinessProcess>,
): void {
  for (const processRef of node.businessProcesses) {
    let entry = processes.get(processRef);
    if (!entry) {
      const process = processByRef.get(processRef);
      entry = {
        ref: processRef,
        name: process?.name ?? processRef,
        title: process?.title ?? processRef,
        criticality: process?.criticality,
        entityRefs: [],
        distance: d,
      };
      processes.set(processRef, entry);
    }
    entry.entityRefs.push(node.ref);
  }
}

/** Adds a reached node to the tenants it serves (its `servedBy` predecessors). */
function noteTenants(
  graph: DependencyGraph,
  servedBy: Digraph,
  v: number,
  d: number,
  tenants: Map<number, ImpactedTenant>,
): void {
  const node = graph.nodes[v];
  for (let slot = servedBy.offsets[v]; slot < servedBy.offsets[v + 1]; slot++) {
    const t = servedBy.targets[slot];
    const tenantNode = graph.nodes[t];
    let tenant = tenants.get(t);
    if (!tenant) {
      tenant = {
        entityRef: tenantNode.ref,
        title: tenantNode.title,
        labels: tenantNode.tenant ?? {},
        servedBy: [],
        distance: d + 1,
      };
      tenants.set(t, tenant);
    }
    tenant.servedBy.push(node.ref);
  }
}

/**
 * The blast radius of changing one or more entities: every entity that depends on them,
 * transitively (reverse reachability), with its distance; the business processes those
 * entities (and the changed ones) take part in; and the tenants served by any of them.
 * Unknown refs throw an `InputError` naming them. O(nodes + edges), plus sorting the affected
 * entities and tenants (by distance, then ref) so pages of them are stable.
 */
export function analyzeImpact(
  graph: DependencyGraph,
  entityRefs: string | readonly string[],
  options: ImpactOptions = {},
): ImpactReport {
  const refs = typeof entityRefs === 'string' ? [entityRefs] : entityRefs;
  const sources = [...new Set(resolveNodeIndices(graph, refs))];
  const index = graphIndex(graph);
  const view = index.view(options.edgeTypes ?? IMPACT_EDGE_TYPES);
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const { distance, via, order } = reachableFrom(
    view.reverse,
    sources,
    maxDepth,
  );

  let truncated = false;
  const affected: ImpactedEntity[] = [];
  const processes = new Map<string, ImpactedBusinessProcess>();
  const processByRef = new Map(graph.processes.map(p => [p.ref, p]));
  const servedBy = index.view(['servedBy']).reverse;
  const tenants = new Map<number, ImpactedTenant>();

  for (const v of order) {
    const node = graph.nodes[v];
    const d = distance[v];
    if (d === maxDepth && !truncated) {
      truncated = hasUnreachedNeighbour(view.reverse, v, distance);
    }
    if (d > 0 && node.tenant === undefined) {
      affected.push({
        entityRef: node.ref,
        kind: node.kind,
        type: node.type,
        title: node.title,
        distance: d,
        via: graph.nodes[via[v]].ref,
      });
    }
    noteProcesses(node, d, processes, processByRef);
    noteTenants(graph, servedBy, v, d, tenants);
  }

  return {
    entityRefs: sources.map(s => graph.nodes[s].ref),
    affected: affected.sort(byDistanceThenRef),
    businessProcesses: [...processes.values()],
    tenants: [...tenants.values()].sort(byDistanceThenRef),
    truncated,
  };
}

/** The stable order of impact lists: nearest first, then by entity ref. */
function byDistanceThenRef(
  a: { distance: number; entityRef: string },
  b: { distance: number; entityRef: string },
): number {
  if (a.distance !== b.distance) return a.distance - b.distance;
  if (a.entityRef === b.entityRef) return 0;
  return a.entityRef < b.entityRef ? -1 : 1;
}
