import { ResponseError } from '@backstage/errors';
import { commaJoined, jsonBody, PluginHttpClient } from './PluginHttpClient';

const BASE = 'https://backstage.example.com/api/things';

function client(answer: Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => answer,
  );
  const getBaseUrl = jest.fn(async (_id: string) => BASE);
  return {
    http: new PluginHttpClient('things', {
      discoveryApi: { getBaseUrl },
      fetchApi: { fetch },
    }),
    fetch,
    getBaseUrl,
  };
}

describe('PluginHttpClient', () => {
  it('discovers the plugin and leaves undefined query values out', async () => {
    const { http, fetch, getBaseUrl } = client(
      new Response('{"ok":true}', { status: 200 }),
    );
    expect(
      await http.json('/items', jsonBody('POST', { a: 1 }), {
        owner: 'group:default/ops',
        limit: 5,
        cursor: undefined,
      }),
    ).toEqual({ ok: true });
    expect(getBaseUrl).toHaveBeenCalledWith('things');
    expect(String(fetch.mock.calls[0][0])).toBe(
      `${BASE}/items?owner=group%3Adefault%2Fops&limit=5`,
    );
    expect(fetch.mock.calls[0][1]).toEqual({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
  });

  it('repeats a list, or sends it comma-joined, and leaves an empty one out', async () => {
    const { http, fetch } = client(new Response('{}', { status: 200 }));
    await http.fetch('/items', undefined, {
      kind: ['component', 'api'],
      owner: [],
    });
    await http.fetch(
      '/items',
      undefined,
      commaJoined({ kind: ['component', 'api'], owner: [], limit: 5 }, [
        'kind',
        'owner',
      ]),
    );
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      `${BASE}/items?kind=component&kind=api`,
      `${BASE}/items?kind=component%2Capi&limit=5`,
    ]);
    expect(commaJoined(undefined, ['kind'])).toBeUndefined();
  });

  it('throws a ResponseError that says why, with the Backstage error body', async () => {
    const { http } = client(
      new Response(
        JSON.stringify({
          error: { name: 'InputError', message: 'query.limit: too big' },
          response: { statusCode: 400 },
        }),
        {
          status: 400,
          statusText: 'Bad Request',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    const error = http.json('/items');
    await expect(error).rejects.toBeInstanceOf(ResponseError);
    await expect(error).rejects.toMatchObject({
      message: 'Request failed with 400 Bad Request: query.limit: too big',
      body: { error: { name: 'InputError' } },
    });
  });

  it('keeps the status line of an answer that is not a Backstage error', async () => {
    const { http } = client(
      new Response('upstream timed out', { status: 502 }),
    );
    await expect(http.fetch('/items')).rejects.toThrow(
      'Request failed with status 502 , upstream timed out',
    );
  });
});
