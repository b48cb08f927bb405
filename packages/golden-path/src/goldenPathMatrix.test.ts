/*
 * Every template × CI provider × criticality tier, run for real: goldenPath.test.ts runs four
 * of the eighteen combinations with checks of their own (a gate stop, a failing tenant, a
 * replayed identity); this file runs the other fourteen, one row each. Each row is scaffolded
 * through the real scaffolder with its own values, its whole generated pipeline runs against
 * the real backend (GitHub Actions by this package's runner, GitLab CI by gitlab-ci-local, each
 * job in a fresh clone of the pushed commit: the repository's own lint, format, type check and
 * tests included), and the release must go from evidence to a completed rollout in its tier's
 * waves. Clouds, tenancy and in-cluster deploy strategy vary across the rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { TEMPLATES_DIR } from './scaffold';
import { PipelineEstate, startEstate, stopEstate } from './pipelineEstate';
import {
  githubJobsReport,
  gitlabInvocationsReport,
  stubReport,
  Timings,
} from './pipelineReports';
import { githubRun, gitlabPipeline, scaffoldInto } from './pipelineRuns';
import {
  expectEveryGithubJobSucceeded,
  expectEveryGitlabJobSucceeded,
  expectReleasedThroughWaybill,
  githubVersion,
  gitlabVersion,
  TIER_WAVES,
} from './releaseExpectations';

jest.setTimeout(900_000);

type Template = 'api-service' | 'erp-integration-worker' | 'customer-web-app';
type Tier = keyof typeof TIER_WAVES;
type CiProvider = 'github-actions' | 'gitlab-ci';

/** One row: a combination and the form values a developer would give for it. */
interface Combination {
  template: Template;
  tier: Tier;
  ciProvider: CiProvider;
  name: string;
  tenantPrefix: string;
  description: string;
  owner: string;
  businessProcesses: string[];
  clouds: Array<'aws' | 'azure' | 'gcp'>;
  tenancy: 'shared' | 'dedicated';
  deployStrategy: 'rolling' | 'canary' | 'blue-green';
  /** The template's own fields (the worker's ERP API and queue, an API service's consumed APIs). */
  values?: Record<string, unknown>;
}

/** The combinations goldenPath.test.ts runs (with its own checks); this file runs the rest. */
const RUN_BY_GOLDEN_PATH_TEST: Array<[Template, Tier, CiProvider]> = [
  ['api-service', 'critical', 'github-actions'],
  ['erp-integration-worker', 'standard', 'github-actions'],
  ['customer-web-app', 'internal', 'github-actions'],
  ['api-service', 'standard', 'gitlab-ci'],
];

