import path from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createTestDatabases,
  expectErrorAnswer,
  itIsAValidOpenApiDocument,
  loadOpenApiSpec,
} from '@waybill/test-utils';
import request from 'supertest';
import {
  catalogComponent as component,
  catalogTenant as tenant,
  rolloutsConfig,
} from '../__testUtils__/fixtures';
import { fakeScorecards } from '../__testUtils__/fakeScorecards';
import { tenantRolloutsPlugin } from '../plugin';
import { createRouter } from '../service/router';
import { TenantRollouts } from '../service/TenantRollouts';

/*
 * The spec is a well-formed OpenAPI 3.0 document, it lists exactly the routes the router
 * registers, and every answer of the running plugin (on SQLite and PostgreSQL) matches the
 * schema the spec gives for its status.
 */

const BASE = '/api/tenant-rollouts';
const openapi = loadOpenApiSpec(path.join(__dirname, 'openapi.yaml'), {
  id: 'https://waybill.dev/tenant-rollouts/openapi.json',
});

const databases = createTestDatabases();
jest.setTimeout(60_000);

const entities: Entity[] = [
  titled(
    tenant('acme-internal', { 'waybill.dev/tier': 'internal' }),
    'Acme (internal)',
  ),
  tenant('bolt-foods', {}),
  tenant('cargo-co', {}),
  titled(
    tenant('delta-mart', { 'waybill.dev/region': 'americas' }),
    'Delta Mart',
  ),
  tenant('unrelated', {}, ['component:default/orders']),
  component('inventory', {
    'github.com/project-slug': 'meridian/inventory',
    'gitlab.com/project-slug': 'meridian/platform/inventory',
  }),
  // Names no repository.
  component('orders'),
];

/** An entity with a title, as people see it. */
function titled(entity: Entity, title: string): Entity {
  return { ...entity, metadata: { ...entity.metadata, title } };
}

const user = mockCredentials.user.header('user:default/release-manager');
const tooling = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('deploy-bot'),
  targetPluginId: 'tenant-rollouts',
});
/** A service principal, e.g. a pipeline as `backend.auth.externalAccess` type waybill-pipeline names it. */
const serviceHeader = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'tenant-rollouts',
  });
const inventoryPipeline = serviceHeader('pipeline:github:meridian/inventory');
const otherPipeline = serviceHeader('pipeline:github:meridian/pricing-api');
const inventoryGitlabPipeline = serviceHeader(
  'pipeline:gitlab:meridian/platform/inventory',
);

itIsAValidOpenApiDocument(openapi, { minSchemas: 25 });

it('documents exactly the routes the router registers', async () => {
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    rollouts: {} as TenantRollouts,
    httpAuth: mockServices.httpAuth(),
    auth: mockServices.auth(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock(),
    auditor: mockServices.auditor.mock(),
  });
  expect(openapi.routeProblems(router)).toEqual([]);
});

/** The answer is a 403 whose message says `why`. */
const expectForbidden = (res: { status: number; body: any }, why: string) =>
  expectErrorAnswer(res, 403, why);

