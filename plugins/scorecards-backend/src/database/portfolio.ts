import { InputError } from '@backstage/errors';
import {
  effectiveGates,
  gateAdjustmentsOf,
  GateDecision,
  Grade,
} from '@waybill/plugin-scorecards-common';
import { toIso, whereRefIn } from '@waybill/plugin-waybill-node';
import { Knex } from 'knex';
import { businessProcessesOfRow, whereBusinessProcess } from './entities';
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

/**
 * The entities with releases (of the scope, if given) that match the portfolio filters. The
 * latest release's summary lives on the entity row (see the portfolio_summary migration), so
 * filters, counts, sorts and pages all read this one narrow table through its indexes.
 */
function portfolioEntities(
  db: Knex,
  filter: PortfolioFilter,
  scope?: EntityScope,
): Knex.QueryBuilder {
  const query = db('scorecards_entities').whereNotNull('latest_release_id');
  if (scope) whereRefIn(query, 'entity_ref', scope);
  if (filter.owner) query.where('owner', filter.owner);
  if (filter.system) query.where('system', filter.system);
  if (filter.tier) query.where('tier', filter.tier);
  if (filter.grade) query.where('latest_grade', filter.grade);
  if (filter.businessProcess) {
    whereBusinessProcess(query, filter.businessProcess);
  }
  if (filter.gate) {
    // One gate row per release and environment: the join keeps one row per entity.
    const { environment, decision } = filter.gate;
    query
      .join(
        'scorecards_gates as g',
        'g.release_id',
        'scorecards_entities.latest_release_id',
      )
      .where({ 'g.environment': environment, 'g.decision': decision });
  }
  return query;
}

/**
 * The column a page is sorted on. With a gate filter, the gate row's copy of the score (or its
 * release id) is the same value, and sorting on it walks the gate index in page order: failing
 * releases score low, so walking the entities by score to find them would read most of them.
 */
function sortColumn(query: PortfolioQuery): string {
  const { column } = SORT_COLUMNS[query.sort];
  if (query.gate && column === 'latest_score') return 'g.score';
  if (query.gate && column === 'latest_release_id') return 'g.release_id';
  return `scorecards_entities.${column}`;
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
  const sorted = sortColumn(query);
  const ref = 'scorecards_entities.entity_ref';
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const op = order === 'asc' ? '>' : '<';
    page.where(q =>
      q
        .where(sorted, op, after.value)
        .orWhere(q2 => q2.where(sorted, after.value).where(ref, op, after.ref)),
    );
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
    portfolioEntities(db, query, options.scope).count({ total: '*' }),
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
