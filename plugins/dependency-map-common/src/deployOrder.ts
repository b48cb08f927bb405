import { keptPer } from '@waybill/plugin-waybill-common';
import type { DependencyMapSchemas as Schemas } from './schema/openapi.generated';
import { DependencyCycle, describeCycles } from './cycles';
import { Digraph } from './digraph';
import { EdgeView, graphIndex, resolveNodeIndices } from './graphIndex';
import {
  DependencyEdgeType,
  DependencyGraph,
  ORDERING_EDGE_TYPES,
  isDeployable,
} from './model';
import { StronglyConnectedComponents } from './stronglyConnectedComponents';

/**
 * The deploy level of the strongly connected components that matter for `placed`: those
 * reachable from a placed node (the others are left at 0), for a digraph whose edges point from
 * consumer to provider: the stage in which members of `placed` inside that component can go out,
 * counting only components that hold a placed node. A component's level is the highest of
 * `level(D) + (D holds a placed node ? 1 : 0)` over the components D it has edges to, so
 * constraints pass through unplaced nodes (a → x → b with only a and b placed still puts b
 * first) without unplaced nodes costing a stage.
 *
 * These are the levels Kahn's algorithm peels off the condensation, computed in one pass over
 * Tarjan's completion order (a topological order with providers first), restricted to what the
 * placed nodes reach: a plan for ten changes does not walk a 50,000-node estate. O(nodes) to
 * find the placed nodes, then O(k log k + edges of the k reached components).
 */
export function deployLevels(
  graph: Digraph,
  scc: StronglyConnectedComponents,
  placed: Uint8Array,
): Int32Array {
  const { componentOf, components } = scc;
  const level = new Int32Array(components.length);
  const holdsPlaced = new Uint8Array(components.length);
  const reached = new Uint8Array(components.length);
  const stack: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (!placed[v]) continue;
    const c = componentOf[v];
    holdsPlaced[c] = 1;
    if (!reached[c]) {
      reached[c] = 1;
      stack.push(c);
    }
  }
  const order: number[] = [];
  while (stack.length > 0) {
    const c = stack.pop()!;
    order.push(c);
    for (const v of components[c]) {
      for (let slot = graph.offsets[v]; slot < graph.offsets[v + 1]; slot++) {
        const d = componentOf[graph.targets[slot]];
        if (!reached[d]) {
          reached[d] = 1;
          stack.push(d);
        }
      }
    }
  }
  // Providers' components complete first in Tarjan's order: ascending is dependencies first.
  for (const c of Int32Array.from(order).sort()) {
    let best = 0;
    for (const v of components[c]) {
      for (let slot = graph.offsets[v]; slot < graph.offsets[v + 1]; slot++) {
        const d = componentOf[graph.targets[slot]];
        if (d === c) continue;
        const candidate = level[d] + holdsPlaced[d];
        if (candidate > best) best = candidate;
      }
    }
    level[c] = best;
  }
  return level;
}

/**
 * Groups placed nodes into deploy stages (arrays of node indices, providers first; nodes of one
 * stage may deploy in parallel, nodes of one cycle share a stage). O(nodes + edges).
 */
export function deployStages(
  graph: Digraph,
  scc: StronglyConnectedComponents,
  placed: Uint8Array,
): number[][] {
  const level = deployLevels(graph, scc, placed);
  const stages: number[][] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (!placed[v]) continue;
    const stage = level[scc.componentOf[v]];
    while (stages.length <= stage) stages.push([]);
    stages[stage].push(v);
  }
  return stages.filter(s => s.length > 0);
}

/** One stage of a deploy order: entities that may deploy in parallel once earlier stages are out. */
export type DeployStage = Schemas['DeployStage'];

/** A cycle that stops some entities of the set from being ordered (its stage's `blockers` index it). */
export type DeployBlocker = Schemas['DeployBlocker'];

/** Deploy stages for a set of entities, providers first, with the cycles that block a strict order. */
export type DeployOrder = Omit<Schemas['DeployOrderResponse'], 'graph'>;

/** Options of {@link planDeployOrder}. */
export interface DeployOrderOptions {
  /**
   * The entities to order; default every deployable (Components, and Resources that are not
   * tenants). Constraints through entities outside the set still hold. Unknown refs throw an
   * `InputError` naming them.
   */
  entityRefs?: string[];
  /** Edge types that constrain the order; default {@link ORDERING_EDGE_TYPES}. */
  edgeTypes?: readonly DependencyEdgeType[];
}

/**
 * Where each member of a set lands in the deploy order, shared by {@link planDeployOrder} and
 * the release-train planner. An API in the set has no deployment of its own: its new version
 * goes live with its provider, so it is placed through its providers and takes the latest of
 * their stages, and its consumers come after.
 */
