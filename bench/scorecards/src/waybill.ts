import { LoggerService } from '@backstage/backend-plugin-api';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
// A benchmark of the storage layer drives the plugin's store and service directly; the package
// exports only the plugin, so these are imported by path.
/* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { DatabaseScorecardStore } from '@waybill/plugin-scorecards-backend/src/database/DatabaseScorecardStore';
import { ScorecardEvents } from '@waybill/plugin-scorecards-backend/src/service/events/ScorecardEvents';
import { ReleaseScorecards } from '@waybill/plugin-scorecards-backend/src/service/ReleaseScorecards';
import {
  readScorecardsConfig,
  ScorecardsConfig,
} from '@waybill/plugin-scorecards-backend/src/service/ScorecardsConfig';
/* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { BENCH_NOW, BenchEntity, VERSIONS } from './dataset';

/** The uploader every benchmark upload is attributed to. */
export const UPLOADER = 'service:ci/bench';

/** A catalog that answers from memory, so that catalog latency is not part of any figure. */
class InMemoryCatalog {
  private readonly byRef: Map<string, Entity>;

  constructor(entities: BenchEntity[]) {
    this.byRef = new Map(entities.map(e => [e.ref, e.entity]));
  }

  async getEntityByRef(
    ref: string | CompoundEntityRef,
  ): Promise<Entity | undefined> {
    const key = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
    return this.byRef.get(key.toLowerCase());
  }

  async getEntitiesByRefs(request: {
    entityRefs: string[];
  }): Promise<{ items: Array<Entity | undefined> }> {
    return {
      items: request.entityRefs.map(ref => this.byRef.get(ref.toLowerCase())),
    };
  }
}

/** The production scorecards service on one database, with an in-memory catalog. */
export interface WaybillContext {
  store: DatabaseScorecardStore;
  config: ScorecardsConfig;
  catalog: CatalogService;
  scorecards: ReleaseScorecards;
}

/** Creates the store (running the plugin's migrations) and the service as the plugin does. */
export async function createWaybill(
  database: DatabaseService,
  entities: BenchEntity[],
): Promise<WaybillContext> {
  const store = await DatabaseScorecardStore.create({ database });
  const config = readScorecardsConfig(new ConfigReader({}));
  // The fake implements the two methods ReleaseScorecards calls.
  const catalog = new InMemoryCatalog(entities) as unknown as CatalogService;
  return {
    store,
    config,
    catalog,
    scorecards: new ReleaseScorecards({
      store,
      catalog,
      config,
      events: quietEvents(),
      now: () => BENCH_NOW,
    }),
  };
}

/**
 * The scorecards' signals and notifications, sent nowhere: the bench measures storage and reads
 * (the portal's signals and notifications backends are not part of it).
 */
export function quietEvents(): ScorecardEvents {
  return new ScorecardEvents({
    signals: { publish: async () => {} },
    notifications: { send: async () => {} },
    logger: { warn: () => {} } as unknown as LoggerService,
  });
}

/** The stored check results of an entity's latest bulk release, as Waybill shows them. */
export async function storedChecks(
  context: WaybillContext,
  entityRef: string,
): Promise<Array<{ id: string; status: string }>> {
  const release = await context.store.getRelease({
    entityRef,
    version: VERSIONS[VERSIONS.length - 1],
  });
  return release?.evaluation?.checks ?? [];
}
