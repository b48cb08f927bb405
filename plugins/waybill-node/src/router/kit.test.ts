import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { createPermission } from '@backstage/plugin-permission-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { z } from 'zod';
import { bodyParserErrorHandler } from '../bodyParserErrors';
import {
  audited,
  authorizeBySpec,
  catalogCredentialsFor,
  createAuthorizer,
  entityRefFromParams,
  jsonBodies,
  parseInput,
  pluginClientOptions,
  toIso,
} from '.';

const read = createPermission({ name: 'thing.read', attributes: {} });
const write = createPermission({
  name: 'thing.write',
  attributes: { action: 'update' },
});

function app(options: { denied?: string[] } = {}) {
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result: options.denied?.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
  });
  const events: Array<{ id: string; outcome: string; meta?: unknown }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async ({ eventId }) => ({
      success: async (o?: { meta?: unknown }) => {
        events.push({ id: eventId, outcome: 'success', meta: o?.meta });
      },
      fail: async () => {
        events.push({ id: eventId, outcome: 'fail' });
      },
    }),
  });
  const authorize = createAuthorizer({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
  });
  const router = Router();
  router.use(express.json());
  router.post('/things/:kind/:namespace/:name', async (req, res) => {
    await authorize(req, read, write);
    const ref = entityRefFromParams(req.params);
    const body = parseInput(
      z.object({ count: z.number().int().min(1) }).strict(),
      req.body,
      'body',
    );
    const result = await audited(
      auditor,
      { eventId: 'thing-write', request: req, meta: { ref } },
      async () => {
        if (body.count > 10) throw new Error('too many');
        return { ref, count: body.count };
      },
      r => ({ count: r.count }),
    );
    res.json(result);
  });
  const server = express().use(router).use(mockErrorHandler());
  return { server, events };
}

describe('router kit', () => {
  it('authorizes, parses the path and body, and audits the action at the edge', async () => {
    const { server, events } = app();
    const response = await request(server)
      .post('/things/Component/Default/Sales')
      .set('authorization', mockCredentials.user.header())
      .send({ count: 2 });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ref: 'component:default/sales', count: 2 });
    expect(events).toEqual([
      { id: 'thing-write', outcome: 'success', meta: { count: 2 } },
    ]);
  });

  it('refuses no token, a missing permission and bad input, in that order', async () => {
    const { server, events } = app({ denied: ['thing.write'] });
    expect(
      (await request(server).post('/things/a/b/c').send({ count: 0 })).status,
    ).toBe(401);
    const denied = await request(server)
      .post('/things/a/b/c')
      .set('authorization', mockCredentials.service.header())
      .send({ count: 0 });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe('Missing permission thing.write');

    const allowed = app();
    const bad = await request(allowed.server)
      .post('/things/a/b/c')
      .set('authorization', mockCredentials.user.header())
      .send({ count: 0, extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^body\.count: .*; body: /);
    expect(events).toEqual([]);
    expect(allowed.events).toEqual([]);
  });

  it('records a failed action as failed and passes its error on', async () => {
    const { server, events } = app();
    const response = await request(server)
      .post('/things/a/b/c')
      .set('authorization', mockCredentials.user.header())
      .send({ count: 11 });
    expect(response.status).toBe(500);
    expect(events).toEqual([{ id: 'thing-write', outcome: 'fail' }]);
  });

  it('names a path part that is too long', () => {
    expect(() =>
      entityRefFromParams({ kind: 'a', namespace: 'b', name: 'x'.repeat(300) }),
    ).toThrow(/^path\.name: /);
  });

  it.each([
    [{ kind: '../', namespace: 'default', name: 'inventory' }, 'path.kind'],
    [
      { kind: 'component', namespace: 'a b', name: 'inventory' },
      'path.namespace',
    ],
    [
      { kind: 'component', namespace: 'default', name: '../inventory' },
      'path.name',
    ],
  ])('refuses %j, naming %s: the catalog could not hold it', (params, part) => {
    expect(() => entityRefFromParams(params)).toThrow(
      new RegExp(`^${part.replace('.', '\\.')}: not an entity`),
    );
  });

  it('reads a valid path in any case as the normalized ref', () => {
    expect(
      entityRefFromParams({
        kind: 'Component',
        namespace: 'Default',
        name: 'Sales',
      }),
    ).toBe('component:default/sales');
  });

  it('reads the catalog as a user, or as the plugin for a service', async () => {
    const auth = mockServices.auth({ pluginId: 'rollouts' });
    const user = mockCredentials.user('user:default/ada');
    expect(await catalogCredentialsFor(auth, user)).toBe(user);
    const own = await catalogCredentialsFor(
      auth,
      mockCredentials.service('pipeline:github:a/b'),
    );
    expect(own.principal).toEqual({
      type: 'service',
      subject: 'plugin:rollouts',
    });
  });

  it('turns database timestamps into ISO 8601', () => {
    const iso = '2026-12-04T05:00:00.000Z';
    expect(toIso(new Date(iso))).toBe(iso);
    expect(toIso('2026-12-04 05:00:00')).toBe(iso);
    expect(toIso(Date.parse(iso))).toBe(iso);
    expect(toIso('2026-12-04T06:00:00+01:00')).toBe(iso);
  });
});

