import http from 'http';
import { AddressInfo } from 'net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases } from '@waybill/test-utils';
import request from 'supertest';
import {
  catalogComponent as component,
  catalogTenant as tenant,
} from '../__testUtils__/fixtures';
import { tenantRolloutsPlugin } from '../plugin';

/*
 * Per-service strategy files through the running plugin and the backend's real URL reader: the
 * files are served by a local HTTP server that `backend.reading.allow` lets the reader reach.
 */

const databases = createTestDatabases();
jest.setTimeout(60_000);

const BASE = '/api/tenant-rollouts';
const user = mockCredentials.user.header('user:default/release-manager');

/** What the local "repository host" serves, by path. */
const files: Record<string, string> = {
  '/inventory/deploy/rollout.yaml': [
    '# The inventory service rolls out region by region.',
    'waves:',
    '  - name: canary',
    '    select: { tier: [internal] }',
    '    bakeMinutes: 30',
    '  - name: europe',
    '    select: { region: [europe] }',
    '    healthThreshold: 0.9',
    '  - name: everyone-else',
    'forceLast: [critical]',
    '',
  ].join('\n'),
  '/shared/one-wave.yaml': 'waves:\n  - name: all\n    bakeMinutes: 0\n',
  '/broken/rollout.yaml': [
    'waves:',
    '  - name: canary',
    '    select: { tier: [internal]',
    '  - name: rest',
    '',
  ].join('\n'),
  '/invalid/rollout.yaml': [
    'waves:',
    '  - name: Canary',
    '    bakeMinutes: -5',
    'forceLast: [everyone]',
    '',
  ].join('\n'),
};

function startFileServer() {
  const served: string[] = [];
  const server = http.createServer((req, res) => {
    served.push(req.url!);
    const body = files[req.url!];
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(body);
  });
  return new Promise<{ server: http.Server; port: number; served: string[] }>(
    resolve =>
      server.listen(0, '127.0.0.1', () =>
        resolve({
          server,
          port: (server.address() as AddressInfo).port,
          served,
        }),
      ),
  );
}

