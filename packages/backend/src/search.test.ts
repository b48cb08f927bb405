import type { Server } from 'http';
import {
  coreServices,
  createBackendFeatureLoader,
  createServiceFactory,
  type SchedulerService,
  type SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import searchPlugin from '@backstage/plugin-search-backend';
import scorecardsPlugin from '@waybill/plugin-scorecards-backend';
import waybillSearchModule from '@waybill/plugin-search-backend-module-waybill';
import tenantRolloutsPlugin from '@waybill/plugin-tenant-rollouts-backend';
import { hidden, startWithRestrictedCatalog } from '@waybill/test-utils';
import request from 'supertest';
import {
  inventory,
  planRollout,
  sales,
  scorecardsConfig,
  startRollout,
  tenants,
  uploadTests,
} from './__testUtils__/searchFixtures';

/*
 * The portal's search finding releases and rollouts: the search backend (its default Lunr
 * engine) with Waybill's collators, the real scorecards and tenant-rollouts backends they read,
 * and the real catalog and permission backends under a policy that hides inventory from one
 * user. The index is built by running the search backend's scheduled tasks.
 */

jest.setTimeout(180_000);

/**
 * The scheduler of every plugin on the test backend: it runs nothing on its own, and keeps each
 * task so that the test runs it, awaiting it and failing with it.
 */
class CapturingScheduler implements SchedulerService {
  readonly #tasks = new Map<string, SchedulerServiceTaskFunction>();

  createScheduledTaskRunner() {
    return {
      run: async (task: { id: string; fn: SchedulerServiceTaskFunction }) => {
        this.#tasks.set(task.id, task.fn);
      },
    };
  }

  async scheduleTask(task: { id: string; fn: SchedulerServiceTaskFunction }) {
    this.#tasks.set(task.id, task.fn);
  }

  async triggerTask(id: string) {
    const task = this.#tasks.get(id);
    if (!task) throw new Error(`No task ${id} was scheduled`);
    await task(new AbortController().signal);
  }

  async cancelTask() {}

  async getScheduledTasks() {
    return [...this.#tasks.keys()].map(id => ({
      id,
      scope: 'global' as const,
      settings: { version: 1 },
    }));
  }
}

interface SearchResult {
  type: string;
  document: { title: string; entityRef?: string; location: string };
}

describe('searching releases and rollouts', () => {
  const scheduler = new CapturingScheduler();
  let server: Server;
  let restricted: string;
  let unrestricted: string;
  let inventoryRollout: number;

  /** Builds the index of one document type, as its scheduled task does; fails if the task does. */
  async function index(type: 'waybill_release' | 'waybill_rollout') {
    await scheduler.triggerTask(`search_index_${type}`);
  }

  /** What the search page asks for `term`, as `authorization`. */
  async function search(
    term: string,
    authorization: string,
  ): Promise<SearchResult[]> {
    const response = await request(server)
      .get('/api/search/query')
      .query({ term })
      .set('Authorization', authorization)
      .expect(200);
    return response.body.results;
  }

  beforeAll(async () => {
    ({ server, restricted, unrestricted } = await startWithRestrictedCatalog({
      plugin: createBackendFeatureLoader({
        loader: () => [
          searchPlugin,
          waybillSearchModule,
          scorecardsPlugin,
          tenantRolloutsPlugin,
          createServiceFactory({
            service: coreServices.scheduler,
            deps: {},
            factory: () => scheduler,
          }),
        ],
      }),
      entities: [hidden(inventory), sales, ...tenants],
      config: { scorecards: scorecardsConfig },
    }));
    await uploadTests(server, {
      name: 'inventory',
      version: '5.1.0',
      failing: false,
    });
    await uploadTests(server, {
      name: 'inventory',
      version: '5.2.0',
      failing: true,
    });
    await uploadTests(server, {
      name: 'sales',
      version: '2.0.0',
      failing: false,
    });
    ({ id: inventoryRollout } = await planRollout(server, unrestricted, {
      name: 'inventory',
      version: '5.2.0',
      environment: 'staging',
    }));
    await startRollout(server, unrestricted, inventoryRollout);
    await planRollout(server, unrestricted, {
      name: 'sales',
      version: '2.0.0',
      environment: 'production',
    });
    await index('waybill_release');
    await index('waybill_rollout');
  });

  it('finds the release, with its gate state, and its rollout', async () => {
    const results = await search('inventory 5.2.0', unrestricted);
    expect(results).toEqual(
      expect.arrayContaining([
        {
          type: 'waybill-release',
          rank: expect.any(Number),
          highlight: expect.anything(),
          document: expect.objectContaining({
            title: 'inventory 5.2.0',
            text: expect.stringContaining(
              'Gates: staging: warn, production: fail.',
            ),
            location:
              '/catalog/default/component/inventory/scorecards?release=5.2.0',
            entityRef: 'component:default/inventory',
            version: '5.2.0',
            grade: 'F',
            gates: [
              {
                environment: 'staging',
                decision: 'warn',
                policyDecision: 'warn',
              },
              {
                environment: 'production',
                decision: 'fail',
                policyDecision: 'fail',
              },
            ],
          }),
        },
        {
          type: 'waybill-rollout',
          rank: expect.any(Number),
          highlight: expect.anything(),
          document: expect.objectContaining({
            title: 'inventory 5.2.0 rollout',
            text: expect.stringContaining('to staging: running, wave 1 of'),
            location: `/tenant-rollouts/rollouts/${inventoryRollout}`,
            rolloutId: inventoryRollout,
            status: 'running',
          }),
        },
      ]),
    );
  });

  it('shows neither to a user the policy does not let read the entity', async () => {
    const results = await search('inventory 5.2.0', restricted);
    expect(
      results.filter(
        r => r.document.entityRef === 'component:default/inventory',
      ),
    ).toEqual([]);
    // What that user may read, they find.
    const theirs = await search('sales 2.0.0', restricted);
    expect(
      theirs
        .filter(r => r.type.startsWith('waybill-'))
        .map(r => r.document.title)
        .sort(),
    ).toEqual(['sales 2.0.0', 'sales 2.0.0 rollout']);
  });
});
