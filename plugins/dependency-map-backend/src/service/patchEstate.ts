import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_NODE_KINDS,
  normalizeEntityRef,
} from '@waybill/plugin-dependency-map-common';
// An entity's ref, the one spelling Waybill stores (lower case): waybill-common's; the name
// normalizeEntityRef here is the graph's lenient reading of a ref string.
import { normalizeEntityRef as refOfEntity } from '@waybill/plugin-waybill-common';
import { GRAPH_ENTITY_FIELDS } from './readEstateFromCatalog';

/** The estate's entities by ref, in the order read. */
export function estateEntities(
  entities: readonly Entity[],
): Map<string, Entity> {
  return new Map(entities.map(e => [refOfEntity(e), e]));
}

/** What re-reading some changed entities found. */
export interface EstatePatch {
  /**
   * The entities re-read, by ref in lower case: as the catalog now holds them, or undefined
   * for one it no longer holds (or whose kind is not mapped).
   */
  changes: Map<string, Entity | undefined>;
  /** Refs asked of the catalog. */
  entitiesRead: number;
  catalogRequests: number;
}

/** Options of {@link patchEstate}. */
export interface PatchEstateOptions {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  /**
   * The refs the estate relates to a ref, as it stands before the change (see
   * LiveDependencyGraph.neighbours); not changed.
   */
  neighbours: (ref: string) => Iterable<string>;
  /** The entities an event says changed (full or short refs; unreadable ones are skipped). */
  changed: readonly string[];
  /** Refs per `getEntitiesByRefs` request. */
  pageSize: number;
  /** Entity kinds read; default the kinds buildDependencyGraph turns into nodes. */
  kinds?: readonly string[];
  /** Called as each catalog request is sent. */
  onRequest?: () => void;
}

/** The refs an entity's catalog relations name, the other end of each. */
function relatedRefs(entity: Entity | undefined): string[] {
  return (entity?.relations ?? []).map(r => r.targetRef.toLowerCase());
}

/**
 * Re-reads changed entities, so that applying them to the estate gives what a full read of the
 * catalog would. The catalog keeps each relation on both of its ends, so besides the changed
 * entities it re-reads the entities related to them, before the change (the estate's neighbours:
 * they may have lost the inverse relation) and after it (the refs their relations name now: they
 * may have gained one): two rounds of
 * `getEntitiesByRefs`, each in pages of `pageSize` refs, trimmed to the fields the graph reads
 * and filtered to the mapped kinds.
 */
export async function patchEstate(
  options: PatchEstateOptions,
): Promise<EstatePatch> {
  const changed = [
    ...new Set(
      options.changed.flatMap(r => {
        const ref = normalizeEntityRef(r);
        return ref ? [ref] : [];
      }),
    ),
  ];
  const read = new Map<string, Entity | undefined>();
  let catalogRequests = 0;
  const readRound = async (refs: Iterable<string>) => {
    const wanted = [...new Set(refs)].filter(r => !read.has(r));
    for (let i = 0; i < wanted.length; i += options.pageSize) {
      const page = wanted.slice(i, i + options.pageSize);
      catalogRequests++;
      options.onRequest?.();
      const { items } = await options.catalog.getEntitiesByRefs(
        {
          entityRefs: page,
          fields: [...GRAPH_ENTITY_FIELDS],
          filter: { kind: [...(options.kinds ?? DEFAULT_NODE_KINDS)] },
        },
        { credentials: options.credentials },
      );
      page.forEach((ref, j) => read.set(ref, items[j] ?? undefined));
    }
  };
  await readRound([
    ...changed,
    ...changed.flatMap(r => [...options.neighbours(r)]),
  ]);
  await readRound(changed.flatMap(r => relatedRefs(read.get(r))));

  const changes = new Map<string, Entity | undefined>();
  for (const [ref, entity] of read) {
    if (entity) changes.set(refOfEntity(entity), entity);
    else changes.set(ref, undefined);
  }
  return { changes, entitiesRead: read.size, catalogRequests };
}
