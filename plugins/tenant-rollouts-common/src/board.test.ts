import { aTenant } from './__testUtils__/demoTenants';
import {
  BoardLine,
  boardAxisValues,
  boardHeatmap,
  emptyStatusCounts,
  matchesBoardFilter,
} from './board';

const line = (
  name: string,
  overrides: Partial<BoardLine & { frozen: boolean }> = {},
): BoardLine & { frozen: boolean } => {
  const { ref, title, segment, region, tier, cloud } = aTenant(name);
  return {
    ref,
    title,
    segment,
    region,
    tier,
    cloud,
    wave: 0,
    status: 'healthy',
    frozen: false,
    ...overrides,
  };
};

const lines = [
  line('acme-foods', { region: 'europe', tier: 'critical' }),
  line('acme-drinks', { region: 'europe', status: 'failed', wave: 1 }),
  line('blue-river', {
    region: 'asia-pacific',
    status: 'pending',
    wave: 2,
    frozen: true,
  }),
  line('Cobalt', { region: 'north-america', status: 'degraded', wave: 1 }),
  line('delta', { region: 'europe', cloud: 'gcp', status: 'deploying' }),
];

const passing = (filter: Parameters<typeof matchesBoardFilter>[1]) =>
  lines
    .filter(l => matchesBoardFilter(l, filter, x => x.frozen))
    .map(l => l.title);

describe('matchesBoardFilter', () => {
  it('passes every tenant without a filter', () => {
    expect(passing({})).toHaveLength(lines.length);
  });

  it('narrows by every axis set, the wave and the status', () => {
    expect(passing({ region: 'europe' })).toEqual([
      'acme-foods',
      'acme-drinks',
      'delta',
    ]);
    expect(passing({ region: 'europe', cloud: 'gcp' })).toEqual(['delta']);
    expect(passing({ tier: 'critical' })).toEqual(['acme-foods']);
    expect(passing({ wave: 1 })).toEqual(['acme-drinks', 'Cobalt']);
    expect(passing({ wave: 1, status: 'failed' })).toEqual(['acme-drinks']);
    expect(passing({ status: 'rolled-back' })).toEqual([]);
  });

  it('takes frozen as what the freeze says, not a status', () => {
    expect(passing({ status: 'frozen' })).toEqual(['blue-river']);
    expect(passing({ status: 'frozen', region: 'europe' })).toEqual([]);
  });

  it('searches title and ref, case-insensitively', () => {
    expect(passing({ q: 'ACME' })).toEqual(['acme-foods', 'acme-drinks']);
    expect(passing({ q: 'cobalt' })).toEqual(['Cobalt']);
    expect(passing({ q: 'resource:default/del' })).toEqual(['delta']);
    expect(passing({ q: 'acme', status: 'failed' })).toEqual(['acme-drinks']);
  });
});

describe('board aggregates', () => {
  it('counts every tenant once in its region and tier, by outcome, sorted', () => {
    const cells = boardHeatmap(lines);
    expect(cells.map(c => `${c.region}/${c.tier}`)).toEqual([
      'asia-pacific/standard',
      'europe/critical',
      'europe/standard',
      'north-america/standard',
    ]);
    expect(
      cells.find(c => c.region === 'europe' && c.tier === 'standard'),
    ).toEqual({
      region: 'europe',
      tier: 'standard',
      total: 2,
      healthy: 0,
      failed: 1,
      unsettled: 1,
    });
    for (const cell of cells) {
      expect(cell.healthy + cell.failed + cell.unsettled).toBe(cell.total);
    }
    expect(cells.reduce((n, c) => n + c.total, 0)).toBe(lines.length);
    expect(cells.find(c => c.region === 'north-america')?.failed).toBe(1);
  });

  it('offers each axis its values, sorted and once', () => {
    expect(boardAxisValues(lines)).toEqual({
      segment: ['wholesale'],
      region: ['asia-pacific', 'europe', 'north-america'],
      tier: ['critical', 'standard'],
      cloud: ['aws', 'gcp'],
    });
    expect(boardAxisValues([])).toEqual({
      segment: [],
      region: [],
      tier: [],
      cloud: [],
    });
  });

  it('starts every status at zero', () => {
    expect(emptyStatusCounts()).toEqual({
      pending: 0,
      deploying: 0,
      healthy: 0,
      degraded: 0,
      failed: 0,
      'rolled-back': 0,
    });
  });
});
