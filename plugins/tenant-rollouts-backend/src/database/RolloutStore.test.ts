import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@waybill/test-utils';
import knexFactory, { Knex } from 'knex';
import { RolloutConflictError } from '../service/errors';
import { transition } from '@waybill/plugin-tenant-rollouts-common';
import { newRollout, wideRollout } from '../__testUtils__/fixtures';
import { RolloutStore } from './RolloutStore';

const databases = createTestDatabases();
jest.setTimeout(60_000);

/** What a request handler does: read, decide with the state machine, apply with the read version. */
async function advance(store: RolloutStore, id: number) {
  const record = (await store.getRollout(id))!;
  const next = transition(
    { ...record, waveCount: record.plan.waves.length },
    'advance',
  );
  if (!next.ok) throw new RolloutConflictError(next.message, { ...record });
  return store.applyTransition(id, {
    action: 'advance',
    expectedLockVersion: record.lockVersion,
    to: next,
    actor: 'user:default/rm',
  });
}

async function raceAdvances(stores: RolloutStore[], id: number, n: number) {
  const results = await Promise.allSettled(
    Array.from({ length: n }, (_, i) => advance(stores[i % stores.length], id)),
  );
  const rejected = results.filter(
    r => r.status === 'rejected',
  ) as PromiseRejectedResult[];
  for (const r of rejected)
    expect(r.reason).toBeInstanceOf(RolloutConflictError);
  return results.filter(r => r.status === 'fulfilled').length;
}

