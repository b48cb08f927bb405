import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { refreshOnEvents } from './refreshOnEvents';

describe('refreshOnEvents', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function setUp(topics: string[]) {
    const logger = mockServices.logger.mock();
    const events = DefaultEventsService.create({ logger }).forPlugin(
      'dependency-map',
    );
    const refresh = jest.fn(async () => undefined);
    const shutdownHooks: Array<() => void> = [];
    await refreshOnEvents({
      events,
      topics,
      debounce: { seconds: 10 },
      lifecycle: {
        addShutdownHook: hook => shutdownHooks.push(hook as () => void),
      },
      logger,
      refresh,
    });
    return { events, refresh, shutdownHooks };
  }

  it('rebuilds once per burst of change events, after the debounce', async () => {
    const { events, refresh } = await setUp(['catalog.entity-change']);
    for (let i = 0; i < 5; i++) {
      await events.publish({
        topic: 'catalog.entity-change',
        eventPayload: { entityRef: `component:default/svc-${i}` },
      });
    }
    await events.publish({ topic: 'something-else', eventPayload: {} });
    expect(refresh).not.toHaveBeenCalled();
    jest.advanceTimersByTime(10_000);
    expect(refresh).toHaveBeenCalledTimes(1);

    await events.publish({ topic: 'catalog.entity-change', eventPayload: {} });
    jest.advanceTimersByTime(10_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('subscribes to nothing without topics, and drops a pending rebuild on shutdown', async () => {
    const idle = await setUp([]);
    await idle.events.publish({
      topic: 'catalog.entity-change',
      eventPayload: {},
    });
    jest.advanceTimersByTime(60_000);
    expect(idle.refresh).not.toHaveBeenCalled();

    const { events, refresh, shutdownHooks } = await setUp(['catalog.changes']);
    await events.publish({ topic: 'catalog.changes', eventPayload: {} });
    shutdownHooks.forEach(hook => hook());
    jest.advanceTimersByTime(60_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
