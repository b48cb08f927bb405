import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CATALOG_FILTER_EXISTS,
  CatalogApi,
} from '@backstage/plugin-catalog-react';

/** An entity the new-rollout form offers: its ref, and the title people read. */
export interface EntityOption {
  /** e.g. `component:default/sales`. */
  ref: string;
  /** The entity's title, else its name. */
  title: string;
}

/** How many entities one search shows; typing narrows the rest. */
export const SEARCH_LIMIT = 50;

/** The parts of an entity the picker reads, and nothing more. */
export const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
];

/**
 * The entities a rollout can deliver: components (the kind the rollouts tab is on) that
 * something depends on. A tenant names what serves it in `spec.dependsOn`, which the catalog
 * records as the component's `dependencyOf` relation; a component nothing depends on has no
 * tenant to roll out to, and the backend would refuse it.
 */
export const ROLLABLE_FILTER = {
  kind: 'component',
  'relations.dependencyOf': CATALOG_FILTER_EXISTS,
};

/**
 * What to search the catalog for, from what was typed: the words as they are, or the name of a
 * typed or pasted entity ref (`component:default/sales` searches `sales`).
 */
export function searchTermOf(input: string): string {
  const typed = input.trim();
  return typed.slice(
    Math.max(typed.lastIndexOf(':'), typed.lastIndexOf('/')) + 1,
  );
}

/**
 * The catalog query of one search: the rollable entities whose name or title holds `term`
 * (every one without a term), by name, the first {@link SEARCH_LIMIT}, only the fields shown.
 */
export function entityQuery(
  term: string,
): Parameters<CatalogApi['queryEntities']>[0] {
  return {
    filter: ROLLABLE_FILTER,
    fields: ENTITY_FIELDS,
    limit: SEARCH_LIMIT,
    orderFields: { field: 'metadata.name', order: 'asc' },
    ...(term
      ? {
          fullTextFilter: { term, fields: ['metadata.name', 'metadata.title'] },
        }
      : {}),
  };
}

/** An entity as the picker shows it. */
export function entityOptionOf(entity: Entity): EntityOption {
  return {
    ref: stringifyEntityRef(entity),
    title: entity.metadata.title || entity.metadata.name,
  };
}