const COMBINATIONS: Combination[] = [
  // GitHub Actions
  {
    template: 'api-service',
    tier: 'internal',
    ciProvider: 'github-actions',
    name: 'stock-lookup-api',
    tenantPrefix: 'sla',
    description: 'Answers stock levels per warehouse for the service desk.',
    owner: 'group:default/warehouse-systems',
    businessProcesses: ['domain:default/inventory-allocation'],
    clouds: ['gcp'],
    tenancy: 'shared',
    deployStrategy: 'canary',
    values: {
      consumedApis: [{ api: 'inventory-availability-api', range: '^3.2.0' }],
    },
  },
  {
    template: 'api-service',
    tier: 'standard',
    ciProvider: 'github-actions',
    name: 'trade-accounts-api',
    tenantPrefix: 'taa',
    description: 'Keeps trade customer accounts and their delivery addresses.',
    owner: 'group:default/digital-channels',
    businessProcesses: ['domain:default/order-to-cash'],
    clouds: ['azure'],
    tenancy: 'dedicated',
    deployStrategy: 'blue-green',
    values: { system: 'customer-channels' },
  },
  {
    template: 'erp-integration-worker',
    tier: 'internal',
    ciProvider: 'github-actions',
    name: 'ledger-export-worker',
    tenantPrefix: 'lew',
    description: 'Exports settled invoices to the general ledger.',
    owner: 'group:default/finance-systems',
    businessProcesses: ['domain:default/record-to-report'],
    clouds: ['aws'],
    tenancy: 'shared',
    deployStrategy: 'rolling',
    values: {
      erpApi: 'api:default/ledger-postings-api',
      erpApiRange: '^4.0.0',
      erpComponent: 'component:default/accounting',
      queue: 'invoices.settled',
      erpPath: '/tenants/{tenantId}/journal-entries',
    },
  },
  {
    template: 'erp-integration-worker',
    tier: 'critical',
    ciProvider: 'github-actions',
    name: 'stock-reservation-worker',
    tenantPrefix: 'srw',
    description: 'Reserves stock for confirmed sales orders.',
    owner: 'group:default/warehouse-systems',
    businessProcesses: [
      'domain:default/order-to-cash',
      'domain:default/inventory-allocation',
    ],
    clouds: ['azure', 'gcp'],
    tenancy: 'dedicated',
    deployStrategy: 'blue-green',
    values: {
      system: 'integration-hub',
      erpApi: 'inventory-reservations-api',
      erpApiRange: '>=0.4.0 <0.5.0',
      erpComponent: 'component:default/inventory',
      queue: 'sales-orders.confirmed',
      erpPath: '/tenants/{tenantId}/reservations',
    },
  },
  {
    template: 'customer-web-app',
    tier: 'standard',
    ciProvider: 'github-actions',
    name: 'supplier-portal-web',
    tenantPrefix: 'spw',
    description: 'Lets suppliers confirm purchase orders and delivery dates.',
    owner: 'group:default/procurement-systems',
    businessProcesses: ['domain:default/procure-to-pay'],
    clouds: ['aws', 'gcp'],
    tenancy: 'shared',
    deployStrategy: 'canary',
  },
  {
    template: 'customer-web-app',
    tier: 'critical',
    ciProvider: 'github-actions',
    name: 'trade-checkout-web',
    tenantPrefix: 'tcw',
    description: 'Takes trade customer orders, with contract prices.',
    owner: 'group:default/digital-channels',
    businessProcesses: ['domain:default/order-to-cash'],
    clouds: ['aws', 'azure', 'gcp'],
    tenancy: 'dedicated',
    deployStrategy: 'rolling',
    values: {
      system: 'customer-channels',
      consumedApis: [{ api: 'api:default/sales-orders-api', range: '^2.4.0' }],
      dependsOn: ['component:default/sales'],
    },
  },
  // GitLab CI
  {
    template: 'api-service',
    tier: 'internal',
    ciProvider: 'gitlab-ci',
    name: 'dock-schedule-api',
    tenantPrefix: 'dka',
    description: 'Plans dock doors for inbound and outbound trucks.',
    owner: 'group:default/warehouse-systems',
    businessProcesses: ['domain:default/inventory-allocation'],
    clouds: ['aws'],
    tenancy: 'dedicated',
    deployStrategy: 'blue-green',
  },
  {
    template: 'api-service',
    tier: 'critical',
    ciProvider: 'gitlab-ci',
    name: 'credit-limits-api',
    tenantPrefix: 'cla',
    description: 'Checks trade customer credit limits before orders are taken.',
    owner: 'group:default/finance-systems',
    businessProcesses: [
      'domain:default/order-to-cash',
      'domain:default/record-to-report',
    ],
    clouds: ['aws', 'azure', 'gcp'],
    tenancy: 'shared',
    deployStrategy: 'canary',
    values: {
      consumedApis: [{ api: 'ledger-postings-api', range: '^4.1.0' }],
      dependsOn: ['component:default/accounting'],
    },
  },
  {
    template: 'erp-integration-worker',
    tier: 'internal',
    ciProvider: 'gitlab-ci',
    name: 'stock-valuation-sync',
    tenantPrefix: 'svs',
    description: 'Posts the value of stock movements to the ledger.',
    owner: 'group:default/finance-systems',
    businessProcesses: [
      'domain:default/record-to-report',
      'domain:default/inventory-allocation',
    ],
    clouds: ['gcp'],
    tenancy: 'shared',
    deployStrategy: 'canary',
    values: {
      erpApi: 'ledger-postings-api',
      erpApiRange: '~4.1.0',
      erpComponent: 'component:default/accounting',
      queue: 'stock.movements',
      erpPath: '/tenants/{tenantId}/journal-entries',
    },
  },
  {
    template: 'erp-integration-worker',
    tier: 'standard',
    ciProvider: 'gitlab-ci',
    name: 'edi-order-import',
    tenantPrefix: 'eoi',
    description: 'Imports EDI order files from trade customers into sales.',
    owner: 'group:default/integration-team',
    businessProcesses: ['domain:default/order-to-cash'],
    clouds: ['azure'],
    tenancy: 'dedicated',
    deployStrategy: 'rolling',
    values: {
      system: 'integration-hub',
      erpApi: 'api:default/order-import-api',
      erpApiRange: '>=1.9.0 <2.0.0',
      erpComponent: 'component:default/sales',
      queue: 'edi.orders.received',
      erpPath: '/tenants/{tenantId}/order-imports',
      dependsOn: ['resource:default/erp-event-bus'],
    },
  },
  {
    template: 'erp-integration-worker',
    tier: 'critical',
    ciProvider: 'gitlab-ci',
    name: 'trade-order-intake',
    tenantPrefix: 'toi',
    description: 'Places web shop orders of trade customers in sales.',
    owner: 'group:default/order-management',
    businessProcesses: ['domain:default/order-to-cash'],
    clouds: ['aws', 'azure'],
    tenancy: 'shared',
    deployStrategy: 'blue-green',
    values: {
      erpApi: 'sales-orders-api',
      erpApiRange: '^2.4.0',
      erpComponent: 'component:default/sales',
      queue: 'webshop.orders.placed',
      erpPath: '/tenants/{tenantId}/sales-orders',
    },
  },
  {
    template: 'customer-web-app',
    tier: 'internal',
    ciProvider: 'gitlab-ci',
    name: 'returns-desk-web',
    tenantPrefix: 'rdw',
    description: 'Lets the service desk register and follow returns.',
    owner: 'group:default/customer-success',
    businessProcesses: ['domain:default/order-to-cash'],
    clouds: ['azure', 'gcp'],
    tenancy: 'shared',
    deployStrategy: 'rolling',
  },
  {
    template: 'customer-web-app',
    tier: 'standard',
    ciProvider: 'gitlab-ci',
    name: 'dealer-catalog-web',
    tenantPrefix: 'dcw',
    description: 'Shows dealers the catalogue with their prices and stock.',
    owner: 'group:default/digital-channels',
    businessProcesses: [
      'domain:default/order-to-cash',
      'domain:default/inventory-allocation',
    ],
    clouds: ['gcp'],
    tenancy: 'dedicated',
    deployStrategy: 'blue-green',
    values: {
      consumedApis: [{ api: 'inventory-availability-api', range: '^3.0.0' }],
    },
  },
  {
    template: 'customer-web-app',
    tier: 'critical',
    ciProvider: 'gitlab-ci',
    name: 'invoice-payments-web',
    tenantPrefix: 'ipw',
    description: 'Lets trade customers pay and download their invoices.',
    owner: 'group:default/finance-systems',
    businessProcesses: [
      'domain:default/order-to-cash',
      'domain:default/record-to-report',
    ],
    clouds: ['aws', 'azure', 'gcp'],
    tenancy: 'dedicated',
    deployStrategy: 'canary',
    values: { system: 'customer-channels' },
  },
];

