import { InputError } from '@backstage/errors';
import {
  effectiveGates,
  gateAdjustmentsOf,
  GateDecision,
  Grade,
} from '@waybill/plugin-scorecards-common';
import { toIso, whereRefIn } from '@waybill/plugin-waybill-node';
import { Knex } from 'knex';
import { businessProcessesOfRow } from './entities';
import { FACETS_TABLE, gateFacet, processFacet } from './facets';
import { toOverride } from './rows';
import {
  EntityScope,
  GateOverride,
  PortfolioFilter,
  PortfolioItem,
  PortfolioPage,
  PortfolioQuery,
  StoredPortfolioSummary,
} from './types';

const SORT_COLUMNS: Record<
  PortfolioQuery['sort'],
  { column: string; order: 'asc' | 'desc' }
> = {
  name: { column: 'entity_ref', order: 'asc' },
  '-name': { column: 'entity_ref', order: 'desc' },
  score: { column: 'latest_score', order: 'asc' },
  '-score': { column: 'latest_score', order: 'desc' },
  // Release ids grow with time, and compare the same way on every database.
  updated: { column: 'latest_release_id', order: 'asc' },
  '-updated': { column: 'latest_release_id', order: 'desc' },
};

interface Cursor {
  value: string | number;
  ref: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      (typeof cursor.value === 'string' || typeof cursor.value === 'number') &&
      typeof cursor.ref === 'string'
    ) {
      return cursor;
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError('cursor is not one this API handed out');
}

/**
 * A latest release's line: its gates as the policy decided them (stored on the entity row) and
 * after its overrides active at `now`.
 */
function toPortfolioItem(
  row: any,
  overrides: GateOverride[],
  now: Date,
): PortfolioItem {
  const gates: Record<string, GateDecision> = JSON.parse(row.latest_gates);
  const effective = effectiveGates(
    {
      evaluation: {
        gates: Object.entries(gates).map(([environment, decision]) => ({
          environment,
          decision,
        })),
      },
      overrides,
    },
    now,
  );
  return {
    entityRef: row.entity_ref,
    title: row.title,
    owner: row.owner,
    system: row.system,
    tier: row.tier,
    businessProcesses: businessProcessesOfRow(row),
    version: row.latest_version,
    releasedAt: toIso(row.latest_released_at),
    score: row.latest_score,
    grade: row.latest_grade,
    gates,
    effectiveGates: Object.fromEntries(
      effective.map(gate => [gate.environment, gate.decision]),
    ),
    gateAdjustments: gateAdjustmentsOf(effective),
    failingChecks: JSON.parse(row.latest_failing_checks),
  };
}

/** The facets a filter asks for: its business process first, then its gate decision. */
function facetsOf(filter: PortfolioFilter): string[] {
  return [
    ...(filter.businessProcess ? [processFacet(filter.businessProcess)] : []),
    ...(filter.gate ? [gateFacet(filter.gate)] : []),
  ];
}

/**
 * Whether the page is walked through the index of its first facet (alias `lead`), in page order.
 * An owner or system filter matches a few hundred entities, which their own indexes find and
 * sort; a grade has indexes that end with each sort. Then a business process (a few percent of
 * the entities) or a gate decision leads.
 */
function ledByFacet(filter: PortfolioFilter): boolean {
  if (filter.owner || filter.system) return false;
  if (filter.businessProcess) return true;
  return !filter.grade && Boolean(filter.gate);
}

/**
 * `column = value`, on SQLite written so that no index serves it unless `indexed`. The filters
 * lead in the order of how few entities they usually match: owner or system, business process,
 * grade, gate decision, tier; the others are checked on the rows the leading one's index walks.
 * Without statistics (Backstage never analyzes SQLite) SQLite otherwise takes any equality's
 * index, and at 50,000 entities walked a tier's 30,000 to find the few of a grade or an owner.
 * PostgreSQL chooses from its statistics, which such an expression would hide from it.
 */
function whereEqual(
  query: Knex.QueryBuilder,
  column: string,
  value: string,
  indexed: boolean,
): void {
  if (indexed || query.client.config.client === 'pg') {
    query.where(column, value);
  } else {
    query.whereRaw(`?? || '' = ?`, [column, value]);
  }
}

