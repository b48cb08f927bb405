import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import searchModule, {
  DEFAULT_SCHEDULE,
  WaybillReleaseCollatorFactory,
  WaybillRolloutCollatorFactory,
} from '.';

/** Starts the module alone, with `config`; answers what it registered and on which schedules. */
async function register(config: object = {}) {
  const collators: RegisterCollatorParameters[] = [];
  const runners = new Map<object, unknown>();
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: schedule => {
      const runner = { run: jest.fn() };
      runners.set(runner, schedule);
      return runner;
    },
  });
  await startTestBackend({
    extensionPoints: [
      [
        searchIndexRegistryExtensionPoint,
        { addCollator: options => collators.push(options) },
      ],
    ],
    features: [
      searchModule,
      scheduler.factory,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return collators.map(({ factory, schedule }) => ({
    factory,
    schedule: runners.get(schedule),
  }));
}

describe('the waybill search module', () => {
  it('registers the release and rollout collators, visible to those who may read the entity', async () => {
    const [releases, rollouts] = await register();
    expect(releases.factory).toBeInstanceOf(WaybillReleaseCollatorFactory);
    expect(rollouts.factory).toBeInstanceOf(WaybillRolloutCollatorFactory);
    expect(releases.factory.type).toBe('waybill-release');
    expect(rollouts.factory.type).toBe('waybill-rollout');
    for (const { factory } of [releases, rollouts]) {
      expect(factory.visibilityPermission).toBe(catalogEntityReadPermission);
    }
  });

  it('indexes every 10 minutes by default', async () => {
    const collators = await register();
    expect(collators.map(c => c.schedule)).toEqual([
      DEFAULT_SCHEDULE,
      DEFAULT_SCHEDULE,
    ]);
    expect(DEFAULT_SCHEDULE.frequency).toEqual({ minutes: 10 });
  });

  it('reads the schedule from search.collators.waybill.schedule', async () => {
    const collators = await register({
      search: {
        collators: {
          waybill: {
            schedule: {
              frequency: { minutes: 2 },
              timeout: { minutes: 1 },
              scope: 'local',
            },
          },
        },
      },
    });
    for (const { schedule } of collators) {
      expect(schedule).toEqual({
        frequency: { minutes: 2 },
        timeout: { minutes: 1 },
        initialDelay: undefined,
        scope: 'local',
      });
    }
  });

  it('refuses to start on a schedule without a timeout', async () => {
    await expect(
      register({
        search: {
          collators: { waybill: { schedule: { frequency: { minutes: 2 } } } },
        },
      }),
    ).rejects.toThrow(/timeout/);
  });
});
