import { makeTenants, rolloutView } from '../../__testUtils__/fixtures';
import { boardAnswer } from '../../__testUtils__/boardAnswer';
import {
  boardQuery,
  boardRows,
  filterFromSearch,
  healthHeatmap,
  offsetFromSearch,
  searchAtOffset,
  searchWithFilter,
} from './boardView';

const view = rolloutView({
  tenants: makeTenants(60),
  currentWave: 1,
  status: t =>
    t.region === 'europe' && t.cloud === 'aws' ? 'failed' : 'healthy',
});

/** The board the backend answers for a query string. */
const answer = (query: string) =>
  boardAnswer(view, new URL(`http://backend/rollouts/7?${query}`));

describe('board filter and page in the URL', () => {
  it('reads known keys, ignores unknown statuses and keeps foreign parameters', () => {
    const search = new URLSearchParams(
      'region=europe&status=exploded&q=%20acme%20&tab=trail&offset=200',
    );
    expect(filterFromSearch(search)).toEqual({ region: 'europe', q: 'acme' });
    // A new filter starts on the first page.
    expect(
      searchWithFilter(search, {
        tier: 'critical',
        status: 'frozen',
      }).toString(),
    ).toBe('status=frozen&tab=trail&tier=critical');
  });

  it('reads whole pages only, and asks for the filter and the page', () => {
    const at = (query: string) => offsetFromSearch(new URLSearchParams(query));
    expect(at('offset=200')).toBe(200);
    expect(at('offset=150')).toBe(0);
    expect(at('offset=-100')).toBe(0);
    expect(at('offset=abc')).toBe(0);
    expect(at('')).toBe(0);
    const search = new URLSearchParams('region=europe');
    expect(searchAtOffset(search, 300).toString()).toBe(
      'region=europe&offset=300',
    );
    expect(
      searchAtOffset(new URLSearchParams('offset=300'), 0).toString(),
    ).toBe('');
    expect(boardQuery({ region: 'europe', status: 'failed' }, 100)).toEqual({
      region: 'europe',
      status: 'failed',
      offset: 100,
      limit: 100,
    });
  });
});

describe('boardRows', () => {
  it("lists the page's tenants under their waves, every wave keeping its header", () => {
    const rows = boardRows(answer('offset=0&limit=100'));
    expect(rows.filter(r => r.kind === 'tenant')).toHaveLength(60);
    expect(rows.filter(r => r.kind === 'wave').map(r => r.wave.name)).toEqual(
      view.waves.map(w => w.name),
    );
    const failed = boardRows(answer('status=failed&limit=100'));
    const tenants = failed.flatMap(r =>
      r.kind === 'tenant' ? [r.tenant] : [],
    );
    expect(tenants.length).toBeGreaterThan(0);
    expect(
      failed.flatMap(r =>
        r.kind === 'tenant' && r.tenant.wave !== r.wave.index ? [r] : [],
      ),
    ).toEqual([]);
    expect(tenants.every(t => t.region === 'europe' && t.cloud === 'aws')).toBe(
      true,
    );
    const headers = failed.filter(r => r.kind === 'wave');
    expect(headers).toHaveLength(view.waves.length);
    expect(
      headers.reduce((n, r) => n + (r.kind === 'wave' ? r.shown : 0), 0),
    ).toBe(tenants.length);
  });

  it('shows only the page asked for', () => {
    const page = boardRows(answer('offset=50&limit=5'));
    expect(
      page.flatMap(r => (r.kind === 'tenant' ? [r.tenant.ref] : [])),
    ).toEqual(view.tenants.items.slice(50, 55).map(t => t.ref));
  });
});

describe('healthHeatmap', () => {
  it("lays the backend's cells out by region and tier", () => {
    const heatmap = healthHeatmap(view.heatmap);
    expect(heatmap.regions).toEqual([
      'asia-pacific',
      'europe',
      'north-america',
    ]);
    expect(heatmap.tiers).toEqual(['critical', 'internal', 'standard']);
    const cells = heatmap.regions.flatMap(region =>
      heatmap.tiers.flatMap(tier => heatmap.cell(region, tier) ?? []),
    );
    expect(cells).toHaveLength(view.heatmap.length);
    expect(heatmap.cell('europe', 'critical')).toEqual(
      view.heatmap.find(c => c.region === 'europe' && c.tier === 'critical'),
    );
    expect(heatmap.cell('mars', 'critical')).toBeUndefined();
  });
});
