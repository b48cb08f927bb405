import { mockCredentials } from '@backstage/backend-test-utils';
import { hidden, startWithRestrictedCatalog } from '@waybill/test-utils';
import request from 'supertest';
import {
  catalogComponent as component,
  catalogTenant as tenant,
  rolloutsConfig,
} from './__testUtils__/fixtures';
import { tenantRolloutsPlugin } from './plugin';

/*
 * Tenant rollouts over the real catalog and permission backends, under a policy that hides the
 * entities labelled waybill.dev/test-hidden from one user (a conditional decision on
 * catalog.entity.read). Hidden, all named zephyr-*: a released component (so its rollout) and a
 * tenant, frozen, in a rollout of a visible component.
 */

jest.setTimeout(120_000);

const HIDDEN = 'zephyr';
const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'ops' },
    spec: { type: 'team', children: [] },
  },
  component('inventory'),
  hidden(component('zephyr-billing')),
  tenant('acme', { 'waybill.dev/tier': 'internal' }),
  tenant('bolt', {}),
  hidden(tenant('zephyr-tenant', { 'waybill.dev/region': 'americas' })),
  tenant('cargo', {}, ['component:zephyr-billing']),
];
const tooling = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('deploy-bot'),
  targetPluginId: 'tenant-rollouts',
});
const BASE = '/api/tenant-rollouts';

