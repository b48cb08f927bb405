import { formatGrowthStep, growthSteps } from './growth';

describe('growthSteps', () => {
  it('gives 1 for linear growth and flags a quadratic step', () => {
    const steps = growthSteps([
      { size: 5000, value: 10 },
      { size: 10000, value: 20 },
      { size: 20000, value: 80 },
    ]);
    expect(steps.map(s => [s.from, s.to, s.factor, s.superLinear])).toEqual([
      [5000, 10000, 1, false],
      [10000, 20000, 2, true],
    ]);
    expect(formatGrowthStep(steps[1])).toBe('x4.00 (f 2.00) SUPER-LINEAR');
  });

  it('sorts by size, drops unusable figures and repeated sizes, takes a threshold', () => {
    const steps = growthSteps(
      [
        { size: 20000, value: 30 },
        { size: 5000, value: 10 },
        { size: 10000, value: NaN },
        { size: 5000, value: 99 },
      ],
      0.7,
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ from: 5000, to: 20000, sizeRatio: 4 });
    expect(steps[0].factor).toBeCloseTo(0.75);
    expect(steps[0].superLinear).toBe(true);
    expect(growthSteps([{ size: 5000, value: 1 }])).toEqual([]);
  });
});
