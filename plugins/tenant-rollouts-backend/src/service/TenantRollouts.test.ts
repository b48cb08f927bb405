import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '@waybill/test-utils';
import { newRollout } from '../__testUtils__/fixtures';
import { RolloutStore } from '../database/RolloutStore';
import { readTenantRolloutsConfig } from './config';
import { autoAdvance } from './autoAdvance';
import { StrategyFileReader } from './strategyFile';
import { RolloutEvents } from './rolloutEvents';
import { TenantRollouts } from './TenantRollouts';

const databases = createTestDatabases();
jest.setTimeout(60_000);

/**
 * The service over a store on the test database, with a gate that passes every release and the
 * clock the test moves, and a rollout planned whose first wave bakes an hour and whose second
 * needs half its tenants healthy.
 */
async function serviceWithRollout(
  databaseId: Parameters<typeof databases.init>[0],
  now: () => Date,
) {
  const knex = await databases.init(databaseId);
  const store = await RolloutStore.create({
    database: mockServices.database({ knex }),
  });
  const check = jest.fn(
    async (entityRef: string, version: string, environment: string) => ({
      entityRef,
      version,
      environment,
      passed: true,
      decision: 'pass' as const,
      message: 'ok',
      reasons: [],
    }),
  );
  const rollouts = new TenantRollouts({
    store,
    catalog: catalogServiceMock(),
    auth: mockServices.auth(),
    gate: { check },
    logger: mockServices.logger.mock(),
    config: readTenantRolloutsConfig(mockServices.rootConfig()),
    strategyFiles: new StrategyFileReader({
      urlReader: mockServices.urlReader.mock(),
      integrations: ScmIntegrations.fromConfig(mockServices.rootConfig()),
    }),
    events: new RolloutEvents({
      store,
      signals: { publish: jest.fn() },
      notifications: { send: jest.fn() },
      logger: mockServices.logger.mock(),
    }),
    now,
  });
  const rollout = newRollout();
  rollout.plan.waves[0].bakeMinutes = 60;
  rollout.plan.waves[1].healthThreshold = 0.5;
  const { id } = await store.createRollout(rollout);
  return { store, check, rollouts, id };
}

