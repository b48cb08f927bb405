import { catalogReleasesOf } from './catalogReleases';
import { ReleaseGateFilter } from './ReleaseGateFilter';
import { component, portfolioItem } from '../../__testUtils__/catalogItems';

const releases = catalogReleasesOf([
  portfolioItem('inventory', 'A', { production: 'fail' }),
  portfolioItem('orders', 'C', { production: 'warn' }),
  portfolioItem('billing', 'B', { production: 'pass' }),
]);
const entities = ['inventory', 'orders', 'billing', 'edi'].map(name =>
  component(name),
);
const shown = (filter: ReleaseGateFilter) =>
  entities.filter(e => filter.filterEntity(e)).map(e => e.metadata.name);

describe('ReleaseGateFilter', () => {
  it('keeps the entities whose latest release has the chosen verdicts', () => {
    const filter = new ReleaseGateFilter(['blocked', 'passes'], releases);
    expect(shown(filter)).toEqual(['inventory', 'billing']);
    expect(filter.toQueryValue()).toEqual(['blocked', 'passes']);
  });

  it('narrows the catalog query to those names, so server-side paging counts them', () => {
    expect(
      new ReleaseGateFilter(
        ['blocked', 'passes'],
        releases,
      ).getCatalogFilters(),
    ).toEqual({ 'metadata.name': ['billing', 'inventory'] });
  });

  it('asks the catalog for no entity when no release has the verdict', () => {
    const none = catalogReleasesOf([
      portfolioItem('billing', 'B', { production: 'pass' }),
    ]);
    const filter = new ReleaseGateFilter(['blocked'], none);
    expect(filter.getCatalogFilters()).toEqual({ 'metadata.name': ['-'] });
    expect(shown(filter)).toEqual([]);
  });

  it('finds the entities without a scored release on the frontend, the catalog having no "not in"', () => {
    const filter = new ReleaseGateFilter(['none', 'warns'], releases);
    expect(filter.getCatalogFilters()).toEqual({});
    expect(shown(filter)).toEqual(['orders', 'edi']);
  });
});