describe('pluginClientOptions', () => {
  let server: http.Server;
  let baseUrl: string;
  const seen: Array<string | undefined> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url }));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/scorecards`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('sends a plugin-to-plugin token for the discovered plugin', async () => {
    const options = pluginClientOptions({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => baseUrl,
      }),
      auth: mockServices.auth({ pluginId: 'tenant-rollouts' }),
    });
    const url = `${await options.discoveryApi.getBaseUrl('scorecards')}/gates`;
    const response = await options.fetchApi!.fetch(url);
    expect(await response.json()).toEqual({ path: '/api/scorecards/gates' });
    expect(seen.pop()).toBe(
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('plugin:tenant-rollouts'),
        targetPluginId: 'scorecards',
      }),
    );
  });

  it('sends nothing to a URL no plugin was discovered at', async () => {
    const options = pluginClientOptions({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => baseUrl,
      }),
      auth: mockServices.auth(),
    });
    await expect(
      options.fetchApi!.fetch('http://127.0.0.1:1/elsewhere'),
    ).rejects.toThrow(
      'No plugin is known to serve http://127.0.0.1:1/elsewhere',
    );
  });
});

describe('jsonBodies', () => {
  const echo = () =>
    express()
      .use(jsonBodies(req => (req.path === '/big' ? 1024 * 1024 : 64)))
      .post('/:route', (req, res) => {
        res.json({ type: req.headers['content-type'], body: req.body });
      })
      .use(bodyParserErrorHandler())
      .use(mockErrorHandler());

  it('reads a request without a body as an empty JSON object', async () => {
    const response = await request(echo()).post('/small');
    expect(response.body).toEqual({ type: 'application/json', body: {} });
  });

  it('parses JSON within the limit of the route, and answers 413 past it', async () => {
    const payload = { note: 'x'.repeat(100) };
    expect(
      (await request(echo()).post('/big').send(payload)).body.body,
    ).toEqual(payload);
    expect((await request(echo()).post('/small').send(payload)).status).toBe(
      413,
    );
  });
});

describe('authorizeBySpec', () => {
  const spec = {
    paths: {
      '/things/{id}': {
        get: { operationId: 'getThing', 'x-permission': 'thing.read' },
        post: { operationId: 'changeThing' },
      },
    },
  };

  function guarded(denied: string[]) {
    const authorize = createAuthorizer({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result: denied.includes(r.permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          })),
      }),
    });
    const reached: string[] = [];
    const router = Router();
    router.use(authorizeBySpec(spec, { authorize, permissions: [read] }));
    router.all('/things/:id', (req, res) => {
      reached.push(`${req.method} ${req.path}`);
      res.json({});
    });
    return {
      server: express().use(router).use(mockErrorHandler()),
      reached,
    };
  }

  it('answers 403 naming the operation’s permission before the request reaches anything else', async () => {
    const { server, reached } = guarded(['thing.read']);
    const response = await request(server)
      .get('/things/7')
      .set('authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('Missing permission thing.read');
    expect(reached).toEqual([]);
  });

  it('lets a permitted caller through, and leaves operations without x-permission to their route', async () => {
    const { server, reached } = guarded(['thing.read']);
    const user = mockCredentials.user.header();
    expect(
      (await request(server).post('/things/7').set('authorization', user))
        .status,
    ).toBe(200);
    const allowed = guarded([]);
    expect(
      (
        await request(allowed.server)
          .get('/things/7')
          .set('authorization', user)
      ).status,
    ).toBe(200);
    expect([...reached, ...allowed.reached]).toEqual([
      'POST /things/7',
      'GET /things/7',
    ]);
  });

  it('refuses a spec naming a permission the plugin does not define', () => {
    expect(() =>
      authorizeBySpec(
        { paths: { '/x': { get: { 'x-permission': 'nope' } } } },
        { authorize: async () => mockCredentials.user(), permissions: [read] },
      ),
    ).toThrow(
      'GET /x names x-permission nope, which the plugin does not define',
    );
  });
});
