import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TENANT_STATUSES } from '@waybill/plugin-tenant-rollouts-common';
import { ConfigReader } from '@backstage/config';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { createTestDatabases } from '@waybill/test-utils';
import { wideRollout } from '../__testUtils__/fixtures';
import { seededPick } from '../__testUtils__/seeded';
import { RolloutStore } from '../database/RolloutStore';
import { readTenantRolloutsConfig } from './config';
import { RolloutBoard } from './rolloutBoard';
import { RolloutPlans } from './rolloutPlans';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const gate = {
  check: async (entityRef: string, version: string, environment: string) => ({
    entityRef,
    version,
    environment,
    passed: true,
    decision: 'pass' as const,
    message: 'ok',
    reasons: [],
  }),
};

/** A board over `store`, as one replica of the backend keeps it. */
const replica = (store: RolloutStore) =>
  new RolloutBoard({
    store,
    plans: new RolloutPlans({
      store,
      config: readTenantRolloutsConfig(new ConfigReader({})),
    }),
    gate,
    now: () => new Date(),
  });

describe.each(databases.eachSupportedId())('RolloutBoard on %s', databaseId => {
  it("answers another replica's status report on its next read, and pages 2,000 tenants", async () => {
    const knex = await databases.init(databaseId);
    const store = await RolloutStore.create({
      database: mockServices.database({ knex }),
    });
    const { id } = await store.createRollout(wideRollout(2000));
    await knex('tenant_rollouts')
      .where({ id })
      .update({ state: 'running', current_wave: 0 });
    const [one, other] = [replica(store), replica(store)];
    const read = () => one.get(id, CatalogReadAccess.unrestricted, {});
    const before = await read();
    expect(before.waves[0].counts).toMatchObject({ pending: 2000 });
    expect(before.tenants).toMatchObject({ total: 2000, limit: 100 });
    expect(before.tenants.items).toHaveLength(100);
    // Read again unchanged: the same board.
    expect((await read()).waves).toEqual(before.waves);

    // The other replica takes a report (as the status route does, on the same database).
    await store.reportStatuses(
      id,
      Array.from({ length: 1500 }, (_, i) => ({
        tenantRef: `resource:default/t${i}`,
        status: i < 1400 ? ('healthy' as const) : ('failed' as const),
        detail: i < 1400 ? undefined : 'boom',
      })),
    );
    const after = await read();
    expect(after.waves[0]).toMatchObject({
      healthy: 1400,
      counts: { pending: 500, healthy: 1400, failed: 100 },
    });
    expect(after.analysis).toMatchObject({ settled: 1500, failed: 100 });
    // The blocker of completing the wave counts its 100 failing tenants and lists 20.
    const [complete] = after.nextActions.filter(a => a.action === 'complete');
    expect(complete.blockers[0]).toMatchObject({
      kind: 'health',
      failing: 100,
      unlisted: 80,
      tenants: Array.from({ length: 20 }, (_, i) => ({
        ref: `resource:default/t${1400 + i}`,
        status: 'failed',
      })),
    });
    expect(await other.get(id, CatalogReadAccess.unrestricted, {})).toEqual({
      ...after,
      evaluatedAt: expect.any(String),
    });
    const failed = await one.get(id, CatalogReadAccess.unrestricted, {
      status: 'failed',
      offset: 40,
      limit: 500,
    });
    expect(failed.tenants).toMatchObject({ total: 100, offset: 40 });
    expect(failed.tenants.items.map(t => t.ref)).toEqual(
      Array.from({ length: 60 }, (_, i) => `resource:default/t${1440 + i}`),
    );
    expect(failed.tenants.items[0]).toMatchObject({
      wave: 0,
      status: 'failed',
      detail: 'boom',
      freeze: { frozen: false },
    });
  });

  it('keeps its board across reports made elsewhere and answers what a board computed from scratch answers', async () => {
    const knex = await databases.init(databaseId);
    const store = await RolloutStore.create({
      database: mockServices.database({ knex }),
    });
    const { id } = await store.createRollout(wideRollout(300));
    await knex('tenant_rollouts')
      .where({ id })
      .update({ state: 'running', current_wave: 0 });
    // A reader who may read the tenants whose number is not a multiple of 4.
    const readable = (ref: string) => Number(ref.split('/t')[1]) % 4 !== 0;
    const restricted = await CatalogReadAccess.forCredentials(
      mockCredentials.user(),
      {
        permissions: {
          authorizeConditional: async () => [
            { result: AuthorizeResult.CONDITIONAL },
          ],
        } as any,
        catalog: {
          getEntitiesByRefs: async ({
            entityRefs,
          }: {
            entityRefs: string[];
          }) => ({
            items: entityRefs.map(ref => (readable(ref) ? { ref } : undefined)),
          }),
        } as any,
      },
    );
    const kept = replica(store);
    const pick = seededPick(17);
    const refs = Array.from(
      { length: 300 },
      (_, i) => `resource:default/t${i}`,
    );
    for (let round = 0; round < 12; round++) {
      await store.reportStatuses(
        id,
        Array.from({ length: 1 + (round % 4) * 20 }, () => ({
          tenantRef: pick(refs),
          status: pick(TENANT_STATUSES),
          detail: pick([undefined, 'boom']),
        })),
      );
      for (const access of [CatalogReadAccess.unrestricted, restricted]) {
        const query = { status: pick([undefined, 'failed' as const]) };
        expect(await kept.get(id, access, query)).toEqual({
          ...(await replica(store).get(id, access, query)),
          evaluatedAt: expect.any(String),
        });
      }
    }
    const board = await kept.get(id, restricted, {});
    expect(board.tenants.total).toBe(225);
    expect(board.analysis.settled).toBeGreaterThan(0);
  });
});
