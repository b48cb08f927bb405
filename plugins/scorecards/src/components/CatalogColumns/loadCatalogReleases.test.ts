import {
  PortfolioPage,
  ScorecardsApi,
} from '@waybill/plugin-scorecards-common';
import {
  FRESH_FOR_MS,
  loadCatalogReleases,
  loadedCatalogReleases,
} from './loadCatalogReleases';
import { portfolioItem } from '../../__testUtils__/catalogItems';

function apiAnswering(...pages: Array<PortfolioPage | Error>) {
  const getPortfolio = jest.fn();
  for (const page of pages) {
    if (page instanceof Error) getPortfolio.mockRejectedValueOnce(page);
    else getPortfolio.mockResolvedValueOnce(page);
  }
  return { api: { getPortfolio } as unknown as ScorecardsApi, getPortfolio };
}

describe('loadCatalogReleases', () => {
  it('reads every page of the portfolio, following its cursors', async () => {
    const { api, getPortfolio } = apiAnswering(
      {
        items: [portfolioItem('inventory', 'A', { production: 'fail' })],
        totalCount: 2,
        nextCursor: 'page-2',
      },
      {
        items: [portfolioItem('orders', 'C', { production: 'pass' })],
        totalCount: 2,
      },
    );
    const releases = await loadCatalogReleases(api, 0);
    expect([...releases.keys()]).toEqual([
      'component:default/inventory',
      'component:default/orders',
    ]);
    expect(getPortfolio.mock.calls).toEqual([
      [{ sort: 'name', limit: 200, cursor: undefined }],
      [{ sort: 'name', limit: 200, cursor: 'page-2' }],
    ]);
  });

  it('shares one load between callers, in flight and while fresh, then reads again', async () => {
    const page = { items: [], totalCount: 0 };
    const { api, getPortfolio } = apiAnswering(page, page);
    const first = loadCatalogReleases(api, 1000);
    expect(loadCatalogReleases(api, 1001)).toBe(first);
    expect(loadedCatalogReleases(api, 1001)).toBeUndefined();
    const releases = await first;
    expect(loadedCatalogReleases(api, 1000 + FRESH_FOR_MS - 1)).toBe(releases);
    expect(await loadCatalogReleases(api, 1000 + FRESH_FOR_MS - 1)).toBe(
      releases,
    );
    expect(getPortfolio).toHaveBeenCalledTimes(1);

    expect(loadedCatalogReleases(api, 1000 + FRESH_FOR_MS)).toBeUndefined();
    await loadCatalogReleases(api, 1000 + FRESH_FOR_MS);
    expect(getPortfolio).toHaveBeenCalledTimes(2);
  });

  it('forgets a failed load, so the next caller tries again', async () => {
    const { api, getPortfolio } = apiAnswering(new Error('backend down'), {
      items: [],
      totalCount: 0,
    });
    await expect(loadCatalogReleases(api, 0)).rejects.toThrow('backend down');
    await expect(loadCatalogReleases(api, 1)).resolves.toEqual(new Map());
    expect(getPortfolio).toHaveBeenCalledTimes(2);
  });

  it('stops at a cursor it has seen rather than loop', async () => {
    const page = {
      items: [portfolioItem('inventory', 'A', { production: 'pass' })],
      totalCount: 1,
      nextCursor: 'same',
    };
    const { api, getPortfolio } = apiAnswering(page, page, page);
    await loadCatalogReleases(api, 0);
    expect(getPortfolio).toHaveBeenCalledTimes(2);
  });
});