describe('tenant-rollouts reads under catalog permissions', () => {
  it('shows a user no rollout of an entity and no tenant the policy hides from them, and everyone else all', async () => {
    const { server, restricted, unrestricted } =
      await startWithRestrictedCatalog({
        plugin: tenantRolloutsPlugin,
        entities,
        config: rolloutsConfig({ whenScorecardsAbsent: 'pass' }),
      });
    const get = (auth: string, path: string) =>
      request(server).get(`${BASE}${path}`).set('Authorization', auth);
    const post = (auth: string, path: string, body: object) =>
      request(server)
        .post(`${BASE}${path}`)
        .set('Authorization', auth)
        .send(body);
    const plan = async (auth: string, name: string) => {
      const res = await post(auth, '/rollouts', {
        entityRef: `component:default/${name}`,
        version: '1.0.0',
        environment: 'production',
      });
      expect(res.status).toBe(201);
      return res;
    };
    // The restricted user plans inventory's rollout: it goes to every tenant, the hidden one
    // too, and their board leaves that one out.
    const planned = await plan(restricted, 'inventory');
    expect(planned.text).not.toContain(HIDDEN);
    const inventory: number = planned.body.id;
    const billing: number = (await plan(unrestricted, 'zephyr-billing')).body
      .id;
    expect(
      (await post(restricted, `/rollouts/${inventory}/actions/start`, {}))
        .status,
    ).toBe(200);

    // The restricted user: the list, the board and a wave answer, and none names a hidden entity.
    for (const path of [
      '/rollouts',
      `/rollouts?entityRef=component:default/zephyr-billing`,
      `/rollouts/${inventory}`,
      `/rollouts/${inventory}/waves/1`,
      '/freeze-calendar',
    ]) {
      const res = await get(restricted, path);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.text]).toEqual([
        path,
        expect.not.stringContaining(HIDDEN),
      ]);
    }
    expect((await get(restricted, '/rollouts')).body.items).toEqual([
      expect.objectContaining({ id: inventory, tenantCount: 2 }),
    ]);
    const board = (await get(restricted, `/rollouts/${inventory}`)).body;
    expect(
      board.waves.map((w: any) => [
        w.total,
        w.frozen,
        Object.values(w.counts).reduce((n: any, c: any) => n + c, 0),
      ]),
    ).toEqual([
      [1, 0, 1],
      [1, 0, 1],
    ]);
    // The hidden tenant (the only one in the Americas, frozen) is in no total, count, filter
    // value or heatmap cell, and no filter finds it.
    expect(board.tenants).toMatchObject({ total: 2, offset: 0, limit: 100 });
    expect(board.tenants.items).toHaveLength(2);
    expect(board.axisValues.region).toEqual(['europe']);
    expect(board.heatmap.map((c: any) => [c.region, c.total])).toEqual([
      ['europe', 1],
      ['europe', 1],
    ]);
    for (const query of ['region=americas', 'status=frozen', 'q=zephyr']) {
      const found = await get(restricted, `/rollouts/${inventory}?${query}`);
      expect([query, found.body.tenants]).toEqual([
        query,
        { items: [], total: 0, offset: 0, limit: 100 },
      ]);
    }
    const everyone = (await get(unrestricted, `/rollouts/${inventory}`)).body;
    expect(everyone.tenants.total).toBe(3);
    expect(everyone.axisValues.region).toEqual(['americas', 'europe']);
    expect(
      (await get(unrestricted, `/rollouts/${inventory}?status=frozen`)).body
        .tenants.total,
    ).toBe(1);
    const calendar = (await get(restricted, '/freeze-calendar')).body;
    expect(calendar.windows[0].tenants).toBe(0);

    // A rollout of a hidden entity answers as one that does not exist.
    for (const path of ['', '/waves/0']) {
      const [hiddenRes, unknownRes] = await Promise.all([
        get(restricted, `/rollouts/${billing}${path}`),
        get(restricted, `/rollouts/999${path}`),
      ]);
      expect(hiddenRes.status).toBe(404);
      expect(hiddenRes.text.replaceAll(String(billing), '999')).toBe(
        unknownRes.text,
      );
    }
    expect(
      (await post(restricted, `/rollouts/${billing}/actions/start`, {})).status,
    ).toBe(404);
    expect(
      (
        await post(restricted, '/rollouts', {
          entityRef: 'component:default/zephyr-billing',
          version: '2.0.0',
          environment: 'production',
        })
      ).status,
    ).toBe(400);
    // A hidden tenant is not part of the rollout to them.
    const status = await post(
      restricted,
      `/rollouts/${inventory}/tenants/status`,
      { statuses: [{ tenant: 'zephyr-tenant', status: 'healthy' }] },
    );
    expect(status.status).toBe(400);
    expect(status.body.error.message).toBe(
      `Tenant zephyr-tenant is not part of rollout ${inventory}`,
    );

    // The hidden frozen tenant still holds the next wave back; the refusal does not name it.
    await post(tooling, `/rollouts/${inventory}/tenants/status`, {
      statuses: [{ tenant: 'acme', status: 'healthy' }],
    });
    const held = await post(
      restricted,
      `/rollouts/${inventory}/actions/advance`,
      {},
    );
    expect(held.status).toBe(409);
    expect(held.text).not.toContain(HIDDEN);
    expect(held.body.error.message).toContain(
      '1 tenant(s) of wave 1 (rest) are in a freeze window and are held back: 1 you may not read',
    );
    // Their board said so before the click, in the same words.
    const before = await get(restricted, `/rollouts/${inventory}`);
    expect(before.text).not.toContain(HIDDEN);
    expect(before.body.nextActions[0]).toMatchObject({
      action: 'advance',
      ready: false,
      blockers: held.body.blockers,
    });
    expect(held.body.blockers).toEqual([
      expect.objectContaining({ kind: 'freeze', frozen: 1, tenants: [] }),
    ]);

    // A user the policy lets read everything, and a service, see everything as before.
    for (const auth of [unrestricted, tooling]) {
      expect(
        (await get(auth, '/rollouts')).body.items.map((r: any) => [
          r.id,
          r.tenantCount,
        ]),
      ).toEqual([
        [billing, 1],
        [inventory, 3],
      ]);
      const all = await get(auth, `/rollouts/${inventory}/waves/1`);
      expect(all.text).toContain('zephyr-tenant');
      expect(all.body.wave).toMatchObject({ total: 2, frozen: 1 });
      expect((await get(auth, `/rollouts/${billing}`)).status).toBe(200);
      expect(
        (await get(auth, '/freeze-calendar')).body.windows[0].tenants,
      ).toBe(1);
    }
    const named = await post(
      unrestricted,
      `/rollouts/${inventory}/actions/advance`,
      {},
    );
    expect(named.status).toBe(409);
    expect(named.body.error.message).toContain(
      'held back: zephyr-tenant (Americas peak week; opens ',
    );
    expect(
      (await get(unrestricted, `/rollouts/${inventory}`)).body.nextActions[0]
        .blockers,
    ).toEqual(named.body.blockers);
  });
});
