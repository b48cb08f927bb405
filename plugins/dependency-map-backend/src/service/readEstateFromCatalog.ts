import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DEFAULT_NODE_KINDS } from '@waybill/plugin-dependency-map-common';

/**
 * The entity fields buildDependencyGraph reads, and no others, so that an API's definition is
 * never read: the ref parts, title and description, annotations and labels (business
 * processes, tier, API version and requirements, tenant labels), the spec fields it falls back
 * to when an entity has no relations, and the relations themselves.
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

/** One paged query of the read: some kinds, whole or trimmed to some fields. */
interface EstateQuery {
  kinds: string[];
  fields?: string[];
}

/**
 * The queries that read `kinds`: APIs trimmed to {@link GRAPH_ENTITY_FIELDS} (their definitions
 * can be large), every other kind whole. The catalog serves a whole entity as the JSON it
 * stores; trimming makes it parse and rebuild every entity of the page, which was most of a
 * page's cost (2.5 of 4 s for 50,000 entities, bench/dependency-map).
 */
export function estateQueries(kinds: readonly string[]): EstateQuery[] {
  const isApi = (kind: string) => kind.toLocaleLowerCase('en-US') === 'api';
  const whole = kinds.filter(kind => !isApi(kind));
  const trimmed = kinds.filter(isApi);
  return [
    ...(whole.length > 0 ? [{ kinds: whole }] : []),
    ...(trimmed.length > 0
      ? [{ kinds: trimmed, fields: [...GRAPH_ENTITY_FIELDS] }]
      : []),
  ];
}

/**
 * Reads the estate from the catalog in pages through `queryEntities` with a cursor, filtered to
 * the mapped kinds ({@link estateQueries}: every kind but API, then the APIs):
 * ceil(entities / pageSize) requests, give or take one, never one per entity, each sent as soon
 * as the previous page has arrived. Stops once `maxEntities` are read; the kinds not reached by
 * then are only counted (one request each, for no entity).
 */
export async function readEstateFromCatalog(
  options: ReadEstateOptions,
): Promise<EstateRead> {
  const { catalog, credentials, pageSize, maxEntities } = options;
  const queries = estateQueries(options.kinds ?? DEFAULT_NODE_KINDS);
  let catalogRequests = 0;
  const send = (
    query: EstateQuery,
    cursor: string | undefined,
    limit: number,
  ) => {
    catalogRequests++;
    options.onRequest?.();
    const { fields } = query;
    return catalog.queryEntities(
      cursor
        ? { cursor, limit, ...(fields ? { fields } : {}) }
        : {
            filter: { kind: query.kinds },
            limit,
            ...(fields ? { fields } : {}),
          },
      { credentials },
    );
  };
  const entities: Entity[] = [];
  const held = new Array<number>(queries.length).fill(0);
  let q = 0;
  /** Whether a page was left unread. */
  let cut = false;
  let next: ReturnType<typeof send> | undefined = send(
    queries[0],
    undefined,
    Math.min(pageSize, maxEntities),
  );
  while (next) {
    const page = await next;
    next = undefined;
    held[q] = Math.max(held[q], page.totalItems);
    const items = page.items.slice(0, maxEntities - entities.length);
    entities.push(...items);
    // An empty page ends a query even if it carries a cursor, so a misbehaving catalog
    // cannot keep the build looping.
    const cursor = page.items.length > 0 ? page.pageInfo.nextCursor : undefined;
    const limit = Math.min(pageSize, maxEntities - entities.length);
    if (cursor && limit > 0) {
      next = send(queries[q], cursor, limit);
    } else {
      cut ||= cursor !== undefined;
      if (q + 1 < queries.length) {
        q++;
        // Past maxEntities, a query with limit 0 only counts what is left out.
        next = send(queries[q], undefined, limit);
      }
    }
    try {
      options.onPage?.(items);
    } catch (error) {
      // The read ends here; the request already sent is not waited for.
      next?.catch(() => undefined);
      throw error;
    }
  }
  const catalogEntities = held.reduce((sum, n) => sum + n, 0);
  return {
    entities,
    catalogRequests,
    catalogEntities: Math.max(catalogEntities, entities.length),
    truncated: cut || catalogEntities > entities.length,
  };
}
