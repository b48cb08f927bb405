import type {
  DeployOrder,
  DependencySubgraph,
} from '@waybill/plugin-dependency-map-common';
import { isDeployable } from '@waybill/plugin-dependency-map-common';

/**
 * The estate's deploy order restricted to the deployables in view, so the stage numbers are the
 * real ones and cycles through entities outside the view are still named.
 */
export function deployOrderInView(
  estateOrder: DeployOrder,
  view: DependencySubgraph,
): DeployOrder {
  const inView = new Set(view.nodes.filter(isDeployable).map(n => n.ref));
  const kept = new Map<number, number>();
  const blockers = estateOrder.blockers.filter((blocker, i) => {
    const touches = blocker.cycle.members.some(m => inView.has(m));
    if (touches) kept.set(i, kept.size);
    return touches;
  });
  const stages = estateOrder.stages
    .map(stage => ({
      ...stage,
      entityRefs: stage.entityRefs.filter(ref => inView.has(ref)),
      blockers: stage.blockers.filter(i => kept.has(i)).map(i => kept.get(i)!),
    }))
    .filter(stage => stage.entityRefs.length > 0);
  return {
    stages,
    blockers,
    sequence: estateOrder.sequence.filter(ref => inView.has(ref)),
  };
}

/**
 * Cycles touching the view: those the deploy order names as blockers, whose other members may
 * be outside the view, and those among the drawn edges not already covered; each sorted.
 */
export function cyclesInView(
  view: DependencySubgraph | undefined,
  order: DeployOrder | undefined,
): string[][] {
  const found = new Map<string, string[]>();
  for (const blocker of order?.blockers ?? []) {
    const members = [...blocker.cycle.members].sort();
    found.set(members.join(' '), members);
  }
  for (const edge of view?.edges ?? []) {
    if (!edge.inCycle || edge.source === edge.target) continue;
    const pair = [edge.source, edge.target].sort();
    const covered = [...found.values()].some(
      members => members.includes(pair[0]) && members.includes(pair[1]),
    );
    if (!covered) found.set(pair.join(' '), pair);
  }
  return [...found.values()];
}

/** The refs of the nodes whose title or ref contains the search text; undefined without one. */
export function searchMatches(
  view: DependencySubgraph | undefined,
  search: string,
): Set<string> | undefined {
  if (!search) return undefined;
  return new Set(
    (view?.nodes ?? [])
      .filter(
        n => n.title.toLowerCase().includes(search) || n.ref.includes(search),
      )
      .map(n => n.ref),
  );
}

/** The types and owners to filter by: those in view plus those already chosen, sorted. */
export function filterOptions(
  view: DependencySubgraph | undefined,
  chosenTypes: string[] = [],
  chosenOwners: string[] = [],
): { types: string[]; owners: string[] } {
  const types = new Set(chosenTypes);
  const owners = new Set(chosenOwners);
  for (const node of view?.nodes ?? []) {
    if (node.type) types.add(node.type);
    if (node.owner) owners.add(node.owner);
  }
  return { types: [...types].sort(), owners: [...owners].sort() };
}

/** The node types (or kinds) in view, for the legend. */
export function legendTypes(view: DependencySubgraph | undefined): string[] {
  const types = new Set<string>();
  for (const node of view?.nodes ?? []) types.add(node.type ?? node.kind);
  return [...types].sort();
}