/** A row's title: the combination, then what varies. */
function title(c: Combination): string {
  const ci = c.ciProvider === 'github-actions' ? 'GitHub Actions' : 'GitLab CI';
  return `${c.template}: ${c.tier}, ${ci} (${c.clouds.join(' + ')}, ${
    c.tenancy
  }, ${c.deployStrategy})`;
}

/** A template's form enum, read from its template.yaml. */
function formEnum(template: string, field: string): string[] {
  const { spec } = parse(
    fs.readFileSync(
      path.join(TEMPLATES_DIR, template, 'template.yaml'),
      'utf8',
    ),
  );
  for (const page of spec.parameters) {
    if (page.properties?.[field]?.enum) return page.properties[field].enum;
  }
  throw new Error(`${template} has no ${field} choice`);
}

/**
 * Rows in flight at once. One pipeline leaves much of the 2 cores idle (one type check or lint
 * on its own, a wave's jobs waiting on the backend), so while a row's test runs, the next row
 * already runs too; each row's test waits for its own row and reports its own failure.
 * GOLDEN_PATH_ROWS_AT_ONCE=1 runs one row at a time.
 */
const ROWS_AT_ONCE = Number(process.env.GOLDEN_PATH_ROWS_AT_ONCE ?? 2);

describe('every template × CI provider × tier, run for real', () => {
  let estate: PipelineEstate;
  const timings = new Timings();
  const reports: string[] = [];
  const started = new Map<Combination, Promise<any>>();

  beforeAll(async () => {
    estate = await startEstate(timings);
  });

  afterAll(async () => {
    await Promise.allSettled(started.values());
    // eslint-disable-next-line no-console
    console.log(stubReport(estate ? estate.stubs.calls() : []));
    // eslint-disable-next-line no-console
    console.log(
      `Golden path matrix timings\n${timings}\n\n${reports.join('\n')}`,
    );
    await stopEstate(estate);
  });

  /**
   * One row: scaffolds the combination through the real scaffolder, runs its whole pipeline
   * (every job must succeed), and checks that the release went from evidence to a completed
   * rollout in the tier's waves; answers the rollout.
   */
  async function release(c: Combination, runId: string): Promise<any> {
    const label = title(c);
    const host =
      c.ciProvider === 'github-actions' ? 'github.com' : 'gitlab.com';
    const service = await timings.timed(`${label}: scaffold and register`, () =>
      scaffoldInto(
        estate,
        c.template,
        {
          name: c.name,
          description: c.description,
          owner: c.owner,
          tier: c.tier,
          businessProcesses: c.businessProcesses,
          clouds: c.clouds,
          ciProvider: c.ciProvider,
          deployStrategy: c.deployStrategy,
          tenancy: c.tenancy,
          repoUrl: `${host}?owner=meridian&repo=${c.name}`,
          ...c.values,
        },
        c.tenantPrefix,
      ),
    );
    let version: string;
    if (c.ciProvider === 'github-actions') {
      const run = await githubRun(estate, service, runId);
      await timings.timed(`${label}: pipeline`, () => run.run());
      expectEveryGithubJobSucceeded(run);
      expect([...run.missing]).toEqual([]);
      reports.push(`${label}: ${githubJobsReport(run)}`);
      version = githubVersion(run);
    } else {
      const pipeline = await gitlabPipeline(estate, service, runId);
      const results = await timings.timed(`${label}: pipeline`, () =>
        pipeline.run(),
      );
      expectEveryGitlabJobSucceeded(pipeline.gitlab, results);
      reports.push(`${label}: ${gitlabInvocationsReport(pipeline.gitlab)}`);
      version = gitlabVersion(pipeline.gitlab);
    }
    return expectReleasedThroughWaybill(estate, service, version, {
      waves: TIER_WAVES[c.tier],
    });
  }

  /** Starts row `index` unless it runs already; answers its outcome. */
  function start(index: number): Promise<any> {
    const c = COMBINATIONS[index];
    let outcome = started.get(c);
    if (!outcome) {
      outcome = release(c, String(5001 + index));
      // Awaited by the row's own test; afterAll waits for every started row.
      outcome.catch(() => {});
      started.set(c, outcome);
    }
    return outcome;
  }

  it('covers each combination of the templates exactly once with goldenPath.test.ts', () => {
    const templates = fs
      .readdirSync(TEMPLATES_DIR)
      .filter(d => fs.existsSync(path.join(TEMPLATES_DIR, d, 'template.yaml')));
    const expected = templates.flatMap(template =>
      formEnum(template, 'tier').flatMap(tier =>
        formEnum(template, 'ciProvider').map(ci =>
          [template, tier, ci].join(' / '),
        ),
      ),
    );
    const covered = [
      ...RUN_BY_GOLDEN_PATH_TEST.map(c => c.join(' / ')),
      ...COMBINATIONS.map(c => [c.template, c.tier, c.ciProvider].join(' / ')),
    ];
    expect(covered.sort()).toEqual(expected.sort());
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(COMBINATIONS.map(c => c.name))).toBe(true);
    expect(unique(COMBINATIONS.map(c => c.tenantPrefix))).toBe(true);
  });

  it.each(COMBINATIONS.map((c, index) => [title(c), index] as const))(
    '%s: scaffolds, runs every job, and takes a release to a completed rollout',
    async (_label, index) => {
      const outcome = start(index);
      for (let next = index + 1; next < index + ROWS_AT_ONCE; next++) {
        if (next < COMBINATIONS.length) start(next);
      }
      expect((await outcome).state).toBe('completed');
    },
  );
});
