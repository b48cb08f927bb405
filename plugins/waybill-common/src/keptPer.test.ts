import { keptPer } from './keptPer';

describe('keptPer', () => {
  it('computes once per key object and gives the kept value again', () => {
    const kept = new WeakMap<object, number>();
    const compute = jest.fn((key: { n: number }) => key.n * 2);
    const a = { n: 1 };
    const b = { n: 1 };
    expect(keptPer(kept, a, compute)).toBe(2);
    expect(keptPer(kept, a, compute)).toBe(2);
    expect(keptPer(kept, b, compute)).toBe(2);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps a falsy value as computed', () => {
    const kept = new WeakMap<object, number>();
    const compute = jest.fn(() => 0);
    const key = {};
    keptPer(kept, key, compute);
    expect(keptPer(kept, key, compute)).toBe(0);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});
