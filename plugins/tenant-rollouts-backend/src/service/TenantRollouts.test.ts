import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '@waybill/test-utils';
import { newRollout } from '../__testUtils__/fixtures';
import { RolloutStore } from '../database/RolloutStore';
import { readTenantRolloutsConfig } from './config';
import { GateClient, ScorecardsGateClient } from './gate';
import { StrategyFileReader } from './strategyFile';
import { TenantRollouts } from './TenantRollouts';

const databases = createTestDatabases();
jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'TenantRollouts on %s',
  databaseId => {
    it('advances only once the wave has baked healthy, and auto-advance never overrides', async () => {
      const knex = await databases.init(databaseId);
      const store = await RolloutStore.create({
        database: mockServices.database({ knex }),
      });
      let now = new Date('2026-11-24T10:00:00Z');
      const gate: GateClient = {
        check: jest.fn(async () => ({
          passed: true,
          decision: 'pass' as const,
          message: 'ok',
        })),
      };
      const auditor = mockServices.auditor.mock();
      const rollouts = new TenantRollouts({
        store,
        catalog: catalogServiceMock(),
        auth: mockServices.auth(),
        gate,
        auditor,
        logger: mockServices.logger.mock(),
        config: readTenantRolloutsConfig(mockServices.rootConfig()),
        strategyFiles: new StrategyFileReader({
          urlReader: mockServices.urlReader.mock(),
          integrations: ScmIntegrations.fromConfig(mockServices.rootConfig()),
        }),
        now: () => now,
      });
      const rollout = newRollout();
      rollout.plan.waves[0].bakeMinutes = 60;
      rollout.plan.waves[1].healthThreshold = 0.5;
      const { id } = await store.createRollout(rollout);
      const actor = {
        caller: { type: 'user', subject: 'user:default/rm' },
      } as const;
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
      expect(await rollouts.autoAdvance()).toBe(0);

      now = new Date('2026-11-24T11:01:00Z');
      expect(await rollouts.autoAdvance()).toBe(1);
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
      expect(await rollouts.autoAdvance()).toBe(1);
      expect((await rollouts.get(id)).state).toBe('completed');
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'rollout-complete' }),
      );
    });
  },
);

describe('ScorecardsGateClient', () => {
  const client = (
    answer: () => Promise<Response>,
    whenAbsent: 'pass' | 'fail' = 'fail',
  ) => {
    const fetch = jest.fn(answer);
    return {
      fetch,
      gate: new ScorecardsGateClient({
        discovery: mockServices.discovery(),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        whenAbsent,
        fetch: fetch as unknown as typeof globalThis.fetch,
      }),
    };
  };

  it('asks the scorecards gate for the release and environment', async () => {
    const { fetch, gate } = client(
      async () =>
        new Response(
          JSON.stringify({
            decision: 'fail',
            reasons: [{ reason: 'line coverage 61% < 80%' }],
          }),
          { status: 200 },
        ),
    );
    expect(
      await gate.check('component:default/inventory', '4.2.0', 'production'),
    ).toEqual({
      passed: false,
      decision: 'fail',
      message:
        'The scorecards gate for component:default/inventory 4.2.0 in production is fail: line coverage 61% < 80%',
    });
    expect(fetch.mock.calls[0]).toEqual([
      expect.stringMatching(
        /\/api\/scorecards\/entities\/component\/default\/inventory\/releases\/4\.2\.0\/gates\/production$/,
      ),
      { headers: { authorization: expect.stringMatching(/^Bearer /) } },
    ]);
  });

  it('follows whenScorecardsAbsent when the plugin is not there', async () => {
    const notFound = async () => new Response('', { status: 404 });
    expect(
      (
        await client(notFound, 'pass').gate.check(
          'component:default/a',
          '1',
          'staging',
        )
      ).passed,
    ).toBe(true);
    expect(
      (
        await client(notFound, 'fail').gate.check(
          'component:default/a',
          '1',
          'staging',
        )
      ).passed,
    ).toBe(false);
    const down = async () => {
      throw new Error('ECONNREFUSED');
    };
    expect(
      await client(down, 'fail').gate.check(
        'component:default/a',
        '1',
        'staging',
      ),
    ).toMatchObject({ passed: false, decision: 'absent' });
  });
});
