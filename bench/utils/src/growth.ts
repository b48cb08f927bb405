/**
 * How a figure grows with the size of what a benchmark measured: from one size to the next, the
 * figure's ratio over the size's ratio. 1 is linear growth; 2 when doubling the size quadruples
 * the figure (a quadratic step); under 1, sub-linear (fixed costs, or a paged answer).
 */

/** A figure at one size. */
export interface SizedFigure {
  size: number;
  value: number;
}

/** One step from a size to the next. */
export interface GrowthStep {
  from: number;
  to: number;
  /** `to / from`. */
  sizeRatio: number;
  /** The figure at `to` over the figure at `from`. */
  valueRatio: number;
  /** `valueRatio / sizeRatio`: 1 is linear. */
  factor: number;
  /** `factor` above the threshold {@link growthSteps} was given. */
  superLinear: boolean;
}

/** The growth factor above which a step counts as faster than linear, by default. */
export const SUPER_LINEAR_FACTOR = 1.3;

/**
 * The steps between consecutive sizes of `figures` (sorted by size; figures that are not finite
 * and positive, and repeated sizes, are left out), each flagged `superLinear` when its growth
 * factor is above `threshold` (default {@link SUPER_LINEAR_FACTOR}, a margin for noise).
 */
export function growthSteps(
  figures: SizedFigure[],
  threshold = SUPER_LINEAR_FACTOR,
): GrowthStep[] {
  const usable = figures
    .filter(f => f.size > 0 && Number.isFinite(f.value) && f.value > 0)
    .sort((a, b) => a.size - b.size)
    .filter((f, i, all) => i === 0 || all[i - 1].size !== f.size);
  return usable.slice(1).map((to, i) => {
    const from = usable[i];
    const sizeRatio = to.size / from.size;
    const valueRatio = to.value / from.value;
    const factor = valueRatio / sizeRatio;
    return {
      from: from.size,
      to: to.size,
      sizeRatio,
      valueRatio,
      factor,
      superLinear: factor > threshold,
    };
  });
}

/** A step in a few characters: `x1.9 (f 0.95)`, with `SUPER-LINEAR` when flagged. */
export function formatGrowthStep(step: GrowthStep): string {
  return `x${step.valueRatio.toFixed(2)} (f ${step.factor.toFixed(2)})${
    step.superLinear ? ' SUPER-LINEAR' : ''
  }`;
}