/**
 * The entities with releases (of the scope, if given) that match the portfolio filters. The
 * latest release's summary lives on the entity row (see the portfolio_summary migration), and
 * its gate decisions and business processes in facet rows (see ./facets), so filters, counts,
 * sorts and pages read the narrow entity table and the facets through their indexes.
 */
function portfolioEntities(
  db: Knex,
  filter: PortfolioFilter,
  scope?: EntityScope,
): Knex.QueryBuilder {
  const query = db('scorecards_entities').whereNotNull('latest_release_id');
  if (scope) whereRefIn(query, 'scorecards_entities.entity_ref', scope);
  if (filter.owner) query.where('owner', filter.owner);
  if (filter.system) query.where('system', filter.system);
  const byFacet = ledByFacet(filter);
  const byOwner = Boolean(filter.owner || filter.system);
  if (filter.grade) {
    whereEqual(query, 'latest_grade', filter.grade, !byOwner);
  }
  if (filter.tier) {
    const indexed = !byOwner && !byFacet && !filter.grade;
    whereEqual(query, 'tier', filter.tier, indexed);
  }
  const facets = facetsOf(filter);
  const lead = byFacet ? facets.shift() : undefined;
  if (lead) {
    // One facet row per entity and facet: the join keeps one row per entity.
    query
      .join(
        `${FACETS_TABLE} as lead`,
        'lead.entity_ref',
        'scorecards_entities.entity_ref',
      )
      .where('lead.facet', lead);
  }
  for (const facet of facets) {
    query.whereExists(
      db(FACETS_TABLE)
        .select(db.raw('1'))
        .where('facet', facet)
        .whereRaw('?? = ??', [
          `${FACETS_TABLE}.entity_ref`,
          'scorecards_entities.entity_ref',
        ]),
    );
  }
  return query;
}

/** Whether the filter is the facets' alone, so that their rows alone can be counted. */
function facetsAlone(filter: PortfolioFilter, scope?: EntityScope): boolean {
  return (
    !scope &&
    !filter.owner &&
    !filter.system &&
    !filter.tier &&
    !filter.grade &&
    facetsOf(filter).length > 0
  );
}

/**
 * The entities in every facet of the filter, read from the facet rows alone: an entity has facet
 * rows only while it has a latest release (they are deleted with that release, and rewritten
 * with the entity row), so counting them needs no lookup of the entity rows.
 */
function facetEntities(db: Knex, filter: PortfolioFilter): Knex.QueryBuilder {
  const [first, ...rest] = facetsOf(filter);
  const query = db(`${FACETS_TABLE} as lead`).where('lead.facet', first);
  for (const facet of rest) {
    query.whereExists(
      db(FACETS_TABLE)
        .select(db.raw('1'))
        .where('facet', facet)
        .whereRaw('?? = ??', [`${FACETS_TABLE}.entity_ref`, 'lead.entity_ref']),
    );
  }
  return query;
}

/**
 * The columns a page is sorted on. Led by a facet, its row's copies of the sort key and the ref
 * are the same values, and sorting on them walks the facet's index in page order.
 */
function sortColumns(query: PortfolioQuery): { sorted: string; ref: string } {
  const { column } = SORT_COLUMNS[query.sort];
  if (!ledByFacet(query)) {
    return {
      sorted: `scorecards_entities.${column}`,
      ref: 'scorecards_entities.entity_ref',
    };
  }
  const facetColumns: Record<string, string> = {
    entity_ref: 'lead.entity_ref',
    latest_score: 'lead.score',
    latest_release_id: 'lead.release_id',
  };
  return { sorted: facetColumns[column], ref: 'lead.entity_ref' };
}

/**
 * The overrides of the given releases, newest first, by release id: one query. A page is at most
 * 200 releases (the route's limit), within SQLite's bound-parameter limit.
 */
async function overridesOfReleases(
  db: Knex,
  releaseIds: number[],
): Promise<Map<number, GateOverride[]>> {
  const overrides = new Map<number, GateOverride[]>();
  if (releaseIds.length === 0) return overrides;
  const rows = await db('scorecards_overrides')
    .whereIn('release_id', releaseIds)
    .orderBy('id', 'desc');
  for (const row of rows) {
    const id = Number(row.release_id);
    overrides.set(id, [...(overrides.get(id) ?? []), toOverride(row)]);
  }
  return overrides;
}

