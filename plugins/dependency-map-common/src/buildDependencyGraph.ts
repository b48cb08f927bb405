import type { Entity } from '@backstage/catalog-model';
import {
  isBusinessProcessEntity,
  normalizeEntityRef,
} from '@waybill/plugin-waybill-common';
import { buildEdges } from './buildGraph/edges';
import { readBusinessProcess, readNode } from './buildGraph/readNode';
import { readRelations } from './buildGraph/readRelations';
import { addUndeclaredProcesses } from './buildGraph/resolveProcesses';
import { GraphBuild, createGraphBuild } from './buildGraph/state';
import { DependencyGraph } from './model';

/** Options of {@link buildDependencyGraph}. */
export interface BuildDependencyGraphOptions {
  /**
   * Entity kinds (case-insensitive) that become nodes. Business-process Domains always become
   * {@link BusinessProcess} records instead. Default: component, api, resource, system, domain.
   */
  kinds?: string[];
}

/** The entity kinds that become nodes unless {@link BuildDependencyGraphOptions.kinds} says otherwise. */
export const DEFAULT_NODE_KINDS: readonly string[] = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
];

/** Reads one entity into the build: a process, a node with its relations, or nothing. */
function readEntity(
  build: GraphBuild,
  entity: Entity,
  kinds: ReadonlySet<string>,
): void {
  if (isBusinessProcessEntity(entity)) {
    const process = readBusinessProcess(build, entity);
    build.processes.set(process.ref, process);
    return;
  }
  if (!kinds.has(entity.kind.toLocaleLowerCase('en-US'))) return;
  const ref = normalizeEntityRef(entity);
  if (build.nodes.has(ref)) {
    build.warnings.push(`${ref}: appears more than once; the first is kept`);
    return;
  }
  build.nodes.set(ref, readNode(build, entity));
  readRelations(build, entity, ref);
}

/**
 * Builds the dependency graph of an estate from catalog entities, in time linear in entities
 * plus relations. Relations are read from `relations` as the catalog returns them (both
 * directions, so a partial read still finds edges); an entity without relations (e.g. read
 * straight from YAML) falls back to its `spec.dependsOn`, `spec.consumesApis`,
 * `spec.providesApis`, `spec.system`, `spec.domain` and `spec.subcomponentOf`.
 *
 * Targets that are not among the entities become nodes marked `missing`, so every edge has both
 * ends; the graph's `warnings` say which. Catalog conventions (tier, business processes, tenants,
 * API versions and requirements) are read with `@waybill/plugin-waybill-common`; a tenant whose
 * labels do not read as one is a plain node, with a warning naming the problem.
 */
export function buildDependencyGraph(
  entities: Entity[],
  options: BuildDependencyGraphOptions = {},
): DependencyGraph {
  const kinds = new Set(
    (options.kinds ?? DEFAULT_NODE_KINDS).map(k =>
      k.toLocaleLowerCase('en-US'),
    ),
  );
  const build = createGraphBuild();
  for (const entity of entities) readEntity(build, entity, kinds);
  addUndeclaredProcesses(build);
  const edges = buildEdges(build);
  return {
    nodes: [...build.nodes.values()],
    edges,
    processes: [...build.processes.values()],
    warnings: build.warnings,
  };
}
