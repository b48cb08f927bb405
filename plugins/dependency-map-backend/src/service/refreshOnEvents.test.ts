import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { changedEntityRefs, refreshOnEvents } from './refreshOnEvents';

describe('changedEntityRefs', () => {
  it('reads entityRefs or entityRef, normalized', () => {
    expect(
      changedEntityRefs({ entityRefs: ['Component:default/A', 'api:b'] }),
    ).toEqual(['component:default/a', 'api:default/b']);
    expect(changedEntityRefs({ entityRef: 'resource:x/db' })).toEqual([
      'resource:x/db',
    ]);
  });

  it.each([
    ['no payload', undefined],
    ['no refs', {}],
    ['an empty list', { entityRefs: [] }],
    ['a ref that is not a string', { entityRefs: ['component:a', 7] }],
    ['a ref without a kind', { entityRefs: ['a'] }],
    ['a list that is not a list', { entityRefs: 'component:a' }],
  ])('names nothing for %s, so the graph is rebuilt', (_, payload) => {
    expect(changedEntityRefs(payload)).toBeUndefined();
  });
});

describe('refreshOnEvents', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function setUp(topics: string[]) {
    const logger = mockServices.logger.mock();
    const events = DefaultEventsService.create({ logger }).forPlugin(
      'dependency-map',
    );
    const refresh = jest.fn(async () => undefined);
    const patch = jest.fn(async (_refs: string[]) => undefined);
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
      patch,
    });
    return { events, refresh, patch, shutdownHooks };
  }

  it('patches at once for the entities an event names, without rebuilding', async () => {
    const { events, refresh, patch } = await setUp(['catalog.entity-change']);
    await events.publish({
      topic: 'catalog.entity-change',
      eventPayload: { entityRefs: ['component:default/svc-1'] },
    });
    await events.publish({
      topic: 'catalog.entity-change',
      eventPayload: { entityRef: 'api:default/orders' },
    });
    expect(patch.mock.calls).toEqual([
      [['component:default/svc-1']],
      [['api:default/orders']],
    ]);
    jest.advanceTimersByTime(60_000);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('rebuilds once per burst of events that name no entity, after the debounce', async () => {
    const { events, refresh, patch } = await setUp(['catalog.entity-change']);
    for (let i = 0; i < 5; i++) {
      await events.publish({
        topic: 'catalog.entity-change',
        eventPayload: i % 2 ? {} : { entityRefs: [`svc-${i}`] },
      });
    }
    await events.publish({ topic: 'something-else', eventPayload: {} });
    expect(refresh).not.toHaveBeenCalled();
    jest.advanceTimersByTime(10_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(patch).not.toHaveBeenCalled();

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

    const { events, refresh, patch, shutdownHooks } = await setUp([
      'catalog.changes',
    ]);
    await events.publish({ topic: 'catalog.changes', eventPayload: {} });
    shutdownHooks.forEach(hook => hook());
    await events.publish({
      topic: 'catalog.changes',
      eventPayload: { entityRef: 'component:default/a' },
    });
    jest.advanceTimersByTime(60_000);
    expect(refresh).not.toHaveBeenCalled();
    expect(patch).not.toHaveBeenCalled();
  });
});
