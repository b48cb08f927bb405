import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import {
  RawRelationType,
  ReadingSink,
  readRef,
  stringAt,
  stringsAt,
} from './state';

// Inverse relations another entity carries, read back to their forward form so a graph built
// from a partial read (or from entities whose forward side is missing) still has the edge.
const FORWARD_OF_INVERSE: Record<string, RawRelationType> = {
  [RELATION_DEPENDENCY_OF]: 'dependsOn',
  [RELATION_API_CONSUMED_BY]: 'consumesApi',
  [RELATION_API_PROVIDED_BY]: 'providesApi',
  [RELATION_HAS_PART]: 'partOf',
};
const FORWARD: Record<string, RawRelationType> = {
  [RELATION_DEPENDS_ON]: 'dependsOn',
  [RELATION_CONSUMES_API]: 'consumesApi',
  [RELATION_PROVIDES_API]: 'providesApi',
  [RELATION_PART_OF]: 'partOf',
};

/** The relations as the catalog returns them, both directions. */
function readCatalogRelations(
  sink: ReadingSink,
  entity: Entity,
  ref: string,
): void {
  for (const relation of entity.relations ?? []) {
    const target = relation.targetRef.toLowerCase();
    const forward = FORWARD[relation.type];
    if (forward) {
      sink.relations.push({ type: forward, source: ref, target: target });
      continue;
    }
    const inverse = FORWARD_OF_INVERSE[relation.type];
    if (inverse)
      sink.relations.push({ type: inverse, source: target, target: ref });
  }
}

/** The spec lists a relation is read from, with the kind their short refs default to. */
const SPEC_LISTS: Array<[string, RawRelationType, string | undefined]> = [
  ['dependsOn', 'dependsOn', undefined],
  ['consumesApis', 'consumesApi', 'api'],
  ['providesApis', 'providesApi', 'api'],
];

/** The spec fields naming what an entity is part of, with the kind their short refs default to. */
const SPEC_PARENTS: Array<[string, string]> = [
  ['system', 'system'],
  ['domain', 'domain'],
  ['subcomponentOf', 'component'],
  ['subdomainOf', 'domain'],
];

/** The relations an entity read straight from YAML (without relations) declares in its spec. */
function readSpecRelations(
  sink: ReadingSink,
  entity: Entity,
  ref: string,
): void {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  for (const [field, type, defaultKind] of SPEC_LISTS) {
    for (const raw of stringsAt(spec[field])) {
      const target = readRef(sink, raw, entity, defaultKind, `spec.${field}`);
      if (target)
        sink.relations.push({ type: type, source: ref, target: target });
    }
  }
  for (const [field, defaultKind] of SPEC_PARENTS) {
    const value = stringAt(spec[field]);
    const target =
      value && readRef(sink, value, entity, defaultKind, `spec.${field}`);
    if (target) sink.relations.push({ type: 'partOf', source: ref, target });
  }
}

/**
 * Reads an entity's relations into the sink (each as often as it is found): from `relations` when the catalog computed them,
 * else from its spec.
 */
export function readRelations(
  sink: ReadingSink,
  entity: Entity,
  ref: string,
): void {
  if (Array.isArray(entity.relations) && entity.relations.length > 0) {
    readCatalogRelations(sink, entity, ref);
  } else {
    readSpecRelations(sink, entity, ref);
  }
}
