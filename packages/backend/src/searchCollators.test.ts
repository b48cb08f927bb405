import type { Server } from 'http';
import type { AddressInfo } from 'net';
import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import scorecardsPlugin from '@waybill/plugin-scorecards-backend';
import {
  WaybillReleaseCollatorFactory,
  WaybillRolloutCollatorFactory,
} from '@waybill/plugin-search-backend-module-waybill';
import tenantRolloutsPlugin from '@waybill/plugin-tenant-rollouts-backend';
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
 * The search collators against the real scorecards and tenant-rollouts backends: each collator
 * calls them over HTTP through their typed clients, with the search plugin's own service token,
 * as the search backend's indexing task does.
 */

jest.setTimeout(120_000);

const MANAGER = mockCredentials.user.header('user:default/release-manager');

/** Discovery of the plugins on the test backend. */
function discoveryOf(server: Server): DiscoveryService {
  const { port } = server.address() as AddressInfo;
  const baseUrl = async (pluginId: string) =>
    `http://localhost:${port}/api/${pluginId}`;
  return { getBaseUrl: baseUrl, getExternalBaseUrl: baseUrl };
}

/** Every document a collator gives, in its order. */
async function collate(factory: DocumentCollatorFactory): Promise<unknown[]> {
  const documents: unknown[] = [];
  for await (const document of await factory.getCollator()) {
    documents.push(document);
  }
  return documents;
}

const byTitle = (documents: unknown[]) =>
  [...(documents as Array<{ title: string }>)].sort((a, b) =>
    a.title.localeCompare(b.title),
  );

