import { parseFreezeWindows } from '@waybill/plugin-tenant-rollouts-common';
import { makeTenants, rolloutView } from '../../__testUtils__/fixtures';
import {
  axisValues,
  boardRows,
  filterFromSearch,
  healthHeatmap,
  searchWithFilter,
} from './boardView';

const view = rolloutView({
  tenants: makeTenants(60),
  currentWave: 1,
  status: t =>
    t.region === 'europe' && t.cloud === 'aws' ? 'failed' : 'healthy',
  freezeWindows: parseFreezeWindows([
    {
      id: 'apac',
      title: 'APAC migration',
      scope: { region: ['asia-pacific'] },
      schedule: {
        kind: 'one-off',
        start: '2026-11-01T00:00',
        end: '2026-12-01T00:00',
      },
    },
  ]),
});

describe('board filter in the URL', () => {
  it('reads known keys, ignores unknown statuses and keeps foreign parameters', () => {
    const search = new URLSearchParams(
      'region=europe&status=exploded&q=%20acme%20&tab=trail',
    );
    expect(filterFromSearch(search)).toEqual({ region: 'europe', q: 'acme' });
    expect(
      searchWithFilter(search, {
        tier: 'critical',
        status: 'frozen',
      }).toString(),
    ).toBe('status=frozen&tab=trail&tier=critical');
  });
});

describe('boardRows', () => {
  it('lists every tenant under its wave, in plan order', () => {
    const rows = boardRows(view, {});
    expect(rows.filter(r => r.kind === 'tenant')).toHaveLength(60);
    expect(rows.filter(r => r.kind === 'wave').map(r => r.wave.name)).toEqual(
      view.waves.map(w => w.name),
    );
  });

  it('narrows by axis, status, frozen and search, keeping each wave header', () => {
    const failed = boardRows(view, { status: 'failed' });
    const tenants = failed.flatMap(r =>
      r.kind === 'tenant' ? [r.tenant] : [],
    );
    expect(tenants.length).toBeGreaterThan(0);
    expect(tenants.every(t => t.region === 'europe' && t.cloud === 'aws')).toBe(
      true,
    );
    expect(failed.filter(r => r.kind === 'wave')).toHaveLength(
      view.waves.length,
    );
    const frozen = boardRows(view, { status: 'frozen' }).flatMap(r =>
      r.kind === 'tenant' ? [r.tenant] : [],
    );
    expect(frozen.map(t => t.region)).toEqual(Array(20).fill('asia-pacific'));
    const search = boardRows(view, { q: 'TENANT 1' });
    expect(
      search.flatMap(r => (r.kind === 'tenant' ? [r.tenant.title] : [])).sort(),
    ).toEqual(
      [
        'Tenant 1',
        ...Array.from({ length: 10 }, (_, i) => `Tenant 1${i}`),
      ].sort(),
    );
  });
});

describe('healthHeatmap and axisValues', () => {
  it('counts every tenant once in its region and tier', () => {
    const heatmap = healthHeatmap(view);
    expect(heatmap.regions).toEqual([
      'asia-pacific',
      'europe',
      'north-america',
    ]);
    expect(heatmap.tiers).toEqual(['critical', 'internal', 'standard']);
    const cells = heatmap.regions.flatMap(region =>
      heatmap.tiers.flatMap(tier => heatmap.cell(region, tier) ?? []),
    );
    for (const cell of cells) {
      expect(cell.healthy + cell.failed + cell.unsettled).toBe(cell.total);
    }
    expect(cells.filter(c => c.failed > 0).map(c => c.region)).toEqual(
      expect.arrayContaining(['europe']),
    );
    expect(
      cells.filter(c => c.region !== 'europe').every(c => c.failed === 0),
    ).toBe(true);
    const total = cells.reduce((n, c) => n + c.total, 0);
    expect(total).toBe(60);
    expect(axisValues(view).cloud).toEqual(['aws', 'azure', 'gcp']);
  });
});
