import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';

/** Enough of an entity to tell it from none. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

const normalize = (ref: string) => ref.toLowerCase();

/**
 * Which catalog entities the caller of a request may read, decided as Backstage's own readers
 * decide it: the permission framework is asked about `catalog.entity.read` with the caller's
 * credentials.
 * - ALLOW: every entity, and nothing is filtered;
 * - DENY: none;
 * - CONDITIONAL (e.g. only entities the user owns, or none with some label): the catalog is asked,
 *   with the caller's credentials, for the refs in question; it applies the conditions, so an
 *   entity it does not return, hidden or absent, is not readable.
 *
 * Service principals read every entity, as before: the routes check their permissions, and
 * Waybill reads the catalog for them with its own credentials.
 *
 * Make one per request: the catalog's answers are remembered for its lifetime.
 */
export class CatalogReadAccess {
  /** Every entity: for service principals and callers the policy allows to read everything. */
  static readonly unrestricted = new CatalogReadAccess();

  /** What the caller of a request may read; see {@link CatalogReadAccess}. */
  static async forCredentials(
    credentials: BackstageCredentials,
    services: { permissions: PermissionsService; catalog: CatalogService },
  ): Promise<CatalogReadAccess> {
    if ((credentials.principal as BackstageUserPrincipal).type !== 'user') {
      return CatalogReadAccess.unrestricted;
    }
    const [decision] = await services.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return CatalogReadAccess.unrestricted;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return new CatalogReadAccess(async refs => refs.map(() => false));
    }
    return new CatalogReadAccess(async refs => {
      const { items } = await services.catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: REF_FIELDS },
        { credentials },
      );
      return items.map(Boolean);
    });
  }

  readonly #decide?: (refs: string[]) => Promise<boolean[]>;
  readonly #known = new Map<string, boolean>();

  private constructor(decide?: (refs: string[]) => Promise<boolean[]>) {
    this.#decide = decide;
  }

  /** False when the caller may read every entity, so that there is nothing to filter. */
  get restricted(): boolean {
    return this.#decide !== undefined;
  }

  /**
   * Those of `refs` (full entity refs, compared case-insensitively) that the caller may read, as
   * given and in their order. Under a conditional decision, the refs not asked about before go
   * to the catalog in one `getEntitiesByRefs` (which the catalog client sends in chunks).
   */
  async readable(refs: Iterable<string>): Promise<Set<string>> {
    const given = [...refs];
    if (!this.#decide) return new Set(given);
    const unknown = [
      ...new Set(given.map(normalize).filter(ref => !this.#known.has(ref))),
    ];
    if (unknown.length > 0) {
      const answers = await this.#decide(unknown);
      unknown.forEach((ref, i) => this.#known.set(ref, answers[i]));
    }
    return new Set(given.filter(ref => this.#known.get(normalize(ref))));
  }

  /** Whether the caller may read the entity `ref` names (a full ref). */
  async mayRead(ref: string): Promise<boolean> {
    return (await this.readable([ref])).size > 0;
  }
}

/**
 * Restricts a query to the rows whose `column` holds one of `refs`: the allow-list of a read
 * limited to what the caller may read, so that filters, counts, sorts and pages all apply to it.
 * The refs are bound as one JSON parameter, whatever their number (a bound value per ref would
 * reach the parameter limits of PostgreSQL and SQLite at a few tens of thousands). PostgreSQL and
 * SQLite, the databases Waybill supports.
 */
export function whereRefIn(
  query: Knex.QueryBuilder,
  column: string,
  refs: Iterable<string>,
): Knex.QueryBuilder {
  const list = JSON.stringify([...refs]);
  return query.client.config.client === 'pg'
    ? query.whereRaw('?? in (select jsonb_array_elements_text(?::jsonb))', [
        column,
        list,
      ])
    : query.whereRaw('?? in (select value from json_each(?))', [column, list]);
}
