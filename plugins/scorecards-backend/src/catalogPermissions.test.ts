import fs from 'fs';
import path from 'path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { hidden, startWithRestrictedCatalog } from '@waybill/test-utils';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';

/*
 * The scorecards API over the real catalog and permission backends, under a policy that hides
 * the entities labelled waybill.dev/test-hidden from one user (a conditional decision on
 * catalog.entity.read): to that user, zephyr-payroll is nowhere. Each plugin has its own SQLite
 * database; the store's allow-list is tested on PostgreSQL too in DatabaseScorecardStore.test.
 */

jest.setTimeout(120_000);

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'waybill.dev/tier': 'critical' } },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:team-a' },
});
const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a' },
  spec: { type: 'team', children: [] },
};
const HIDDEN = 'zephyr-payroll';
const entities = [team, component('inventory'), hidden(component(HIDDEN))];

const junit = fs.readFileSync(
  path.join(__dirname, 'evidence/__fixtures__/jest-junit.xml'),
);
const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'scorecards',
});
const entityPath = (name: string) =>
  `/api/scorecards/entities/component/default/${name}`;
const window = { from: '2026-11-01T00:00:00Z', to: '2026-11-15T00:00:00Z' };

describe('scorecards reads under catalog permissions', () => {
  it('shows a user none of the entities the policy hides from them, and everyone else all', async () => {
    const { server, restricted, unrestricted } =
      await startWithRestrictedCatalog({ plugin: scorecardsPlugin, entities });
    for (const name of ['inventory', HIDDEN]) {
      const upload = await request(server)
        .post(`${entityPath(name)}/releases/1.0.0/evidence/tests`)
        .set('Authorization', ci)
        .type('application/xml')
        .send(junit);
      expect(upload.status).toBe(201);
      const events = await request(server)
        .post('/api/scorecards/events')
        .set('Authorization', ci)
        .send({
          events: [
            {
              id: `deploy-${name}`,
              type: 'deployment',
              entityRef: `component:default/${name}`,
              environment: 'production',
              version: '1.0.0',
              occurredAt: '2026-11-02T12:00:00Z',
            },
          ],
        });
      expect(events.status).toBe(201);
    }

    const get = (auth: string, url: string) =>
      request(server).get(url).set('Authorization', auth);
    // The reads that list entities by name (the summary only counts them; see below).
    const reads = [
      '/api/scorecards/portfolio',
      '/api/scorecards/portfolio?owner=team-a&sort=-score',
      '/api/scorecards/portfolio.csv',
      `/api/scorecards/dora?from=${window.from}&to=${window.to}`,
      `/api/scorecards/dora?owner=team-a&from=${window.from}&to=${window.to}`,
    ];

    // The restricted user: every read answers, none names the hidden entity, counts leave it out.
    for (const url of reads) {
      const res = await get(restricted, url);
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.text).toContain('inventory');
      expect(res.text).not.toContain(HIDDEN);
    }
    const page = await get(restricted, '/api/scorecards/portfolio?limit=1');
    expect(page.body.totalCount).toBe(1);
    expect(page.body.nextCursor).toBeUndefined();
    const summary = await get(restricted, '/api/scorecards/portfolio/summary');
    expect(summary.body.totalCount).toBe(1);
    expect(summary.body.gates.production.fail).toBe(1);
    const csv = await get(restricted, '/api/scorecards/portfolio.csv');
    expect(csv.text.trim().split('\n')).toHaveLength(2);
    const dora = await get(
      restricted,
      `/api/scorecards/dora?from=${window.from}&to=${window.to}`,
    );
    expect(dora.body.entityRefs).toEqual(['component:default/inventory']);
    expect(dora.body.current.deploymentFrequency.deployments).toBe(1);

    // Its own routes answer as for an entity that does not exist: 404 (only the URL the user
    // sent names it).
    const entityReads = (name: string) => [
      `${entityPath(name)}/releases`,
      `${entityPath(name)}/releases/1.0.0`,
      `${entityPath(name)}/releases/1.0.0/gates/production`,
      `/api/scorecards/dora?entityRef=component:default/${name}&from=${window.from}&to=${window.to}`,
    ];
    const unknown = entityReads('no-such-entity');
    for (const [i, url] of entityReads(HIDDEN).entries()) {
      const [hiddenRes, unknownRes] = await Promise.all([
        get(restricted, url),
        get(restricted, unknown[i]),
      ]);
      expect([url, hiddenRes.status]).toEqual([url, 404]);
      expect(hiddenRes.text.replaceAll(HIDDEN, 'no-such-entity')).toBe(
        unknownRes.text,
      );
    }
    const override = await request(server)
      .post(`${entityPath(HIDDEN)}/releases/1.0.0/gates/production/overrides`)
      .set('Authorization', restricted)
      .send({
        reason: 'EDI outage hotfix, drill booked',
        expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      });
    expect(override.status).toBe(404);

    // A user the policy lets read everything, and a service, see both entities as before.
    for (const auth of [unrestricted, ci]) {
      for (const url of reads) {
        const res = await get(auth, url);
        expect([url, res.status]).toEqual([url, 200]);
        expect(res.text).toContain(HIDDEN);
      }
      expect(
        (await get(auth, '/api/scorecards/portfolio?limit=1')).body,
      ).toMatchObject({ totalCount: 2, nextCursor: expect.any(String) });
      expect(
        (await get(auth, '/api/scorecards/portfolio/summary')).body.totalCount,
      ).toBe(2);
      for (const url of entityReads(HIDDEN)) {
        expect([url, (await get(auth, url)).status]).toEqual([url, 200]);
      }
    }
  });
});
