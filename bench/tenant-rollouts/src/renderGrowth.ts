import {
  SUPER_LINEAR_FACTOR,
  cell,
  formatGrowthStep,
  formatMs,
  growthSteps,
} from '@waybill/bench-utils';
import { kb, n } from './format';
import { BenchResult, EngineResult, SizeResult } from './result';

/*
 * How each figure grows with the size: its value at every size, and from one size to the next
 * the figure's ratio and the growth factor (figure ratio / size ratio; 1 is linear), steps above
 * SUPER_LINEAR_FACTOR flagged.
 */

/** A figure at each size, and how to print it. */
interface GrowthFigure {
  name: string;
  values: Map<number, number>;
  format: (value: number) => string;
}

/** One engine's figures: each board read's p95 and body, after a change, create, actions, ingest. */
function engineFigures(e: EngineResult): GrowthFigure[] {
  const figures = new Map<string, GrowthFigure>();
  const add = (
    name: string,
    s: SizeResult,
    value: number,
    format: GrowthFigure['format'] = formatMs,
  ) => {
    const key = `${name}, ${e.engine}`;
    const figure = figures.get(key) ?? { name: key, values: new Map(), format };
    figure.values.set(s.tenants, value);
    figures.set(key, figure);
  };
  for (const s of e.sizes) {
    for (const r of s.board.reads) {
      add(`board p95, ${r.name}`, s, r.latency.p95);
      add(`board body, ${r.name}`, s, r.bytes, kb);
    }
    add('board p95 after a status change', s, s.board.afterChange.p95);
    add('POST /rollouts (create)', s, s.setup.createMs);
    add('actions (start, advance) p50', s, s.setup.actionMs.p50);
    add("every tenant's status reported", s, s.wholeIngest.slowestMs);
  }
  return [...figures.values()];
}

/** Every figure measured at more than one size. */
function growthFigures(result: BenchResult): GrowthFigure[] {
  const plan: GrowthFigure = {
    name: 'planRollout p50 (pure)',
    values: new Map(result.plan.map(p => [p.tenants, p.latency.p50])),
    format: formatMs,
  };
  const breakdown = new Map<string, GrowthFigure>();
  for (const b of result.breakdown) {
    for (const row of b.rows) {
      const figure = breakdown.get(row.key) ?? {
        name: `${row.key} p50 (pure)`,
        values: new Map(),
        format: formatMs,
      };
      figure.values.set(b.tenants, row.latency.p50);
      breakdown.set(row.key, figure);
    }
  }
  return [
    plan,
    ...breakdown.values(),
    ...result.engines.flatMap(engineFigures),
  ].filter(f => f.values.size > 1);
}

/** The growth section: a line per figure, then those that grew faster than linearly. */
export function growthSection(result: BenchResult): string[] {
  const { sizes } = result;
  if (sizes.length < 2) return [];
  const figures = growthFigures(result);
  const flagged: string[] = [];
  const lines = figures.map(f => {
    const steps = growthSteps(
      [...f.values].map(([size, value]) => ({ size, value })),
    );
    if (steps.some(s => s.superLinear)) flagged.push(f.name);
    return `${cell(f.name, 58)}${sizes
      .map(size => {
        const value = f.values.get(size);
        return cell(value === undefined ? '-' : f.format(value), 11, true);
      })
      .join('')}   ${steps.map(formatGrowthStep).join('  ')}`;
  });
  return [
    `== How each figure grows: value at ${sizes
      .map(n)
      .join(
        ' / ',
      )} tenants, then per step the figure's ratio and its growth factor f (figure ratio / size ratio: 1 linear, 2 quadratic at x2; SUPER-LINEAR above ${SUPER_LINEAR_FACTOR}) ==`,
    `${cell('figure', 58)}${sizes
      .map(size => cell(n(size), 11, true))
      .join('')}`,
    ...lines,
    flagged.length
      ? `Faster than linear (a step with f > ${SUPER_LINEAR_FACTOR}): ${flagged.join(
          '; ',
        )}`
      : `Faster than linear (a step with f > ${SUPER_LINEAR_FACTOR}): none`,
  ];
}
