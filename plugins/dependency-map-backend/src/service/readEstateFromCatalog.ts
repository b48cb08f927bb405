import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DEFAULT_NODE_KINDS } from '@waybill/plugin-dependency-map-common';

/**
 * The entity fields buildDependencyGraph reads, and no others, so a page of 500 entities stays
 * small: the ref parts, title and description, annotations and labels (business processes,
 * tier, API version and requirements, tenant labels), the spec fields it falls back to when an
 * entity has no relations, and the relations themselves.
 */
export const GRAPH_ENTITY_FIELDS: readonly string[] = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.labels',
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
  'spec.system',
  'spec.domain',
  'spec.subcomponentOf',
  'spec.subdomainOf',
  'spec.dependsOn',
  'spec.consumesApis',
  'spec.providesApis',
  'relations',
];

/** What one read of the estate returned. */
export interface EstateRead {
  entities: Entity[];
  /** Catalog requests made: one per page. */
  catalogRequests: number;
  /** Entities of the mapped kinds the catalog holds (its `totalItems`). */
  catalogEntities: number;
  /** True when the catalog held more than `maxEntities` and the rest were not read. */
  truncated: boolean;
}

/** Options of {@link readEstateFromCatalog}. */
export interface ReadEstateOptions {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  /** Entities per request. */
  pageSize: number;
  /** Stop after this many entities. */
  maxEntities: number;
  /** Entity kinds to read; default the kinds buildDependencyGraph turns into nodes. */
  kinds?: readonly string[];
  /** Called as each catalog request is sent, failed ones included. */
  onRequest?: () => void;
}

/**
 * Reads the estate from the catalog in pages through `queryEntities` with a cursor, filtered to
 * the mapped kinds and trimmed to {@link GRAPH_ENTITY_FIELDS}: ceil(entities / pageSize)
 * requests, never one per entity. Stops once `maxEntities` are read.
 */
export async function readEstateFromCatalog(
  options: ReadEstateOptions,
): Promise<EstateRead> {
  const { catalog, credentials, pageSize, maxEntities } = options;
  const kinds = [...(options.kinds ?? DEFAULT_NODE_KINDS)];
  const entities: Entity[] = [];
  let catalogRequests = 0;
  let catalogEntities = 0;
  let cursor: string | undefined;
  do {
    const limit = Math.min(pageSize, maxEntities - entities.length);
    const fields = [...GRAPH_ENTITY_FIELDS];
    catalogRequests++;
    options.onRequest?.();
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit, fields }
        : { filter: { kind: kinds }, limit, fields },
      { credentials },
    );
    catalogEntities = Math.max(catalogEntities, page.totalItems);
    entities.push(...page.items.slice(0, maxEntities - entities.length));
    // An empty page ends the read even if it carries a cursor, so a misbehaving catalog
    // cannot keep the build looping.
    cursor = page.items.length > 0 ? page.pageInfo.nextCursor : undefined;
  } while (cursor && entities.length < maxEntities);
  return {
    entities,
    catalogRequests,
    catalogEntities: Math.max(catalogEntities, entities.length),
    truncated: cursor !== undefined,
  };
}
