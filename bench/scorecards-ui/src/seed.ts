import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
// The backend package exports only its plugin, so the store is imported by path.
/* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { DatabaseScorecardStore } from '@waybill/plugin-scorecards-backend/src/database/DatabaseScorecardStore';
import {
  readScorecardsConfig,
  ScorecardsConfig,
} from '@waybill/plugin-scorecards-backend/src/service/ScorecardsConfig';
/* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import {
  EntitySnapshot,
  SeverityCounts,
  evaluateScorecard,
} from '@waybill/plugin-scorecards-common';
import { TIERS } from '@waybill/plugin-waybill-common';
import knexFactory from 'knex';
import { parse } from 'yaml';

/**
 * The demo catalog's owners, systems and business processes, so that the portal's filters
 * (which list them from the catalog) select among the generated services too.
 */
const OWNERS = [
  'order-management',
  'warehouse-systems',
  'procurement-systems',
  'finance-systems',
  'integration-team',
  'digital-channels',
  'customer-success',
  'platform-engineering',
].map(name => `group:default/${name}`);
const SYSTEMS = ['erp-core', 'integration-hub', 'customer-channels'].map(
  name => `system:default/${name}`,
);
/** Weighted unevenly, so that each business-process filter matches a different number of services. */
const PROCESSES = [
  ['order-to-cash', 0.5],
  ['procure-to-pay', 0.35],
  ['inventory-allocation', 0.25],
  ['record-to-report', 0.15],
] as const;

/** A deterministic generator, so every run benchmarks the same portfolio. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const none = (): SeverityCounts => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
});

/** The services of the benchmark: `count` components spread over the demo's owners, systems and processes. */
export function generateServices(count: number): EntitySnapshot[] {
  const next = random(20261123);
  return Array.from({ length: count }, (_, i) => {
    const processes = PROCESSES.filter(([, p]) => next() < p).map(
      ([name]) => name,
    );
    return {
      entityRef: `component:default/bench-service-${String(i).padStart(
        5,
        '0',
      )}`,
      title: `Bench service ${i}`,
      owner: OWNERS[Math.floor(next() * OWNERS.length)],
      system: SYSTEMS[Math.floor(next() * SYSTEMS.length)],
      tier: TIERS[Math.floor(next() * TIERS.length)],
      businessProcesses: processes,
    };
  });
}

/** The scorecards settings of the portal's app-config.yaml, so that its policy digest matches the seed's. */
export function portalScorecardsConfig(repoRoot: string) {
  const appConfig = parse(
    readFileSync(join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  return readScorecardsConfig(
    new ConfigReader({ scorecards: appConfig.scorecards }),
  );
}

/**
 * Stores one release of `service` with a tests and a dependencies upload, scored by the
 * production evaluator; `upload` numbers the first upload (its digest), the second is `upload + 1`.
 */
async function recordRelease(
  store: DatabaseScorecardStore,
  config: ScorecardsConfig,
  service: EntitySnapshot,
  next: () => number,
  upload: number,
): Promise<void> {
  const { policy, environments, policyDigest } = config;
  const failed = next() < 0.15 ? 1 + Math.floor(next() * 5) : 0;
  const critical = next() < 0.08 ? 1 : 0;
  const release = {
    entityRef: service.entityRef,
    entity: service,
    version: `1.${Math.floor(next() * 40)}.0`,
    uploadedBy: 'bench',
    sizeBytes: 4096,
  };
  const evaluate = (
    evidence: Parameters<typeof evaluateScorecard>[0]['evidence'],
  ) =>
    evaluateScorecard({
      policy,
      evidence,
      tier: service.tier,
      environments,
      now: new Date(),
    });
  await store.recordEvidence(
    {
      ...release,
      kind: 'tests',
      format: 'junit',
      digest: `${upload}`.padStart(64, '0'),
      facts: {
        kind: 'tests',
        format: 'junit',
        total: 200,
        passed: 200 - failed,
        failed,
        errored: 0,
        skipped: 0,
        durationSeconds: 30,
        failingTests: [],
      },
    },
    evaluate,
    policyDigest,
  );
  await store.recordEvidence(
    {
      ...release,
      kind: 'dependencies',
      format: 'cyclonedx',
      digest: `${upload + 1}`.padStart(64, '0'),
      facts: {
        kind: 'dependencies',
        format: 'cyclonedx',
        specVersion: '1.6',
        componentCount: 300,
        vulnerabilitiesBySeverity: { ...none(), critical },
        worst: [],
      },
    },
    evaluate,
    policyDigest,
  );
}

/**
 * Writes the scorecards database the portal will open (`<directory>/scorecards.sqlite`, as
 * Backstage names a plugin's SQLite file): one release per service with test and dependency
 * evidence, stored and scored by the production store and evaluator.
 */
export async function seedScorecards(options: {
  directory: string;
  repoRoot: string;
  services: EntitySnapshot[];
}): Promise<{ uploads: number; ms: number }> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(options.directory, 'scorecards.sqlite') },
    useNullAsDefault: true,
  });
  const start = Date.now();
  try {
    const store = await DatabaseScorecardStore.create({
      database: { getClient: async () => knex },
    });
    const config = portalScorecardsConfig(options.repoRoot);
    const next = random(7);
    let uploads = 0;
    for (const service of options.services) {
      await recordRelease(store, config, service, next, uploads);
      uploads += 2;
    }
    return { uploads, ms: Date.now() - start };
  } finally {
    await knex.destroy();
  }
}
