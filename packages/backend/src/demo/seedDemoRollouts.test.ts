import fs from 'fs';
import path from 'path';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scorecardsPlugin from '@waybill/plugin-scorecards-backend';
import tenantRolloutsPlugin from '@waybill/plugin-tenant-rollouts-backend';
import { createTestDatabases } from '@waybill/test-utils';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import demoPlugin from '.';
import { parseDemoReleases } from './demoReleases';
import { EU_EDGE_FAILURE } from './demoRollouts';
import { seedDemoRollouts, SeedRolloutsOptions } from './seedDemoRollouts';

/*
 * The demo plugin seeding the demo evidence and then the demo rollouts into the real scorecards
 * and tenant-rollouts backends, over the demo catalog (components and tenants from examples/)
 * and the strategies of app-config.yaml. The tenant-rollouts backend reads the real clock, so
 * the tests replace app-config.yaml's date-dependent freeze windows: none, or one that always
 * holds every tenant.
 */

const databases = createTestDatabases();
jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../../../..');
const examples = path.join(root, 'examples');
const manifest = path.join(examples, 'evidence/releases.yaml');
const entities = [
  'erp.yaml',
  'integrations.yaml',
  'customer-apps.yaml',
  'tenants.yaml',
].flatMap(file =>
  parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(e => e.kind === 'Component' || e.kind === 'Resource'),
);
const appConfig = parse(
  fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
);

const ALWAYS_FROZEN = [
  {
    id: 'always',
    title: 'Always frozen',
    schedule: {
      kind: 'one-off',
      start: '2000-01-01T00:00',
      end: '2100-01-01T00:00',
    },
  },
];

interface LogLine {
  level: string;
  message: string;
  plugin?: unknown;
}

/** A root logger that keeps every line, with the plugin of its child logger. */
function capturingLogger(
  lines: LogLine[],
  meta: Record<string, unknown> = {},
): RootLoggerService {
  const log = (level: string) => (message: string) => {
    lines.push({ level, message, plugin: meta.plugin });
  };
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: more => capturingLogger(lines, { ...meta, ...more }),
  };
}

