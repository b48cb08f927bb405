import {
  describeBoard,
  isPagedBoard,
  pageQuery,
  pagedReads,
} from './boardQuery';
import { parseSizes } from './settings';

describe('the board reads', () => {
  it('reads a paged board as a screen does: first page, failed page, last page', () => {
    expect(pagedReads(20_000)).toEqual([
      { name: 'first page', query: '?limit=100&offset=0' },
      {
        name: 'status=failed page',
        query: '?limit=100&offset=0&status=failed',
      },
      { name: 'deep page', query: '?limit=100&offset=19900' },
    ]);
    expect(pageQuery(0, { wave: '6' })).toBe('?limit=100&offset=0&wave=6');
    expect(pagedReads(40)[2].query).toBe('?limit=100&offset=0');
  });

  it('tells a paged board from an unpaged one, and counts either', () => {
    const paged = {
      state: 'running',
      currentWave: 1,
      analysis: { verdict: 'isolated', summary: 's' },
      waves: [
        { total: 3, frozen: 1, counts: { healthy: 2, failed: 1 } },
        { total: 2, frozen: 0, counts: { pending: 2 } },
      ],
      tenants: { items: [{ ref: 'a' }], total: 5, offset: 0, limit: 100 },
    };
    const unpaged = {
      ...paged,
      tenants: undefined,
      waves: [
        {
          tenants: [
            { status: 'healthy', freeze: { frozen: true } },
            { status: 'healthy', freeze: { frozen: false } },
            { status: 'failed', freeze: { frozen: false } },
          ],
        },
        { tenants: [{ status: 'pending' }, { status: 'pending' }] },
      ],
    };
    expect(isPagedBoard(paged)).toBe(true);
    expect(isPagedBoard(unpaged)).toBe(false);
    expect(describeBoard(paged)).toEqual(describeBoard(unpaged));
    expect(describeBoard(paged)).toMatchObject({
      tenants: 5,
      frozen: 1,
      statuses: { healthy: 2, failed: 1, pending: 2 },
    });
  });
});

describe('parseSizes', () => {
  it('answers positive sizes, ascending, each once', () => {
    expect(parseSizes('20000, 5000,10_000,5000')).toEqual([5000, 10000, 20000]);
    expect(parseSizes('400')).toEqual([400]);
  });

  it('refuses what is not a tenant count', () => {
    expect(() => parseSizes('5000,ten')).toThrow(/expected tenant counts/);
    expect(() => parseSizes('0')).toThrow(/expected tenant counts/);
    expect(() => parseSizes('')).toThrow(/expected tenant counts/);
  });
});
