import { CatalogClient } from '@backstage/catalog-client';
import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { fetchOnLiveSocket } from '@waybill/bench-utils';

/*
 * The peer: how Backstage's catalog graph (@backstage/plugin-catalog-graph 0.6.8, the version in
 * this repository's yarn.lock) loads the entities it draws. Its hook is not exported, so this is
 * the same loop, reproduced from its dist files:
 *
 * - dist/components/EntityRelationsGraph/useEntityRelationGraph.esm.js, lines 17-47: on every
 *   change of the loaded entities, walk breadth first from the root refs over the loaded
 *   entities' `relations` (the included relation types, targets of the chosen kinds), up to
 *   `maxDepth`, and ask the store for every ref seen;
 * - dist/components/EntityRelationsGraph/useEntityStore.esm.js, lines 26-56: when the set asked
 *   for changed, one `catalogClient.getEntitiesByRefs({ entityRefs })` for the refs not cached
 *   yet (the catalog client splits it into chunks of 1,000 refs), then the loaded entities change.
 *
 * So a neighbourhood of depth d costs d + 1 rounds of getEntitiesByRefs, each of whole entities,
 * through the real CatalogClient of @backstage/catalog-client over HTTP.
 */

/** The relation types the catalog graph follows by default (its `ALL_RELATIONS`, dist/lib/types/relations.esm.js). */
export const CATALOG_GRAPH_RELATIONS: readonly string[] = [
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
];

/** The catalog graph's filter: its page's "max depth", "kinds" and "relations" controls. */
export interface CatalogGraphFilter {
  maxDepth: number;
  kinds?: readonly string[];
  relations?: readonly string[];
}

/**
 * The refs the catalog graph asks for, given the entities loaded so far: useEntityRelationGraph's
 * effect (lines 17-47), line for line.
 */
export function expectedEntityRefs(
  rootEntityRefs: readonly string[],
  entities: ReadonlyMap<string, Entity>,
  filter: CatalogGraphFilter,
): Set<string> {
  const { maxDepth, kinds } = filter;
  const relations = filter.relations ?? CATALOG_GRAPH_RELATIONS;
  const expected = new Set<string>(rootEntityRefs);
  const processed = new Set<string>();
  let nextDepthRefQueue = [...rootEntityRefs];
  let depth = 0;
  while (
    nextDepthRefQueue.length > 0 &&
    (!isFinite(maxDepth) || depth < maxDepth)
  ) {
    const entityRefQueue = nextDepthRefQueue;
    nextDepthRefQueue = [];
    while (entityRefQueue.length > 0) {
      const entityRef = entityRefQueue.shift()!;
      const entity = entities.get(entityRef);
      processed.add(entityRef);
      for (const rel of entity?.relations ?? []) {
        if (
          relations.includes(rel.type) &&
          (!kinds ||
            kinds.some(kind =>
              rel.targetRef.startsWith(`${kind.toLowerCase()}:`),
            )) &&
          !processed.has(rel.targetRef)
        ) {
          nextDepthRefQueue.push(rel.targetRef);
          expected.add(rel.targetRef);
        }
      }
    }
    ++depth;
  }
  return expected;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every(x => b.has(x));

/** What one catalog-graph load took. */
export interface CatalogGraphLoad {
  /** Entities loaded and shown. */
  entities: number;
  /** Rounds of getEntitiesByRefs (one per depth level reached, plus the roots). */
  rounds: number;
}

/**
 * Loads what the catalog graph shows for `rootEntityRefs` under `filter`, as its hooks do: the
 * expected refs from the entities loaded so far, one getEntitiesByRefs for those not cached,
 * until the expected set stops changing (useEntityStore's requestEntities does nothing then).
 */
export async function loadCatalogGraph(
  catalog: CatalogClient,
  rootEntityRefs: readonly string[],
  filter: CatalogGraphFilter,
): Promise<CatalogGraphLoad> {
  const cached = new Map<string, Entity>();
  let requested = new Set<string>();
  let loaded = new Map<string, Entity>();
  let rounds = 0;
  for (;;) {
    const expected = expectedEntityRefs(rootEntityRefs, loaded, filter);
    if (sameSet(expected, requested)) break;
    requested = expected;
    const entityRefs = [...requested].filter(ref => !cached.has(ref));
    if (entityRefs.length > 0) {
      const { items } = await catalog.getEntitiesByRefs({ entityRefs });
      rounds++;
      for (const entity of items) {
        if (entity) cached.set(stringifyEntityRef(entity), entity);
      }
    }
    // updateEntities: the requested entities that are cached.
    loaded = new Map(
      [...requested].flatMap(ref => {
        const entity = cached.get(ref);
        return entity ? [[ref, entity] as const] : [];
      }),
    );
  }
  return { entities: loaded.size, rounds };
}

/**
 * A fetch that sends every request with `authorization` (a signed-in user, as the app's fetchApi
 * does) and counts the requests and the bytes of the bodies received.
 */
export class CountingFetch {
  requests = 0;
  bytes = 0;

  constructor(private readonly authorization: string) {}

  reset(): void {
    this.requests = 0;
    this.bytes = 0;
  }

  readonly fetch = async (
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', this.authorization);
    const response = await fetchOnLiveSocket(input, { ...init, headers });
    const body = await response.arrayBuffer();
    this.requests++;
    this.bytes += body.byteLength;
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** The real catalog client of the app, on the catalog at `baseUrl`, through `counter`. */
export function countedCatalogClient(
  baseUrl: string,
  counter: CountingFetch,
): CatalogClient {
  return new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/catalog` },
    fetchApi: { fetch: counter.fetch },
  });
}
