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
    /** A request finding the graph older than this starts a rebuild in the background. */
    maxAge: HumanDuration;
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
      eventTopics:
        config.getOptionalStringArray('dependencyMap.refresh.eventTopics') ??
        [],
      debounce: duration(config, 'dependencyMap.refresh.debounce', {
        seconds: 10,
      }),
      maxAge: duration(config, 'dependencyMap.refresh.maxAge', {
        seconds: 30,
      }),
    },
  };
}
