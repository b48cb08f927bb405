import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_POLICY,
  evaluateScorecard,
  ReleaseEvidence,
} from '@waybill/plugin-scorecards-common';
import { createTestDatabases } from '@waybill/test-utils';
import { Knex } from 'knex';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { NewEvidence } from './types';

const databases = createTestDatabases();
jest.setTimeout(60_000);

const NOW = new Date('2026-11-24T12:00:00Z');
const migrations = `${__dirname}/../../migrations`;
const LATEST_RELEASE_INDEX = 'scorecards_entities_latest_release_idx';
const GATE_INDEXES = [
  'scorecards_gates_decision_idx',
  'scorecards_gates_decision_score_idx',
];

/** Tests of a release: all pass, or some fail (which fails both gates by the default policy). */
function upload(name: string, version: string, failed: number): NewEvidence {
  const entityRef = `component:default/${name}`;
  return {
    entityRef,
    version,
    kind: 'tests',
    format: 'junit',
    digest: `${name}-${version}`.padEnd(64, '0'),
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
    entity: {
      entityRef,
      title: name,
      owner: 'group:default/team-a',
      system: null,
      tier: name.startsWith('c') ? 'critical' : 'internal',
      businessProcesses: [],
    },
  };
}

/** The default policy's test check alone, so that a release's tests decide its gates. */
const POLICY = {
  checks: DEFAULT_POLICY.checks.filter(c => c.id === 'no-failing-tests'),
};

const evaluate = (evidence: ReleaseEvidence) =>
  evaluateScorecard({
    policy: POLICY,
    evidence,
    tier: 'critical',
    environments: ['staging', 'production'],
    now: NOW,
  });

async function indexNames(knex: Knex, table: string): Promise<string[]> {
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw(
      'select indexname from pg_indexes where tablename = ?',
      [table],
    );
    return rows.map((r: { indexname: string }) => r.indexname);
  }
  const rows = await knex.raw(`pragma index_list('${table}')`);
  return rows.map((r: { name: string }) => r.name);
}

describe.each(databases.eachSupportedId())(
  'portfolio reads on %s',
  databaseId => {
    async function storeWithReleases() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      // a: passes; b: failed then fixed; c1, c2: failing latest releases.
      for (const [name, version, failed] of [
        ['a', '1.0.0', 0],
        ['b', '1.0.0', 2],
        ['b', '1.1.0', 0],
        ['c1', '1.0.0', 0],
        ['c1', '2.0.0', 1],
        ['c2', '1.0.0', 3],
      ] as const) {
        await store.recordEvidence(
          upload(name, version, failed),
          evaluate,
          'p',
        );
      }
      return { knex, store };
    }

    it('counts grades and gate decisions of the latest releases only', async () => {
      const { store } = await storeWithReleases();
      const summary = await store.portfolioSummary({});
      const byDecision = Object.fromEntries(
        summary.gates.map(g => [`${g.environment}:${g.decision}`, g.count]),
      );
      expect(summary.grades.reduce((n, g) => n + g.count, 0)).toBe(4);
      expect(byDecision).toEqual({
        'staging:pass': 2,
        'staging:fail': 2,
        'production:pass': 2,
        'production:fail': 2,
      });
      const critical = await store.portfolioSummary({
        tier: 'critical',
        gate: { environment: 'production', decision: 'fail' },
      });
      expect(critical.gates).toEqual(
        expect.arrayContaining([
          { environment: 'production', decision: 'fail', count: 2 },
        ]),
      );
      expect(critical.grades.reduce((n, g) => n + g.count, 0)).toBe(2);
    });

    it('pages without counting, the same items and cursors as the counted pages', async () => {
      const { store } = await storeWithReleases();
      const query = { sort: '-name' as const, limit: 3 };
      const counted = await store.portfolio(query, { now: NOW });
      const page = await store.portfolioItems(query, { now: NOW });
      expect(counted.totalCount).toBe(4);
      expect(page).toEqual({
        items: counted.items,
        nextCursor: counted.nextCursor,
      });
      const next = await store.portfolioItems(
        { ...query, cursor: page.nextCursor },
        { now: NOW },
      );
      expect(next.items.map(i => i.entityRef)).toEqual(['component:default/a']);
      expect(next.nextCursor).toBeUndefined();
    });

    it("filters by gate decision through indexes, added and dropped (with the gate rows' scores) by their migration", async () => {
      const { knex, store } = await storeWithReleases();
      expect(await indexNames(knex, 'scorecards_gates')).toEqual(
        expect.arrayContaining(GATE_INDEXES),
      );
      const failing = await store.portfolio(
        {
          sort: 'name',
          limit: 10,
          gate: { environment: 'production', decision: 'fail' },
        },
        { now: NOW },
      );
      expect(failing.items.map(i => i.entityRef)).toEqual([
        'component:default/c1',
        'component:default/c2',
      ]);
      const scores = () =>
        knex('scorecards_gates as g')
          .join('scorecards_evaluations as v', 'v.release_id', 'g.release_id')
          .select('g.score as kept', 'v.score');
      expect((await scores()).every(r => r.kept === r.score)).toBe(true);

      expect(await indexNames(knex, 'scorecards_entities')).toContain(
        LATEST_RELEASE_INDEX,
      );

      // The portfolio_facets migration, then this one.
      await knex.migrate.down({ directory: migrations });
      await knex.migrate.down({ directory: migrations });
      expect(await indexNames(knex, 'scorecards_entities')).not.toContain(
        LATEST_RELEASE_INDEX,
      );
      const left = await indexNames(knex, 'scorecards_gates');
      expect(left.filter(name => GATE_INDEXES.includes(name))).toEqual([]);
      expect(await knex.schema.hasColumn('scorecards_gates', 'score')).toBe(
        false,
      );

      await knex.migrate.latest({ directory: migrations });
      expect(await indexNames(knex, 'scorecards_gates')).toEqual(
        expect.arrayContaining(GATE_INDEXES),
      );
      const backfilled = await scores();
      expect(backfilled).toHaveLength(12);
      expect(backfilled.every(r => r.kept === r.score)).toBe(true);
    });

    it.each(['score', '-score', 'updated', '-updated', '-name'] as const)(
      'pages a gate filter sorted by %s in the order of the unfiltered portfolio',
      async sort => {
        const { store } = await storeWithReleases();
        const gate = { environment: 'staging', decision: 'fail' } as const;
        const all = await store.portfolio({ sort, limit: 10 }, { now: NOW });
        const expected = all.items
          .filter(i => i.gates.staging === 'fail')
          .map(i => i.entityRef);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.portfolioItems(
            { sort, limit: 1, gate, cursor },
            { now: NOW },
          );
          seen.push(...page.items.map(i => i.entityRef));
          cursor = page.nextCursor;
        } while (cursor);
        expect(expected).toHaveLength(2);
        expect(seen).toEqual(expected);
      },
    );
  },
);