describe.each(databases.eachSupportedId())(
  'strategy files on %s',
  databaseId => {
    let fileServer: Awaited<ReturnType<typeof startFileServer>>;
    let origin: string;
    let server: any;

    async function start(configuredDefault: boolean) {
      const knex = await databases.init(databaseId);
      const at = (path: string) => `url:${origin}${path}`;
      const services = [
        component('inventory', {
          'backstage.io/managed-by-location': at(
            '/inventory/catalog-info.yaml',
          ),
          'waybill.dev/rollout-strategy': './deploy/rollout.yaml',
        }),
        component('pricing', {
          'backstage.io/managed-by-location': at('/pricing/catalog-info.yaml'),
          'waybill.dev/rollout-strategy': `${origin}/shared/one-wave.yaml`,
        }),
        component('broken', {
          'backstage.io/managed-by-location': at('/broken/catalog-info.yaml'),
          'waybill.dev/rollout-strategy': 'rollout.yaml',
        }),
        component('invalid', {
          'backstage.io/source-location': at('/invalid/'),
          'waybill.dev/rollout-strategy': 'rollout.yaml',
        }),
        component('missing', {
          'backstage.io/managed-by-location': at('/missing/catalog-info.yaml'),
          'waybill.dev/rollout-strategy': 'deploy/rollout.yaml',
        }),
        component('local', {
          'backstage.io/managed-by-location':
            'file:/srv/catalog/local/catalog-info.yaml',
          'waybill.dev/rollout-strategy': './rollout.yaml',
        }),
        component('elsewhere', {
          'backstage.io/managed-by-location': at(
            '/elsewhere/catalog-info.yaml',
          ),
          // Another host than the one backend.reading.allow names.
          'waybill.dev/rollout-strategy': `http://127.0.0.1:${fileServer.port}/shared/one-wave.yaml`,
        }),
        component('plain', {
          'backstage.io/managed-by-location': at('/plain/catalog-info.yaml'),
        }),
      ];
      const refs = services.map(s => `component:default/${s.metadata.name}`);
      const { server: backend } = await startTestBackend({
        features: [
          tenantRolloutsPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({
            entities: [
              ...services,
              tenant('acme-internal', { 'waybill.dev/tier': 'internal' }, refs),
              tenant('bolt-foods', {}, refs),
              tenant('cargo-co', { 'waybill.dev/region': 'americas' }, refs),
              tenant('delta-mart', { 'waybill.dev/tier': 'critical' }, refs),
            ],
          }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          mockServices.rootConfig.factory({
            data: {
              backend: {
                reading: { allow: [{ host: `localhost:${fileServer.port}` }] },
              },
              tenantRollouts: {
                gate: { whenScorecardsAbsent: 'pass' },
                strategies: {
                  'two-waves': {
                    waves: [
                      { name: 'first', select: { region: ['americas'] } },
                      { name: 'second' },
                    ],
                  },
                  ...(configuredDefault
                    ? { default: { waves: [{ name: 'configured' }] } }
                    : {}),
                },
              },
            },
          }),
        ],
      });
      return backend;
    }

    beforeAll(async () => {
      fileServer = await startFileServer();
      origin = `http://localhost:${fileServer.port}`;
      server = await start(true);
    });
    afterAll(
      () =>
        new Promise<void>(resolve => fileServer.server.close(() => resolve())),
    );

    const create = (
      name: string,
      strategy?: unknown,
      on: any = server,
    ): Promise<request.Response> =>
      request(on)
        .post(`${BASE}/rollouts`)
        .set('Authorization', user)
        .send({
          entityRef: `component:default/${name}`,
          version: '1.0.0',
          environment: 'production',
          ...(strategy === undefined ? {} : { strategy }),
        });
    const waveNames = (res: request.Response) =>
      res.body.waves.map((w: { name: string }) => w.name);

    it('plans with the file the entity names, relative to its source location, and records its URL', async () => {
      const res = await create('inventory');
      expect(res.status).toBe(201);
      const url = `${origin}/inventory/deploy/rollout.yaml`;
      expect(res.body.strategySource).toBe(url);
      expect(res.body.strategy).toEqual({
        waves: [
          {
            name: 'canary',
            select: { tier: ['internal'] },
            bakeMinutes: 30,
            healthThreshold: 1,
          },
          {
            name: 'europe',
            select: { region: ['europe'] },
            bakeMinutes: 60,
            healthThreshold: 0.9,
          },
          {
            name: 'everyone-else',
            select: {},
            bakeMinutes: 60,
            healthThreshold: 1,
          },
        ],
        forceLast: ['critical'],
      });
      expect(waveNames(res)).toEqual([
        'canary',
        'europe',
        'everyone-else',
        'dedicated-and-critical',
      ]);
      const stored = await request(server)
        .get(`${BASE}/rollouts/${res.body.id}`)
        .set('Authorization', user);
      expect(stored.body.strategySource).toBe(url);

      // An annotation holding a URL is read as it is.
      const pricing = await create('pricing');
      expect(pricing.status).toBe(201);
      expect(pricing.body.strategySource).toBe(
        `${origin}/shared/one-wave.yaml`,
      );
      expect(waveNames(pricing)).toEqual(['all']);
    });

    it('takes a strategy in the request, then a named one, before the file; config default, then built-in, after it', async () => {
      fileServer.served.length = 0;
      const inline = await create('inventory', {
        waves: [{ name: 'inline' }],
      });
      expect(inline.status).toBe(201);
      expect(inline.body.strategySource).toBe('request');
      expect(waveNames(inline)).toEqual(['inline']);

      const named = await create('inventory', 'two-waves');
      expect(named.status).toBe(201);
      expect(named.body.strategySource).toBe('config:two-waves');
      expect(waveNames(named)).toEqual(['first', 'second']);
      // Neither read the file.
      expect(fileServer.served).toEqual([]);

      const configured = await create('plain');
      expect(configured.body.strategySource).toBe('config:default');
      expect(waveNames(configured)).toEqual(['configured']);

      const withoutDefault = await start(false);
      const builtIn = await create('plain', undefined, withoutDefault);
      expect(builtIn.status).toBe(201);
      expect(builtIn.body.strategySource).toBe('built-in');
      expect(waveNames(builtIn)).toEqual([
        'canary',
        'everyone-else',
        'dedicated-and-critical',
      ]);
      // The file still wins over the built-in strategy.
      expect(
        (await create('pricing', undefined, withoutDefault)).body
          .strategySource,
      ).toBe(`${origin}/shared/one-wave.yaml`);
    });

    it('answers 400 naming the entity, the URL and the problem', async () => {
      const broken = await create('broken');
      expect(broken.status).toBe(400);
      expect(broken.body.error.message).toBe(
        `The rollout strategy of component:default/broken (waybill.dev/rollout-strategy) at ${origin}/broken/rollout.yaml: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a } at line 4, column 3`,
      );

      const invalid = await create('invalid');
      expect(invalid.status).toBe(400);
      const message: string = invalid.body.error.message;
      expect(message).toContain(
        `The rollout strategy of component:default/invalid (waybill.dev/rollout-strategy) at ${origin}/invalid/rollout.yaml: Invalid rollout strategy: `,
      );
      expect(message).toContain(
        'strategy.waves.0.name: lowercase letters, digits and dashes',
      );
      expect(message).toContain('strategy.waves.0.bakeMinutes');
      expect(message).toContain('strategy.forceLast.0');

      const missing = await create('missing');
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(
        new RegExp(
          `^The rollout strategy of component:default/missing \\(waybill.dev/rollout-strategy\\) at ${origin}/missing/deploy/rollout.yaml: the file could not be read: .*404 Not Found`,
        ),
      );

      const elsewhere = await create('elsewhere');
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.error.message).toContain(
        `component:default/elsewhere (waybill.dev/rollout-strategy) at http://127.0.0.1:${fileServer.port}/shared/one-wave.yaml: the file could not be read: `,
      );
      expect(elsewhere.body.error.message).toContain(
        "is not allowed. You may need to configure an integration for the target host, or add it to the configured list of allowed hosts at 'backend.reading.allow'",
      );

      const local = await create('local');
      expect(local.status).toBe(400);
      expect(local.body.error.message).toBe(
        'The rollout strategy of component:default/local (waybill.dev/rollout-strategy: "./rollout.yaml") cannot be read: the path is relative to the entity\'s source location file:/srv/catalog/local/catalog-info.yaml, which is not a URL. The backend\'s URL reader reads only over HTTP(S) from SCM integrations and backend.reading.allow hosts, not local files; register the entity from a URL or give the annotation as one',
      );

      // A request naming its strategy does not need the file.
      expect((await create('broken', 'two-waves')).status).toBe(201);
    });
  },
);
