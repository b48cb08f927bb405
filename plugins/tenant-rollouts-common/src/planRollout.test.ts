import fc from 'fast-check';
import { aTenant, demoTenants } from './__testUtils__/demoTenants';
import { planRollout } from './planRollout';
import { parseRolloutStrategy } from './strategy';
import type { Tenant } from '@waybill/plugin-waybill-common';

const strategy = parseRolloutStrategy({
  waves: [
    { name: 'canary', select: { tier: ['internal'] }, bakeMinutes: 120 },
    {
      name: 'europe-quarter',
      select: { region: ['europe'] },
      percent: 25,
      healthThreshold: 0.95,
    },
    { name: 'europe', select: { region: ['europe'] } },
    { name: 'everyone-else' },
  ],
  forceLast: ['dedicated', 'critical'],
});

const placements = (plan: ReturnType<typeof planRollout>) =>
  plan.waves.flatMap(w => w.tenants.map(t => t.ref));

describe('planRollout', () => {
  it('plans the demo estate: internal canaries first, dedicated and critical tenants last', () => {
    const tenants = demoTenants();
    const plan = planRollout(tenants, strategy);
    expect(plan.waves.map(w => w.name)).toEqual([
      'canary',
      'europe-quarter',
      'europe',
      'everyone-else',
      'dedicated-and-critical',
    ]);
    const byRef = new Map(tenants.map(t => [t.ref, t]));
    const wave = (name: string) =>
      plan.waves
        .find(w => w.name === name)!
        .tenants.map(t => byRef.get(t.ref)!);
    expect(wave('canary').every(t => t.tier === 'internal')).toBe(true);
    expect(wave('canary')).toHaveLength(3);
    const europe = tenants.filter(
      t =>
        t.region === 'europe' &&
        t.tier !== 'internal' &&
        t.tier !== 'critical' &&
        t.tenancy !== 'dedicated',
    );
    expect(wave('europe-quarter')).toHaveLength(Math.ceil(europe.length / 4));
    expect(wave('europe-quarter').length + wave('europe').length).toBe(
      europe.length,
    );
    expect(
      wave('dedicated-and-critical').every(
        t => t.tenancy === 'dedicated' || t.tier === 'critical',
      ),
    ).toBe(true);
    expect(placements(plan).sort()).toEqual(tenants.map(t => t.ref).sort());
    expect(plan.waves[1]).toMatchObject({
      bakeMinutes: 60,
      healthThreshold: 0.95,
    });
  });

  it('puts tenants no wave selects into the last wave, saying so', () => {
    const plan = planRollout(
      [
        aTenant('a', { region: 'europe' }),
        aTenant('b', { region: 'asia-pacific' }),
      ],
      parseRolloutStrategy({
        waves: [{ name: 'europe', select: { region: ['europe'] } }],
      }),
    );
    expect(plan.waves[0].tenants).toEqual([
      { ref: 'resource:default/a', reason: 'selected' },
      { ref: 'resource:default/b', reason: 'remainder' },
    ]);
  });

  const tenantArb = fc
    .record({
      name: fc.stringMatching(/^[a-z]{1,8}$/),
      segment: fc.constantFrom('wholesale', 'retail', 'manufacturing'),
      region: fc.constantFrom('europe', 'north-america', 'asia-pacific'),
      tier: fc.constantFrom('internal', 'standard', 'critical'),
      cloud: fc.constantFrom('aws', 'azure', 'gcp', 'private'),
      tenancy: fc.constantFrom('shared' as const, 'dedicated' as const),
    })
    .map(({ name, ...axes }) => aTenant(name, axes));
  const tenantsArb = fc.uniqueArray(tenantArb, {
    selector: t => t.ref,
    maxLength: 60,
  });
  const strategyArb = fc
    .record({
      waves: fc.array(
        fc.record({
          select: fc.record(
            {
              region: fc.subarray(['europe', 'north-america', 'asia-pacific'], {
                minLength: 1,
              }),
              tier: fc.subarray(['internal', 'standard', 'critical'], {
                minLength: 1,
              }),
            },
            { requiredKeys: [] },
          ),
          percent: fc.option(fc.integer({ min: 1, max: 100 }), {
            nil: undefined,
          }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      forceLast: fc.subarray(['dedicated', 'critical'] as const),
    })
    .map(s =>
      parseRolloutStrategy({
        waves: s.waves.map((w, i) => ({ name: `wave-${i}`, ...w })),
        forceLast: s.forceLast,
      }),
    );

  it('puts every tenant in exactly one wave (property)', () => {
    fc.assert(
      fc.property(tenantsArb, strategyArb, (tenants: Tenant[], s) => {
        const placed = placements(planRollout(tenants, s));
        expect(placed.sort()).toEqual(tenants.map(t => t.ref).sort());
      }),
    );
  });

  it('gives the same plan whatever order the tenants come in (property)', () => {
    fc.assert(
      fc.property(
        tenantsArb,
        strategyArb,
        fc.func(fc.integer()),
        (tenants: Tenant[], s, rank) => {
          const shuffled = [...tenants].sort(
            (a, b) => rank(a.ref) - rank(b.ref),
          );
          expect(planRollout(shuffled, s)).toEqual(planRollout(tenants, s));
        },
      ),
    );
  });

  it('refuses a strategy it cannot follow, naming each problem', () => {
    expect(() =>
      parseRolloutStrategy({
        waves: [
          { name: 'Canary!', percent: 0 },
          { name: 'rest', select: { region: [] } },
          { name: 'rest' },
        ],
      }),
    ).toThrow(
      /strategy\.waves\.0\.name: lowercase letters, digits and dashes; strategy\.waves\.0\.percent: .*strategy\.waves\.1\.select\.region: .*wave name "rest" is used twice/,
    );
  });
});