describe.each(databases.eachSupportedId())('the plugin on %s', databaseId => {
  async function start(
    permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    gate: 'pass' | 'fail',
    scorecards?: ReturnType<typeof fakeScorecards>,
  ) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        tenantRolloutsPlugin,
        ...(scorecards ? [scorecards.plugin] : []),
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory({ result: permission }),
        mockServices.rootConfig.factory({
          data: rolloutsConfig({
            whenScorecardsAbsent: gate,
            restHealthThreshold: 0.5,
          }),
        }),
      ],
    });
    return server;
  }

  let server: any;
  beforeAll(async () => {
    server = await start(AuthorizeResult.ALLOW, 'pass');
  });

  async function call(
    method: 'get' | 'post',
    template: string,
    url: string,
    body?: unknown,
    auth: string = user,
    on = server,
  ) {
    let req = request(on)[method](`${BASE}${url}`);
    if (auth) req = req.set('Authorization', auth);
    if (body !== undefined) req = req.send(body as object);
    const res = await req;
    // Fails unless the answer's status, media type and body are what the spec says.
    openapi.expectResponseMatchesSpec(method, template, res);
    return res;
  }
  const act = (id: number, action: string, body?: unknown, on = server) =>
    call(
      'post',
      '/rollouts/{id}/actions/{action}',
      `/rollouts/${id}/actions/${action}`,
      body,
      user,
      on,
    );
  const report = (id: number, body: unknown, auth = tooling) =>
    call(
      'post',
      '/rollouts/{id}/tenants/status',
      `/rollouts/${id}/tenants/status`,
      body,
      auth,
    );
  const create = async () => {
    const res = await call('post', '/rollouts', '/rollouts', {
      entityRef: 'component:default/inventory',
      version: '4.2.0',
      environment: 'production',
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('runs a rollout: plan, start, statuses, freeze held back, override, failure analysis, rollback', async () => {
    const bad = await call('post', '/rollouts', '/rollouts', {
      entityRef: 'component:default/inventory',
      environment: 'production',
    });
    expectErrorAnswer(bad, 400, "required property 'version'");

    const rollout = await create();
    const refsOfWave = (board: any, index: number) =>
      board.tenants.items
        .filter((t: any) => t.wave === index)
        .map((t: any) => t.ref);
    expect(rollout.waves.map((w: any) => refsOfWave(rollout, w.index))).toEqual(
      [
        ['resource:default/acme-internal'],
        [
          'resource:default/bolt-foods',
          'resource:default/cargo-co',
          'resource:default/delta-mart',
        ],
      ],
    );
    const delta = rollout.tenants.items.filter((t: any) => t.wave === 1)[2];
    expect(delta.freeze).toMatchObject({
      frozen: true,
      windows: [{ id: 'americas-peak' }],
    });

    const list = await call(
      'get',
      '/rollouts',
      '/rollouts?entityRef=component:default/inventory',
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: rollout.id, waveCount: 2, tenantCount: 4 }),
    ]);
    // A release's rollouts (what a scorecard links to): that version only.
    const ofRelease = (version: string) =>
      call(
        'get',
        '/rollouts',
        `/rollouts?entityRef=component:default/inventory&version=${version}`,
      );
    expect((await ofRelease('4.2.0')).body.items).toEqual([
      expect.objectContaining({ id: rollout.id, version: '4.2.0' }),
    ]);
    expect((await ofRelease('4.1.0')).body.items).toEqual([]);

    // The board says what can happen next: a start of the canary, which nothing blocks (the
    // scorecards plugin is absent and the config lets that pass).
    expect(rollout.nextActions).toEqual([
      {
        action: 'start',
        wave: { index: 0, name: 'canary' },
        ready: true,
        blockers: [],
      },
    ]);
    expect(rollout.gate).toMatchObject({
      entityRef: 'component:default/inventory',
      version: '4.2.0',
      environment: 'production',
      decision: 'absent',
      passed: true,
      reasons: [],
    });

    const early = await act(rollout.id, 'advance');
    expect(early.status).toBe(409);
    expect(early.body.rollout).toMatchObject({
      state: 'planned',
      lockVersion: 0,
    });

    // An applied action answers where the rollout is now, as a 409 does (with when it changed),
    // the action and what an override went past: not the board, however many tenants it has.
    const applied = await act(rollout.id, 'start');
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({
      rollout: {
        id: rollout.id,
        state: 'running',
        currentWave: 0,
        lockVersion: 1,
        updatedAt: expect.any(String),
      },
      action: 'start',
      overridden: [],
    });
    expect(Date.parse(applied.body.rollout.updatedAt)).toBeGreaterThanOrEqual(
      Date.parse(rollout.updatedAt),
    );

    const notStarted = await report(rollout.id, {
      statuses: [{ tenant: 'bolt-foods', status: 'healthy' }],
    });
    expectErrorAnswer(notStarted, 409, 'has not started');

    // Before any click, the board holds the advance on the canary's health and the frozen
    // tenant of the next wave; the refusal of the advance says exactly the same.
    const started = await call(
      'get',
      '/rollouts/{id}',
      `/rollouts/${rollout.id}`,
    );
    expect(
      started.body.nextActions.map((a: any) => [a.action, a.ready]),
    ).toEqual([
      ['advance', false],
      ['pause', true],
      ['rollback', true],
    ]);
    const [advance] = started.body.nextActions;
    expect(advance.wave).toEqual({ index: 1, name: 'rest' });
    expect(advance.blockers).toEqual([
      {
        kind: 'health',
        message: 'Wave 0 (canary) is 0 of 1 healthy; it needs 1 (100%)',
        wave: { index: 0, name: 'canary' },
        healthy: 0,
        total: 1,
        needed: 1,
        healthThreshold: 1,
        failing: 0,
        tenants: [],
        unlisted: 0,
      },
      expect.objectContaining({
        kind: 'freeze',
        wave: { index: 1, name: 'rest' },
        frozen: 1,
        opensAt: delta.freeze.opensAt,
        tenants: [
          {
            ref: 'resource:default/delta-mart',
            title: 'Delta Mart',
            windows: [expect.objectContaining({ title: 'Americas peak week' })],
            opensAt: delta.freeze.opensAt,
          },
        ],
      }),
    ]);
    const pending = await act(rollout.id, 'advance');
    expect(pending.status).toBe(409);
    expect(pending.body.blockers).toEqual(advance.blockers);

    expect(
      (
        await report(rollout.id, {
          statuses: [{ tenant: 'acme-internal', status: 'healthy' }],
        })
      ).body,
    ).toEqual({ rolloutId: rollout.id, updated: 1 });

    const frozen = await act(rollout.id, 'advance');
    expect(frozen.status).toBe(409);
    expect(frozen.body.blockers).toEqual([
      expect.objectContaining({
        kind: 'freeze',
        message: expect.stringContaining('Delta Mart (Americas peak week'),
        tenants: [
          expect.objectContaining({
            ref: 'resource:default/delta-mart',
            title: 'Delta Mart',
          }),
        ],
        unlisted: 0,
      }),
    ]);

    const noReason = await act(rollout.id, 'advance', { override: true });
    expectErrorAnswer(noReason, 400, 'reason');
    const blankReason = await act(rollout.id, 'advance', {
      override: true,
      reason: '            ',
    });
    expectErrorAnswer(blankReason, 400, 'body.reason');

    const overridden = await act(rollout.id, 'advance', {
      override: true,
      reason: 'Hotfix for EDI outage, agreed with Americas ops',
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body).toEqual({
      rollout: expect.objectContaining({
        state: 'running',
        currentWave: 1,
        lockVersion: 2,
      }),
      action: 'advance',
      overridden: [
        expect.stringMatching(/^freeze: .*Delta Mart \(Americas peak week/),
      ],
    });
    const trail = (
      await call('get', '/rollouts/{id}', `/rollouts/${rollout.id}`)
    ).body.events;
    expect(trail.at(-1)).toMatchObject({
      action: 'advance',
      override: true,
      actor: 'user:default/release-manager',
    });

    const cdevent = (type: string, env: string) => ({
      context: {
        id: '1',
        source: 'ci',
        type: `dev.cdevents.${type}.0.2.0`,
        timestamp: new Date().toISOString(),
      },
      subject: {
        id: 'inventory',
        content: {
          environment: { id: env },
          artifactId: 'pkg:oci/inventory@4.2.0',
        },
      },
    });
    expect(
      (
        await report(rollout.id, [
          cdevent('service.deployed', 'resource:default/bolt-foods'),
          cdevent('service.rolledback', 'cargo-co'),
        ])
      ).body.updated,
    ).toBe(2);
    expect(
      (
        await report(rollout.id, {
          statuses: [
            { tenant: 'delta-mart', status: 'failed', detail: 'smoke' },
          ],
        })
      ).status,
    ).toBe(200);
    const badStatus = await report(rollout.id, {
      statuses: [{ tenant: 'delta-mart', status: 'great' }],
    });
    expect(badStatus.status).toBe(400);
    const unknownEvent = await report(rollout.id, {
      context: { type: 'dev.cdevents.service.removed.0.2.0' },
      subject: { content: { environment: { id: 'delta-mart' } } },
    });
    expectErrorAnswer(unknownEvent, 400, 'context/type');

    const view = await call('get', '/rollouts/{id}', `/rollouts/${rollout.id}`);
    expect(view.body.waves[1]).toMatchObject({
      phase: 'current',
      healthy: 1,
      total: 3,
    });
    expect(view.body.analysis).toMatchObject({ settled: 4, failed: 2 });
    expect(view.body.waves[1].frozen).toBe(1);

    // A pipeline's wave job reads one wave, only its cloud's tenants.
    const waveUrl = `/rollouts/${rollout.id}/waves`;
    const onAws = await call(
      'get',
      '/rollouts/{id}/waves/{index}',
      `${waveUrl}/1?cloud=aws`,
    );
    expect(onAws.body.rollout).toMatchObject({
      id: rollout.id,
      entityRef: 'component:default/inventory',
      state: 'running',
      currentWave: 1,
    });
    expect(onAws.body.wave.tenants.map((t: { ref: string }) => t.ref)).toEqual(
      refsOfWave(view.body, 1),
    );
    const onAzure = await call(
      'get',
      '/rollouts/{id}/waves/{index}',
      `${waveUrl}/1?cloud=azure`,
    );
    expect(onAzure.body.wave).toMatchObject({ tenants: [], total: 3 });
    expect(
      (await call('get', '/rollouts/{id}/waves/{index}', `${waveUrl}/9`))
        .status,
    ).toBe(404);
    expect(
      (
        await call(
          'get',
          '/rollouts/{id}/waves/{index}',
          `${waveUrl}/1?colour=blue`,
        )
      ).status,
    ).toBe(400);

    // The analysis is kept until a status changes, then computed afresh.
    await report(rollout.id, {
      statuses: [{ tenant: 'cargo-co', status: 'healthy' }],
    });
    const after = await call(
      'get',
      '/rollouts/{id}',
      `/rollouts/${rollout.id}`,
    );
    expect(after.body.analysis).toMatchObject({ settled: 4, failed: 1 });

    expect((await act(rollout.id, 'rollback')).status).toBe(400);
    const rolledBack = await act(rollout.id, 'rollback', {
      reason: 'Failures in two of three tenants',
    });
    expect(rolledBack.body.rollout).toMatchObject({ state: 'rolled-back' });
    expect((await act(rollout.id, 'resume')).body.rollout).toMatchObject({
      state: 'rolled-back',
    });
  });

  it('shows before any click what would block each next action: the gate and its reasons, failing tenants, bake time; one gate call per answer', async () => {
    const scorecards = fakeScorecards();
    const gated = await start(AuthorizeResult.ALLOW, 'fail', scorecards);
    const on = (
      method: 'get' | 'post',
      template: string,
      url: string,
      body?: unknown,
      auth: string = user,
    ) => call(method, template, url, body, auth, gated);
    const board = async (id: number) =>
      (await on('get', '/rollouts/{id}', `/rollouts/${id}`)).body;
    scorecards.state.decision = 'fail';
    scorecards.state.reasons = [
      {
        checkId: 'critical-vulnerabilities',
        title: 'No critical vulnerabilities',
        reason: '1 critical vulnerability: CVE-2026-1234 in libxml2',
        enforcement: 'fail',
      },
      {
        checkId: 'line-coverage',
        title: 'Line coverage',
        reason: 'line coverage 61% < 80%',
        enforcement: 'warn',
      },
    ];
    const created = await on('post', '/rollouts', '/rollouts', {
      entityRef: 'component:default/inventory',
      version: '5.2.0',
      environment: 'production',
      strategy: {
        waves: [
          { name: 'canary', select: { tier: ['internal'] }, bakeMinutes: 60 },
          { name: 'rest', bakeMinutes: 0 },
        ],
      },
    });
    expect(created.status).toBe(201);
    const { id } = created.body;
    const gate = {
      entityRef: 'component:default/inventory',
      version: '5.2.0',
      environment: 'production',
      decision: 'fail',
      passed: false,
      message:
        'The scorecards gate for component:default/inventory 5.2.0 in production is fail: 1 critical vulnerability: CVE-2026-1234 in libxml2; line coverage 61% < 80%',
      reasons: scorecards.state.reasons,
    };
    expect(created.body.gate).toEqual(gate);
    expect(created.body.nextActions).toEqual([
      {
        action: 'start',
        wave: { index: 0, name: 'canary' },
        ready: false,
        blockers: [{ kind: 'gate', message: gate.message, gate }],
      },
    ]);

    // A board asks the gate once, and its refusal says what the board said.
    scorecards.state.calls.length = 0;
    const planned = await board(id);
    expect(scorecards.state.calls).toEqual([
      '/entities/component/default/inventory/releases/5.2.0/gates/production',
    ]);
    const refused = await on(
      'post',
      '/rollouts/{id}/actions/{action}',
      `/rollouts/${id}/actions/start`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.blockers).toEqual(planned.nextActions[0].blockers);

    // The gate passes now: the start is ready and asks the gate once, as the board after it does.
    scorecards.state.decision = 'pass';
    scorecards.state.reasons = [];
    expect((await board(id)).nextActions[0]).toMatchObject({ ready: true });
    scorecards.state.calls.length = 0;
    const started = await on(
      'post',
      '/rollouts/{id}/actions/{action}',
      `/rollouts/${id}/actions/start`,
    );
    expect(started.status).toBe(200);
    expect(started.body.rollout).toMatchObject({ state: 'running' });
    expect(scorecards.state.calls).toHaveLength(1);
    expect((await board(id)).gate).toMatchObject({
      decision: 'pass',
      passed: true,
    });
    expect(scorecards.state.calls).toHaveLength(2);

    // The canary fails its smoke test: the advance is held on it, by title, and on the bake.
    await on(
      'post',
      '/rollouts/{id}/tenants/status',
      `/rollouts/${id}/tenants/status`,
      {
        statuses: [
          {
            tenant: 'acme-internal',
            status: 'failed',
            detail: 'smoke test 503',
          },
        ],
      },
      tooling,
    );
    const failing = await board(id);
    const [advance] = failing.nextActions;
    expect(advance).toMatchObject({ action: 'advance', ready: false });
    const lastChangeAt = failing.waves[0].lastChangeAt;
    expect(advance.blockers.map((b: any) => b.kind)).toEqual([
      'health',
      'bake',
      'freeze',
    ]);
    expect(advance.blockers[0]).toEqual({
      kind: 'health',
      message:
        'Wave 0 (canary) is 0 of 1 healthy; it needs 1 (100%); 1 failing: Acme (internal)',
      wave: { index: 0, name: 'canary' },
      healthy: 0,
      total: 1,
      needed: 1,
      healthThreshold: 1,
      failing: 1,
      tenants: [
        {
          ref: 'resource:default/acme-internal',
          title: 'Acme (internal)',
          status: 'failed',
          detail: 'smoke test 503',
        },
      ],
      unlisted: 0,
    });
    expect(advance.blockers[1]).toEqual({
      kind: 'bake',
      message: `Wave 0 (canary) bakes for 60 minutes after its last status change (${lastChangeAt}); it has baked at ${advance.blockers[1].until}`,
      wave: { index: 0, name: 'canary' },
      bakeMinutes: 60,
      lastChangeAt,
      until: new Date(Date.parse(lastChangeAt) + 60 * 60_000).toISOString(),
    });
    const held = await on(
      'post',
      '/rollouts/{id}/actions/{action}',
      `/rollouts/${id}/actions/advance`,
    );
    expect(held.status).toBe(409);
    expect(held.body.blockers).toEqual(advance.blockers);
  });

  it('lists the strategies and the freeze calendar over the catalog tenants', async () => {
    const strategies = await call('get', '/strategies', '/strategies');
    expect(strategies.body.items.map((s: any) => s.name)).toEqual(['default']);

    const calendar = await call(
      'get',
      '/freeze-calendar',
      '/freeze-calendar?from=2026-11-23T00:00:00Z&to=2026-12-23T00:00:00Z',
    );
    expect(calendar.body).toMatchObject({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-12-23T00:00:00.000Z',
    });
    expect(calendar.body.windows).toEqual([
      expect.objectContaining({
        id: 'americas-peak',
        tenants: 1,
        occurrences: [
          expect.objectContaining({
            localStart: '2000-01-01T00:00',
            zones: ['UTC'],
            tenants: 1,
          }),
        ],
      }),
    ]);

    const backwards = await call(
      'get',
      '/freeze-calendar',
      '/freeze-calendar?from=2026-11-23T00:00:00Z&to=2026-11-01T00:00:00Z',
    );
    expectErrorAnswer(backwards, 400, 'query.to: must be after from');
    const tooLong = await call(
      'get',
      '/freeze-calendar',
      '/freeze-calendar?from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z',
    );
    expect(tooLong.status).toBe(400);
    const notADate = await call(
      'get',
      '/freeze-calendar',
      '/freeze-calendar?from=tomorrow',
    );
    expectErrorAnswer(notADate, 400, 'query/from');
  });

  it('lets exactly one of 16 concurrent advance requests through', async () => {
    const { id } = await create();
    await act(id, 'start');
    await report(id, {
      statuses: [{ tenant: 'acme-internal', status: 'healthy' }],
    });
    const results = await Promise.all(
      Array.from({ length: 16 }, () =>
        act(id, 'advance', {
          override: true,
          reason: 'Concurrency check, sixteen at once',
        }),
      ),
    );
    expect(results.map(r => r.status).sort()).toEqual([
      200,
      ...Array(15).fill(409),
    ]);
    // The winner and the refused read the rollout's position the same way.
    const [won] = results.filter(r => r.status === 200);
    expect(won.body.rollout).toMatchObject({
      id,
      state: 'running',
      currentWave: 1,
      lockVersion: 2,
    });
    for (const lost of results.filter(r => r.status === 409)) {
      expect(lost.body.rollout).toEqual({
        id,
        state: 'running',
        currentWave: expect.any(Number),
        lockVersion: expect.any(Number),
      });
    }
    const view = await call('get', '/rollouts/{id}', `/rollouts/${id}`);
    expect(view.body).toMatchObject({ currentWave: 1, lockVersion: 2 });
  });

  it('answers 401, 403 and 404, and holds a rollout at a failing gate', async () => {
    expect(
      (
        await call(
          'get',
          '/rollouts',
          '/rollouts',
          undefined,
          mockCredentials.none.header(),
        )
      ).status,
    ).toBe(401);
    expect((await call('get', '/rollouts/{id}', '/rollouts/999')).status).toBe(
      404,
    );
    const denied = await start(AuthorizeResult.DENY, 'pass');
    const forbidden = await call(
      'get',
      '/rollouts',
      '/rollouts',
      undefined,
      user,
      denied,
    );
    expectForbidden(forbidden, 'tenant-rollouts.read');

    const gated = await start(AuthorizeResult.ALLOW, 'fail');
    const created = await call(
      'post',
      '/rollouts',
      '/rollouts',
      {
        entityRef: 'component:default/inventory',
        version: '4.2.0',
        environment: 'production',
      },
      user,
      gated,
    );
    expect(created.body.nextActions).toEqual([
      expect.objectContaining({ action: 'start', ready: false }),
    ]);
    const held = await act(created.body.id, 'start', undefined, gated);
    expect(held.status).toBe(409);
    expect(held.body.blockers).toEqual([
      expect.objectContaining({
        kind: 'gate',
        message: expect.stringContaining('whenScorecardsAbsent is fail'),
        gate: expect.objectContaining({ decision: 'absent', passed: false }),
      }),
    ]);
    expect(held.body.blockers).toEqual(created.body.nextActions[0].blockers);
  });

  it('lets a CI pipeline act only for entities whose catalog entry names its repository', async () => {
    // The configured default strategy (an internal canary first) for inventory; one wave for
    // orders, whose only tenant is not internal.
    const createAs = (auth: string, entityRef: string) =>
      call(
        'post',
        '/rollouts',
        '/rollouts',
        {
          entityRef,
          version: '5.0.0',
          environment: 'production',
          ...(entityRef.endsWith('/orders')
            ? { strategy: { waves: [{ name: 'all', bakeMinutes: 0 }] } }
            : {}),
        },
        auth,
      );
    const actAs = (auth: string, id: number, action: string) =>
      call(
        'post',
        '/rollouts/{id}/actions/{action}',
        `/rollouts/${id}/actions/${action}`,
        undefined,
        auth,
      );
    const healthy = (name: string) => ({
      statuses: [{ tenant: name, status: 'healthy' }],
    });

    // Its own repository's entity: plan, start and report.
    const own = await createAs(
      inventoryPipeline,
      'component:default/inventory',
    );
    expect(own.status).toBe(201);
    expect(own.body.createdBy).toBe('pipeline:github:meridian/inventory');
    expect((await actAs(inventoryPipeline, own.body.id, 'start')).status).toBe(
      200,
    );
    expect(
      (await report(own.body.id, healthy('acme-internal'), inventoryPipeline))
        .body,
    ).toEqual({ rolloutId: own.body.id, updated: 1 });
    // GitLab: the project path against gitlab.com/project-slug.
    expect(
      (
        await report(
          own.body.id,
          healthy('acme-internal'),
          inventoryGitlabPipeline,
        )
      ).status,
    ).toBe(200);

    // Another repository's pipeline: 403 on every route that acts, saying why.
    const foreign = await createAs(
      otherPipeline,
      'component:default/inventory',
    );
    expectForbidden(
      foreign,
      'The pipeline of meridian/pricing-api may not act for component:default/inventory, whose repository is meridian/inventory (github.com/project-slug)',
    );
    const foreignAct = await actAs(otherPipeline, own.body.id, 'pause');
    expectForbidden(foreignAct, 'meridian/pricing-api');
    const foreignReport = await report(
      own.body.id,
      healthy('acme-internal'),
      otherPipeline,
    );
    expectForbidden(foreignReport, 'whose repository is meridian/inventory');
    expect(
      (await call('get', '/rollouts/{id}', `/rollouts/${own.body.id}`)).body,
    ).toMatchObject({ state: 'running', lockVersion: 1 });

    // An entity naming no repository, and one the catalog does not have.
    const unnamed = await createAs(
      inventoryPipeline,
      'component:default/orders',
    );
    expectForbidden(
      unnamed,
      'The pipeline of meridian/inventory may not act for component:default/orders: the entity has no github.com/project-slug annotation naming its repository',
    );
    const missing = await createAs(
      inventoryPipeline,
      'component:default/ghost',
    );
    expectForbidden(
      missing,
      'component:default/ghost: the entity is not in the catalog',
    );

    // Users and other service principals are not affected, annotation or not.
    const byUser = await createAs(user, 'component:default/orders');
    expect(byUser.status).toBe(201);
    expect((await actAs(user, byUser.body.id, 'start')).status).toBe(200);
    expect((await report(byUser.body.id, healthy('unrelated'))).status).toBe(
      200,
    );
    const unnamedReport = await report(
      byUser.body.id,
      healthy('unrelated'),
      inventoryPipeline,
    );
    expectForbidden(unnamedReport, 'has no github.com/project-slug annotation');
    expect(
      (await actAs(inventoryPipeline, byUser.body.id, 'pause')).status,
    ).toBe(403);

    // Fail closed: a token of a non-pipeline issuer (a jwks entry, a customised subject) and a
    // pipeline whose token named no repository act for nothing.
    for (const [auth, reason] of [
      [
        serviceHeader('external:github-actions:repository_owner:meridian'),
        'not a pipeline issuer',
      ],
      [serviceHeader('pipeline:github'), 'names no repository'],
    ]) {
      const refused = [
        await createAs(auth, 'component:default/inventory'),
        await actAs(auth, own.body.id, 'pause'),
        await report(own.body.id, healthy('acme-internal'), auth),
      ];
      for (const res of refused) {
        expectForbidden(res, reason);
      }
    }

    // Overrides and rollbacks are for people, whatever the token.
    for (const auth of [inventoryPipeline, tooling]) {
      const refused = [
        await call(
          'post',
          '/rollouts/{id}/actions/{action}',
          `/rollouts/${own.body.id}/actions/rollback`,
          { reason: 'the release breaks picking' },
          auth,
        ),
        await call(
          'post',
          '/rollouts/{id}/actions/{action}',
          `/rollouts/${own.body.id}/actions/advance`,
          { override: true, reason: 'the release manager said so' },
          auth,
        ),
      ];
      for (const res of refused) {
        expectErrorAnswer(
          res,
          403,
          /^(A rollback|An override) needs a person signed in to the portal/,
        );
      }
    }
    expect(
      (await call('get', '/rollouts/{id}', `/rollouts/${own.body.id}`)).body,
    ).toMatchObject({ state: 'running', lockVersion: 1 });
  });
  it('answers a board as a screen shows it: wave summaries, one filtered page, 400 for a bad filter', async () => {
    const { id } = await create();
    const board = (query: string) =>
      call('get', '/rollouts/{id}', `/rollouts/${id}${query}`);
    const refs = (res: any) =>
      res.body.tenants.items.map((t: { ref: string }) =>
        t.ref.replace('resource:default/', ''),
      );
    const whole = await board('');
    expect(whole.body.waves).toEqual([
      expect.not.objectContaining({ tenants: expect.anything() }),
      expect.not.objectContaining({ tenants: expect.anything() }),
    ]);
    expect(whole.body.waves[1]).toMatchObject({
      total: 3,
      frozen: 1,
      counts: { pending: 3, healthy: 0, failed: 0 },
    });
    expect(whole.body.tenants).toMatchObject({
      total: 4,
      offset: 0,
      limit: 100,
    });
    expect(whole.body.axisValues).toEqual({
      segment: ['retail'],
      region: ['americas', 'europe'],
      tier: ['internal', 'standard'],
      cloud: ['aws'],
    });
    expect(whole.body.heatmap).toContainEqual({
      region: 'americas',
      tier: 'standard',
      total: 1,
      healthy: 0,
      failed: 0,
      unsettled: 1,
    });

    const page = await board('?offset=1&limit=2');
    expect(refs(page)).toEqual(['bolt-foods', 'cargo-co']);
    expect(page.body.tenants).toMatchObject({ total: 4, offset: 1, limit: 2 });
    // Summaries cover every tenant, whatever the page or the filter.
    expect(page.body.waves).toEqual(whole.body.waves);
    expect(refs(await board('?wave=1&status=frozen'))).toEqual(['delta-mart']);
    expect(refs(await board('?status=pending&region=europe'))).toEqual([
      'acme-internal',
      'bolt-foods',
      'cargo-co',
    ]);
    expect(refs(await board('?q=DELTA%20M'))).toEqual(['delta-mart']);
    expect(refs(await board('?q=resource:default/cargo'))).toEqual([
      'cargo-co',
    ]);
    const none = await board('?tier=critical');
    expect(none.body.tenants).toEqual({
      items: [],
      total: 0,
      offset: 0,
      limit: 100,
    });

    // The ETag is of the answer to this query.
    const etag = page.headers.etag;
    const again = await request(server)
      .get(`${BASE}/rollouts/${id}?offset=1&limit=2`)
      .set('Authorization', user)
      .set('If-None-Match', etag);
    expect(again.status).toBe(304);
    const other = await request(server)
      .get(`${BASE}/rollouts/${id}?offset=2&limit=2`)
      .set('Authorization', user)
      .set('If-None-Match', etag);
    expect(other.status).toBe(200);

    for (const [query, named] of [
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?limit=ten', 'limit'],
      ['?offset=-1', 'offset'],
      ['?wave=-1', 'wave'],
      ['?status=exploded', 'status'],
      ['?region=', 'region'],
      ['?wave=2', 'query.wave: rollout'],
    ]) {
      const bad = await board(query);
      expect([query, bad.status]).toEqual([query, 400]);
      expect([query, bad.body.error.message]).toEqual([
        query,
        expect.stringContaining(named),
      ]);
    }
  });
});