describe('the waybill search collators', () => {
  let server: Server;
  let services: { auth: AuthService; discovery: DiscoveryService };
  let running: { id: number; waveCount: number; tenantCount: number };
  let planned: { id: number; waveCount: number; tenantCount: number };

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        scorecardsPlugin,
        tenantRolloutsPlugin,
        catalogServiceMock.factory({
          entities: [inventory, sales, ...tenants],
        }),
        mockServices.rootConfig.factory({
          data: { scorecards: scorecardsConfig },
        }),
      ],
    }));
    services = {
      auth: mockServices.auth({ pluginId: 'search' }),
      discovery: discoveryOf(server),
    };
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
    await uploadTests(server, {
      name: 'sales',
      version: '2.1.0',
      failing: true,
    });
    // A release manager lets sales 2.1.0 into production in spite of its failing test.
    await request(server)
      .post(
        '/api/scorecards/entities/component/default/sales/releases/2.1.0/gates/production/overrides',
      )
      .set('Authorization', MANAGER)
      .send({
        reason: 'The failing case is a known flaky carrier sandbox test',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);

    // Inventory 5.2.0 only warns on staging, so its staging rollout may start.
    running = await planRollout(server, MANAGER, {
      name: 'inventory',
      version: '5.2.0',
      environment: 'staging',
    });
    await startRollout(server, MANAGER, running.id);
    planned = await planRollout(server, MANAGER, {
      name: 'sales',
      version: '2.0.0',
      environment: 'production',
    });
  });

  it('gives one release document per release, with its entity, grade and gates, linked to its scorecard', async () => {
    const documents = await collate(
      new WaybillReleaseCollatorFactory(services),
    );
    expect(byTitle(documents)).toEqual([
      {
        title: 'inventory 5.1.0',
        text:
          'Inventory. Owner: warehouse-systems. System: erp-core. ' +
          'Business processes: inventory-allocation, order-to-cash. ' +
          'Grade A, score 100. Gates: staging: pass, production: pass.',
        location:
          '/catalog/default/component/inventory/scorecards?release=5.1.0',
        authorization: { resourceRef: 'component:default/inventory' },
        entityRef: 'component:default/inventory',
        version: '5.1.0',
        score: 100,
        grade: 'A',
        gates: [
          { environment: 'staging', decision: 'pass', policyDecision: 'pass' },
          {
            environment: 'production',
            decision: 'pass',
            policyDecision: 'pass',
          },
        ],
      },
      expect.objectContaining({
        title: 'inventory 5.2.0',
        text: expect.stringMatching(
          /^Inventory\. .* Gates: staging: warn, production: fail\.$/,
        ),
        location:
          '/catalog/default/component/inventory/scorecards?release=5.2.0',
        authorization: { resourceRef: 'component:default/inventory' },
      }),
      expect.objectContaining({ title: 'sales 2.0.0' }),
      expect.objectContaining({
        title: 'sales 2.1.0',
        text:
          'Sales Order Management. Owner: order-management. System: erp-core. ' +
          'Business processes: order-to-cash. Grade F, score 50. ' +
          'Gates: staging: warn, production: pass (policy: fail).',
        authorization: { resourceRef: 'component:default/sales' },
        gates: [
          { environment: 'staging', decision: 'warn', policyDecision: 'warn' },
          {
            environment: 'production',
            decision: 'pass',
            policyDecision: 'fail',
          },
        ],
      }),
    ]);
  });

  it('pages through the portfolio, calling the scorecards backend as the search plugin', async () => {
    const auth = mockServices.auth({ pluginId: 'search' });
    const tokens = jest.spyOn(auth, 'getPluginRequestToken');
    const documents = await collate(
      new WaybillReleaseCollatorFactory({ ...services, auth, pageSize: 1 }),
    );
    expect(byTitle(documents).map(d => d.title)).toEqual([
      'inventory 5.1.0',
      'inventory 5.2.0',
      'sales 2.0.0',
      'sales 2.1.0',
    ]);
    // Two portfolio pages of one entity each, and each entity's release history.
    expect(tokens).toHaveBeenCalledTimes(4);
    for (const [options] of tokens.mock.calls) {
      expect(options.targetPluginId).toBe('scorecards');
      expect(options.onBehalfOf.principal).toEqual({
        type: 'service',
        subject: 'plugin:search',
      });
    }
  });

  it('gives one rollout document per rollout, with its status, waves and tenants, linked to its board', async () => {
    const documents = await collate(
      new WaybillRolloutCollatorFactory({
        ...services,
        logger: mockServices.logger.mock(),
      }),
    );
    expect(byTitle(documents)).toEqual([
      {
        title: 'inventory 5.2.0 rollout',
        text:
          `Rollout of inventory 5.2.0 to staging: running, wave 1 of ${running.waveCount}. ` +
          `${running.tenantCount} tenants. Planned by release-manager.`,
        location: `/tenant-rollouts/rollouts/${running.id}`,
        authorization: { resourceRef: 'component:default/inventory' },
        rolloutId: running.id,
        entityRef: 'component:default/inventory',
        version: '5.2.0',
        environment: 'staging',
        status: 'running',
      },
      expect.objectContaining({
        title: 'sales 2.0.0 rollout',
        text:
          `Rollout of sales 2.0.0 to production: planned, ${planned.waveCount} waves. ` +
          `${planned.tenantCount} tenants. Planned by release-manager.`,
        location: `/tenant-rollouts/rollouts/${planned.id}`,
        status: 'planned',
      }),
    ]);
    expect(running.tenantCount).toBe(2);
  });

  it('fails the run, rather than index nothing, when a backend refuses the collator', async () => {
    // Tokens for another plugin: the scorecards and tenant-rollouts backends answer 401.
    const misdirected = mockServices.auth({ pluginId: 'search' });
    const issue = misdirected.getPluginRequestToken.bind(misdirected);
    jest
      .spyOn(misdirected, 'getPluginRequestToken')
      .mockImplementation(({ onBehalfOf }) =>
        issue({ onBehalfOf, targetPluginId: 'catalog' }),
      );
    const refused = { auth: misdirected, discovery: services.discovery };
    await expect(
      collate(new WaybillReleaseCollatorFactory(refused)),
    ).rejects.toThrow(/401/);
    await expect(
      collate(
        new WaybillRolloutCollatorFactory({
          ...refused,
          logger: mockServices.logger.mock(),
        }),
      ),
    ).rejects.toThrow(/401/);
  });
});
