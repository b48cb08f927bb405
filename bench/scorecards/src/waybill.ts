import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_POLICY,
  evaluateScorecard,
  EvidenceKind,
  GateDecision,
  PORTFOLIO_SORTS,
  PortfolioQuery,
} from '@waybill/plugin-scorecards-common';
import { Tier, tierOf, TIERS } from '@waybill/plugin-waybill-common';
// A benchmark of the storage layer drives the plugin's store and service directly; the package
// exports only the plugin, so these are imported by path.
/* eslint-disable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import { DatabaseScorecardStore } from '@waybill/plugin-scorecards-backend/src/database/DatabaseScorecardStore';
import { ReleaseScorecards } from '@waybill/plugin-scorecards-backend/src/service/ReleaseScorecards';
import {
  readScorecardsConfig,
  ScorecardsConfig,
} from '@waybill/plugin-scorecards-backend/src/service/ScorecardsConfig';
import { entitySnapshot } from '@waybill/plugin-scorecards-backend/src/service/entitySnapshot';
/* eslint-enable @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports */
import {
  BENCH_NOW,
  BenchEntity,
  BUSINESS_PROCESSES,
  digestOf,
  generateRelease,
  OWNERS,
  UPLOAD_KINDS,
  VERSIONS,
} from './dataset';
import { Random, forEachConcurrently, timed } from '@waybill/bench-utils';

/** The uploader every benchmark upload is attributed to. */
const UPLOADER = 'service:ci/bench';

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
    return this.byRef.get(key.toLocaleLowerCase('en-US'));
  }

  async getEntitiesByRefs(request: {
    entityRefs: string[];
  }): Promise<{ items: Array<Entity | undefined> }> {
    return {
      items: request.entityRefs.map(ref =>
        this.byRef.get(ref.toLocaleLowerCase('en-US')),
      ),
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
      now: () => BENCH_NOW,
    }),
  };
}

/** What an ingest phase did. */
export interface IngestResult {
  uploads: number;
  releases: number;
  ms: number;
  uploadsPerSecond: number;
}

/**
 * Stores every release's evidence through `DatabaseScorecardStore.recordEvidence` with the
 * production evaluator (`evaluateScorecard` with the configured policy, `DEFAULT_POLICY`): one
 * transaction per upload, five uploads per release, releases of an entity oldest first.
 */
export async function ingestBulk(
  context: WaybillContext,
  entities: BenchEntity[],
  concurrency: number,
  onProgress?: (done: number) => void,
): Promise<IngestResult> {
  const { store, config } = context;
  const { policy, environments, policyDigest } = config;
  let uploads = 0;
  const { ms } = await timed(() =>
    forEachConcurrently(entities, concurrency, async (entity, index) => {
      const snapshot = entitySnapshot(entity.entity);
      for (let r = 0; r < VERSIONS.length; r++) {
        const release = generateRelease(entity, r);
        for (const kind of UPLOAD_KINDS) {
          const facts = release.facts[kind];
          await store.recordEvidence(
            {
              entityRef: snapshot.entityRef,
              entity: snapshot,
              version: release.version,
              commit: `${entity.index.toString(16)}${r}`.padEnd(40, '0'),
              kind,
              format: facts.format,
              digest: digestOf(release, facts),
              sizeBytes: JSON.stringify(facts).length,
              facts,
              uploadedBy: UPLOADER,
            },
            evidence =>
              evaluateScorecard({
                policy,
                evidence,
                tier: tierOf(entity.entity),
                environments,
                now: BENCH_NOW,
              }),
            policyDigest,
          );
          uploads++;
        }
      }
      if (onProgress && (index + 1) % 1000 === 0) onProgress(index + 1);
    }),
  );
  return {
    uploads,
    releases: entities.length * VERSIONS.length,
    ms,
    uploadsPerSecond: uploads / (ms / 1000),
  };
}

/** The real evidence files of the plugin's parser tests, by kind of upload. */
const FIXTURE_FILES: Record<EvidenceKind, string[]> = {
  tests: [
    'jest-junit.xml',
    'pytest-junit.xml',
    'surefire-TEST-com.acme.inventory.StockServiceTest.xml',
    'gradle-TEST-com.acme.billing.InvoiceTest.xml',
    'phpunit-nested.xml',
  ],
  coverage: [
    'coverage-py.cobertura.xml',
    'istanbul.cobertura.xml',
    'istanbul.lcov.info',
  ],
  dependencies: [
    'trivy-1.4.cdx.json',
    'cdxgen-1.5.cdx.json',
    'syft-1.6.cdx.json',
    'grype-1.6.cdx.json',
  ],
  security: [
    'codeql.sarif',
    'semgrep.sarif',
    'trivy-and-semgrep.sarif',
    'eslint-baseline.sarif',
  ],
  readiness: ['readiness.json'],
};

