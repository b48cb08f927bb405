import type { Entity } from '@backstage/catalog-model';
import { normalizeEntityRef } from '@waybill/plugin-waybill-common';
import {
  LiveDependencyGraph,
  LiveDependencyGraphOptions,
} from './liveDependencyGraph';
import { DependencyGraph } from './model';

/** Options of {@link buildDependencyGraph}. */
export type BuildDependencyGraphOptions = LiveDependencyGraphOptions;

/**
 * Builds the dependency graph of an estate from catalog entities, in time linear in entities
 * plus relations: an {@link LiveDependencyGraph} given every entity at once. Relations are read from
 * `relations` as the catalog returns them (both directions, so a partial read still finds
 * edges); an entity without relations (e.g. read straight from YAML) falls back to its
 * `spec.dependsOn`, `spec.consumesApis`, `spec.providesApis`, `spec.system`, `spec.domain` and
 * `spec.subcomponentOf`.
 *
 * Targets that are not among the entities become nodes marked `missing`, so every edge has both
 * ends; the graph's `warnings` say which. Catalog conventions (tier, business processes, tenants,
 * API versions and requirements) are read with `@waybill/plugin-waybill-common`; a tenant whose
 * labels do not read as one is a plain node, with a warning naming the problem. An entity that
 * appears more than once is kept the first time, with a warning.
 */
export function buildDependencyGraph(
  entities: Entity[],
  options: BuildDependencyGraphOptions = {},
): DependencyGraph {
  const byRef = new Map<string, Entity>();
  const duplicates: string[] = [];
  for (const entity of entities) {
    const ref = normalizeEntityRef(entity);
    if (byRef.has(ref)) {
      duplicates.push(`${ref}: appears more than once; the first is kept`);
    } else {
      byRef.set(ref, entity);
    }
  }
  const estate = new LiveDependencyGraph(options);
  estate.apply(byRef);
  const graph = estate.graph();
  return { ...graph, warnings: [...graph.warnings, ...duplicates] };
}
