import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_POLICY,
  evaluateScorecard,
  PORTFOLIO_SORTS,
  PortfolioFilter,
  PortfolioQuery,
  ReleaseEvidence,
} from '@waybill/plugin-scorecards-common';
import { createTestDatabases } from '@waybill/test-utils';
import { Knex } from 'knex';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { EntitySnapshot, NewEvidence, PortfolioItem } from './types';

const databases = createTestDatabases();
jest.setTimeout(60_000);

const NOW = new Date('2026-11-24T12:00:00Z');
const migrations = `${__dirname}/../../migrations`;
const FACETS = 'scorecards_portfolio_facets';
const GRADE_INDEXES = [
  'scorecards_entities_grade_name_idx',
  'scorecards_entities_grade_score_idx',
  'scorecards_entities_grade_updated_idx',
];
const OTC = 'domain:default/order-to-cash';
const P2P = 'domain:default/procure-to-pay';

function snapshot(
  name: string,
  businessProcesses: string[],
  owner = 'group:default/team-a',
): EntitySnapshot {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    owner,
    system: null,
    tier: 'critical',
    businessProcesses,
  };
}

/** Tests of a release: the more fail, the lower its score; any failure fails both gates. */
function upload(
  entity: EntitySnapshot,
  version: string,
  failed: number,
): NewEvidence {
  return {
    entityRef: entity.entityRef,
    version,
    kind: 'tests',
    format: 'junit',
    digest: `${entity.entityRef}-${version}`.padEnd(64, '0'),
    sizeBytes: 100,
    facts: {
      kind: 'tests',
      format: 'junit',
      total: 10,
      passed: 10 - failed,
      failed,
      errored: 0,
      skipped: 0,
      durationSeconds: 1,
      failingTests: [],
    },
    uploadedBy: 'ci',
    entity,
  };
}

/** Two checks, so that scores differ: the tests check and the coverage check (always missing). */
const POLICY = {
  checks: DEFAULT_POLICY.checks.filter(c =>
    ['no-failing-tests', 'coverage'].includes(c.id),
  ),
};

const evaluate = (evidence: ReleaseEvidence) =>
  evaluateScorecard({
    policy: POLICY,
    evidence,
    tier: 'critical',
    environments: ['staging', 'production'],
    now: NOW,
  });

/** Whether an item of the unfiltered portfolio matches a filter, as the filter means it. */
function matches(item: PortfolioItem, filter: PortfolioFilter): boolean {
  return (
    (!filter.owner || item.owner === filter.owner) &&
    (!filter.grade || item.grade === filter.grade) &&
    (!filter.businessProcess ||
      item.businessProcesses.includes(filter.businessProcess)) &&
    (!filter.gate ||
      item.gates[filter.gate.environment] === filter.gate.decision)
  );
}

async function facetRows(knex: Knex) {
  return knex(FACETS)
    .orderBy(['facet', 'entity_ref'])
    .select('facet', 'entity_ref', 'score', 'release_id');
}

