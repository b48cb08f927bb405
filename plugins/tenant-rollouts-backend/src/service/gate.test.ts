import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScorecardsGateClient } from './gate';

/*
 * The gate client against a real HTTP server standing in for the scorecards plugin: the typed
 * client's path and plugin-to-plugin token, and each way the plugin can answer or not.
 */

type Answer = { status: number; body: string; type?: string };

describe('ScorecardsGateClient', () => {
  let server: http.Server;
  let baseUrl: string;
  let answer: Answer;
  const seen: Array<{ url?: string; authorization?: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.statusCode = answer.status;
      res.setHeader('content-type', answer.type ?? 'application/json');
      res.end(answer.body);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/scorecards`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const gate = (whenAbsent: 'pass' | 'fail' = 'fail', url = baseUrl) =>
    new ScorecardsGateClient({
      discovery: mockServices.discovery.mock({ getBaseUrl: async () => url }),
      auth: mockServices.auth({ pluginId: 'tenant-rollouts' }),
      logger: mockServices.logger.mock(),
      whenAbsent,
    });

  it('asks the scorecards gate for the release and environment', async () => {
    answer = {
      status: 200,
      body: JSON.stringify({
        decision: 'fail',
        reasons: [{ reason: 'line coverage 61% < 80%' }],
      }),
    };
    expect(
      await gate().check('component:default/inventory', '4.2.0', 'production'),
    ).toEqual({
      passed: false,
      decision: 'fail',
      message:
        'The scorecards gate for component:default/inventory 4.2.0 in production is fail: line coverage 61% < 80%',
    });
    expect(seen.pop()).toEqual({
      url: '/api/scorecards/entities/component/default/inventory/releases/4.2.0/gates/production',
      authorization: expect.stringMatching(/^Bearer /),
    });
  });

  it('passes a warn and names up to five reasons', async () => {
    answer = {
      status: 200,
      body: JSON.stringify({
        decision: 'warn',
        reasons: Array.from({ length: 7 }, (_, i) => ({ title: `check ${i}` })),
      }),
    };
    expect(
      await gate().check('component:default/inventory', '4.2.0', 'staging'),
    ).toEqual({
      passed: true,
      decision: 'warn',
      message:
        'The scorecards gate for component:default/inventory 4.2.0 in staging is warn: check 0; check 1; check 2; check 3; check 4',
    });
  });

  it('follows whenScorecardsAbsent when the plugin is not there', async () => {
    answer = { status: 404, body: '' };
    expect(
      (await gate('pass').check('component:default/a', '1', 'staging')).passed,
    ).toBe(true);
    expect(
      await gate('fail').check('component:default/a', '1', 'staging'),
    ).toEqual({
      passed: false,
      decision: 'absent',
      message:
        'The scorecards gate is not available (the scorecards plugin answered 404); tenantRollouts.gate.whenScorecardsAbsent is fail',
    });
    const down = await gate('fail', 'http://127.0.0.1:1/api/scorecards').check(
      'component:default/a',
      '1',
      'staging',
    );
    expect(down).toMatchObject({ passed: false, decision: 'absent' });
  });

  it('fails on any other error, quoting what the plugin answered', async () => {
    answer = { status: 503, body: 'upstream unavailable', type: 'text/plain' };
    expect(
      await gate('pass').check('component:default/a', '1', 'staging'),
    ).toEqual({
      passed: false,
      decision: 'fail',
      message: 'The scorecards gate answered 503: upstream unavailable',
    });
    const body = {
      error: { name: 'Error', message: 'boom' },
      request: { method: 'GET', url: '/x' },
      response: { statusCode: 500 },
    };
    answer = { status: 500, body: JSON.stringify(body) };
    expect(
      (await gate('pass').check('component:default/a', '1', 'staging')).message,
    ).toBe(
      `The scorecards gate answered 500: ${JSON.stringify(body).slice(0, 300)}`,
    );
  });
});