/** The Content-Type a pipeline sends a fixture with, by its file name. */
function contentTypeOf(name: string): string {
  if (name.endsWith('.xml')) return 'application/xml';
  if (name.endsWith('.info')) return 'text/plain';
  if (name.endsWith('.sarif')) return 'application/sarif+json';
  if (name.endsWith('.cdx.json')) return 'application/vnd.cyclonedx+json';
  return 'application/json';
}

/** The version the full-path sample uploads, newer than every bulk release. */
export const FULL_PATH_VERSION = '2.0.0';

/**
 * Uploads real fixture files through `ReleaseScorecards.uploadEvidence` (entity lookup in the
 * catalog, format detection, parsing, digest, store and evaluation), five per release, for
 * `uploads / 5` entities. Run it last: it adds a newer release to those entities.
 */
export async function ingestFullPath(
  context: WaybillContext,
  entities: BenchEntity[],
  uploads: number,
): Promise<IngestResult> {
  const dir = resolvePackagePath(
    '@waybill/plugin-scorecards-backend',
    'src/evidence/__fixtures__',
  );
  const files = Object.fromEntries(
    UPLOAD_KINDS.map(kind => [
      kind,
      FIXTURE_FILES[kind].map(name => ({
        body: readFileSync(join(dir, name)),
        contentType: contentTypeOf(name),
      })),
    ]),
  ) as Record<EvidenceKind, Array<{ body: Buffer; contentType: string }>>;
  const releases = Math.ceil(uploads / UPLOAD_KINDS.length);
  const sample = new Random(7).shuffle(entities).slice(0, releases);
  const credentials = mockCredentials.service('ci-bench');
  let done = 0;
  const { ms } = await timed(async () => {
    for (const [i, entity] of sample.entries()) {
      for (const kind of UPLOAD_KINDS) {
        const file = files[kind][i % files[kind].length];
        await context.scorecards.uploadEvidence(
          {
            entityRef: entity.ref,
            version: FULL_PATH_VERSION,
            kind,
            ...file,
          },
          { caller: { type: 'service', subject: UPLOADER }, credentials },
        );
        done++;
      }
    }
  });
  return {
    uploads: done,
    releases: sample.length,
    ms,
    uploadsPerSecond: done / (ms / 1000),
  };
}

/** Gate latencies and what the gates decided. */
export interface GateMeasurement {
  samples: number[];
  decisions: Record<GateDecision, number>;
}

/** Times `ReleaseScorecards.gate(key, 'production')` on random releases, one at a time. */
export async function measureGates(
  context: WaybillContext,
  entities: BenchEntity[],
  count: number,
  warmup: number = 100,
): Promise<GateMeasurement> {
  const random = new Random(11);
  const samples: number[] = [];
  const decisions: Record<GateDecision, number> = { pass: 0, warn: 0, fail: 0 };
  for (let i = 0; i < warmup + count; i++) {
    const entity = random.pick(entities);
    const key = { entityRef: entity.ref, version: random.pick(VERSIONS) };
    const { result, ms } = await timed(() =>
      context.scorecards.gate(key, 'production'),
    );
    if (result.grade === null) {
      throw new Error(
        `No stored evaluation for ${key.entityRef} ${key.version}`,
      );
    }
    if (i >= warmup) {
      samples.push(ms);
      decisions[result.decision]++;
    }
  }
  return { samples, decisions };
}

/** The portfolio filters the random queries use. */
const PORTFOLIO_FILTERS = [
  'owner',
  'tier',
  'businessProcess',
  'grade',
  'gate',
] as const;

/** A random portfolio query: zero to two filters, a random sort, the first page of 50. */
function randomPortfolioQuery(random: Random): PortfolioQuery {
  const query: PortfolioQuery = {
    sort: random.pick(PORTFOLIO_SORTS),
    limit: 50,
  };
  const count = random.int(0, 2);
  for (let i = 0; i < count; i++) {
    switch (random.pick(PORTFOLIO_FILTERS)) {
      case 'owner':
        query.owner = random.pick(OWNERS);
        break;
      case 'tier':
        query.tier = random.pick<Tier>(TIERS);
        break;
      case 'businessProcess':
        query.businessProcess = random.pick(BUSINESS_PROCESSES);
        break;
      case 'grade':
        query.grade = random.pick(['A', 'A', 'B', 'C', 'D', 'F']);
        break;
      default:
        query.gate = {
          environment: random.pick(['staging', 'production']),
          decision: random.pick(['pass', 'pass', 'warn', 'fail'] as const),
        };
    }
  }
  return query;
}