async function startDemo(options: {
  databaseId: Parameters<typeof databases.init>[0];
  freezeWindows: unknown[];
}) {
  const lines: LogLine[] = [];
  let services: Omit<SeedRolloutsOptions, 'releases'> | undefined;
  // Hands the test the services a plugin gets, to seed a second time.
  const probe = createBackendPlugin({
    pluginId: 'demo-probe',
    register(env) {
      env.registerInit({
        deps: {
          auth: coreServices.auth,
          discovery: coreServices.discovery,
          logger: coreServices.logger,
          catalog: catalogServiceRef,
        },
        async init(deps) {
          services = deps;
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      scorecardsPlugin,
      tenantRolloutsPlugin,
      demoPlugin,
      probe,
      catalogServiceMock.factory({ entities }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => capturingLogger(lines),
      }),
      // A database of its own for each plugin, as the backend gives them.
      createServiceFactory({
        service: coreServices.database,
        deps: {},
        async factory() {
          const knex = await databases.init(options.databaseId);
          return { getClient: async () => knex };
        },
      }),
      mockServices.rootConfig.factory({
        data: {
          waybill: { demo: { seedEvidence: manifest, seedRollouts: true } },
          scorecards: { trust: appConfig.scorecards.trust },
          tenantRollouts: {
            ...appConfig.tenantRollouts,
            freezeWindows: options.freezeWindows,
          },
        },
      }),
    ],
  });

  // Seeding runs in the background after startup; its last line says it is done.
  const done = (line: LogLine) =>
    /^Seeded \d+ demo rollouts|^Demo rollouts not seeded|^Seeding demo .* failed/.test(
      line.message,
    );
  for (let i = 0; i < 300 && !lines.some(done); i++) {
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  const demoLines = lines.filter(l => l.plugin === 'waybill-demo');
  expect(demoLines.filter(l => l.level === 'error')).toEqual([]);
  expect(lines.some(done)).toBe(true);

  const api = (method: 'get' | 'post', url: string) =>
    request(server)
      [method](`/api/tenant-rollouts${url}`)
      .set('Authorization', mockCredentials.user.header());
  const rollouts = async () => {
    const list = (await api('get', '/rollouts?limit=100')).body.items;
    const views = await Promise.all(
      list.map(async (r: any) => (await api('get', `/rollouts/${r.id}`)).body),
    );
    return new Map<string, any>(views.map(v => [v.entityRef.split('/')[1], v]));
  };
  return { api, rollouts, lines: demoLines, services: services! };
}

describe.each(databases.eachSupportedId())(
  'demo rollouts on %s',
  databaseId => {
    it('seeds three rollouts after the evidence: a healthy canary, failures isolated to Europe, one held by its gate; once', async () => {
      const demo = await startDemo({ databaseId, freezeWindows: [] });
      const seeded = await demo.rollouts();
      expect([...seeded.keys()].sort()).toEqual([
        'customer-portal',
        'inventory',
        'sales',
      ]);

      // sales 7.4.0, default strategy: the canary is healthy and baking.
      const sales = seeded.get('sales');
      expect(sales).toMatchObject({
        version: '7.4.0',
        environment: 'production',
        state: 'running',
        currentWave: 0,
        strategySource: 'config:default',
        createdBy: 'plugin:waybill-demo',
      });
      expect(sales.waves.map((w: any) => w.name)).toEqual([
        'canary',
        'europe',
        'north-america',
        'everyone-else',
        'dedicated-and-critical',
      ]);
      expect(sales.waves[0]).toMatchObject({ total: 3, healthy: 3 });
      // The board's "Advance to wave 1" is refused while the canary bakes.
      const advance = await demo.api(
        'post',
        `/rollouts/${sales.id}/actions/advance`,
      );
      expect(advance.status).toBe(409);
      expect(advance.body.blockers.map((b: any) => b.kind)).toEqual(['bake']);

      // customer-portal 12.0.3: the regional pilot, with 5 European tenants failing.
      const portal = seeded.get('customer-portal');
      expect(portal).toMatchObject({
        version: '12.0.3',
        state: 'running',
        currentWave: 0,
        strategySource: 'request',
      });
      const pilot = portal.waves[0];
      expect(pilot).toMatchObject({
        name: 'regional-pilot',
        total: 20,
        healthy: 15,
      });
      expect(portal.waves[1]).toMatchObject({
        name: 'everyone-else',
        total: 7,
      });
      // The board's first page holds the pilot's 20 tenants and the rest's 7.
      const failed = portal.tenants.items.filter(
        (t: any) => t.wave === 0 && t.status === 'failed',
      );
      expect(failed).toHaveLength(5);
      expect(
        failed.every(
          (t: any) => t.region === 'europe' && t.detail === EU_EDGE_FAILURE,
        ),
      ).toBe(true);
      expect(
        portal.tenants.items
          .filter((t: any) => t.wave === 0)
          .every((t: any) =>
            ['wholesale', 'manufacturing', 'third-party-logistics'].includes(
              t.segment,
            ),
          ),
      ).toBe(true);
      expect(portal.analysis).toMatchObject({
        verdict: 'isolated',
        settled: 20,
        failed: 5,
        isolatedTo: { axis: 'region', value: 'europe', failed: 5 },
      });
      expect(portal.analysis.isolatedTo.adjustedPValue).toBeLessThan(0.05);

      // inventory 5.2.0: the gate fails, so the start is refused and logged; left planned.
      expect(seeded.get('inventory')).toMatchObject({
        version: '5.2.0',
        state: 'planned',
        currentWave: 0,
        events: [],
      });
      expect(demo.lines).toContainEqual(
        expect.objectContaining({
          message: expect.stringMatching(
            /^Demo rollout \d+: start refused \(409, gate\): .*critical.*; left planned at wave 0, not overridden$/,
          ),
        }),
      );
      expect(demo.lines.map(l => l.message)).toContainEqual(
        expect.stringMatching(
          /verdict isolated to region europe: 5 of 5 failures/,
        ),
      );

      // A second run (a restart) finds rollouts and seeds nothing.
      const releases = parseDemoReleases(
        parse(fs.readFileSync(manifest, 'utf8')),
      );
      await expect(
        seedDemoRollouts({ ...demo.services, releases }),
      ).resolves.toEqual([]);
      expect((await demo.rollouts()).size).toBe(3);
    });
  },
);

describe('demo rollouts', () => {
  it('stops each rollout at the step the backend refuses and logs why, without overriding or throwing', async () => {
    const demo = await startDemo({
      databaseId: 'SQLITE_3',
      freezeWindows: ALWAYS_FROZEN,
    });
    const seeded = await demo.rollouts();
    expect(
      [...seeded.values()].map(r => [r.entityRef, r.state, r.events]),
    ).toEqual(
      expect.arrayContaining([
        ['component:default/sales', 'planned', []],
        ['component:default/customer-portal', 'planned', []],
        ['component:default/inventory', 'planned', []],
      ]),
    );
    const refusals = demo.lines
      .map(l => l.message)
      .filter(m => /^Demo rollout \d+: start refused/.test(m));
    expect(refusals).toEqual([
      expect.stringMatching(/\(409, freeze\): .*Always frozen/),
      expect.stringMatching(/\(409, freeze\): .*Always frozen/),
      expect.stringMatching(/\(409, freeze and gate\)/),
    ]);
    expect(demo.lines.at(-1)?.message).toMatch(
      /^Seeded 3 demo rollouts: .*sales 7.4.0 planned at wave 0 \(start refused\)/,
    );
  });

  it('seeds nothing when none of the demo releases is in the evidence manifest', async () => {
    const logger = mockServices.logger.mock();
    await expect(
      seedDemoRollouts({
        releases: [],
        auth: mockServices.auth(),
        discovery: mockServices.discovery(),
        catalog: catalogServiceMock(),
        logger,
      }),
    ).resolves.toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      'No demo rollouts seeded: none of their releases is in the demo evidence manifest',
    );
  });
});
