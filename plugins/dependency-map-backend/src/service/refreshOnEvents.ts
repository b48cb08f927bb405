import { LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { EventsService } from '@backstage/plugin-events-node';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The entities a change event names, in `eventPayload.entityRefs` (strings) or
 * `eventPayload.entityRef` (one string), normalized; undefined when it names none, or when any
 * of them is not an entity ref: the event then cannot say what changed, so the whole graph is
 * rebuilt (a patch that skipped an entity would serve a stale graph until the next schedule).
 */
export function changedEntityRefs(payload: unknown): string[] | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { entityRefs, entityRef } = payload as Record<string, unknown>;
  let named = entityRefs;
  if (named === undefined && entityRef !== undefined) named = [entityRef];
  if (!Array.isArray(named) || named.length === 0) return undefined;
  try {
    return named.map(ref => {
      if (typeof ref !== 'string') throw new TypeError('not a string');
      return stringifyEntityRef(parseEntityRef(ref));
    });
  } catch {
    return undefined;
  }
}

/**
 * Follows catalog changes that an events topic announces. An event naming the entities that
 * changed (`entityRefs` or `entityRef` in its payload) patches the graph for them at once (the
 * graph runs one patch at a time and folds the refs that arrive meanwhile into the next). An
 * event that names none rebuilds the graph, once per burst: the first such event arms a timer
 * for `debounce` and the ones that arrive before it fires ride along. Does nothing without
 * topics (the catalog in Backstage 1.55 publishes none for entity changes; a catalog module or
 * a later release can, and its topic goes in `dependencyMap.refresh.eventTopics`).
 *
 * On several replicas with the events backend's bus, subscribers sharing an id share the
 * events, so one replica follows at once and the others at their next scheduled refresh.
 */
export async function refreshOnEvents(options: {
  events: EventsService;
  topics: string[];
  debounce: HumanDuration;
  lifecycle: Pick<LifecycleService, 'addShutdownHook'>;
  logger: LoggerService;
  refresh: () => Promise<unknown>;
  patch: (entityRefs: string[]) => Promise<unknown>;
}): Promise<void> {
  const { events, topics, lifecycle, logger, refresh, patch } = options;
  if (topics.length === 0) return;
  const delay = durationToMilliseconds(options.debounce);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  lifecycle.addShutdownHook(() => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
  });
  // Failures are logged by the graph; the next event or the schedule tries again.
  const ignore = () => undefined;
  await events.subscribe({
    id: 'dependency-map-graph-refresh',
    topics,
    onEvent: async ({ topic, eventPayload }) => {
      if (stopped) return;
      const refs = changedEntityRefs(eventPayload);
      if (refs) {
        logger.debug(
          `Catalog change on ${topic} for ${refs.length} entities; patching the dependency graph`,
        );
        patch(refs).catch(ignore);
        return;
      }
      if (timer) return;
      logger.debug(
        `Catalog change on ${topic}; rebuilding the dependency graph in ${delay} ms`,
      );
      timer = setTimeout(() => {
        timer = undefined;
        refresh().catch(ignore);
      }, delay);
      timer.unref?.();
    },
  });
  logger.info(
    `Following catalog changes on ${topics.join(
      ', ',
    )}: patching the named entities, rebuilding otherwise`,
  );
}
