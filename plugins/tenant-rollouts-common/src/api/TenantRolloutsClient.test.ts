import { ResponseError } from '@backstage/errors';
import {
  rolloutConflictOf,
  TenantRolloutsClient,
} from './TenantRolloutsClient';

const BASE = 'https://backstage.example.com/api/tenant-rollouts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function setup(answer: () => Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => answer(),
  );
  const getBaseUrl = jest.fn(async (_id: string) => BASE);
  const client = new TenantRolloutsClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch },
  });
  const sent = () => {
    const [input, init] = fetch.mock.calls[0];
    return {
      url: String(input),
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
  };
  return { client, getBaseUrl, sent };
}

describe('TenantRolloutsClient', () => {
  it('lists rollouts of an entity and builds the calendar query', async () => {
    const { client, getBaseUrl, sent } = setup(() => json({ items: [] }));
    expect(
      await client.listRollouts({ entityRef: 'component:default/sales' }),
    ).toEqual([]);
    expect(getBaseUrl).toHaveBeenCalledWith('tenant-rollouts');
    expect(sent().url).toBe(
      `${BASE}/rollouts?entityRef=component%3Adefault%2Fsales`,
    );

    const calendar = setup(() => json({ from: '', to: '', windows: [] }));
    await calendar.client.getFreezeCalendar({
      from: new Date('2026-11-23T00:00:00Z'),
      to: new Date('2026-12-23T00:00:00Z'),
    });
    expect(calendar.sent().url).toBe(
      `${BASE}/freeze-calendar?from=2026-11-23T00%3A00%3A00.000Z&to=2026-12-23T00%3A00%3A00.000Z`,
    );
  });

  it("asks for one wave's tenants on one cloud", async () => {
    const answer = { rollout: { id: 3, currentWave: 1 }, wave: { index: 1 } };
    const { client, sent } = setup(() => json(answer));
    expect(await client.getWave(3, 1, { cloud: 'gcp' })).toEqual(answer);
    expect(sent()).toMatchObject({
      url: `${BASE}/rollouts/3/waves/1?cloud=gcp`,
      method: 'GET',
    });
  });

  it("posts actions with their reason and answers the rollout's position after them", async () => {
    const applied = {
      rollout: {
        id: 3,
        state: 'running',
        currentWave: 2,
        lockVersion: 3,
        updatedAt: '2026-11-24T10:00:00.000Z',
      },
      action: 'advance',
      overridden: ['freeze: 2 tenant(s) of wave 2 ...'],
    };
    const { client, sent } = setup(() => json(applied));
    const result = await client.act(3, 'advance', {
      override: true,
      reason: 'Customer asked for the fix today',
    });
    expect(result).toEqual(applied);
    expect(result.rollout.currentWave).toBe(2);
    expect(sent()).toEqual({
      url: `${BASE}/rollouts/3/actions/advance`,
      method: 'POST',
      body: { override: true, reason: 'Customer asked for the fix today' },
    });
  });

  it('reads the blockers of a refused action, and nothing from other errors', async () => {
    const conflict = {
      error: { name: 'ConflictError', message: 'Cannot advance rollout 3' },
      response: { statusCode: 409 },
      rollout: { id: 3, state: 'running', currentWave: 1, lockVersion: 2 },
      blockers: [{ kind: 'freeze', message: '2 tenant(s) of wave 2 ...' }],
    };
    const { client } = setup(() => json(conflict, 409));
    const error = await client.act(3, 'advance').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(rolloutConflictOf(error)).toEqual({
      error: conflict.error,
      rollout: conflict.rollout,
      blockers: conflict.blockers,
    });

    const notFound = setup(() =>
      json(
        {
          error: { name: 'NotFoundError', message: 'No rollout 9' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    const missing = await notFound.client.getRollout(9).catch(e => e);
    expect(missing.message).toBe('Request failed with 404: No rollout 9');
    expect(rolloutConflictOf(missing)).toBeUndefined();
    expect(rolloutConflictOf(new Error('network'))).toBeUndefined();
  });
});
