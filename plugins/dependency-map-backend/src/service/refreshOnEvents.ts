import { LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { EventsService } from '@backstage/plugin-events-node';

/**
 * Rebuilds the graph when an events topic says the catalog changed, once per burst: the first
 * event arms a timer for `debounce` and the events that arrive before it fires ride along.
 * Does nothing without topics (the catalog in Backstage 1.55 publishes none for entity
 * changes; a catalog module or a later release can, and its topic goes in
 * `dependencyMap.refresh.eventTopics`).
 *
 * On several replicas with the events backend's bus, subscribers sharing an id share the
 * events, so one replica rebuilds at once and the others at their next scheduled refresh.
 */
export async function refreshOnEvents(options: {
  events: EventsService;
  topics: string[];
  debounce: HumanDuration;
  lifecycle: Pick<LifecycleService, 'addShutdownHook'>;
  logger: LoggerService;
  refresh: () => Promise<unknown>;
}): Promise<void> {
  const { events, topics, lifecycle, logger, refresh } = options;
  if (topics.length === 0) return;
  const delay = durationToMilliseconds(options.debounce);
  let timer: NodeJS.Timeout | undefined;
  lifecycle.addShutdownHook(() => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  });
  await events.subscribe({
    id: 'dependency-map-graph-refresh',
    topics,
    onEvent: async ({ topic }) => {
      if (timer) return;
      logger.debug(
        `Catalog change on ${topic}; rebuilding the dependency graph in ${delay} ms`,
      );
      timer = setTimeout(() => {
        timer = undefined;
        refresh().catch(() => {
          // Logged by the build; the next event or the schedule tries again.
        });
      }, delay);
      timer.unref?.();
    },
  });
  logger.info(
    `Rebuilding the dependency graph on events from ${topics.join(', ')}`,
  );
}
