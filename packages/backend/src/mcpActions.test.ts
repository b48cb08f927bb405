import fs from 'fs';
import path from 'path';
import type { Server } from 'http';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import dependencyMapPlugin from '@waybill/plugin-dependency-map-backend';
import scorecardsPlugin from '@waybill/plugin-scorecards-backend';
import tenantRolloutsPlugin from '@waybill/plugin-tenant-rollouts-backend';
import { createTestDatabases, testsPolicy } from '@waybill/test-utils';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';

/*
 * Waybill's actions as an assistant reaches them: the real scorecards, tenant-rollouts and
 * dependency-map plugins register them, the real actions registry and actions service carry
 * them, and the MCP actions backend serves them, configured by app-config.yaml. The test is an
 * MCP client over Streamable HTTP with a user's token, as Claude or Cursor would be.
 */

const databases = createTestDatabases();
jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../../..');
const entities = [
  'erp.yaml',
  'customer-apps.yaml',
  'integrations.yaml',
  'business-processes.yaml',
  'systems.yaml',
  'tenants.yaml',
].flatMap(file =>
  parseAllDocuments(fs.readFileSync(path.join(root, 'examples', file), 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(e => e.kind !== 'Location'),
);
/** The actions and MCP server settings the portal runs with. */
const appConfig = parse(
  fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
);

/** May do everything. */
const MANAGER = 'user:default/release-manager';
/** Holds none of Waybill's read permissions. */
const OUTSIDER = 'user:default/outsider';
/** Holds them, but may read no catalog entity. */
const CONTRACTOR = 'user:default/contractor';
const WAYBILL_READS = [
  'scorecards.release.read',
  'dependency-map.graph.read',
  'tenant-rollouts.read',
];

const userOf = (credentials: any): string | undefined =>
  credentials?.principal?.userEntityRef;
const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) =>
    requests.map(r => ({
      result:
        userOf(options?.credentials) === OUTSIDER &&
        WAYBILL_READS.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  authorizeConditional: async (requests, options) =>
    requests.map(() => ({
      result:
        userOf(options?.credentials) === CONTRACTOR
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
}).factory;

const release =
  '/api/scorecards/entities/component/default/inventory/releases/4.2.0';
const CI = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'scorecards',
});
/** Any test run counts; a failing test blocks production. */
const policy = testsPolicy;
const junit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="2" failures="1">
  <testsuite name="inventory" tests="2" failures="1">
    <testcase classname="inventory" name="reserves stock"/>
    <testcase classname="inventory" name="releases stock"><failure message="expected 1, got 2"/></testcase>
  </testsuite>
</testsuites>
`;
const freezeWindows = [
  {
    id: 'friday-cutoff',
    title: 'Friday shipping cut-off',
    schedule: { kind: 'weekly', days: ['fri'], from: '16:00', to: '20:00' },
  },
  {
    id: 'retail-peak',
    title: 'Retail peak season',
    scope: { segment: ['retail'] },
    schedule: { kind: 'yearly', from: '11-20', to: '01-05' },
  },
];

type AuditRecord = { eventId: string; meta?: any; status: string };

async function startPortal(audit: AuditRecord[]) {
  const backend = await startTestBackend({
    features: [
      mcpActionsPlugin,
      scorecardsPlugin,
      tenantRolloutsPlugin,
      dependencyMapPlugin,
      // The real registry and service, not the test backend's in-memory mocks: actions travel
      // over HTTP between plugins, as in the portal.
      actionsRegistryServiceFactory,
      actionsServiceFactory,
      catalogServiceMock.factory({ entities }),
      permissions,
      // Each plugin its own SQLite database, as in the portal.
      createServiceFactory({
        service: coreServices.database,
        deps: {},
        async factory() {
          const knex = await databases.init('SQLITE_3');
          return { getClient: async () => knex };
        },
      }),
      mockServices.auditor.mock({
        createEvent: async ({ eventId, meta }) => ({
          success: async () => {
            audit.push({ eventId, meta, status: 'succeeded' });
          },
          fail: async () => {
            audit.push({ eventId, meta, status: 'failed' });
          },
        }),
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          backend: { actions: appConfig.backend.actions },
          mcpActions: appConfig.mcpActions,
          scorecards: { policy },
          tenantRollouts: {
            gate: { whenScorecardsAbsent: 'fail' },
            freezeWindows,
          },
        },
      }),
    ],
  });
  return backend.server;
}

/** A release of inventory with a failing test, and a rollout of it to production. */
async function seed(server: Server): Promise<number> {
  await request(server)
    .post(`${release}/evidence/tests`)
    .set('Authorization', CI)
    .type('application/xml')
    .send(junit)
    .expect(201);
  const created = await request(server)
    .post('/api/tenant-rollouts/rollouts')
    .set('Authorization', mockCredentials.user.header(MANAGER))
    .send({
      entityRef: 'component:default/inventory',
      version: '4.2.0',
      environment: 'production',
      strategy: {
        waves: [
          { name: 'retail', select: { segment: ['retail'] } },
          { name: 'everyone-else', select: {} },
        ],
      },
    })
    .expect(201);
  return created.body.id;
}

describe('Waybill actions, served to assistants by the MCP actions backend', () => {
  let server: Server & { port(): number };
  let rolloutId: number;
  const audit: AuditRecord[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    server = (await startPortal(audit)) as typeof server;
    rolloutId = await seed(server);
  });
  afterAll(() => Promise.all(clients.map(c => c.close())));

  /** An MCP client connected as `user`, with their Backstage token. */
  async function connectAs(user: string): Promise<Client> {
    const client = new Client({ name: 'waybill-test', version: '1.0.0' });
    const url = new URL(`http://localhost:${server.port()}/api/mcp-actions/v1`);
    const token = mockCredentials.user.token(user);
    await client.connect(
      new StreamableHTTPClientTransport(url, {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
    clients.push(client);
    return client;
  }

  /** A tool's output, or the error it answered with. */
  async function call(
    client: Client,
    name: string,
    args: Record<string, unknown>,
  ): Promise<{ output?: any; error?: string }> {
    const result = (await client.callTool({
      name,
      arguments: args,
    })) as CallToolResult;
    if (result.isError) {
      return { error: (result.content[0] as { text: string }).text };
    }
    return { output: result.structuredContent };
  }

  const http = (user: string, url: string) =>
    request(server)
      .get(url)
      .set('Authorization', mockCredentials.user.header(user));

  it('lists the seven actions as read-only tools with their input schemas', async () => {
    const { tools } = await (await connectAs(MANAGER)).listTools();
    const byName = new Map(tools.map(t => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual([
      'dependency-map.get-change-impact',
      'dependency-map.plan-deploy-order',
      'dependency-map.plan-release-train',
      'scorecards.explain-release-score',
      'scorecards.get-release-gate',
      'tenant-rollouts.get-rollout-status',
      'tenant-rollouts.list-tenant-freeze-windows',
    ]);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
      });
      expect(tool.description!.length).toBeGreaterThan(100);
    }
    const gate = byName.get('scorecards.get-release-gate')!.inputSchema;
    expect(gate.required).toEqual(['entityRef', 'version', 'environment']);
    expect(Object.keys(gate.properties!)).toEqual([
      'entityRef',
      'version',
      'environment',
      'segments',
    ]);
    const train = byName.get('dependency-map.plan-release-train')!.inputSchema;
    expect(train.properties!.changes).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 500,
    });
  });

  it("answers the release gate with the route's decision, reasons and fix hints", async () => {
    const client = await connectAs(MANAGER);
    const { output } = await call(client, 'scorecards.get-release-gate', {
      entityRef: 'inventory',
      version: '4.2.0',
      environment: 'production',
    });
    expect(output).toMatchObject({
      entityRef: 'component:default/inventory',
      decision: 'fail',
      policyDecision: 'fail',
      score: 50,
      grade: 'F',
      reasons: [
        {
          checkId: 'no-failing-tests',
          status: 'fail',
          enforcement: 'fail',
          fixHint: 'Fix the failing test',
        },
      ],
      waivers: [],
      override: null,
    });
    const route = await http(MANAGER, `${release}/gates/production`).expect(
      200,
    );
    expect(output.reasons[0].reason).toBe(route.body.reasons[0].reason);
    expect(output.score).toBe(route.body.score);

    const unknown = await call(client, 'scorecards.get-release-gate', {
      entityRef: 'inventory',
      version: '4.2.0',
      environment: 'moon',
    });
    expect(unknown.error).toMatch(/^InputError: Unknown environment "moon"/);
  });

  it("explains a release's score from its checks, evidence and waivers", async () => {
    const { output } = await call(
      await connectAs(MANAGER),
      'scorecards.explain-release-score',
      { entityRef: 'component:default/inventory', version: '4.2.0' },
    );
    expect(output.score).toBe(50);
    expect(output.checks).toEqual([
      expect.objectContaining({
        id: 'tests-ran',
        status: 'pass',
        fact: 'tests.total',
        observed: 2,
        threshold: 1,
        weight: 1,
      }),
      expect.objectContaining({
        id: 'no-failing-tests',
        status: 'fail',
        fact: 'tests.failed',
        observed: 1,
        threshold: 0,
      }),
    ]);
    expect(output.evidence).toEqual([
      expect.objectContaining({ kind: 'tests', format: 'junit' }),
    ]);
    expect(Date.parse(output.evidence[0].uploadedAt)).not.toBeNaN();
    expect(output.waivers).toEqual([]);
  });

  it('answers impact, deploy order and release trains from the dependency map', async () => {
    const client = await connectAs(MANAGER);
    const impact = (
      await call(client, 'dependency-map.get-change-impact', {
        entityRef: 'component:default/inventory',
        limit: 3,
      })
    ).output;
    const route = await http(
      MANAGER,
      '/api/dependency-map/entities/component/default/inventory/impact',
    ).expect(200);
    expect(impact.affected.map((a: any) => a.entityRef)).toEqual(
      route.body.affected.slice(0, 3).map((a: any) => a.entityRef),
    );
    expect(impact.affectedCount).toBe(route.body.affected.length);
    expect(impact.truncated.affected).toBe(route.body.affected.length > 3);
    expect(impact.businessProcesses.map((p: any) => p.name)).toContain(
      'inventory-allocation',
    );
    expect(impact.tenantCount).toBe(route.body.tenants.length);
    expect(impact.tenantCount).toBeGreaterThan(0);

    const refs = ['sales', 'inventory', 'purchase'];
    const order = (
      await call(client, 'dependency-map.plan-deploy-order', {
        entityRefs: refs,
      })
    ).output;
    const routeOrder = await http(
      MANAGER,
      `/api/dependency-map/deploy-order?entityRef=${refs.join(',')}`,
    ).expect(200);
    expect(order.stages).toEqual(routeOrder.body.stages);
    expect(order.sequence).toEqual(routeOrder.body.sequence);

    const changes = [
      { entityRef: 'inventory', version: '4.2.0' },
      { entityRef: 'no-such-service', version: '1.0.0' },
    ];
    const train = (
      await call(client, 'dependency-map.plan-release-train', { changes })
    ).output;
    const routeTrain = await request(server)
      .post('/api/dependency-map/release-train')
      .set('Authorization', mockCredentials.user.header(MANAGER))
      .send({ changes })
      .expect(200);
    expect(train).toMatchObject({
      safe: false,
      sequence: routeTrain.body.sequence,
      rejected: [{ index: 1, reason: 'unknown-entity' }],
    });
  });

  it("answers a rollout's status with its waves and blockers, and a tenant's freezes", async () => {
    const client = await connectAs(MANAGER);
    const status = (
      await call(client, 'tenant-rollouts.get-rollout-status', {
        entityRef: 'inventory',
        version: '4.2.0',
      })
    ).output;
    expect(status).toMatchObject({ id: rolloutId, state: 'planned' });
    expect(status.waves.map((w: any) => w.name)).toEqual([
      'retail',
      'everyone-else',
    ]);
    const retail = status.waves[0];
    expect(retail.total).toBeGreaterThan(0);
    expect(retail.statuses.pending).toBe(retail.total);
    const start = status.nextActions.find((a: any) => a.action === 'start');
    expect(start.ready).toBe(false);
    const gate = start.blockers.find((b: any) => b.kind === 'gate');
    expect(gate.gate).toMatchObject({ decision: 'fail', passed: false });
    const byId = await call(client, 'tenant-rollouts.get-rollout-status', {
      rolloutId,
    });
    expect(byId.output.waves).toEqual(status.waves);

    const freezes = async (tenantRef: string) =>
      (
        await call(client, 'tenant-rollouts.list-tenant-freeze-windows', {
          tenantRef,
          from: '2026-11-16T00:00:00Z',
          to: '2026-11-23T00:00:00Z',
        })
      ).output;
    const retailTenant = await freezes('northgate-pharmacy-group');
    expect(retailTenant.windows.map((w: any) => w.id)).toEqual([
      'friday-cutoff',
      'retail-peak',
    ]);
    // Friday 20 November 2026, 16:00 to 20:00 in London.
    expect(retailTenant.windows[0].occurrences).toEqual([
      expect.objectContaining({
        start: '2026-11-20T16:00:00.000Z',
        end: '2026-11-20T20:00:00.000Z',
      }),
    ]);
    const wholesale = await freezes('resource:default/harbor-foods-wholesale');
    expect(wholesale.windows.map((w: any) => w.id)).toEqual(['friday-cutoff']);
  });

  it('refuses a user without the permission as the route does, and the MCP backend audits each call', async () => {
    audit.length = 0;
    const client = await connectAs(OUTSIDER);
    const gate = await call(client, 'scorecards.get-release-gate', {
      entityRef: 'inventory',
      version: '4.2.0',
      environment: 'production',
    });
    const route = await http(OUTSIDER, `${release}/gates/production`).expect(
      403,
    );
    expect(gate.error).toBe(`NotAllowedError: ${route.body.error.message}`);
    expect(gate.error).toBe(
      'NotAllowedError: Missing permission scorecards.release.read',
    );
    const impact = await call(client, 'dependency-map.get-change-impact', {
      entityRef: 'inventory',
    });
    expect(impact.error).toBe(
      'NotAllowedError: Missing permission dependency-map.graph.read',
    );
    const status = await call(client, 'tenant-rollouts.get-rollout-status', {
      rolloutId,
    });
    expect(status.error).toBe(
      'NotAllowedError: Missing permission tenant-rollouts.read',
    );
    await call(await connectAs(MANAGER), 'scorecards.get-release-gate', {
      entityRef: 'inventory',
      version: '4.2.0',
      environment: 'staging',
    });
    const executions = audit
      .filter(e => e.eventId === 'tool-execution')
      .map(e => [e.meta.toolName, e.status]);
    expect(executions).toEqual([
      ['scorecards.get-release-gate', 'failed'],
      ['dependency-map.get-change-impact', 'failed'],
      ['tenant-rollouts.get-rollout-status', 'failed'],
      ['scorecards.get-release-gate', 'succeeded'],
    ]);
  });

  it('does not show a user the entities the catalog does not let them read', async () => {
    const client = await connectAs(CONTRACTOR);
    const gate = await call(client, 'scorecards.get-release-gate', {
      entityRef: 'inventory',
      version: '4.2.0',
      environment: 'production',
    });
    const route = await http(CONTRACTOR, `${release}/gates/production`).expect(
      404,
    );
    expect(gate.error).toBe(`NotFoundError: ${route.body.error.message}`);
    const status = await call(client, 'tenant-rollouts.get-rollout-status', {
      rolloutId,
    });
    expect(status.error).toBe(`NotFoundError: No rollout ${rolloutId}`);
    const freezes = await call(
      client,
      'tenant-rollouts.list-tenant-freeze-windows',
      {
        tenantRef: 'northgate-pharmacy-group',
      },
    );
    expect(freezes.error).toMatch(/^NotFoundError: No tenant /);
    const impact = await call(client, 'dependency-map.get-change-impact', {
      entityRef: 'inventory',
    });
    expect(impact.error).toMatch(/^NotFoundError: No entity "inventory"/);
  });
});
