import type { PortfolioItem } from '@waybill/plugin-scorecards-common';
import { blockedReleases } from './blockedReleases';
import { overriddenWhereChanged } from '../../__testUtils__/fixtures';

/** A portfolio line; its gates after overrides are the policy's unless given. */
const item = (
  name: string,
  score: number,
  gates: PortfolioItem['gates'],
  effectiveGates: PortfolioItem['effectiveGates'] = gates,
): PortfolioItem => ({
  entityRef: `component:default/${name}`,
  title: name,
  owner: 'group:default/warehouse-systems',
  system: null,
  tier: 'standard',
  businessProcesses: [],
  version: '1.0.0',
  releasedAt: '2026-12-01T00:00:00.000Z',
  score,
  grade: 'B',
  gates,
  effectiveGates,
  gateAdjustments: overriddenWhereChanged(gates, effectiveGates),
  failingChecks: [],
});

describe('blockedReleases', () => {
  it('keeps releases with a failing gate, naming the environments, lowest score first', () => {
    const blocked = blockedReleases([
      item('inventory', 71, { staging: 'pass', production: 'fail' }),
      item('sales', 95, { staging: 'pass', production: 'warn' }),
      item('edi', 60, { staging: 'fail', production: 'fail' }),
    ]);
    expect(blocked.map(b => [b.item.title, b.environments.join(',')])).toEqual([
      ['edi', 'staging,production'],
      ['inventory', 'production'],
    ]);
  });

  it('goes by the gates after active overrides: an overridden gate does not block', () => {
    const blocked = blockedReleases([
      item(
        'inventory',
        71,
        { staging: 'pass', production: 'fail' },
        { staging: 'pass', production: 'pass' },
      ),
      item(
        'edi',
        60,
        { staging: 'fail', production: 'fail' },
        { staging: 'fail', production: 'pass' },
      ),
    ]);
    expect(blocked.map(b => [b.item.title, b.environments.join(',')])).toEqual([
      ['edi', 'staging'],
    ]);
  });

  it('lists an entity once when two owners’ pages both hold it', () => {
    const inventory = item('inventory', 71, { production: 'fail' });
    expect(blockedReleases([inventory, inventory])).toHaveLength(1);
  });

  it('is empty when nothing is blocked', () => {
    expect(
      blockedReleases([item('sales', 95, { production: 'pass' })]),
    ).toEqual([]);
  });
});
