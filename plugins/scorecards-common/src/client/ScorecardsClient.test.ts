import { ResponseError } from '@backstage/errors';
import { ScorecardsClient } from './ScorecardsClient';

const BASE = 'https://backstage.example.com/api/scorecards';
const RELEASE = `${BASE}/entities/component/default/inventory/releases/4.2.0`;

function jsonResponse(
  body: unknown,
  status = 200,
  statusText?: string,
): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/** A client over a fake fetch that answers `answer` and records each request. */
function setup(answer: () => Response = () => jsonResponse({})) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => answer(),
  );
  const getBaseUrl = jest.fn(async (_pluginId: string) => BASE);
  const client = new ScorecardsClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch },
  });
  /** The one request sent: its URL, method, headers and body. */
  const sent = () => {
    expect(fetch).toHaveBeenCalledTimes(1);
    const [input, init] = fetch.mock.calls[0];
    return {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: init?.body,
    };
  };
  return { client, fetch, getBaseUrl, sent };
}

describe('ScorecardsClient', () => {
  it('discovers the scorecards backend', async () => {
    const { client, getBaseUrl } = setup();
    await client.getRelease('component:default/inventory', '4.2.0');
    expect(getBaseUrl).toHaveBeenCalledWith('scorecards');
  });

  describe('uploadEvidence', () => {
    const result = {
      releaseId: 1,
      evidenceId: 7,
      duplicate: false,
      evaluation: { score: 80 },
    };

    it('posts the file as the body, with the query options', async () => {
      const { client, sent } = setup(() => jsonResponse(result, 201));
      const junit = '<?xml version="1.0"?><testsuites/>';
      await expect(
        client.uploadEvidence(
          'component:default/inventory',
          '4.2.0',
          'tests',
          junit,
          {
            commit: '4f2a9c1',
            pipelineUrl: 'https://ci.example.com/runs/1?attempt=2',
            environment: 'staging',
          },
        ),
      ).resolves.toEqual(result);
      const request = sent();
      expect(request.method).toBe('POST');
      const url = new URL(request.url);
      expect(`${url.origin}${url.pathname}`).toBe(`${RELEASE}/evidence/tests`);
      expect(Object.fromEntries(url.searchParams)).toEqual({
        commit: '4f2a9c1',
        pipelineUrl: 'https://ci.example.com/runs/1?attempt=2',
        environment: 'staging',
      });
      expect(request.headers.get('content-type')).toBe('application/xml');
      expect(request.body).toBe(junit);
    });

    it('answers a duplicate (200) like a new upload', async () => {
      const { client } = setup(() =>
        jsonResponse({ ...result, duplicate: true }, 200),
      );
      await expect(
        client.uploadEvidence(
          { kind: 'component', namespace: 'default', name: 'inventory' },
          '4.2.0',
          'tests',
          '<testsuites/>',
        ),
      ).resolves.toMatchObject({ duplicate: true });
    });

    it.each([
      ['\uFEFF  <coverage/>', 'application/xml'],
      ['{"version":"2.1.0","runs":[]}', 'application/json'],
      ['TN:\nSF:src/a.ts\nend_of_record\n', 'text/plain'],
    ])('sends a string %j as %s', async (body, type) => {
      const { client, sent } = setup(() => jsonResponse(result, 201));
      await client.uploadEvidence(
        'component:default/inventory',
        '4.2.0',
        'coverage',
        body,
      );
      expect(sent().headers.get('content-type')).toBe(type);
      expect(sent().url).toBe(`${RELEASE}/evidence/coverage`);
    });

    it('sends a Blob with its own type and an ArrayBuffer as octet-stream, unless told', async () => {
      const blob = new Blob(['{}'], { type: 'application/vnd.cyclonedx+json' });
      const first = setup(() => jsonResponse(result, 201));
      await first.client.uploadEvidence(
        'component:default/inventory',
        '4.2.0',
        'dependencies',
        blob,
      );
      expect(first.sent().headers.get('content-type')).toBe(
        'application/vnd.cyclonedx+json',
      );
      expect(first.sent().body).toBe(blob);

      const buffer = new TextEncoder().encode('{}').buffer as ArrayBuffer;
      const second = setup(() => jsonResponse(result, 201));
      await second.client.uploadEvidence(
        'component:default/inventory',
        '4.2.0',
        'readiness',
        buffer,
      );
      expect(second.sent().headers.get('content-type')).toBe(
        'application/octet-stream',
      );
      expect(second.sent().body).toBe(buffer);

      const third = setup(() => jsonResponse(result, 201));
      await third.client.uploadEvidence(
        'component:default/inventory',
        '4.2.0',
        'security',
        buffer,
        { contentType: 'application/sarif+json' },
      );
      expect(third.sent().headers.get('content-type')).toBe(
        'application/sarif+json',
      );
    });

    it('encodes every path segment', async () => {
      const { client, sent } = setup(() => jsonResponse(result, 201));
      await client.uploadEvidence(
        'component:team a/web#1',
        '1.0.0+build/7?x',
        'tests',
        '<testsuites/>',
      );
      expect(sent().url).toBe(
        `${BASE}/entities/component/team%20a/web%231/releases/1.0.0%2Bbuild%2F7%3Fx/evidence/tests`,
      );
    });
  });

  it('recordDeliveryEvents posts the events as JSON', async () => {
    const { client, sent } = setup(() =>
      jsonResponse({ stored: 1, duplicates: 0 }, 201),
    );
    const events = {
      events: [
        {
          type: 'deployment' as const,
          entityRef: 'component:default/inventory',
          occurredAt: '2026-11-02T12:00:00Z',
          environment: 'production',
          version: '4.2.0',
        },
      ],
    };
    await expect(client.recordDeliveryEvents(events)).resolves.toEqual({
      stored: 1,
      duplicates: 0,
    });
    const request = sent();
    expect(request.url).toBe(`${BASE}/events`);
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(request.body))).toEqual(events);
  });

  it('getRelease reads the release', async () => {
    const release = { id: 1, entityRef: 'component:default/inventory' };
    const { client, sent } = setup(() => jsonResponse(release));
    await expect(
      client.getRelease('component:default/inventory', '4.2.0'),
    ).resolves.toEqual(release);
    expect(sent()).toMatchObject({ url: RELEASE, method: 'GET' });
    expect(sent().body).toBeUndefined();
  });

  it('listReleases passes the limit only when given', async () => {
    const first = setup(() => jsonResponse({ items: [] }));
    await expect(
      first.client.listReleases('component:default/inventory', { limit: 5 }),
    ).resolves.toEqual({ items: [] });
    expect(first.sent().url).toBe(
      `${BASE}/entities/component/default/inventory/releases?limit=5`,
    );

    const second = setup(() => jsonResponse({ items: [] }));
    await second.client.listReleases({
      kind: 'component',
      namespace: 'default',
      name: 'inventory',
    });
    expect(second.sent().url).toBe(
      `${BASE}/entities/component/default/inventory/releases`,
    );
  });

  it('getGate asks for one environment', async () => {
    const answer = { decision: 'pass', policyDecision: 'fail' };
    const { client, sent } = setup(() => jsonResponse(answer));
    await expect(
      client.getGate('component:default/inventory', '4.2.0', 'pre prod'),
    ).resolves.toEqual(answer);
    expect(sent()).toMatchObject({
      url: `${RELEASE}/gates/pre%20prod`,
      method: 'GET',
    });
  });

  it('overrideGate posts the reason and the expiry as ISO 8601', async () => {
    const override = { id: 3, environment: 'production' };
    const { client, sent } = setup(() => jsonResponse(override, 201));
    await expect(
      client.overrideGate(
        'component:default/inventory',
        '4.2.0',
        'production',
        {
          reason: 'EDI outage hotfix, drill booked',
          expiresAt: new Date('2099-01-01T00:00:00Z'),
        },
      ),
    ).resolves.toEqual(override);
    const request = sent();
    expect(request.url).toBe(`${RELEASE}/gates/production/overrides`);
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(request.body))).toEqual({
      reason: 'EDI outage hotfix, drill booked',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
  });

  it('revokeGateOverride posts the reason to the override it names', async () => {
    const revoked = { id: 3, revokedBy: 'user:default/guest' };
    const { client, sent } = setup(() => jsonResponse(revoked));
    await expect(
      client.revokeGateOverride(
        'component:default/inventory',
        '4.2.0',
        'production',
        3,
        { reason: 'Hotfix 4.2.1 passes on its own' },
      ),
    ).resolves.toEqual(revoked);
    const request = sent();
    expect(request.url).toBe(`${RELEASE}/gates/production/overrides/3/revoke`);
    expect(request.method).toBe('POST');
    expect(JSON.parse(String(request.body))).toEqual({
      reason: 'Hotfix 4.2.1 passes on its own',
    });
  });

  describe('the portfolio', () => {
    it('getPortfolio sends filters, sort and paging, with the gate as environment:decision', async () => {
      const page = { items: [], totalCount: 0 };
      const { client, sent } = setup(() => jsonResponse(page));
      await expect(
        client.getPortfolio({
          owner: 'group:default/warehouse-systems',
          tier: 'critical',
          businessProcess: 'order-to-cash',
          gate: { environment: 'production', decision: 'fail' },
          sort: '-score',
          limit: 20,
          cursor: 'eyJ2YWx1ZSI6NDF9',
        }),
      ).resolves.toEqual(page);
      const url = new URL(sent().url);
      expect(url.pathname).toBe('/api/scorecards/portfolio');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        owner: 'group:default/warehouse-systems',
        tier: 'critical',
        businessProcess: 'order-to-cash',
        gate: 'production:fail',
        sort: '-score',
        limit: '20',
        cursor: 'eyJ2YWx1ZSI6NDF9',
      });
    });

    it('getPortfolio without a query asks for the first page', async () => {
      const { client, sent } = setup(() =>
        jsonResponse({ items: [], totalCount: 0 }),
      );
      await client.getPortfolio();
      expect(sent().url).toBe(`${BASE}/portfolio`);
    });

    it('getPortfolioSummary sends only the filters', async () => {
      const summary = {
        totalCount: 3,
        grades: { A: 1, B: 0, C: 0, D: 0, F: 2 },
        gates: { production: { pass: 1, warn: 0, fail: 2 } },
      };
      const { client, sent } = setup(() => jsonResponse(summary));
      await expect(
        client.getPortfolioSummary({
          system: 'system:default/erp-core',
          gate: { environment: 'staging', decision: 'warn' },
        }),
      ).resolves.toEqual(summary);
      const url = new URL(sent().url);
      expect(url.pathname).toBe('/api/scorecards/portfolio/summary');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        system: 'system:default/erp-core',
        gate: 'staging:warn',
      });
    });

    it('getPortfolioCsv returns the CSV text', async () => {
      const csv = 'entity,title\ncomponent:default/inventory,inventory\n';
      const { client, sent } = setup(
        () =>
          new Response(csv, {
            status: 200,
            headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          }),
      );
      await expect(
        client.getPortfolioCsv({ system: 'erp', grade: 'F', sort: 'name' }),
      ).resolves.toBe(csv);
      expect(sent().url).toBe(
        `${BASE}/portfolio.csv?system=erp&grade=F&sort=name`,
      );
    });
  });

  it('getDora sends the window as ISO 8601 and the entity as a full ref', async () => {
    const dora = { entityRefs: ['component:default/inventory'] };
    const { client, sent } = setup(() => jsonResponse(dora));
    await expect(
      client.getDora({
        entityRef: {
          kind: 'Component',
          namespace: 'default',
          name: 'inventory',
        },
        from: new Date('2026-11-01T00:00:00Z'),
        to: '2026-12-01',
      }),
    ).resolves.toEqual(dora);
    const url = new URL(sent().url);
    expect(url.pathname).toBe('/api/scorecards/dora');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/inventory',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01',
    });
  });

  it('getDora passes the portfolio filters', async () => {
    const { client, sent } = setup(() => jsonResponse({ entityRefs: [] }));
    await client.getDora({
      owner: 'warehouse-systems',
      gate: { environment: 'staging', decision: 'warn' },
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(Object.fromEntries(new URL(sent().url).searchParams)).toEqual({
      owner: 'warehouse-systems',
      gate: 'staging:warn',
      from: '2026-11-01',
      to: '2026-12-01',
    });
  });

  it('reevaluatePolicy posts without a body', async () => {
    const { client, sent } = setup(() =>
      jsonResponse({ triggered: 'scorecards-reevaluate' }, 202),
    );
    await expect(client.reevaluatePolicy()).resolves.toEqual({
      triggered: 'scorecards-reevaluate',
    });
    expect(sent()).toMatchObject({
      url: `${BASE}/policy/reevaluate`,
      method: 'POST',
      body: undefined,
    });
  });

  describe('errors', () => {
    it('throws a ResponseError carrying the server’s reason', async () => {
      const body = {
        error: {
          name: 'InputError',
          message:
            'Unknown environment "moon"; gated environments are staging, production',
        },
        request: {
          method: 'GET',
          url: '/entities/component/default/inventory/releases/4.2.0/gates/moon',
        },
        response: { statusCode: 400 },
      };
      const { client } = setup(() => jsonResponse(body, 400, 'Bad Request'));
      const error = await client
        .getGate('component:default/inventory', '4.2.0', 'moon')
        .catch(e => e);
      expect(ResponseError.is(error)).toBe(true);
      expect(error.statusCode).toBe(400);
      expect(error.message).toBe(
        'Request failed with 400 Bad Request: Unknown environment "moon"; gated environments are staging, production',
      );
      expect(error.body).toEqual(body);
      expect(error.cause).toMatchObject({ name: 'InputError' });
    });

    it.each([
      [
        'uploadEvidence',
        (c: ScorecardsClient) =>
          c.uploadEvidence(
            'component:default/inventory',
            '4.2.0',
            'tests',
            '<x/>',
          ),
      ],
      [
        'recordDeliveryEvents',
        (c: ScorecardsClient) => c.recordDeliveryEvents([]),
      ],
      [
        'getRelease',
        (c: ScorecardsClient) =>
          c.getRelease('component:default/inventory', '4.2.0'),
      ],
      [
        'listReleases',
        (c: ScorecardsClient) => c.listReleases('component:default/inventory'),
      ],
      [
        'overrideGate',
        (c: ScorecardsClient) =>
          c.overrideGate('component:default/inventory', '4.2.0', 'production', {
            reason: 'EDI outage hotfix',
            expiresAt: '2099-01-01T00:00:00Z',
          }),
      ],
      ['getPortfolio', (c: ScorecardsClient) => c.getPortfolio()],
      ['getPortfolioCsv', (c: ScorecardsClient) => c.getPortfolioCsv()],
      ['getPortfolioSummary', (c: ScorecardsClient) => c.getPortfolioSummary()],
      [
        'getDora',
        (c: ScorecardsClient) =>
          c.getDora({ from: '2026-11-01', to: '2026-12-01' }),
      ],
      ['reevaluatePolicy', (c: ScorecardsClient) => c.reevaluatePolicy()],
    ])('%s throws on a 403', async (_, send) => {
      const { client } = setup(() =>
        jsonResponse(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Missing permission scorecards.x',
            },
            response: { statusCode: 403 },
          },
          403,
        ),
      );
      await expect(send(client)).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 403,
        // No status text, as over HTTP/2.
        message: 'Request failed with 403: Missing permission scorecards.x',
      });
    });

    it('keeps a body that is not a Backstage error body in the message', async () => {
      const { client } = setup(
        () =>
          new Response(
            JSON.stringify({
              error: {
                name: 'PayloadTooLargeError',
                message: 'The upload is larger than 10 bytes',
              },
            }),
            { status: 413, headers: { 'Content-Type': 'application/json' } },
          ),
      );
      const error = await client
        .uploadEvidence('component:default/inventory', '4.2.0', 'tests', '<x/>')
        .catch(e => e);
      expect(error.statusCode).toBe(413);
      expect(error.message).toMatch(
        /^Request failed with status 413.*The upload is larger than 10 bytes/,
      );
    });

    it('refuses an entity ref without a kind before sending anything', async () => {
      const { client, fetch } = setup();
      await expect(client.getRelease('inventory', '4.2.0')).rejects.toThrow(
        /kind/,
      );
      expect(fetch).not.toHaveBeenCalled();
    });
  });

  it('uses the global fetch without a fetchApi', async () => {
    const original = globalThis.fetch;
    const fetch = jest.fn(async () => jsonResponse({ items: [] }));
    globalThis.fetch = fetch as typeof globalThis.fetch;
    try {
      const client = new ScorecardsClient({
        discoveryApi: { getBaseUrl: async () => BASE },
      });
      await client.listReleases('component:default/inventory', { limit: 1 });
      expect(fetch).toHaveBeenCalledWith(
        `${BASE}/entities/component/default/inventory/releases?limit=1`,
        { method: 'GET' },
      );
    } finally {
      globalThis.fetch = original;
    }
  });
});
