import { mockServices } from '@backstage/backend-test-utils';
import { createHash } from 'node:crypto';
import {
  DEFAULT_POLICY,
  DependencyFacts,
  evaluateScorecard,
  ReleaseEvidence,
  TestFacts,
} from '@waybill/plugin-scorecards-common';
import { createTestDatabases } from '@waybill/test-utils';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { NewEvidence } from './types';
import { Knex } from 'knex';

const databases = createTestDatabases();

/** PostgreSQL counts come back as strings, SQLite's as numbers. */
async function countRows(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}
jest.setTimeout(60_000);

/** When the portfolio is read: its overrides are active or not at this moment. */
const NOW = new Date('2026-11-24T12:00:00Z');

const tests = (failed: number): TestFacts => ({
  kind: 'tests',
  format: 'junit',
  total: 10,
  passed: 10 - failed,
  failed,
  errored: 0,
  skipped: 0,
  durationSeconds: 1.5,
  failingTests: [],
});

const upload = (overrides: Partial<NewEvidence> = {}): NewEvidence => ({
  entityRef: 'component:default/inventory',
  version: '4.2.0',
  kind: 'tests',
  format: 'junit',
  digest: 'a'.repeat(64),
  sizeBytes: 1200,
  facts: tests(0),
  uploadedBy: 'ci-pipelines',
  entity: {
    entityRef: overrides.entityRef ?? 'component:default/inventory',
    title: 'Inventory',
    owner: 'group:default/warehouse-systems',
    system: 'system:default/erp-core',
    tier: 'critical',
    businessProcesses: [
      'domain:default/inventory-allocation',
      'domain:default/procure-to-pay',
    ],
  },
  ...overrides,
});

const evaluate = (evidence: ReleaseEvidence) =>
  evaluateScorecard({
    policy: DEFAULT_POLICY,
    evidence,
    tier: 'critical',
    environments: ['staging', 'production'],
    now: new Date('2026-11-23T12:00:00Z'),
  });

/** What the portfolio lists under a business process, by name. */
const inBusinessProcess = async (
  store: DatabaseScorecardStore,
  businessProcess: string,
) =>
  (
    await store.portfolio(
      { businessProcess, sort: 'name', limit: 100 },
      { now: NOW },
    )
  ).items;

const migrations = `${__dirname}/../../migrations`;

/** Migrates down, one migration at a time, until `name` has been undone. */
async function migrateDownThrough(knex: Knex, name: string): Promise<void> {
  for (;;) {
    const [completed] = await knex.migrate.list({ directory: migrations });
    const names = completed.map((m: { name: string }) => m.name);
    if (!names.includes(name)) return;
    await knex.migrate.down({ directory: migrations });
  }
}

