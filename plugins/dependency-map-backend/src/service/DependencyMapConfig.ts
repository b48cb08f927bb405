import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';

/** The dependency-map settings read from `dependencyMap.*` (see config.d.ts). */
export interface DependencyMapConfig {
  /** Most catalog entities the in-memory graph holds. */
  maxNodes: number;
  /** Entities per catalog request. */
  pageSize: number;
  refresh: {
    frequency: HumanDuration;
    timeout: HumanDuration;
    /** Events topics that trigger a rebuild; empty when none is configured. */
    eventTopics: string[];
    debounce: HumanDuration;
    /**
     * A request finding the graph older than this starts a rebuild in the background; none by
     * default when `eventTopics` keep the graph patched.
     */
    maxAge?: HumanDuration;
  };
}

/** Default of `dependencyMap.maxNodes`. */
export const DEFAULT_GRAPH_MAX_NODES = 50_000;
/** Default of `dependencyMap.pageSize`. */
export const DEFAULT_CATALOG_PAGE_SIZE = 500;

function wholeNumber(
  config: Config,
  key: string,
  fallback: number,
  max: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InputError(
      `${key} must be a whole number from 1 to ${max}, got ${value}`,
    );
  }
  return value;
}

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/** Reads `dependencyMap.*`; a bad value fails startup naming the key. */
export function readDependencyMapConfig(config: Config): DependencyMapConfig {
  const eventTopics =
    config.getOptionalStringArray('dependencyMap.refresh.eventTopics') ?? [];
  // Events patch the graph as the catalog changes (the schedule catches any missed): a rebuild
  // of the whole estate on requests would only repeat them (6.5 s at 50,000 entities).
  const maxAgeKey = 'dependencyMap.refresh.maxAge';
  const maxAge =
    eventTopics.length === 0 || config.has(maxAgeKey)
      ? duration(config, maxAgeKey, { seconds: 30 })
      : undefined;
  return {
    maxNodes: wholeNumber(
      config,
      'dependencyMap.maxNodes',
      DEFAULT_GRAPH_MAX_NODES,
      10_000_000,
    ),
    pageSize: wholeNumber(
      config,
      'dependencyMap.pageSize',
      DEFAULT_CATALOG_PAGE_SIZE,
      10_000,
    ),
    refresh: {
      frequency: duration(config, 'dependencyMap.refresh.frequency', {
        minutes: 5,
      }),
      timeout: duration(config, 'dependencyMap.refresh.timeout', {
        minutes: 3,
      }),
      eventTopics,
      debounce: duration(config, 'dependencyMap.refresh.debounce', {
        seconds: 10,
      }),
      ...(maxAge ? { maxAge } : {}),
    },
  };
}
