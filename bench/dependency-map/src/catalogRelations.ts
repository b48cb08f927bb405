import {
  Entity,
  EntityRelation,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { managedByLocation } from '@waybill/bench-utils';

/** The location the benchmark's entity provider claims for what it provides. */
export const BENCH_LOCATION = 'waybill-bench:dependency-map-estate';

/** Annotations every provided entity carries. */
export const managedBy = managedByLocation(BENCH_LOCATION);

function refOf(raw: string, context: Entity, defaultKind: string): string {
  return stringifyEntityRef(
    parseEntityRef(raw, {
      defaultKind,
      defaultNamespace: context.metadata.namespace ?? 'default',
    }),
  );
}

/**
 * The entities with `relations` as the catalog returns them once stitched: each spec reference
 * becomes a relation on its source and the inverse relation on its target (ownedBy/ownerOf,
 * partOf/hasPart, dependsOn/dependencyOf, providesApi/apiProvidedBy, consumesApi/apiConsumedBy),
 * and the managed-by annotations a provider sets. For the catalog mock; the real catalog
 * computes the same relations itself.
 */
export function withCatalogRelations(entities: Entity[]): Entity[] {
  const relations = new Map<string, EntityRelation[]>();
  const add = (source: string, type: string, target: string) => {
    const list = relations.get(source);
    const relation = { type, targetRef: target };
    if (list) list.push(relation);
    else relations.set(source, [relation]);
  };
  const pair = (
    source: string,
    forward: string,
    inverse: string,
    target: string,
  ) => {
    add(source, forward, target);
    add(target, inverse, source);
  };
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    if (typeof spec.owner === 'string') {
      pair(
        ref,
        RELATION_OWNED_BY,
        RELATION_OWNER_OF,
        refOf(spec.owner, entity, 'group'),
      );
    }
    if (typeof spec.system === 'string') {
      pair(
        ref,
        RELATION_PART_OF,
        RELATION_HAS_PART,
        refOf(spec.system, entity, 'system'),
      );
    }
    if (typeof spec.domain === 'string') {
      pair(
        ref,
        RELATION_PART_OF,
        RELATION_HAS_PART,
        refOf(spec.domain, entity, 'domain'),
      );
    }
    for (const raw of (spec.dependsOn as string[] | undefined) ?? []) {
      pair(
        ref,
        RELATION_DEPENDS_ON,
        RELATION_DEPENDENCY_OF,
        refOf(raw, entity, 'component'),
      );
    }
    for (const raw of (spec.providesApis as string[] | undefined) ?? []) {
      pair(
        ref,
        RELATION_PROVIDES_API,
        RELATION_API_PROVIDED_BY,
        refOf(raw, entity, 'api'),
      );
    }
    for (const raw of (spec.consumesApis as string[] | undefined) ?? []) {
      pair(
        ref,
        RELATION_CONSUMES_API,
        RELATION_API_CONSUMED_BY,
        refOf(raw, entity, 'api'),
      );
    }
  }
  return entities.map(entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      namespace: entity.metadata.namespace ?? 'default',
      annotations: { ...managedBy, ...entity.metadata.annotations },
    },
    relations: relations.get(stringifyEntityRef(entity)) ?? [],
  }));
}