/** Portfolio latencies: first pages, second pages (via the cursor), and both together. */
export interface PortfolioMeasurement {
  firstPage: number[];
  secondPage: number[];
  /**
   * Both pages' latencies by query shape: `sort:<sort>` and `filter:<name>` (`filter:none`
   * without filters; a query with two filters counts under both).
   */
  byShape: Record<string, number[]>;
  /** Mean number of entities matching a query. */
  meanTotal: number;
}

function shapesOf(query: PortfolioQuery): string[] {
  const filters = PORTFOLIO_FILTERS.filter(name => query[name] !== undefined);
  return [
    `sort:${query.sort}`,
    ...(filters.length ? filters : ['none']).map(name => `filter:${name}`),
  ];
}

/** Times `ReleaseScorecards.portfolio` on random queries: page one, then page two when there is one. */
export async function measurePortfolio(
  context: WaybillContext,
  count: number,
  warmup: number = 20,
): Promise<PortfolioMeasurement> {
  const random = new Random(13);
  const firstPage: number[] = [];
  const secondPage: number[] = [];
  const byShape: Record<string, number[]> = {};
  let totals = 0;
  for (let i = 0; i < warmup + count; i++) {
    const query = randomPortfolioQuery(random);
    const first = await timed(() => context.scorecards.portfolio(query));
    const cursor = first.result.nextCursor;
    const second = cursor
      ? await timed(() => context.scorecards.portfolio({ ...query, cursor }))
      : undefined;
    if (i >= warmup) {
      firstPage.push(first.ms);
      totals += first.result.totalCount;
      if (second) secondPage.push(second.ms);
      for (const shape of shapesOf(query)) {
        (byShape[shape] ??= []).push(first.ms, ...(second ? [second.ms] : []));
      }
    }
  }
  return { firstPage, secondPage, byShape, meanTotal: totals / count };
}

/** One read of the whole portfolio. */
export interface WholePortfolioRead {
  ms: number;
  entities: number;
  pages: number;
}

/**
 * Reads every entity's stored scorecard the way the portfolio CSV export does: the whole
 * portfolio in pages of 200 (the API's largest page), sorted by name.
 */
export async function readWholePortfolio(
  context: WaybillContext,
): Promise<WholePortfolioRead> {
  let entities = 0;
  let pages = 0;
  const { ms } = await timed(async () => {
    for await (const items of context.scorecards.portfolioPages({
      sort: 'name',
    })) {
      entities += items.length;
      pages++;
    }
  });
  return { ms, entities, pages };
}

/** The default policy with one rule tightened: a release without a kill switch now fails its gates. */
export function tightenedPolicyConfig(): ScorecardsConfig {
  const policy = {
    checks: DEFAULT_POLICY.checks.map(check =>
      check.id === 'kill-switch' ? { ...check, enforcement: 'fail' } : check,
    ),
  };
  // Through JSON, as config files reach the plugin.
  return readScorecardsConfig(
    new ConfigReader(JSON.parse(JSON.stringify({ scorecards: { policy } }))),
  );
}

/** What a full re-evaluation did and how long it took. */
export interface Reevaluation {
  ms: number;
  releases: number;
  batches: number;
}

/**
 * Times the re-evaluation of every stored release after a policy change, as the plugin's
 * scheduled task does it: `reevaluateStale(500)` until it returns 0.
 */
export async function measureReevaluation(
  context: WaybillContext,
): Promise<Reevaluation> {
  const config = tightenedPolicyConfig();
  if (config.policyDigest === context.config.policyDigest) {
    throw new Error('The tightened policy has the same digest as the default');
  }
  const scorecards = new ReleaseScorecards({
    store: context.store,
    catalog: context.catalog,
    config,
    now: () => BENCH_NOW,
  });
  let releases = 0;
  let batches = 0;
  const { ms } = await timed(async () => {
    for (;;) {
      const n = await scorecards.reevaluateStale(500);
      if (n === 0) break;
      releases += n;
      batches++;
    }
  });
  return { ms, releases, batches };
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