describe.each(databases.eachSupportedId())('RolloutStore on %s', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    const store = await RolloutStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it('creates a rollout with a pending status row per tenant, and lists it', async () => {
    const { store } = await createStore();
    const rollout = await store.createRollout(newRollout());
    expect(rollout).toMatchObject({
      state: 'planned',
      currentWave: 0,
      lockVersion: 0,
    });
    expect(await store.tenantStatuses(rollout.id)).toEqual([
      expect.objectContaining({
        tenantRef: 'resource:default/a',
        waveIndex: 0,
        status: 'pending',
      }),
      expect.objectContaining({
        tenantRef: 'resource:default/b',
        waveIndex: 1,
        status: 'pending',
      }),
      expect.objectContaining({
        tenantRef: 'resource:default/c',
        waveIndex: 1,
        status: 'pending',
      }),
    ]);
    expect(
      await store.listRollouts({ entityRef: 'component:default/inventory' }),
    ).toHaveLength(1);
    expect(await store.listRollouts({ states: ['running'] })).toHaveLength(0);
    expect(rollout.strategySource).toBeNull();
    const fromFile = await store.createRollout({
      ...newRollout(),
      strategySource: 'https://git.example.com/inventory/rollout.yaml',
    });
    expect((await store.getRollout(fromFile.id))?.strategySource).toBe(
      'https://git.example.com/inventory/rollout.yaml',
    );
  });

  it('applies a transition once per version and records it; a stale version is a conflict naming the state', async () => {
    const { store } = await createStore();
    const { id } = await store.createRollout(newRollout());
    const started = await store.applyTransition(id, {
      action: 'start',
      expectedLockVersion: 0,
      to: { state: 'running', currentWave: 0 },
      actor: 'user:default/rm',
    });
    expect(started).toMatchObject({ state: 'running', lockVersion: 1 });
    await expect(
      store.applyTransition(id, {
        action: 'pause',
        expectedLockVersion: 0,
        to: { state: 'paused', currentWave: 0 },
        actor: 'user:default/rm',
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'it is now running at wave 0 (version 1, expected 0)',
      ),
      rollout: { id, state: 'running', currentWave: 0, lockVersion: 1 },
    });
    expect(await store.events(id)).toEqual([
      expect.objectContaining({
        action: 'start',
        fromState: 'planned',
        toState: 'running',
        actor: 'user:default/rm',
      }),
    ]);
  });

  it('lets exactly one of 16 concurrent advances through', async () => {
    const { store } = await createStore();
    const { id } = await store.createRollout(newRollout());
    await store.applyTransition(id, {
      action: 'start',
      expectedLockVersion: 0,
      to: { state: 'running', currentWave: 0 },
      actor: 'x',
    });
    expect(await raceAdvances([store], id, 16)).toBe(1);
    expect(await store.getRollout(id)).toMatchObject({
      currentWave: 1,
      lockVersion: 2,
    });
    expect(
      (await store.events(id)).filter(e => e.action === 'advance'),
    ).toHaveLength(1);
  });

  it('records status reports per tenant and refuses tenants outside the rollout', async () => {
    const { store } = await createStore();
    const { id } = await store.createRollout(newRollout());
    await Promise.all([
      store.reportStatuses(id, [
        { tenantRef: 'resource:default/b', status: 'healthy' },
      ]),
      store.reportStatuses(id, [
        {
          tenantRef: 'resource:default/c',
          status: 'failed',
          detail: 'smoke test',
        },
      ]),
    ]);
    await expect(
      store.reportStatuses(id, [
        { tenantRef: 'resource:default/zz', status: 'healthy' },
      ]),
    ).rejects.toMatchObject({ name: 'InputError' });
    const statuses = await store.tenantStatuses(id);
    expect(statuses.map(s => s.status)).toEqual([
      'pending',
      'healthy',
      'failed',
    ]);
    expect(statuses[2].detail).toBe('smoke test');
  });

  it('writes a batch of 1,200 in chunks, the last report of a tenant winning, and names a stranger', async () => {
    const { store } = await createStore();
    const { id } = await store.createRollout(wideRollout(1200));
    const ref = (i: number) => `resource:default/t${i}`;
    const batch = Array.from({ length: 1200 }, (_, i) => ({
      tenantRef: ref(i),
      status: i % 3 === 0 ? ('failed' as const) : ('healthy' as const),
      detail: i % 3 === 0 ? 'probe 503' : undefined,
    }));
    batch.push({ tenantRef: ref(0), status: 'healthy', detail: undefined });
    const version = async () => (await store.getRolloutHead(id))!.statusVersion;
    expect(await version()).toBe(0);
    expect(await store.reportStatuses(id, batch)).toBe(1200);
    // Every report bumps the status version boards are kept by.
    expect(await version()).toBe(1);
    const statuses = new Map(
      (await store.tenantStatuses(id)).map(s => [s.tenantRef, s]),
    );
    expect(statuses.get(ref(0))).toMatchObject({
      status: 'healthy',
      detail: null,
    });
    expect(statuses.get(ref(3))).toMatchObject({
      status: 'failed',
      detail: 'probe 503',
    });
    expect(
      [...statuses.values()].filter(s => s.status === 'failed'),
    ).toHaveLength(399);

    await expect(
      store.reportStatuses(id, [
        { tenantRef: ref(1), status: 'degraded' },
        { tenantRef: 'resource:default/stranger', status: 'degraded' },
      ]),
    ).rejects.toThrow(
      `Tenant resource:default/stranger is not part of rollout ${id}`,
    );
    // Nothing of the refused batch was written, its version bump neither.
    expect(
      (await store.tenantStatuses(id)).find(s => s.tenantRef === ref(1))
        ?.status,
    ).toBe('healthy');
    expect(await version()).toBe(1);
    expect((await store.getPlan(id))?.tenants).toHaveLength(1200);
  });

  it('reads the statuses reported since a status version, of this rollout only', async () => {
    const { store } = await createStore();
    const { id } = await store.createRollout(wideRollout(600));
    const other = await store.createRollout(wideRollout(600));
    const ref = (i: number) => `resource:default/t${i}`;
    const report = (rollout: number, from: number, to: number) =>
      store.reportStatuses(
        rollout,
        Array.from({ length: to - from }, (_, i) => ({
          tenantRef: ref(from + i),
          status: 'healthy' as const,
        })),
      );
    expect(await store.tenantStatuses(id, 0)).toEqual([]);
    await report(id, 0, 550); // version 1: over one chunk of rows
    await report(other.id, 0, 600);
    await report(id, 500, 520); // version 2: some of version 1's again
    await report(id, 590, 600); // version 3
    const since = async (version: number) =>
      (await store.tenantStatuses(id, version)).map(s => s.tenantRef).sort();
    const refs = (...ranges: Array<[number, number]>) =>
      ranges
        .flatMap(([from, to]) =>
          Array.from({ length: to - from }, (_, i) => ref(from + i)),
        )
        .sort();
    expect(await since(3)).toEqual([]);
    expect(await since(2)).toEqual(refs([590, 600]));
    expect(await since(1)).toEqual(refs([500, 520], [590, 600]));
    expect(await since(0)).toEqual(refs([0, 550], [590, 600]));
    expect((await store.tenantStatuses(id, 2))[0]).toMatchObject({
      waveIndex: 0,
      status: 'healthy',
      detail: null,
    });
  });

  it('migrates down and up again', async () => {
    const { knex, store } = await createStore();
    const { id } = await store.createRollout(newRollout());
    await store.reportStatuses(id, [
      { tenantRef: 'resource:default/a', status: 'healthy' },
    ]);
    const dir = `${__dirname}/../../migrations`;
    await knex.migrate.down({ directory: dir });
    expect(
      await knex.schema.hasColumn('tenant_rollouts_tenants', 'status_version'),
    ).toBe(false);
    // The statuses stay.
    expect(
      await knex('tenant_rollouts_tenants')
        .where({ rollout_id: id })
        .orderBy('tenant_ref')
        .select('tenant_ref', 'status'),
    ).toEqual([
      { tenant_ref: 'resource:default/a', status: 'healthy' },
      { tenant_ref: 'resource:default/b', status: 'pending' },
      { tenant_ref: 'resource:default/c', status: 'pending' },
    ]);
    await knex.migrate.down({ directory: dir });
    expect(
      await knex.schema.hasColumn('tenant_rollouts', 'status_version'),
    ).toBe(false);
    await knex.migrate.down({ directory: dir });
    expect(
      await knex.schema.hasColumn('tenant_rollouts', 'alert_signature'),
    ).toBe(false);
    await knex.migrate.down({ directory: dir });
    expect(
      await knex.schema.hasColumn('tenant_rollouts', 'strategy_source'),
    ).toBe(false);
    await knex.migrate.rollback({ directory: dir }, true);
    expect(await knex.schema.hasTable('tenant_rollouts')).toBe(false);
    await knex.migrate.latest({ directory: dir });
    expect(await knex.schema.hasTable('tenant_rollouts_events')).toBe(true);
    for (const column of [
      'strategy_source',
      'alert_signature',
      'status_version',
    ]) {
      expect(await knex.schema.hasColumn('tenant_rollouts', column)).toBe(true);
    }
    expect(
      await knex.schema.hasColumn('tenant_rollouts_tenants', 'status_version'),
    ).toBe(true);
  });

  if (databaseId.startsWith('POSTGRES')) {
    it('lets exactly one advance through from two backend instances on one database', async () => {
      const { knex, store } = await createStore();
      const second: Knex = knexFactory({
        ...knex.client.config,
        pool: { min: 0, max: 8 },
      });
      try {
        const other = await RolloutStore.create({
          database: mockServices.database({ knex: second }),
        });
        const { id } = await store.createRollout(newRollout());
        await other.applyTransition(id, {
          action: 'start',
          expectedLockVersion: 0,
          to: { state: 'running', currentWave: 0 },
          actor: 'x',
        });
        expect(await raceAdvances([store, other], id, 16)).toBe(1);
        expect(await other.getRollout(id)).toMatchObject({
          state: 'running',
          currentWave: 1,
          lockVersion: 2,
        });
      } finally {
        await second.destroy();
      }
    });
  }
});
