import type { CheckStatus } from './types';

/** The letter grades, best first. */
export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;

/** A letter grade for a score. */
export type Grade = (typeof GRADES)[number];

/** The lowest score of each grade above F, best first. */
export const GRADE_FLOORS: ReadonlyArray<readonly [Grade, number]> = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
];

/** The grade of a 0..100 score: A >= 90, B >= 80, C >= 70, D >= 60, else F. */
export function gradeOf(score: number): Grade {
  return GRADE_FLOORS.find(([, floor]) => score >= floor)?.[0] ?? 'F';
}

/** What the score needs of a check result. */
export interface ScoredResult {
  status: CheckStatus;
  weight: number;
  /** Whether the check counts toward the score at all. */
  scored: boolean;
}

/**
 * The weighted score, an integer 0..100: the weight of passing scored checks over the weight of
 * all scored checks, rounded down so that 100 means every scored check passed. 100 when no check
 * is scored, since nothing counts against the release.
 */
export function scoreOf(results: readonly ScoredResult[]): number {
  let total = 0;
  let earned = 0;
  for (const result of results) {
    if (!result.scored) continue;
    total += result.weight;
    if (result.status === 'pass') earned += result.weight;
  }
  if (total === 0) return 100;
  // The epsilon absorbs float error in sums of fractional weights, so an exact 90 stays 90.
  return Math.min(100, Math.floor((100 * earned) / total + 1e-9));
}