describe.each(databases.eachSupportedId())(
  'DatabaseScorecardStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    it('stores evidence with the evaluation it leads to, and the same file twice only once', async () => {
      const { knex, store } = await createStore();
      const first = await store.recordEvidence(upload(), evaluate, 'policy-1');
      const again = await store.recordEvidence(upload(), evaluate, 'policy-1');

      expect(first.duplicate).toBe(false);
      expect(again).toMatchObject({
        duplicate: true,
        evidenceId: first.evidenceId,
      });
      expect(await countRows(knex, 'scorecards_evidence')).toBe(1);

      const release = await store.getRelease({
        entityRef: 'component:default/inventory',
        version: '4.2.0',
      });
      expect(release?.evidence.map(e => e.kind)).toEqual(['tests']);
      expect(
        release?.evaluation?.checks.find(c => c.id === 'no-failing-tests')
          ?.status,
      ).toBe('pass');
      expect(
        await knex('scorecards_gates').where({ release_id: release!.id }),
      ).toHaveLength(2);
    });

    it('uses the latest upload of each kind as the current evidence', async () => {
      const { store } = await createStore();
      await store.recordEvidence(upload({ facts: tests(0) }), evaluate, 'p');
      const later = await store.recordEvidence(
        upload({ digest: 'b'.repeat(64), facts: tests(3) }),
        evaluate,
        'p',
      );
      const release = await store.getRelease({
        entityRef: 'component:default/inventory',
        version: '4.2.0',
      });
      expect(release?.evidence).toHaveLength(1);
      expect((release?.evidence[0].facts as TestFacts).failed).toBe(3);
      expect(
        later.evaluation.gates.find(g => g.environment === 'production')
          ?.decision,
      ).toBe('fail');
    });

    it('writes nothing when evaluation fails midway', async () => {
      const { knex, store } = await createStore();
      await expect(
        store.recordEvidence(
          upload(),
          () => {
            throw new Error('policy exploded');
          },
          'p',
        ),
      ).rejects.toThrow('policy exploded');
      expect(await countRows(knex, 'scorecards_releases')).toBe(0);
      expect(await countRows(knex, 'scorecards_evidence')).toBe(0);
    });

    it('stores each of many concurrent uploads exactly once, and the last evaluation sees them all', async () => {
      const { knex, store } = await createStore();
      const uploads = Array.from({ length: 40 }, (_, i) =>
        upload({ digest: i.toString(16).padStart(64, '0'), facts: tests(0) }),
      );
      const coverage = upload({
        kind: 'coverage',
        format: 'lcov',
        digest: 'c'.repeat(64),
        facts: {
          kind: 'coverage',
          format: 'lcov',
          lineRate: 0.9,
          branchRate: 0.8,
          linesCovered: 90,
          linesValid: 100,
          branchesCovered: 8,
          branchesValid: 10,
        },
      });
      // Every upload twice, all at once.
      const results = await Promise.all(
        [...uploads, coverage, ...uploads, coverage].map(u =>
          store.recordEvidence(u, evaluate, 'p'),
        ),
      );
      expect(results.filter(r => !r.duplicate)).toHaveLength(41);
      expect(await countRows(knex, 'scorecards_evidence')).toBe(41);
      expect(await countRows(knex, 'scorecards_releases')).toBe(1);

      const release = await store.getRelease({
        entityRef: 'component:default/inventory',
        version: '4.2.0',
      });
      const statusOf = (id: string) =>
        release?.evaluation?.checks.find(c => c.id === id)?.status;
      expect(statusOf('no-failing-tests')).toBe('pass');
      expect(statusOf('line-coverage')).toBe('pass');
    });

    it('lists an entity’s releases newest first with their scores', async () => {
      const { store } = await createStore();
      await store.recordEvidence(upload({ version: '4.1.0' }), evaluate, 'p');
      await store.recordEvidence(upload({ version: '4.2.0' }), evaluate, 'p');
      const history = await store.listReleases('component:default/inventory', {
        limit: 10,
        now: new Date(),
      });
      expect(history.map(r => r.version)).toEqual(['4.2.0', '4.1.0']);
      expect(typeof history[0].score).toBe('number');
    });

    it('lists each release’s gates after the overrides active then, in two queries', async () => {
      const { knex, store } = await createStore();
      const entityRef = 'component:default/inventory';
      const failing = await store.recordEvidence(
        upload({ version: '4.1.0', facts: tests(3) }),
        evaluate,
        'p',
      );
      const later = await store.recordEvidence(
        upload({ version: '4.2.0', digest: 'b'.repeat(64) }),
        evaluate,
        'p',
      );
      // A release heard of but not evaluated yet has no gates.
      await knex('scorecards_releases').insert({
        entity_ref: entityRef,
        version: '4.3.0',
        created_at: new Date('2099-01-01T00:00:00Z'),
      });
      const key = { entityRef, version: '4.1.0' };
      const override = (environment: string, expiresAt: string) =>
        store.addOverride(key, {
          environment,
          reason: 'Hotfix for the EDI outage; drill booked for Monday',
          actor: 'user:default/guest',
          expiresAt,
        });
      await override('production', '2099-11-30T00:00:00.000Z');
      const revoked = await override('staging', '2099-11-30T00:00:00.000Z');
      await store.revokeOverride(key, {
        environment: 'staging',
        overrideId: revoked.id,
        actor: 'user:default/manager',
        reason: 'Fixed in 4.2.0',
        at: new Date(),
      });
      await store.addOverride(
        { entityRef, version: '4.2.0' },
        {
          environment: 'staging',
          reason: 'Expired before the history was read',
          actor: 'user:default/guest',
          expiresAt: '2026-12-01T00:00:00.000Z',
        },
      );

      const queries: string[] = [];
      const count = (q: { sql: string }) => queries.push(q.sql);
      knex.on('query', count);
      const history = await store.listReleases(entityRef, {
        limit: 10,
        now: new Date('2027-01-01T00:00:00Z'),
      });
      knex.off('query', count);
      expect(queries).toHaveLength(2);

      const policy = (evaluation: typeof failing.evaluation, env: string) =>
        evaluation.gates.find(g => g.environment === env)!.decision;
      expect(policy(failing.evaluation, 'production')).toBe('fail');
      expect(policy(failing.evaluation, 'staging')).not.toBe('pass');
      expect(policy(later.evaluation, 'staging')).not.toBe('pass');
      expect(history.map(({ version, gates }) => ({ version, gates }))).toEqual(
        [
          { version: '4.3.0', gates: [] },
          {
            version: '4.2.0',
            gates: later.evaluation.gates.map(g => ({
              environment: g.environment,
              decision: g.decision,
              policyDecision: g.decision,
            })),
          },
          {
            version: '4.1.0',
            gates: [
              {
                environment: 'staging',
                decision: policy(failing.evaluation, 'staging'),
                policyDecision: policy(failing.evaluation, 'staging'),
              },
              {
                environment: 'production',
                decision: 'pass',
                policyDecision: 'fail',
              },
            ],
          },
        ],
      );
      expect(history[0]).toMatchObject({ score: null, grade: null });
    });

    it('records overrides on known releases only', async () => {
      const { store } = await createStore();
      await store.recordEvidence(upload(), evaluate, 'p');
      const key = {
        entityRef: 'component:default/inventory',
        version: '4.2.0',
      };
      const override = await store.addOverride(key, {
        environment: 'production',
        reason: 'Hotfix for the EDI outage; drill booked for Monday',
        actor: 'user:default/guest',
        expiresAt: '2026-11-30T00:00:00.000Z',
      });
      expect(override.expiresAt).toBe('2026-11-30T00:00:00.000Z');
      expect((await store.getRelease(key))?.overrides).toEqual([override]);
      await expect(
        store.addOverride({ ...key, version: '9.9.9' }, override),
      ).rejects.toThrow(/No release 9.9.9/);
    });

    it('revokes an active override once, keeping it on record', async () => {
      const { store } = await createStore();
      const key = {
        entityRef: 'component:default/inventory',
        version: '4.2.0',
      };
      await store.recordEvidence(upload(), evaluate, 'p');
      const override = await store.addOverride(key, {
        environment: 'production',
        reason: 'Hotfix for the EDI outage; drill booked for Monday',
        actor: 'user:default/guest',
        expiresAt: '2099-11-30T00:00:00.000Z',
      });
      const revocation = {
        environment: 'production',
        overrideId: override.id,
        actor: 'user:default/manager',
        reason: 'Fixed in 4.2.1',
        at: new Date('2026-11-24T08:00:00.000Z'),
      };
      const revoked = await store.revokeOverride(key, revocation);
      expect(revoked).toEqual({
        ...override,
        revokedAt: '2026-11-24T08:00:00.000Z',
        revokedBy: 'user:default/manager',
        revokeReason: 'Fixed in 4.2.1',
      });
      expect((await store.getGateState(key))?.overrides).toEqual([revoked]);
      await expect(store.revokeOverride(key, revocation)).rejects.toThrow(
        /already revoked by user:default\/manager/,
      );
      await expect(
        store.revokeOverride(key, { ...revocation, environment: 'staging' }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      const expired = await store.addOverride(key, {
        ...override,
        expiresAt: '2026-11-01T00:00:00.000Z',
      });
      await expect(
        store.revokeOverride(key, { ...revocation, overrideId: expired.id }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it("answers the portfolio's gates after the overrides active at the time asked, in one more query", async () => {
      const { knex, store } = await createStore();
      const release = (name: string, version: string) => ({
        entityRef: `component:default/${name}`,
        version,
      });
      for (const name of ['billing', 'inventory', 'picking']) {
        const entityRef = `component:default/${name}`;
        for (const version of ['1.0.0', '1.1.0']) {
          await store.recordEvidence(
            upload({
              entityRef,
              version,
              entity: { ...upload().entity, entityRef, title: name },
              facts: tests(2),
            }),
            evaluate,
            'p',
          );
        }
      }
      const override = {
        reason: 'Hotfix for the EDI outage; drill booked for Monday',
        actor: 'user:default/guest',
      };
      // inventory: production let through until the 30th; staging's override expired on the 20th.
      await store.addOverride(release('inventory', '1.1.0'), {
        ...override,
        environment: 'production',
        expiresAt: '2026-11-30T00:00:00.000Z',
      });
      await store.addOverride(release('inventory', '1.1.0'), {
        ...override,
        environment: 'staging',
        expiresAt: '2026-11-20T00:00:00.000Z',
      });
      // billing: production let through, then revoked.
      const revoked = await store.addOverride(release('billing', '1.1.0'), {
        ...override,
        environment: 'production',
        expiresAt: '2026-11-30T00:00:00.000Z',
      });
      await store.revokeOverride(release('billing', '1.1.0'), {
        environment: 'production',
        overrideId: revoked.id,
        actor: 'user:default/manager',
        reason: 'Not needed after all',
        at: new Date('2026-11-23T00:00:00.000Z'),
      });
      // picking: only an older release is let through, not the latest the portfolio shows.
      await store.addOverride(release('picking', '1.0.0'), {
        ...override,
        environment: 'production',
        expiresAt: '2026-11-30T00:00:00.000Z',
      });

      const queries: string[] = [];
      const onQuery = (query: { sql: string }) => queries.push(query.sql);
      knex.on('query', onQuery);
      const page = await store.portfolio(
        { sort: 'name', limit: 10 },
        { now: NOW },
      );
      knex.off('query', onQuery);
      const gatesOf = (items: typeof page.items) =>
        Object.fromEntries(
          items.map(i => [
            i.entityRef.replace('component:default/', ''),
            { gates: i.gates, effectiveGates: i.effectiveGates },
          ]),
        );
      const fail = { staging: 'fail', production: 'fail' };
      expect(gatesOf(page.items)).toEqual({
        billing: { gates: fail, effectiveGates: fail },
        inventory: {
          gates: fail,
          effectiveGates: { staging: 'fail', production: 'pass' },
        },
        picking: { gates: fail, effectiveGates: fail },
      });
      expect(queries).toHaveLength(3);
      expect(
        queries.filter(sql => sql.includes('scorecards_overrides')),
      ).toHaveLength(1);

      // Once the override expires, the gate answers from the policy again.
      const later = await store.portfolio(
        { sort: 'name', limit: 10 },
        { now: new Date('2026-11-30T00:00:00.000Z') },
      );
      expect(later.items.map(i => i.effectiveGates)).toEqual([
        fail,
        fail,
        fail,
      ]);

      // The gate filter and the summary keep reading the policy's decisions.
      const blocked = await store.portfolio(
        {
          gate: { environment: 'production', decision: 'fail' },
          sort: 'name',
          limit: 10,
        },
        { now: NOW },
      );
      expect(blocked.totalCount).toBe(3);
      expect(
        (await store.portfolioSummary({})).gates.find(
          g => g.environment === 'production' && g.decision === 'fail',
        )?.count,
      ).toBe(3);
    });

    it('finds the newest release built from a commit, and the digest of its artifact', async () => {
      const { store } = await createStore();
      const digest = `sha256:${'0a'.repeat(32)}`;
      await store.recordEvidence(
        upload({ version: '4.2.0', commit: 'c1', artifactDigest: digest }),
        evaluate,
        'p',
      );
      await store.recordEvidence(
        upload({ version: '4.2.1', commit: 'c2' }),
        evaluate,
        'p',
      );
      expect(
        await store.findReleaseByCommit('component:default/inventory', 'c1'),
      ).toEqual({ entityRef: 'component:default/inventory', version: '4.2.0' });
      expect(
        await store.findReleaseByCommit('component:default/inventory', 'c3'),
      ).toBeUndefined();
      expect(
        await store.findReleaseByCommit('component:default/pricing', 'c1'),
      ).toBeUndefined();
      const release = await store.getRelease({
        entityRef: 'component:default/inventory',
        version: '4.2.0',
      });
      expect(release?.artifactDigest).toBe(digest);
    });

    it('finds the dependency facts of the release created before, not the one before in semver', async () => {
      const { knex, store } = await createStore();
      const inventory = 'component:default/inventory';
      /** Dependency facts listing one component, so each upload is told apart. */
      const sbom = (component: string): DependencyFacts => ({
        kind: 'dependencies',
        format: 'cyclonedx',
        specVersion: '1.6',
        componentCount: 1,
        vulnerabilitiesBySeverity: {
          critical: 0,
          high: 0,
          medium: 0,
          low: 0,
          info: 0,
        },
        worst: [],
        components: [component],
        componentsTruncated: false,
        vulnerabilities: [],
        diff: null,
      });
      const dependencies = (
        version: string,
        component: string,
        entityRef = inventory,
      ) =>
        store.recordEvidence(
          upload({
            entityRef,
            version,
            kind: 'dependencies',
            format: 'cyclonedx',
            digest: createHash('sha256').update(component).digest('hex'),
            facts: sbom(component),
          }),
          evaluate,
          'p',
        );
      // Stored in this order, so their ids grow in it.
      await dependencies('4.1.0', 'pkg:npm/old@1.0.0');
      await dependencies('4.1.0', 'pkg:npm/express@4.19.2');
      await dependencies('4.0.1', 'pkg:npm/express@4.18.3');
      await dependencies('3.9.0', 'pkg:npm/express@4.18.2');
      await store.recordEvidence(upload({ version: '4.2.0' }), evaluate, 'p');
      await dependencies(
        '9.9.9',
        'pkg:npm/other@1.0.0',
        'component:default/pricing',
      );
      // Created in another order: 3.9.0, 4.1.0, the 4.0.1 hotfix, then 4.2.0 (tests only).
      const created = (version: string, at: string) =>
        knex('scorecards_releases')
          .where({ entity_ref: inventory, version })
          .update({ created_at: new Date(at) });
      await created('3.9.0', '2026-11-01T10:00:00Z');
      await created('4.1.0', '2026-11-02T10:00:00Z');
      await created('4.0.1', '2026-11-03T10:00:00Z');
      await created('4.2.0', '2026-11-04T10:00:00Z');

      const previous = (version: string) =>
        store.findPreviousDependencies({ entityRef: inventory, version });
      // A new release compares with the latest created that has an SBOM, as last uploaded.
      expect(await previous('4.3.0')).toEqual({
        version: '4.0.1',
        facts: sbom('pkg:npm/express@4.18.3'),
      });
      expect(await previous('4.2.0')).toEqual(await previous('4.3.0'));
      // A stored release compares with the latest created before it.
      expect(await previous('4.0.1')).toEqual({
        version: '4.1.0',
        facts: sbom('pkg:npm/express@4.19.2'),
      });
      expect((await previous('4.1.0'))?.version).toBe('3.9.0');
      expect(await previous('3.9.0')).toBeUndefined();
      expect(
        await store.findPreviousDependencies({
          entityRef: 'component:default/shipping',
          version: '1.0.0',
        }),
      ).toBeUndefined();

      // Of releases created at the same instant, the one stored first came first.
      await created('3.9.0', '2026-11-02T10:00:00Z');
      expect(await previous('4.1.0')).toBeUndefined();
      expect((await previous('3.9.0'))?.version).toBe('4.1.0');
    });

    it('records a GitHub delivery once, across replicas', async () => {
      const { store } = await createStore();
      expect(await store.isDeliveryHandled('d-1')).toBe(false);
      await store.markDeliveryHandled('d-1', NOW);
      expect(await store.isDeliveryHandled('d-1')).toBe(true);
      await expect(store.markDeliveryHandled('d-1', NOW)).rejects.toThrow();
    });

    it('adds and drops the artifact digest and the GitHub deliveries when migrating up and down', async () => {
      const { knex } = await createStore();
      await migrateDownThrough(knex, '20261215090000_gate_enforcement.js');
      expect(
        await knex.schema.hasColumn('scorecards_releases', 'artifact_digest'),
      ).toBe(false);
      expect(await knex.schema.hasTable('scorecards_github_deliveries')).toBe(
        false,
      );
      await knex.migrate.latest({ directory: migrations });
      expect(
        await knex.schema.hasColumn('scorecards_releases', 'artifact_digest'),
      ).toBe(true);
      expect(await knex.schema.hasTable('scorecards_github_deliveries')).toBe(
        true,
      );
    });

    it('adds and drops the revocation columns when migrating up and down', async () => {
      const { knex } = await createStore();
      await migrateDownThrough(knex, '20261212090000_override_revocation.js');
      expect(
        await knex.schema.hasColumn('scorecards_overrides', 'revoked_at'),
      ).toBe(false);
      await knex.migrate.latest({ directory: migrations });
      for (const column of ['revoked_at', 'revoked_by', 'revoke_reason']) {
        expect(
          await knex.schema.hasColumn('scorecards_overrides', column),
        ).toBe(true);
      }
    });

    it('stores delivery events once and lists them by entity and window', async () => {
      const { store } = await createStore();
      const event = {
        id: 'evt-1',
        source: 'ci',
        type: 'deployment' as const,
        entityRef: 'component:default/inventory',
        environment: 'production',
        occurredAt: '2026-11-20T10:00:00.000Z',
        version: '4.2.0',
      };
      expect(
        await store.recordDeliveryEvents([
          event,
          { ...event, id: 'evt-2', occurredAt: '2026-11-22T10:00:00.000Z' },
        ]),
      ).toEqual({ stored: 2, duplicates: 0 });
      expect(await store.recordDeliveryEvents([event])).toEqual({
        stored: 0,
        duplicates: 1,
      });
      const listed = await store.listDeliveryEvents({
        entityRefs: ['component:default/inventory'],
        from: new Date('2026-11-21T00:00:00Z'),
        to: new Date('2026-11-23T00:00:00Z'),
      });
      expect(listed.map(e => e.id)).toEqual(['evt-2']);
    });

    it('pages the portfolio by cursor with filters, sort and a total count', async () => {
      const { store } = await createStore();
      const owners = [
        'group:default/warehouse-systems',
        'group:default/order-management',
      ];
      for (let i = 0; i < 25; i++) {
        const entityRef = `component:default/service-${String(i).padStart(
          2,
          '0',
        )}`;
        const entity = {
          entityRef,
          title: `Service ${i}`,
          owner: owners[i % 2],
          system: 'system:default/erp-core',
          tier: 'critical' as const,
          businessProcesses:
            i % 3 === 0
              ? ['domain:default/order-to-cash']
              : ['domain:default/procure-to-pay'],
        };
        await store.recordEvidence(
          upload({
            entityRef,
            entity,
            version: '1.0.0',
            facts: tests(i % 5 === 0 ? 1 : 0),
          }),
          evaluate,
          'p',
        );
        // A second release: the portfolio shows only the latest one.
        await store.recordEvidence(
          upload({
            entityRef,
            entity,
            version: '1.1.0',
            digest: 'b'.repeat(64),
            facts: tests(i % 5 === 0 ? 1 : 0),
          }),
          evaluate,
          'p',
        );
      }

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.portfolio(
          {
            owner: 'group:default/warehouse-systems',
            sort: '-name',
            limit: 4,
            cursor,
          },
          { now: NOW },
        );
        expect(page.totalCount).toBe(13);
        seen.push(...page.items.map(item => item.entityRef));
        expect(page.items.every(item => item.version === '1.1.0')).toBe(true);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(13);
      expect(seen).toEqual([...seen].sort().reverse());

      const orderToCash = await inBusinessProcess(
        store,
        'domain:default/order-to-cash',
      );
      expect(orderToCash.map(i => i.entityRef)).toEqual([
        'component:default/service-00',
        'component:default/service-03',
        'component:default/service-06',
        'component:default/service-09',
        'component:default/service-12',
        'component:default/service-15',
        'component:default/service-18',
        'component:default/service-21',
        'component:default/service-24',
      ]);

      const failing = await store.portfolio(
        {
          gate: { environment: 'staging', decision: 'fail' },
          sort: 'score',
          limit: 100,
        },
        { now: NOW },
      );
      expect(failing.items.map(i => i.entityRef)).toEqual(
        expect.arrayContaining([
          'component:default/service-00',
          'component:default/service-05',
        ]),
      );
      expect(failing.items.every(i => i.gates.staging === 'fail')).toBe(true);
      expect(failing.items[0].failingChecks.map(c => c.id)).toContain(
        'no-failing-tests',
      );

      await expect(
        store.portfolio(
          { sort: 'name', limit: 5, cursor: 'garbage' },
          { now: NOW },
        ),
      ).rejects.toThrow(/cursor/);

      // The summary counts what the pages list.
      const filter = { owner: 'group:default/warehouse-systems' };
      const { items } = await store.portfolio(
        {
          ...filter,
          sort: 'name',
          limit: 100,
        },
        { now: NOW },
      );
      const tally = (keys: string[]) =>
        [...new Set(keys)].sort().map(key => ({
          key,
          count: keys.filter(k => k === key).length,
        }));
      const summary = await store.portfolioSummary(filter);
      expect(
        summary.grades
          .map(g => ({ key: g.grade, count: g.count }))
          .sort((a, b) => a.key.localeCompare(b.key)),
      ).toEqual(tally(items.map(i => i.grade)));
      expect(
        summary.gates
          .map(g => ({ key: `${g.environment}:${g.decision}`, count: g.count }))
          .sort((a, b) => a.key.localeCompare(b.key)),
      ).toEqual(
        tally(
          items.flatMap(i =>
            Object.entries(i.gates).map(([env, d]) => `${env}:${d}`),
          ),
        ),
      );
      expect(summary.gates.some(g => g.decision === 'fail')).toBe(true);

      // Limited to a scope (the entities a reader may read), filters, pages, the total and the
      // summary all count only the entities in it.
      const scope = Array.from(
        { length: 9 },
        (_, i) => `component:default/service-${String(i * 3).padStart(2, '0')}`,
      );
      const scoped: string[] = [];
      cursor = undefined;
      do {
        const page = await store.portfolio(
          { ...filter, sort: 'name', limit: 2, cursor },
          { now: NOW, scope },
        );
        expect(page.totalCount).toBe(5);
        scoped.push(...page.items.map(item => item.entityRef));
        cursor = page.nextCursor;
      } while (cursor);
      expect(scoped).toEqual(
        items.map(i => i.entityRef).filter(ref => scope.includes(ref)),
      );
      const scopedSummary = await store.portfolioSummary(filter, scope);
      expect(scopedSummary.grades.reduce((n, g) => n + g.count, 0)).toBe(5);
      expect(
        (
          await store.portfolio(
            { sort: 'name', limit: 100 },
            { now: NOW, scope: [] },
          )
        ).totalCount,
      ).toBe(0);
    });

    it('re-evaluates releases scored with another policy, a batch per transaction', async () => {
      const { knex, store } = await createStore();
      await store.recordEvidence(
        upload({ version: '4.1.0' }),
        evaluate,
        'old-policy',
      );
      await store.recordEvidence(
        upload({ version: '4.2.0', facts: tests(2) }),
        evaluate,
        'old-policy',
      );
      const stale = await store.listStaleReleases('new-policy', 10);
      expect(stale.map(r => r.entityRef)).toEqual([
        'component:default/inventory',
        'component:default/inventory',
      ]);
      expect(stale.every(r => r.tier === 'critical')).toBe(true);

      const seen: number[] = [];
      const count = await store.reevaluate(
        stale,
        (_release, evidence) => {
          seen.push(evidence.tests?.failed ?? -1);
          return evaluate(evidence);
        },
        'new-policy',
      );
      expect(count).toBe(2);
      expect(seen.sort()).toEqual([0, 2]);
      expect(await store.listStaleReleases('new-policy', 10)).toEqual([]);
      expect(await countRows(knex, 'scorecards_gates')).toBe(4);
    });

    it('keeps the portfolio on the latest release through re-evaluations and late uploads', async () => {
      const { store } = await createStore();
      await store.recordEvidence(upload({ version: '4.1.0' }), evaluate, 'p1');
      await store.recordEvidence(
        upload({ version: '4.2.0', facts: tests(2) }),
        evaluate,
        'p1',
      );
      const portfolioItem = async () =>
        (await store.portfolio({ sort: 'name', limit: 10 }, { now: NOW }))
          .items;

      const [before] = await portfolioItem();
      expect(before).toMatchObject({ version: '4.2.0', grade: 'F' });
      expect(before.gates).toEqual({ staging: 'fail', production: 'fail' });
      expect(before.failingChecks.map(c => c.id)).toContain('no-failing-tests');

      // Evidence for an older release re-scores that release, not the portfolio's row.
      await store.recordEvidence(
        upload({ version: '4.1.0', digest: 'c'.repeat(64), facts: tests(5) }),
        evaluate,
        'p1',
      );
      expect(await portfolioItem()).toEqual([before]);

      // A re-evaluation of the latest release shows on the portfolio in the same transaction.
      await store.reevaluate(
        await store.listStaleReleases('p2', 10),
        (_release, evidence) => ({
          ...evaluate(evidence),
          score: 97,
          grade: 'A',
          gates: [
            { environment: 'staging', decision: 'pass', reasons: [] },
            { environment: 'production', decision: 'warn', reasons: [] },
          ],
        }),
        'p2',
      );
      const [after] = await portfolioItem();
      expect(after).toMatchObject({
        version: '4.2.0',
        score: 97,
        grade: 'A',
        gates: { staging: 'pass', production: 'warn' },
      });
      expect(
        (
          await store.portfolio(
            {
              gate: { environment: 'production', decision: 'warn' },
              grade: 'A',
              sort: '-score',
              limit: 10,
            },
            { now: NOW },
          )
        ).totalCount,
      ).toBe(1);
    });

    it('fills the portfolio summary of releases scored before it existed when migrating up', async () => {
      const { knex, store } = await createStore();
      for (const [i, name] of ['billing', 'inventory', 'picking'].entries()) {
        const entityRef = `component:default/${name}`;
        await store.recordEvidence(
          upload({
            entityRef,
            entity: { ...upload().entity, entityRef, title: name },
            facts: tests(i),
          }),
          evaluate,
          'p',
        );
      }
      const query = { sort: '-score' as const, limit: 10 };
      const before = await store.portfolio(query, { now: NOW });

      // Down to before portfolio_summary, and up again.
      await migrateDownThrough(knex, '20261124090000_portfolio_summary.js');
      expect(
        await knex.schema.hasColumn('scorecards_entities', 'latest_score'),
      ).toBe(false);
      await knex.migrate.latest({ directory: migrations });
      expect(await store.portfolio(query, { now: NOW })).toEqual(before);
    });

    it('converts stored business process names to Domain refs when migrating up, and back down', async () => {
      const { knex, store } = await createStore();
      await store.recordEvidence(
        upload({
          entityRef: 'component:logistics/picking',
          entity: {
            ...upload().entity,
            entityRef: 'component:logistics/picking',
            businessProcesses: [
              'domain:logistics/order-to-cash',
              'domain:default/procure-to-pay',
            ],
          },
        }),
        evaluate,
        'p',
      );
      const stored = async () =>
        (
          await knex('scorecards_entities')
            .where({ entity_ref: 'component:logistics/picking' })
            .first('business_processes')
        ).business_processes;
      await migrateDownThrough(knex, '20261204050000_business_process_refs.js');
      expect(await stored()).toBe(
        ',order-to-cash,domain:default/procure-to-pay,',
      );
      await knex.migrate.latest({ directory: migrations });
      expect(await stored()).toBe(
        ',domain:logistics/order-to-cash,domain:default/procure-to-pay,',
      );
      const picking = await inBusinessProcess(
        store,
        'domain:logistics/order-to-cash',
      );
      expect(picking.map(i => i.entityRef)).toEqual([
        'component:logistics/picking',
      ]);
      expect(picking[0].businessProcesses).toEqual([
        'domain:logistics/order-to-cash',
        'domain:default/procure-to-pay',
      ]);
    });

    it('migrates down and up again', async () => {
      const { knex } = await createStore();
      await knex.migrate.rollback({ directory: migrations }, true);
      expect(await knex.schema.hasTable('scorecards_releases')).toBe(false);
      await knex.migrate.latest({ directory: migrations });
      expect(await knex.schema.hasTable('scorecards_delivery_events')).toBe(
        true,
      );
    });
  },
);
