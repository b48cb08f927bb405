import {
  coversVersion,
  effectiveGates,
  gateAdjustmentsOf,
  Grade,
  GRADES,
} from '@waybill/plugin-scorecards-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import {
  EntityScope,
  PortfolioFilter,
  PortfolioItem,
  PortfolioPage,
  PortfolioQuery,
  PortfolioSummary,
  StoredPortfolioSummary,
} from '../../database/types';
import { nowOf, scopeOf, ScorecardsDeps } from '../deps';

/**
 * Every grade and, per gated environment, every decision, zeros included; environments no longer
 * gated keep their stored decisions out of the charts.
 */
function completeSummary(
  stored: StoredPortfolioSummary,
  environments: string[],
): PortfolioSummary {
  const grades = Object.fromEntries(GRADES.map(grade => [grade, 0])) as Record<
    Grade,
    number
  >;
  for (const { grade, count } of stored.grades) grades[grade] = count;
  const gates: PortfolioSummary['gates'] = Object.fromEntries(
    environments.map(env => [env, { pass: 0, warn: 0, fail: 0 }]),
  );
  for (const { environment, decision, count } of stored.gates) {
    if (gates[environment]) gates[environment][decision] = count;
  }
  return {
    totalCount: Object.values(grades).reduce((sum, n) => sum + n, 0),
    grades,
    gates,
  };
}

/**
 * The portfolio: each entity's latest release. Given a reader's CatalogReadAccess, it shows only
 * the entities the reader may read in the catalog (not listed, not counted).
 */
export class Portfolio {
  constructor(private readonly deps: ScorecardsDeps) {}

  /**
   * Each entity's latest release, filtered, sorted and paged, its gates also after active
   * waivers and overrides.
   */
  async page(
    query: PortfolioQuery,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<PortfolioPage> {
    const { store } = this.deps;
    const now = nowOf(this.deps);
    const page = await store.portfolio(query, {
      now,
      scope: await this.scope(query, access, now),
    });
    return { ...page, items: await this.withWaivers(page.items, now) };
  }

  /**
   * The items whose latest release an active waiver covers, with their effective gates read
   * again with the reasons of their evaluations: one query for the page's waivers, and one per
   * waived release (few; the stored summary holds decisions without reasons).
   */
  private async withWaivers(
    items: PortfolioItem[],
    now: Date,
  ): Promise<PortfolioItem[]> {
    if (items.length === 0) return items;
    const { store } = this.deps;
    const waivers = await store.listWaivers(
      {
        entityRefs: items.map(i => i.entityRef),
        status: 'active',
        limit: Number.MAX_SAFE_INTEGER,
      },
      now,
    );
    return Promise.all(
      items.map(async item => {
        const covering = waivers.filter(
          w =>
            w.entityRef === item.entityRef &&
            coversVersion(w.versionRange, item.version),
        );
        if (covering.length === 0) return item;
        const state = await store.getGateState(item);
        if (!state) return item;
        const gates = effectiveGates(
          { version: item.version, ...state, waivers: covering },
          now,
        );
        return {
          ...item,
          effectiveGates: Object.fromEntries(
            gates.map(g => [g.environment, g.decision]),
          ),
          gateAdjustments: gateAdjustmentsOf(gates),
        };
      }),
    );
  }

  /**
   * How the entities matching a filter spread over grades and, per gated environment, over gate
   * decisions: the portfolio's charts. Every grade and decision is present, zeros included.
   */
  async summary(
    filter: PortfolioFilter,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<PortfolioSummary> {
    const { store, config } = this.deps;
    const stored = await store.portfolioSummary(
      filter,
      await this.scope(filter, access, nowOf(this.deps)),
    );
    return completeSummary(stored, config.environments);
  }

  /**
   * Every entity of the portfolio that matches a filter, in the query's order, one page at a
   * time (the API's largest page by default), for exports.
   */
  async *pages(
    query: Omit<PortfolioQuery, 'limit' | 'cursor'>,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
    pageSize = 200,
  ): AsyncGenerator<PortfolioItem[]> {
    const { store } = this.deps;
    // One moment for the whole export: every page reads the overrides active when it started.
    const now = nowOf(this.deps);
    const scope = await this.scope(query, access, now);
    let cursor: string | undefined;
    do {
      // Without a count per page: counting every match on every page grows with the square.
      const page = await store.portfolioItems(
        { ...query, limit: pageSize, cursor },
        { now, scope },
      );
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** The refs of every entity that matches a filter, by name: one store read. */
  async refs(
    filter: PortfolioFilter,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<string[]> {
    const { store } = this.deps;
    return store.portfolioRefs(
      filter,
      await this.scope(filter, access, nowOf(this.deps)),
    );
  }

  /**
   * The entities a portfolio read is limited to: those the reader may read and, with the
   * `waived` filter, those whose latest release an active waiver covers (undefined: every one).
   */
  private async scope(
    filter: PortfolioFilter,
    access: CatalogReadAccess,
    now: Date,
  ): Promise<EntityScope | undefined> {
    const { store } = this.deps;
    const readable = await scopeOf(store, access);
    if (!filter.waived) return readable;
    const waivers = await store.listWaivers(
      {
        entityRefs: readable,
        status: 'active',
        limit: Number.MAX_SAFE_INTEGER,
      },
      now,
    );
    const candidates = [...new Set(waivers.map(w => w.entityRef))];
    if (candidates.length === 0) return [];
    // Active waivers are few: read their entities' latest versions in one page.
    const latest = await store.portfolio(
      { sort: 'name', limit: candidates.length },
      { now, scope: candidates },
    );
    return latest.items
      .filter(item =>
        waivers.some(
          w =>
            w.entityRef === item.entityRef &&
            coversVersion(w.versionRange, item.version),
        ),
      )
      .map(item => item.entityRef);
  }
}
