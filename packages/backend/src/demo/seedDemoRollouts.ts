import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Blocker,
  rolloutConflictOf,
  RolloutState,
  TenantRolloutsClient,
} from '@waybill/plugin-tenant-rollouts-common';
import { pluginClientOptions } from '@waybill/plugin-waybill-node';
import { DemoRelease } from './demoReleases';
import { DEMO_ROLLOUTS, DemoRollout } from './demoRollouts';

/** What seeding the demo rollouts needs from the backend. */
export interface SeedRolloutsOptions {
  /** The demo evidence manifest's releases: only rollouts of these are seeded. */
  releases: DemoRelease[];
  auth: AuthService;
  discovery: DiscoveryService;
  catalog: CatalogService;
  logger: LoggerService;
  /** The rollouts to seed; the demo's own by default. */
  rollouts?: DemoRollout[];
  /** How long to wait for the catalog to ingest the demo tenants. */
  catalogTimeoutMs?: number;
  /** How often to look at the catalog while waiting. */
  pollMs?: number;
}

/** Where a seeded rollout ended, and the step the backend refused, if one was. */
export interface SeededRollout {
  id: number;
  entityRef: string;
  version: string;
  environment: string;
  state: RolloutState;
  currentWave: number;
  refused?: { step: string; message: string; blockers: Blocker[] };
}

/**
 * Plans the demo tenant rollouts through the tenant-rollouts API, as the demo plugin's own service
 * principal, and takes each as far as the backend allows: start, then the first wave's statuses.
 * A step the backend refuses (409: gate, freeze, bake, ...) is logged and ends that rollout's
 * seeding there; nothing is ever overridden, so what is seeded depends on the date (freeze
 * windows). Nothing is seeded when the backend has any rollout, so restarts do not duplicate.
 */
export async function seedDemoRollouts(
  options: SeedRolloutsOptions,
): Promise<SeededRollout[]> {
  const { auth, discovery, logger } = options;
  const known = new Set(options.releases.map(r => `${r.entity}@${r.version}`));
  const wanted = (options.rollouts ?? DEMO_ROLLOUTS).filter(r =>
    known.has(`${r.entityRef}@${r.version}`),
  );
  if (wanted.length === 0) {
    logger.info(
      'No demo rollouts seeded: none of their releases is in the demo evidence manifest',
    );
    return [];
  }

  const client = new TenantRolloutsClient(
    pluginClientOptions({ discovery, auth }),
  );
  if ((await client.listRollouts({ limit: 1 })).length > 0) {
    logger.info(
      'Demo rollouts not seeded: the tenant-rollouts backend already has rollouts',
    );
    return [];
  }
  await waitForTenants(options);

  const seeded: SeededRollout[] = [];
  for (const demo of wanted) {
    seeded.push(await seedOne(client, demo, logger));
  }
  logger.info(
    `Seeded ${seeded.length} demo rollouts: ${seeded
      .map(
        s =>
          `${s.entityRef} ${s.version} ${s.state} at wave ${s.currentWave}${
            s.refused ? ` (${s.refused.step} refused)` : ''
          }`,
      )
      .join('; ')}`,
  );
  return seeded;
}

/** What the backend said refusing a step (409); any other error is thrown on. */
function refusalOf(
  step: string,
  error: unknown,
): NonNullable<SeededRollout['refused']> {
  if (!(error instanceof ResponseError) || error.statusCode !== 409) {
    throw error;
  }
  return {
    step,
    message: error.body.error.message,
    blockers: rolloutConflictOf(error)?.blockers ?? [],
  };
}

/** Plans one demo rollout and takes it as far as the backend allows. */
async function seedOne(
  client: TenantRolloutsClient,
  demo: DemoRollout,
  logger: LoggerService,
): Promise<SeededRollout> {
  const name = `${demo.entityRef} ${demo.version} to ${demo.environment}`;
  let view = await client.createRollout({
    entityRef: demo.entityRef,
    version: demo.version,
    environment: demo.environment,
    strategy: demo.strategy,
  });
  logger.info(
    `Demo rollout ${view.id} (${demo.purpose}): planned ${name}, ${view.waves
      .map(w => `${w.name} ${w.total}`)
      .join(', ')} (strategy ${view.strategySource ?? 'unknown'})`,
  );
  const steps: Array<[string, () => Promise<void>]> = [
    [
      'start',
      async () => {
        // The action answers where the rollout is, not its board: read that again.
        await client.act(view.id, 'start');
        view = await client.getRollout(view.id);
        logger.info(
          `Demo rollout ${view.id}: started, wave 0 (${view.waves[0].name})`,
        );
      },
    ],
  ];
  if (demo.firstWaveStatuses) {
    const statusesOf = demo.firstWaveStatuses;
    steps.push([
      'report statuses',
      async () => {
        // The board answers wave summaries; the wave's own route lists its tenants.
        const statuses = statusesOf((await client.getWave(view.id, 0)).wave);
        await client.reportStatuses(view.id, statuses);
        view = await client.getRollout(view.id);
        const counts = new Map<string, number>();
        for (const s of statuses) {
          counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
        }
        logger.info(
          `Demo rollout ${view.id}: wave 0 reported ${[...counts]
            .map(([status, n]) => `${n} ${status}`)
            .join(', ')}; verdict ${view.analysis.summary}`,
        );
      },
    ]);
  }
  let refused: SeededRollout['refused'];
  for (const [step, run] of steps) {
    try {
      await run();
    } catch (error) {
      refused = refusalOf(step, error);
      const { blockers } = refused;
      view = await client.getRollout(view.id);
      logger.info(
        `Demo rollout ${view.id}: ${step} refused (409${
          blockers.length ? `, ${blockers.map(b => b.kind).join(' and ')}` : ''
        }): ${refused.message}; left ${view.state} at wave ${
          view.currentWave
        }, not overridden`,
      );
      break;
    }
  }
  return {
    id: view.id,
    entityRef: view.entityRef,
    version: view.version,
    environment: view.environment,
    state: view.state,
    currentWave: view.currentWave,
    ...(refused ? { refused } : {}),
  };
}

/**
 * Waits until the catalog has ingested the tenants: some, and as many as a poll earlier (the
 * demo tenants arrive from one file, but are processed and stitched one by one). A rollout
 * planned over part of them would keep that part: a plan does not change after planning.
 */
async function waitForTenants(options: SeedRolloutsOptions) {
  const pollMs = options.pollMs ?? 2000;
  const deadline = Date.now() + (options.catalogTimeoutMs ?? 5 * 60_000);
  const credentials = await options.auth.getOwnServiceCredentials();
  let previous = -1;
  for (;;) {
    const { totalItems } = await options.catalog.queryEntities(
      {
        filter: { kind: 'Resource', 'spec.type': 'tenant' },
        fields: ['metadata.name'],
        limit: 1,
      },
      { credentials },
    );
    if (totalItems > 0 && totalItems === previous) return;
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog has not ingested the demo tenants (${totalItems} so far); demo rollouts not seeded`,
      );
    }
    previous = totalItems;
    await new Promise(resolve => setTimeout(resolve, pollMs));
  }
}
