import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_PROVIDES_API,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Spec lists the catalog turns into relations: forward type, inverse type, default kind. */
const SPEC_RELATIONS: Array<[string, string, string, string]> = [
  ['dependsOn', RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF, 'component'],
  ['consumesApis', RELATION_CONSUMES_API, RELATION_API_CONSUMED_BY, 'api'],
  ['providesApis', RELATION_PROVIDES_API, RELATION_API_PROVIDED_BY, 'api'],
];

/**
 * The entities as the catalog serves them after stitching: each relation their specs declare
 * carried by both ends (`dependsOn` / `dependencyOf` and so on), targets that no entity is
 * included (as the catalog keeps them).
 */
export function withCatalogRelations(entities: Entity[]): Entity[] {
  const relations = new Map<string, Entity['relations'] & {}>();
  const add = (from: string, type: string, to: string) => {
    const list = relations.get(from) ?? [];
    list.push({ type, targetRef: to });
    relations.set(from, list);
  };
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    for (const [field, forward, inverse, kind] of SPEC_RELATIONS) {
      for (const raw of (entity.spec?.[field] as string[] | undefined) ?? []) {
        const target = stringifyEntityRef(
          parseEntityRef(raw, {
            defaultKind: kind,
            defaultNamespace: 'default',
          }),
        );
        add(ref, forward, target);
        add(target, inverse, ref);
      }
    }
  }
  return entities.map(e => ({
    ...e,
    relations: relations.get(stringifyEntityRef(e)) ?? [],
  }));
}
