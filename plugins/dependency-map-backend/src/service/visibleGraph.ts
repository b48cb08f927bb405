import {
  DependencyGraph,
  DependencyNode,
  findCycles,
} from '@waybill/plugin-dependency-map-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { GraphSnapshot, truncationMessage } from './CatalogDependencyGraph';

/** Every entity ref a graph names: its nodes and processes, and the refs they carry. */
function refsNamed(graph: DependencyGraph): Set<string> {
  const refs = new Set<string>();
  for (const node of graph.nodes) {
    refs.add(node.ref);
    if (node.system) refs.add(node.system);
    node.businessProcesses.forEach(ref => refs.add(ref));
    node.apiRequirements?.forEach(r => refs.add(r.apiRef));
  }
  for (const edge of graph.edges) edge.apis?.forEach(ref => refs.add(ref));
  for (const process of graph.processes) refs.add(process.ref);
  return refs;
}

function visibleNode(
  node: DependencyNode,
  sees: (ref: string) => boolean,
): DependencyNode {
  const { system, apiRequirements, ...rest } = node;
  return {
    ...rest,
    businessProcesses: node.businessProcesses.filter(sees),
    ...(system && sees(system) ? { system } : {}),
    ...(apiRequirements
      ? { apiRequirements: apiRequirements.filter(r => sees(r.apiRef)) }
      : {}),
  };
}

/**
 * The graph without the entities `visible` leaves out: their nodes, their processes, every edge
 * with an end among them, and the refs other nodes carry to them (system, business processes,
 * API requirements). An API-mediated edge (`usesApi`, `subscribesTo`) keeps only the APIs left
 * and goes when none is: a path through a hidden entity is cut, not bridged. Warnings, which
 * describe the catalog data of any entity, are left out.
 */
export function restrictGraph(
  graph: DependencyGraph,
  visible: ReadonlySet<string>,
): DependencyGraph {
  const sees = (ref: string) => visible.has(ref);
  return {
    nodes: graph.nodes.filter(n => sees(n.ref)).map(n => visibleNode(n, sees)),
    edges: graph.edges.flatMap(edge => {
      if (!sees(edge.source) || !sees(edge.target)) return [];
      if (!edge.apis) return [edge];
      const apis = edge.apis.filter(sees);
      return apis.length > 0 ? [{ ...edge, apis }] : [];
    }),
    processes: graph.processes.filter(p => sees(p.ref)),
    warnings: [],
  };
}

/**
 * The graph as a reader may see it: all of it when they may read every entity; otherwise
 * {@link restrictGraph} to the entities the catalog lets them read (nodes of refs the catalog
 * does not hold, `missing`, included among those left out), with the build's counts those of
 * what they see.
 */
export async function visibleSnapshot(
  snapshot: GraphSnapshot,
  access: CatalogReadAccess,
): Promise<GraphSnapshot> {
  if (!access.restricted) return snapshot;
  const graph = restrictGraph(
    snapshot.graph,
    await access.readable(refsNamed(snapshot.graph)),
  );
  const entitiesRead =
    graph.nodes.filter(n => !n.missing).length +
    graph.processes.filter(p => !p.missing).length;
  const { message: _message, ...build } = snapshot.build;
  return {
    graph,
    build: {
      ...build,
      nodeCount: graph.nodes.length,
      edgeCount: graph.edges.length,
      entitiesRead,
      catalogEntities: entitiesRead,
      ...(build.truncated
        ? { message: truncationMessage(build.maxNodes) }
        : {}),
      warningCount: 0,
      cycleCount: findCycles(graph).length,
    },
  };
}