describe.each(databases.eachSupportedId())(
  'TenantRollouts on %s',
  databaseId => {
    it('advances only once the wave has baked healthy, and auto-advance never overrides', async () => {
      let now = new Date('2026-11-24T10:00:00Z');
      const { store, rollouts, id } = await serviceWithRollout(
        databaseId,
        () => now,
      );
      const auditor = mockServices.auditor.mock();
      const actor = {
        caller: { type: 'user', subject: 'user:default/rm' },
      } as const;
      const logger = mockServices.logger.mock();
      const pass = () => autoAdvance({ rollouts, auditor, logger });
      await rollouts.act(id, 'start', actor);
      await store.reportStatuses(
        id,
        [{ tenantRef: 'resource:default/a', status: 'healthy' }],
        now,
      );

      now = new Date('2026-11-24T10:30:00Z');
      await expect(rollouts.act(id, 'advance', actor)).rejects.toMatchObject({
        blockers: [
          expect.objectContaining({
            kind: 'bake',
            message: expect.stringContaining('bakes for 60 minutes'),
          }),
        ],
      });
      expect(await pass()).toBe(0);

      now = new Date('2026-11-24T11:01:00Z');
      expect(await pass()).toBe(1);
      expect(await store.getRollout(id)).toMatchObject({
        state: 'running',
        currentWave: 1,
      });

      // The last wave: one of two healthy meets 0.5, so the scheduler completes it.
      await store.reportStatuses(
        id,
        [
          { tenantRef: 'resource:default/b', status: 'healthy' },
          { tenantRef: 'resource:default/c', status: 'failed' },
        ],
        now,
      );
      now = new Date('2026-11-24T11:02:00Z');
      // An action reads the statuses once, for its preconditions; it builds no board.
      const reads = jest.spyOn(store, 'tenantStatuses');
      expect(await pass()).toBe(1);
      expect(reads).toHaveBeenCalledTimes(1);
      expect((await rollouts.get(id)).state).toBe('completed');
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'rollout-complete' }),
      );
    });

    it("answers each board's next actions and their blockers on one gate call, reading the statuses only after a report", async () => {
      let now = new Date(0);
      const { store, check, rollouts, id } = await serviceWithRollout(
        databaseId,
        () => now,
      );
      // The store stamps a wave's pending statuses with the clock, so the test's time runs from it.
      const start = Date.now();
      const at = (minutes: number) => new Date(start + minutes * 60_000);
      now = at(0);
      const actor = {
        caller: { type: 'user', subject: 'user:default/rm' },
      } as const;
      const reads = jest.spyOn(store, 'tenantStatuses');
      // A board reads the statuses once after each report (a new status version), else never.
      const board = async (statusReads: 0 | 1) => {
        check.mockClear();
        reads.mockClear();
        const view = await rollouts.get(id);
        expect(check).toHaveBeenCalledTimes(view.gate ? 1 : 0);
        expect(reads).toHaveBeenCalledTimes(statusReads);
        return view;
      };
      const summary = (view: Awaited<ReturnType<typeof board>>) =>
        view.nextActions.map(a => [a.action, a.blockers.map(b => b.kind)]);

      expect(summary(await board(1))).toEqual([['start', []]]);
      check.mockClear();
      reads.mockClear();
      const trail = jest.spyOn(store, 'events');
      // The start answers the rollout's record after it, not a board: it asks the gate and reads
      // the statuses once, for its preconditions, and reads no trail.
      expect(await rollouts.act(id, 'start', actor)).toEqual({
        record: expect.objectContaining({
          id,
          state: 'running',
          currentWave: 0,
          lockVersion: 1,
        }),
        overridden: [],
      });
      expect(check).toHaveBeenCalledTimes(1);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(trail).not.toHaveBeenCalled();
      trail.mockRestore();
      await store.reportStatuses(
        id,
        [{ tenantRef: 'resource:default/a', status: 'healthy' }],
        now,
      );

      now = at(30);
      const baking = await board(1);
      expect(summary(baking)).toEqual([
        ['advance', ['bake']],
        ['pause', []],
        ['rollback', []],
      ]);
      expect(baking.nextActions[0].blockers[0]).toMatchObject({
        lastChangeAt: at(0).toISOString(),
        until: at(60).toISOString(),
      });

      now = at(61);
      expect((await board(0)).nextActions[0]).toEqual({
        action: 'advance',
        wave: { index: 1, name: 'rest' },
        ready: true,
        blockers: [],
      });
      await rollouts.act(id, 'advance', actor);
      await store.reportStatuses(
        id,
        [
          {
            tenantRef: 'resource:default/c',
            status: 'failed',
            detail: 'smoke test 503',
          },
        ],
        now,
      );
      const last = await board(1);
      expect(summary(last)).toEqual([
        ['pause', []],
        ['rollback', []],
        ['complete', ['health']],
      ]);
      expect(last.nextActions[2].blockers[0]).toMatchObject({
        message:
          'Wave 1 (rest) is 0 of 2 healthy; it needs 1 (50%); 1 failing: c',
        healthy: 0,
        total: 2,
        needed: 1,
        failing: 1,
        tenants: [
          {
            ref: 'resource:default/c',
            title: 'c',
            status: 'failed',
            detail: 'smoke test 503',
          },
        ],
      });

      await rollouts.act(id, 'pause', actor);
      expect(summary(await board(0))).toEqual([
        ['resume', []],
        ['rollback', []],
      ]);
      await rollouts.act(id, 'rollback', { ...actor }, { reason: 'c fails' });
      const done = await board(0);
      expect(done.nextActions).toEqual([]);
      expect(done.gate).toBeUndefined();
    });
  },
);
