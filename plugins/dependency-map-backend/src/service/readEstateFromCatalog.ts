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
  /**
   * Called with each page's entities as it arrives, while the catalog answers the request for
   * the next page: what it does with them overlaps the catalog's work. A throw ends the read.
   */
  onPage?: (entities: Entity[]) => void;
}

/**
 * Reads the estate from the catalog in pages through `queryEntities` with a cursor, filtered to
 * the mapped kinds and trimmed to {@link GRAPH_ENTITY_FIELDS}: ceil(entities / pageSize)
 * requests, never one per entity, each sent as soon as the previous page has arrived. Stops
 * once `maxEntities` are read.
 */
export async function readEstateFromCatalog(
  options: ReadEstateOptions,
): Promise<EstateRead> {
  const { catalog, credentials, pageSize, maxEntities } = options;
  const kinds = [...(options.kinds ?? DEFAULT_NODE_KINDS)];
  const fields = [...GRAPH_ENTITY_FIELDS];
  const query = (cursor: string | undefined, limit: number) => {
    options.onRequest?.();
    return catalog.queryEntities(
      cursor
        ? { cursor, limit, fields }
        : { filter: { kind: kinds }, limit, fields },
      { credentials },
    );
  };
  const entities: Entity[] = [];
  let catalogRequests = 1;
  let catalogEntities = 0;
  let cursor: string | undefined;
  let next: ReturnType<typeof query> | undefined = query(
    undefined,
    Math.min(pageSize, maxEntities),
  );
  while (next) {
    const page = await next;
    next = undefined;
    catalogEntities = Math.max(catalogEntities, page.totalItems);
    const items = page.items.slice(0, maxEntities - entities.length);
    entities.push(...items);
    // An empty page ends the read even if it carries a cursor, so a misbehaving catalog
    // cannot keep the build looping.
    cursor = page.items.length > 0 ? page.pageInfo.nextCursor : undefined;
    if (cursor && entities.length < maxEntities) {
      catalogRequests++;
      next = query(cursor, Math.min(pageSize, maxEntities - entities.length));
    }
    try {
      options.onPage?.(items);
    } catch (error) {
      // The read ends here; the request already sent is not waited for.
      next?.catch(() => undefined);
      throw error;
    }
  }
  return {
    entities,
    catalogRequests,
    catalogEntities: Math.max(catalogEntities, entities.length),
    truncated: cursor !== undefined,
  };
}