describe.each(databases.eachSupportedId())(
  'portfolio facets on %s',
  databaseId => {
    async function storeWithReleases() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const releases: Array<[EntitySnapshot, string, number]> = [
        [snapshot('a', [OTC]), '1.0.0', 0],
        [snapshot('b', [OTC, P2P]), '1.0.0', 3],
        [snapshot('b', [OTC, P2P]), '1.1.0', 0],
        [snapshot('c', [P2P], 'group:default/team-b'), '1.0.0', 1],
        [snapshot('d', []), '1.0.0', 0],
        [snapshot('d', []), '2.0.0', 5],
        [snapshot('e', [OTC], 'group:default/team-b'), '1.0.0', 2],
        [snapshot('f', [OTC]), '1.0.0', 0],
      ];
      for (const [entity, version, failed] of releases) {
        await store.recordEvidence(
          upload(entity, version, failed),
          evaluate,
          'p',
        );
      }
      return { knex, store };
    }

    async function pagedOneByOne(
      store: DatabaseScorecardStore,
      query: Omit<PortfolioQuery, 'limit'>,
    ): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.portfolioItems(
          { ...query, limit: 1, cursor },
          { now: NOW },
        );
        seen.push(...page.items.map(i => i.entityRef));
        cursor = page.nextCursor;
        // A cursor that does not move on would page forever.
      } while (cursor && seen.length <= 6);
      return seen;
    }

    it('pages every filter combination in the order of the unfiltered portfolio, counted', async () => {
      const { store } = await storeWithReleases();
      const filters: PortfolioFilter[] = [
        { businessProcess: OTC },
        { businessProcess: P2P },
        { gate: { environment: 'production', decision: 'fail' } },
        { gate: { environment: 'staging', decision: 'pass' } },
        {
          businessProcess: OTC,
          gate: { environment: 'staging', decision: 'fail' },
        },
        { grade: 'A', gate: { environment: 'production', decision: 'pass' } },
        {
          owner: 'group:default/team-b',
          gate: { environment: 'production', decision: 'fail' },
        },
        { owner: 'group:default/team-a', businessProcess: OTC },
        { grade: 'A', businessProcess: OTC },
      ];
      let nonEmpty = 0;
      for (const sort of PORTFOLIO_SORTS) {
        const all = await store.portfolio({ sort, limit: 100 }, { now: NOW });
        expect(all.totalCount).toBe(6);
        for (const filter of filters) {
          const expected = all.items
            .filter(item => matches(item, filter))
            .map(item => item.entityRef);
          if (expected.length > 1) nonEmpty++;
          expect(await pagedOneByOne(store, { sort, ...filter })).toEqual(
            expected,
          );
          const counted = await store.portfolio(
            { sort, limit: 100, ...filter },
            { now: NOW },
          );
          expect(counted.totalCount).toBe(expected.length);
          expect(counted.items.map(i => i.entityRef)).toEqual(expected);
        }
      }
      // The data tells the orders apart: most combinations match several entities.
      expect(nonEmpty).toBeGreaterThan(PORTFOLIO_SORTS.length * 5);
    });

    it("keeps the facets to the latest release's gates and the entity's current processes", async () => {
      const { knex, store } = await storeWithReleases();
      const failing = {
        gate: { environment: 'production', decision: 'fail' },
      } as const;
      const refs = async (filter: PortfolioFilter) =>
        (await store.portfolioRefs(filter)).map(ref => ref.split('/')[1]);
      // b failed, then passed; d passed, then failed.
      expect(await refs(failing)).toEqual(['c', 'd', 'e']);
      expect(await refs({ businessProcess: P2P })).toEqual(['b', 'c']);

      await store.updateEntities([snapshot('b', [OTC]), snapshot('d', [P2P])]);
      expect(await refs({ businessProcess: P2P })).toEqual(['c', 'd']);
      await store.recordEvidence(
        upload(snapshot('d', [P2P]), '3.0.0', 0),
        evaluate,
        'p',
      );
      expect(await refs(failing)).toEqual(['c', 'e']);

      const d = await knex(FACETS)
        .where({ entity_ref: 'component:default/d' })
        .orderBy('facet')
        .select('facet', 'score', 'release_id');
      const row = await knex('scorecards_entities')
        .where({ entity_ref: 'component:default/d' })
        .first('latest_score', 'latest_release_id');
      expect(d).toEqual(
        ['gate:production:pass', 'gate:staging:pass', `process:${P2P}`].map(
          facet => ({
            facet,
            score: row.latest_score,
            release_id: row.latest_release_id,
          }),
        ),
      );
    });

    it('creates the facets from the entity rows, and drops them, in its migration', async () => {
      const { knex } = await storeWithReleases();
      const written = await facetRows(knex);
      expect(written.length).toBe(6 * 2 + 6);
      const names = async () => {
        if (knex.client.config.client === 'pg') {
          const { rows } = await knex.raw(
            "select indexname as name from pg_indexes where tablename = 'scorecards_entities'",
          );
          return rows.map((r: { name: string }) => r.name);
        }
        const rows = await knex.raw("pragma index_list('scorecards_entities')");
        return rows.map((r: { name: string }) => r.name);
      };
      expect(await names()).toEqual(expect.arrayContaining(GRADE_INDEXES));

      await knex.migrate.down({ directory: migrations });
      expect(await knex.schema.hasTable(FACETS)).toBe(false);
      expect(await names()).toContain('scorecards_entities_grade_idx');
      expect(await names()).not.toEqual(expect.arrayContaining(GRADE_INDEXES));

      await knex.migrate.latest({ directory: migrations });
      expect(await facetRows(knex)).toEqual(written);
      expect(await names()).not.toContain('scorecards_entities_grade_idx');
    });
  },
);