/**
 * A page of the portfolio without its count: the page's entities, one more to know whether there
 * is a next page, then the overrides of their latest releases.
 */
export async function portfolioItems(
  db: Knex,
  query: PortfolioQuery,
  options: { now: Date; scope?: EntityScope },
): Promise<Omit<PortfolioPage, 'totalCount'>> {
  const page = portfolioEntities(db, query, options.scope);
  const { column, order } = SORT_COLUMNS[query.sort];
  const { sorted, ref } = sortColumns(query);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const op = order === 'asc' ? '>' : '<';
    // A row value, which both databases read as a range of the sort's index: the rows after
    // the cursor's (value, ref), without walking the page's predecessors.
    page.whereRaw(`(??, ??) ${op} (?, ?)`, [
      sorted,
      ref,
      after.value,
      after.ref,
    ]);
  }
  const rows = await page
    .orderBy([
      { column: sorted, order },
      { column: ref, order },
    ])
    .limit(query.limit + 1)
    .select('scorecards_entities.*');
  const more = rows.length > query.limit;
  const items: any[] = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const overrides = await overridesOfReleases(
    db,
    items.map(row => Number(row.latest_release_id)),
  );
  return {
    items: items.map(row =>
      toPortfolioItem(
        row,
        overrides.get(Number(row.latest_release_id)) ?? [],
        options.now,
      ),
    ),
    ...(more
      ? {
          nextCursor: encodeCursor({
            value: last[column],
            ref: last.entity_ref,
          }),
        }
      : {}),
  };
}

/**
 * The portfolio: each entity's latest release, filtered, sorted and paged by cursor, with its
 * gates after the overrides active at `now`, and the number of matching entities (counted while
 * the page is read). Filters read the policy's decisions.
 */
export async function portfolio(
  db: Knex,
  query: PortfolioQuery,
  options: { now: Date; scope?: EntityScope },
): Promise<PortfolioPage> {
  const [[{ total }], page] = await Promise.all([
    (facetsAlone(query, options.scope)
      ? facetEntities(db, query)
      : portfolioEntities(db, query, options.scope)
    ).count({ total: '*' }),
    portfolioItems(db, query, options),
  ]);
  return { totalCount: Number(total), ...page };
}

/** The refs of every matching entity, by ref, in one read. */
export async function portfolioRefs(
  db: Knex,
  filter: PortfolioFilter,
  scope?: EntityScope,
): Promise<string[]> {
  const rows = await portfolioEntities(db, filter, scope)
    .orderBy('scorecards_entities.entity_ref')
    .select('scorecards_entities.entity_ref');
  return rows.map((row: { entity_ref: string }) => row.entity_ref);
}

/**
 * Counts of the matching entities by grade and gate decision (no zeros), from the summary on the
 * entity rows: one read of the narrow table, grouped by grade and stored gate decisions (a few
 * distinct combinations), the decisions then counted per environment.
 */
export async function portfolioSummary(
  db: Knex,
  filter: PortfolioFilter,
  scope?: EntityScope,
): Promise<StoredPortfolioSummary> {
  const rows: Array<{
    grade: Grade | null;
    gates: string | null;
    n: string | number;
  }> = await portfolioEntities(db, filter, scope)
    .groupBy('latest_grade', 'latest_gates')
    .select('latest_grade as grade', 'latest_gates as gates')
    .count({ n: '*' });
  const grades = new Map<Grade, number>();
  const gates = new Map<string, StoredPortfolioSummary['gates'][number]>();
  for (const row of rows) {
    // PostgreSQL counts come back as strings, SQLite's as numbers.
    const n = Number(row.n);
    if (row.grade) grades.set(row.grade, (grades.get(row.grade) ?? 0) + n);
    const decisions: Record<string, GateDecision> = row.gates
      ? JSON.parse(row.gates)
      : {};
    for (const [environment, decision] of Object.entries(decisions)) {
      const key = `${environment}\n${decision}`;
      const entry = gates.get(key) ?? { environment, decision, count: 0 };
      entry.count += n;
      gates.set(key, entry);
    }
  }
  return {
    grades: [...grades].map(([grade, count]) => ({ grade, count })),
    gates: [...gates.values()],
  };
}
