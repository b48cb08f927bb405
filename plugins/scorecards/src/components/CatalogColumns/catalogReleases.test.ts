import {
  catalogRefOf,
  catalogReleasesOf,
  compareByGate,
  compareByGrade,
  entityNamesIn,
  gateStateOf,
} from './catalogReleases';
import { component, portfolioItem } from '../../__testUtils__/catalogItems';

const releases = catalogReleasesOf([
  portfolioItem(
    'inventory',
    'A',
    { staging: 'pass', production: 'fail' },
    {
      score: 95,
      version: '5.2.0',
    },
  ),
  portfolioItem(
    'orders',
    'C',
    { staging: 'warn', production: 'pass' },
    {
      score: 70,
    },
  ),
  portfolioItem(
    'billing',
    'B',
    { staging: 'pass', production: 'pass' },
    {
      score: 88,
    },
  ),
  portfolioItem('edi', 'F', {}, { score: 30 }),
]);

describe('catalogReleasesOf', () => {
  it('gives each entity its latest release with the one verdict of its gates', () => {
    expect(releases.get('component:default/inventory')).toEqual({
      entityRef: 'component:default/inventory',
      version: '5.2.0',
      grade: 'A',
      score: 95,
      gates: [
        { environment: 'staging', decision: 'pass' },
        { environment: 'production', decision: 'fail' },
      ],
      verdict: {
        state: 'blocked',
        environments: ['production'],
        text: 'Blocked for production',
      },
    });
    expect(releases.get('component:default/orders')?.verdict.text).toBe(
      'Warns for staging',
    );
  });

  it('reads the gates after active overrides, as the entity tab does', () => {
    const overridden = catalogReleasesOf([
      portfolioItem(
        'inventory',
        'C',
        { staging: 'pass', production: 'fail' },
        { effectiveGates: { staging: 'pass', production: 'pass' } },
      ),
    ]);
    const inventory = overridden.get('component:default/inventory');
    expect(inventory?.gates).toEqual([
      { environment: 'staging', decision: 'pass' },
      { environment: 'production', decision: 'pass' },
    ]);
    expect(inventory?.verdict.text).toBe('Passes every gate');
    expect(gateStateOf(inventory)).toBe('passes');
    // The Release gate filter's "Blocked" leaves it out.
    expect(entityNamesIn(overridden, ['blocked'])).toEqual([]);
    expect(entityNamesIn(overridden, ['passes'])).toEqual(['inventory']);
  });

  it('finds a catalog entity by its ref whatever the case of its name', () => {
    const entity = component('Inventory');
    expect(catalogRefOf(entity)).toBe('component:default/inventory');
    expect(releases.get(catalogRefOf(entity))?.version).toBe('5.2.0');
  });
});

describe('gateStateOf', () => {
  it('reads a well-graded but blocked release as blocked, and no release as none', () => {
    expect(gateStateOf(releases.get('component:default/inventory'))).toBe(
      'blocked',
    );
    expect(gateStateOf(releases.get('component:default/orders'))).toBe('warns');
    expect(gateStateOf(releases.get('component:default/billing'))).toBe(
      'passes',
    );
    expect(gateStateOf(releases.get('component:default/edi'))).toBe(
      'unevaluated',
    );
    expect(gateStateOf(undefined)).toBe('none');
  });
});

describe('sorting', () => {
  const names = ['billing', 'edi', 'inventory', 'orders', 'unscored'];
  const sorted = (compare: typeof compareByGate) =>
    [...names].sort((a, b) =>
      compare(
        releases.get(`component:default/${a}`),
        releases.get(`component:default/${b}`),
      ),
    );

  it('orders gates worst first, entities without a release last', () => {
    expect(sorted(compareByGate)).toEqual([
      'inventory',
      'orders',
      'edi',
      'billing',
      'unscored',
    ]);
  });

  it('orders grades from A, entities without a release last', () => {
    expect(sorted(compareByGrade)).toEqual([
      'inventory',
      'billing',
      'orders',
      'edi',
      'unscored',
    ]);
  });
});

describe('entityNamesIn', () => {
  it('names the entities whose release is in one of the states', () => {
    expect(entityNamesIn(releases, ['blocked', 'warns'])).toEqual([
      'inventory',
      'orders',
    ]);
    expect(entityNamesIn(releases, ['passes'])).toEqual(['billing']);
    expect(entityNamesIn(releases, ['none'])).toEqual([]);
  });
});
