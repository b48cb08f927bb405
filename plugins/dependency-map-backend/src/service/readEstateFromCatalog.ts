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
}

/** One paged query of the read: some kinds, whole or trimmed to some fields. */
interface EstateQuery {
  kinds: string[];
  fields?: string[];
}

/**
 * The queries that read `kinds`: APIs trimmed to {@link GRAPH_ENTITY_FIELDS} (their definitions
 * can be large), every other kind whole. The catalog serves a whole entity as the JSON it
 * stores; trimming makes it parse and rebuild every entity of the page (50,000 entities of
 * bench/dependency-map read in 5.2 s all trimmed, 3.7 s so).
 */
function estateQueries(kinds: readonly string[]): EstateQuery[] {
  const isApi = (kind: string) => kind.toLowerCase() === 'api';
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
 * the mapped kinds ({@link estateQueries}: every kind but API, then the APIs): one request per
 * page of each, never one per entity. Stops once `maxEntities` are read; a kind not reached by
 * then is only counted (one request for no entity).
 */
export async function readEstateFromCatalog(
  options: ReadEstateOptions,
): Promise<EstateRead> {
  const { catalog, credentials, pageSize, maxEntities } = options;
  const entities: Entity[] = [];
  let catalogRequests = 0;
  let catalogEntities = 0;
  let truncated = false;
  for (const { kinds, fields } of estateQueries(
    options.kinds ?? DEFAULT_NODE_KINDS,
  )) {
    const trim = fields ? { fields } : {};
    let held = 0;
    let cursor: string | undefined;
    do {
      const limit = Math.min(pageSize, maxEntities - entities.length);
      catalogRequests++;
      options.onRequest?.();
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit, ...trim }
          : { filter: { kind: kinds }, limit, ...trim },
        { credentials },
      );
      held = Math.max(held, page.totalItems);
      entities.push(...page.items.slice(0, maxEntities - entities.length));
      // An empty page ends the query even if it carries a cursor, so a misbehaving catalog
      // cannot keep the build looping.
      cursor = page.items.length > 0 ? page.pageInfo.nextCursor : undefined;
    } while (cursor && entities.length < maxEntities);
    truncated ||= cursor !== undefined;
    catalogEntities += held;
  }
  return {
    entities,
    catalogRequests,
    catalogEntities: Math.max(catalogEntities, entities.length),
    truncated: truncated || catalogEntities > entities.length,
  };
}
