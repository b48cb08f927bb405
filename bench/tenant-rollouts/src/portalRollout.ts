import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Entity } from '@backstage/catalog-model';
import { guestToken, summarize } from '@waybill/bench-utils';
import { BoardAnswer, describeBoard } from './boardQuery';
import { BoardSetup, setupBoardRollout } from './boardSetup';
import { RolloutsApi } from './rolloutsApi';
import { TenantAxes, releasedService } from './tenants';

/*
 * The portal side of the Chromium phase: the entities file its catalog reads, its config, and the
 * rollout driven through its API to the mixed state the board page shows.
 */

/** Writes the entities as a multi-document file a catalog `file` location reads (JSON is YAML). */
export async function writeEntities(
  entities: Entity[],
  file: string,
): Promise<void> {
  await writeFile(
    file,
    entities.map(entity => JSON.stringify(entity)).join('\n---\n'),
  );
}

/** Waits until the portal's catalog serves every tenant and the released component. */
async function waitForCatalog(
  baseUrl: string,
  authorization: string,
  tenants: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  const count = async (filter: string) => {
    const response = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?filter=${encodeURIComponent(
        filter,
      )}&limit=1&fields=kind`,
      { headers: { authorization } },
    );
    if (!response.ok) return 0;
    return ((await response.json()) as { totalItems: number }).totalItems;
  };
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    const served = await count('kind=resource,spec.type=tenant');
    if (served !== last) {
      log(`portal catalog serves ${served} / ${tenants} tenants`);
      last = served;
    }
    if (served >= tenants && (await count('kind=component')) >= 1) return;
    await sleep(2000);
  }
  throw new Error(
    `The portal's catalog did not serve the ${tenants} tenants within ${
      timeoutMs / 1000
    } s (last: ${last})`,
  );
}

/** The `tenantRollouts` config of the benchmark: the `bench` strategy and the freeze windows. */
export interface RolloutsConfig {
  strategies: object;
  freezeWindows: object[];
}

/** The portal's config: the entities only, the rollouts' settings, the tooling's static token. */
export function portalConfig(
  entitiesFile: string,
  tenantRollouts: RolloutsConfig,
  deployToken: string,
): Record<string, string> {
  return {
    // The tenants and the released service only: no demo data, no templates.
    APP_CONFIG_catalog_locations: JSON.stringify([
      { type: 'file', target: entitiesFile },
    ]),
    // As in the HTTP phase: no re-processing of the 5,001 entities during the measurements.
    APP_CONFIG_catalog_processingInterval: JSON.stringify({ hours: 1 }),
    APP_CONFIG_tenantRollouts_strategies: JSON.stringify(
      tenantRollouts.strategies,
    ),
    APP_CONFIG_tenantRollouts_freezeWindows: JSON.stringify(
      tenantRollouts.freezeWindows,
    ),
    // The bake times hold anyway; the hourly pass keeps the auto-advance (which evaluates the
    // rollout's blockers) from running in the middle of the measurements.
    APP_CONFIG_tenantRollouts_autoAdvance_frequencyMinutes: '60',
    // The benchmark's rollout is the only one (startPortal already seeds no demo releases).
    APP_CONFIG_waybill_demo_seedRollouts: 'false',
    // Deployment tooling reports statuses with a static token, as in the e2e tests.
    APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
      {
        type: 'static',
        options: { token: deployToken, subject: 'bench-deploy-tooling' },
        accessRestrictions: [{ plugin: 'tenant-rollouts' }],
      },
    ]),
  };
}

/** The rollout the board shows, driven through the portal's API, and how Node reads its board. */
export interface DrivenRollout {
  setup: BoardSetup;
  answer: BoardAnswer;
  /** GET of the board from Node, after one warm-up. */
  fromNode: number[];
  ingestMs: number;
  /** The guest's authorization header. */
  user: string;
}

/**
 * Waits for the portal's catalog to serve the tenants, drives a rollout over them to the mixed
 * state through the portal's API, and reads its board from Node.
 */
export async function driveRollout(
  baseUrl: string,
  deployToken: string,
  options: {
    axes: TenantAxes;
    seed: number;
    ingestTimeoutMs: number;
    log: (line: string) => void;
  },
): Promise<DrivenRollout> {
  const { log, axes } = options;
  const tenants = axes.size;
  const user = `Bearer ${await guestToken(baseUrl)}`;

  const ingestStart = performance.now();
  await waitForCatalog(baseUrl, user, tenants, options.ingestTimeoutMs, log);
  const ingestMs = performance.now() - ingestStart;
  log(`portal catalog ingest done in ${(ingestMs / 1000).toFixed(1)} s`);

  log('driving a rollout to the mixed state through the portal API');
  const api = new RolloutsApi(baseUrl, {
    user,
    reporter: `Bearer ${deployToken}`,
  });
  // The service of the largest size: every tenant depends on it.
  const setup = await setupBoardRollout(
    api,
    axes,
    options.seed,
    releasedService(tenants),
  );
  const planned = setup.waves.reduce((n, w) => n + w.tenants.length, 0);
  if (planned !== tenants) {
    throw new Error(
      `The portal planned ${planned} tenants, not ${tenants}; is its catalog complete?`,
    );
  }
  // The board as Node reads it from the portal: the backend's time without a browser.
  const fromNode: number[] = [];
  let answer: BoardAnswer | undefined;
  for (let i = 0; i < 6; i++) {
    const read = await api.board(setup.id);
    if (i > 0) fromNode.push(read.ms);
    answer ??= describeBoard(read.json);
  }
  log(
    `rollout #${setup.id}: ${answer!.state} at wave ${answer!.currentWave}; ${
      answer!.summary
    }; GET from Node p50 ${Math.round(summarize(fromNode).p50)} ms`,
  );
  return { setup, answer: answer!, fromNode, ingestMs, user };
}