export function placeInStages(
  graph: DependencyGraph,
  members: readonly number[],
  view: EdgeView = graphIndex(graph).view(ORDERING_EDGE_TYPES),
): {
  stages: number[][];
  stageOf: Map<number, number>;
  blockers: DeployBlocker[];
} {
  const index = graphIndex(graph);
  const providedBy = index.view(['apiProvidedBy']).forward;
  const scc = view.components();
  const n = graph.nodes.length;
  const placed = new Uint8Array(n);
  const ridesWith = new Map<number, number[]>();
  for (const m of members) {
    const providers: number[] = [];
    if (graph.nodes[m].kind === 'api') {
      for (let s = providedBy.offsets[m]; s < providedBy.offsets[m + 1]; s++) {
        providers.push(providedBy.targets[s]);
      }
    }
    if (providers.length > 0) {
      ridesWith.set(m, providers);
      for (const p of providers) placed[p] = 1;
    } else {
      placed[m] = 1;
    }
  }

  const level = deployLevels(view.forward, scc, placed);
  const levelOf = (m: number) => {
    const providers = ridesWith.get(m);
    if (!providers) return level[scc.componentOf[m]];
    let best = 0;
    for (const p of providers) best = Math.max(best, level[scc.componentOf[p]]);
    return best;
  };

  // Levels are at most the node count, so bucketing keeps this linear; empty levels (a
  // provider placed only for an API that rides with a later provider) are dropped.
  const buckets: number[][] = [];
  for (const m of members) {
    const l = levelOf(m);
    while (buckets.length <= l) buckets.push([]);
    buckets[l].push(m);
  }
  const stages = buckets.filter(b => b.length > 0);
  const stageOf = new Map<number, number>();
  stages.forEach((stage, s) => stage.forEach(m => stageOf.set(m, s)));

  const { cycles, cycleOf } = describeCycles(graph, view);
  const inCycle = new Map<number, number[]>();
  for (const m of members) {
    for (const p of ridesWith.get(m) ?? [m]) {
      const cycle = cycleOf[scc.componentOf[p]];
      if (cycle < 0) continue;
      const list = inCycle.get(cycle) ?? [];
      // An API riding with several providers in one cycle is still one member.
      if (list[list.length - 1] !== m) list.push(m);
      inCycle.set(cycle, list);
    }
  }
  const blockers: DeployBlocker[] = [];
  for (const [cycle, list] of inCycle) {
    // One member of the set in a cycle with others outside the set orders fine; one member
    // that depends on itself does not.
    if (list.length < 2 && cycles[cycle].members.length > 1) continue;
    const refs = list.map(m => graph.nodes[m].ref);
    blockers.push({
      cycle: cycles[cycle],
      entityRefs: refs,
      stage: stageOf.get(list[0])!,
      message: blockerMessage(graph, cycles[cycle], refs),
    });
  }
  return { stages, stageOf, blockers };
}

/** Lists at most a few names, so a message about a cycle of thousands stays readable. */
function listed(names: string[], conjunction: string, limit = 5): string {
  if (names.length === 1) return names[0];
  if (names.length > limit) {
    return `${names.slice(0, limit).join(', ')} ${conjunction} ${
      names.length - limit
    } more`;
  }
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${
    names[names.length - 1]
  }`;
}

function blockerMessage(
  graph: DependencyGraph,
  cycle: DependencyCycle,
  refs: string[],
): string {
  const { indexOf } = graphIndex(graph);
  const title = (ref: string) => graph.nodes[indexOf.get(ref)!]?.title ?? ref;
  const closing = [
    ...new Set(
      cycle.closingEdges
        .slice(0, 20)
        .map(e => `${title(e.source)} → ${title(e.target)} (${e.type})`),
    ),
  ];
  const who =
    cycle.members.length === 1
      ? `${title(cycle.members[0])} depends on itself`
      : `${listed(cycle.members.map(title), 'and')} depend on each other`;
  const what =
    refs.length === 1
      ? `${title(refs[0])} cannot go out after itself`
      : `${listed(
          refs.map(title),
          'and',
        )} cannot go out one strictly before the other`;
  const fix = closing.length > 0 ? ` at ${listed(closing, 'or', 3)}` : '';
  return `${who}, so ${what}: release them together and test them as one, or break the cycle${fix}`;
}

/** The whole estate's deploy order (every deployable, ordering edges), per graph object. */
const estateOrders = new WeakMap<DependencyGraph, DeployOrder>();

/**
 * Deploy stages for a set of entities (default: every deployable), providers first, over the
 * condensation of the dependency graph so cycles become one step, with those cycles named as
 * blockers. O(nodes + edges). The whole estate's order is computed once per graph object and
 * the same answer given again: treat it as immutable.
 */
export function planDeployOrder(
  graph: DependencyGraph,
  options: DeployOrderOptions = {},
): DeployOrder {
  if (options.entityRefs || options.edgeTypes) {
    return orderOf(graph, options);
  }
  return keptPer(estateOrders, graph, () => orderOf(graph, options));
}

function orderOf(
  graph: DependencyGraph,
  options: DeployOrderOptions,
): DeployOrder {
  const members = options.entityRefs
    ? [...new Set(resolveNodeIndices(graph, options.entityRefs))]
    : graph.nodes.flatMap((node, i) => (isDeployable(node) ? [i] : []));
  const { stages, blockers } = placeInStages(
    graph,
    members,
    graphIndex(graph).view(options.edgeTypes ?? ORDERING_EDGE_TYPES),
  );
  const deployStagesOut: DeployStage[] = stages.map((stage, index) => ({
    index,
    entityRefs: stage.map(m => graph.nodes[m].ref),
    blockers: [],
  }));
  blockers.forEach((b, i) => deployStagesOut[b.stage].blockers.push(i));
  return {
    stages: deployStagesOut,
    sequence: deployStagesOut.flatMap(s => s.entityRefs),
    blockers,
  };
}
