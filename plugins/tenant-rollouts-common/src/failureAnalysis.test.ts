import fc from 'fast-check';
import { demoTenants } from './__testUtils__/demoTenants';
import {
  analyzeFailures,
  fisherExactGreater,
  TENANT_STATUSES,
  TenantStatus,
} from './failureAnalysis';

describe('fisherExactGreater', () => {
  it('matches the hypergeometric tail by hand', () => {
    // Fisher's tea tasting: 3 of 4 right, one-sided p = (16 + 1) / 70.
    expect(fisherExactGreater(3, 4, 4, 8)).toBeCloseTo(17 / 70, 12);
    expect(fisherExactGreater(0, 4, 4, 8)).toBeCloseTo(1, 12);
    expect(fisherExactGreater(4, 4, 4, 8)).toBeCloseTo(1 / 70, 12);
  });

  it('stays finite and within [0, 1] at 5,000 tenants', () => {
    const p = fisherExactGreater(60, 500, 80, 5000);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-20);
  });

  it('is a probability that falls as the observed count rises (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 300 })
          .chain(population =>
            fc.tuple(
              fc.constant(population),
              fc.integer({ min: 0, max: population }),
              fc.integer({ min: 0, max: population }),
            ),
          ),
        ([population, draws, successes]) => {
          const highest = Math.min(draws, successes);
          let previous = Infinity;
          for (let x = 0; x <= highest; x++) {
            const p = fisherExactGreater(x, draws, successes, population);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1 + 1e-9);
            expect(p).toBeLessThanOrEqual(previous + 1e-12);
            previous = p;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('analyzeFailures', () => {
  const tenants = demoTenants();

  it('gives the adjusted p-values of its seeded permutations, the same on every run', () => {
    // Pinned from the per-tenant permutation; counting draws per cell must not change them.
    const analysis = analyzeFailures(
      tenants.map((tenant, i) => {
        const failed =
          i % 3 === 0 || (tenant.region === 'europe' && i % 2 === 0);
        let status: TenantStatus = i % 7 === 1 ? 'deploying' : 'healthy';
        if (failed) status = 'failed';
        return { tenant, status };
      }),
    );
    expect(
      analysis.evidence
        .slice(0, 3)
        .map(e => [e.axis, e.value, e.adjustedPValue]),
    ).toEqual([
      ['region', 'europe', 0.3655],
      ['segment', 'manufacturing', 0.5715],
      ['cloud', 'gcp', 1],
    ]);
    // Most tenants failed: the permutations draw the healthy ones. Pinned from the per-tenant
    // permutation with a PRNG call per draw; the shuffle of cells must not change them.
    const mostFailed = analyzeFailures(
      tenants.map((tenant, i) => ({
        tenant,
        status:
          i % 4 === 0 || (tenant.region === 'europe' && i % 3 === 0)
            ? ('healthy' as const)
            : ('degraded' as const),
      })),
    );
    expect(mostFailed).toMatchObject({ settled: 44, failed: 29 });
    expect(
      mostFailed.evidence
        .slice(0, 3)
        .map(e => [e.axis, e.value, e.adjustedPValue]),
    ).toEqual([
      ['cloud', 'gcp', 0.2785],
      ['region', 'asia-pacific', 0.997],
      ['region', 'north-america', 1],
    ]);
  });

  it('isolates failures concentrated in one region, with the evidence', () => {
    const europe = tenants.filter(t => t.region === 'europe');
    const failing = new Set([
      ...europe.slice(0, 6).map(t => t.ref),
      tenants.find(t => t.region === 'asia-pacific')!.ref,
    ]);
    const analysis = analyzeFailures(
      tenants.map(tenant => ({
        tenant,
        status: failing.has(tenant.ref) ? 'failed' : 'healthy',
      })),
    );
    expect(analysis).toMatchObject({
      verdict: 'isolated',
      failed: 7,
      settled: 44,
      isolatedTo: {
        axis: 'region',
        value: 'europe',
        failed: 6,
        settled: europe.length,
        failedElsewhere: 1,
      },
    });
    expect(analysis.summary).toMatch(
      /^isolated to region europe: 6 of 7 failures \(6 of 15 tenants there, 1 of 29 elsewhere; adjusted p = /,
    );
    expect(analysis.isolatedTo!.adjustedPValue).toBeLessThan(0.05);
  });

  it('calls failures spread across the estate global', () => {
    // Every fourth tenant in ref order: no segment, region, tier or cloud stands out.
    const sorted = [...tenants].sort((a, b) => a.ref.localeCompare(b.ref));
    const analysis = analyzeFailures(
      sorted.map((tenant, i) => ({
        tenant,
        status: i % 4 === 0 ? 'failed' : 'healthy',
      })),
    );
    expect(analysis.verdict).toBe('global');
    expect(analysis.summary).toBe(
      'global: 11 of 44 tenants failed, not concentrated in any one segment, region, tier or cloud',
    );
    expect(analysis.evidence.length).toBeGreaterThan(10);
  });

  it('does not call a couple of failures in one place isolated: too few to tell', () => {
    const europe = tenants.filter(t => t.region === 'europe');
    const analysis = analyzeFailures(
      tenants.map(tenant => ({
        tenant,
        status: tenant === europe[0] ? 'failed' : 'healthy',
      })),
    );
    expect(analysis.verdict).toBe('global');
  });

  it('rarely calls failures that fall at random isolated: the 5% level holds', () => {
    // 200 rollouts where 7 of the 44 tenants fail at random (a fixed seed, so it is repeatable).
    let state = 42;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    let isolated = 0;
    for (let run = 0; run < 200; run++) {
      const failing = new Set<number>();
      while (failing.size < 7)
        failing.add(Math.floor(random() * tenants.length));
      const { verdict } = analyzeFailures(
        tenants.map((tenant, i) => ({
          tenant,
          status: failing.has(i) ? 'failed' : 'healthy',
        })),
      );
      if (verdict === 'isolated') isolated++;
    }
    expect(isolated / 200).toBeLessThanOrEqual(0.08);
  });

  it('counts only settled tenants, and degraded or rolled-back ones as failures', () => {
    // One tenant in each status.
    const analysis = analyzeFailures(
      TENANT_STATUSES.map((status, i) => ({ tenant: tenants[i], status })),
    );
    expect(analysis).toMatchObject({ settled: 4, failed: 3 });
    expect(
      analyzeFailures(tenants.map(tenant => ({ tenant, status: 'healthy' }))),
    ).toMatchObject({ verdict: 'no-failures', failed: 0, settled: 44 });
  });
});
