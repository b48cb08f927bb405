import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { askingOnce, ScorecardsGateClient } from './gate';

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
        reasons: [
          {
            checkId: 'line-coverage',
            title: 'Line coverage',
            status: 'fail',
            enforcement: 'fail',
            reason: 'line coverage 61% < 80%',
            fixHint: 'Add tests',
          },
        ],
      }),
    };
    expect(
      await gate().check('component:default/inventory', '4.2.0', 'production'),
    ).toEqual({
      entityRef: 'component:default/inventory',
      version: '4.2.0',
      environment: 'production',
      passed: false,
      decision: 'fail',
      message:
        'The scorecards gate for component:default/inventory 4.2.0 in production is fail: line coverage 61% < 80%',
      reasons: [
        {
          checkId: 'line-coverage',
          title: 'Line coverage',
          enforcement: 'fail',
          reason: 'line coverage 61% < 80%',
        },
      ],
    });
    expect(seen.pop()).toEqual({
      url: '/api/scorecards/entities/component/default/inventory/releases/4.2.0/gates/production',
      authorization: expect.stringMatching(/^Bearer /),
    });
  });

  it('passes a warn, names up to five reasons and keeps up to ten', async () => {
    answer = {
      status: 200,
      body: JSON.stringify({
        decision: 'warn',
        reasons: Array.from({ length: 12 }, (_, i) => ({
          checkId: `check-${i}`,
          title: `check ${i}`,
          enforcement: 'warn',
        })),
      }),
    };
    const result = await gate().check(
      'component:default/inventory',
      '4.2.0',
      'staging',
    );
    expect(result).toMatchObject({
      passed: true,
      decision: 'warn',
      message:
        'The scorecards gate for component:default/inventory 4.2.0 in staging is warn: check 0; check 1; check 2; check 3; check 4',
    });
    expect(result.reasons).toHaveLength(10);
    expect(result.reasons[9]).toEqual({
      checkId: 'check-9',
      title: 'check 9',
      reason: '',
      enforcement: 'warn',
    });
  });

  it('names the segments of the next delivery, and asks once per release, environment and segments', async () => {
    answer = { status: 200, body: JSON.stringify({ decision: 'pass' }) };
    seen.length = 0;
    const once = askingOnce(gate());
    await once.check('component:default/a', '1', 'production', [
      'retail',
      'wholesale',
    ]);
    await once.check('component:default/a', '1', 'production', [
      'wholesale',
      'retail',
    ]);
    await once.check('component:default/a', '1', 'production');
    expect(seen.map(s => s.url)).toEqual([
      '/api/scorecards/entities/component/default/a/releases/1/gates/production?segment=retail&segment=wholesale',
      '/api/scorecards/entities/component/default/a/releases/1/gates/production',
    ]);
  });

  it('asks each release and environment once when asked through askingOnce, also at once', async () => {
    answer = { status: 200, body: JSON.stringify({ decision: 'pass' }) };
    seen.length = 0;
    const once = askingOnce(gate());
    const answers = await Promise.all([
      once.check('component:default/a', '1', 'production'),
      once.check('component:default/a', '1', 'production'),
      once.check('component:default/a', '1', 'staging'),
    ]);
    expect(answers.map(a => a.environment)).toEqual([
      'production',
      'production',
      'staging',
    ]);
    await once.check('component:default/a', '1', 'production');
    expect(seen.map(s => s.url)).toEqual([
      '/api/scorecards/entities/component/default/a/releases/1/gates/production',
      '/api/scorecards/entities/component/default/a/releases/1/gates/staging',
    ]);
  });

  it('follows whenScorecardsAbsent when the plugin is not there', async () => {
    answer = { status: 404, body: '' };
    expect(
      (await gate('pass').check('component:default/a', '1', 'staging')).passed,
    ).toBe(true);
    expect(
      await gate('fail').check('component:default/a', '1', 'staging'),
    ).toEqual({
      entityRef: 'component:default/a',
      version: '1',
      environment: 'staging',
      passed: false,
      decision: 'absent',
      message:
        'The scorecards gate is not available (the scorecards plugin answered 404); tenantRollouts.gate.whenScorecardsAbsent is fail',
      reasons: [],
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
      entityRef: 'component:default/a',
      version: '1',
      environment: 'staging',
      passed: false,
      decision: 'fail',
      message: 'The scorecards gate answered 503: upstream unavailable',
      reasons: [],
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
