import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Dependency maps (@waybill/plugin-dependency-map-backend). */
  dependencyMap?: {
    /**
     * Most catalog entities the in-memory graph holds. When the catalog has more of the kinds
     * mapped (Component, API, Resource, System, Domain), the first this many are kept (the
     * APIs are read last), the log warns and every response says `graph.truncated: true`.
     * Default: 50000.
     */
    maxNodes?: number;
    /** Entities per catalog request while building the graph (1 to 10000). Default: 500. */
    pageSize?: number;
    /** When the graph is rebuilt from the catalog. */
    refresh?: {
      /**
       * How often every backend replica rebuilds its graph (a local scheduler task: the graph
       * lives in each replica's memory). A duration object or ISO 8601 string. Default: 5 minutes.
       */
      frequency?: HumanDuration | string;
      /** How long one rebuild may take before the scheduler gives up on it. Default: 3 minutes. */
      timeout?: HumanDuration | string;
      /**
       * Events topics that mean "the catalog changed" (published through the events service).
       * An event whose payload names the changed entities (`entityRefs: string[]` or
       * `entityRef: string`) patches the graph for them at once, without reading the whole
       * catalog; any other triggers a rebuild after `debounce`. The catalog in Backstage 1.55
       * publishes no entity-change topic, so the default is none.
       */
      eventTopics?: string[];
      /** Quiet time after a change event before rebuilding, so a burst causes one rebuild. Default: 10 seconds. */
      debounce?: HumanDuration | string;
      /**
       * A request that finds the graph older than this is answered from it and starts a rebuild
       * in the background, so a portal in use follows catalog changes (and a graph built while
       * the catalog was still ingesting at startup) within about this long. Default: 30 seconds
       * without `eventTopics`; none with them (the events patch the graph as the catalog
       * changes, and `frequency` rebuilds it in case one was missed), unless set.
       */
      maxAge?: HumanDuration | string;
    };
  };
}
