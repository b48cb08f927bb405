import { InputError } from '@backstage/errors';
import { CoverageFacts } from '@waybill/plugin-scorecards-common';

/** Covered and valid lines and branches, as summed over a coverage report. */
export type CoverageCounts = Pick<
  CoverageFacts,
  'linesCovered' | 'linesValid' | 'branchesCovered' | 'branchesValid'
>;

/** Zero of everything, to sum into. */
export function emptyCoverageCounts(): CoverageCounts {
  return {
    linesCovered: 0,
    linesValid: 0,
    branchesCovered: 0,
    branchesValid: 0,
  };
}

/**
 * Reads a count written as plain decimal digits, or returns undefined. Fifteen digits at most
 * keeps every sum of counts a safe integer.
 */
export function parseCount(text: string): number | undefined {
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

/** Checks that nothing is more covered than it is valid, then computes the rates. */
export function toCoverageFacts(
  format: CoverageFacts['format'],
  counts: CoverageCounts,
  label: string,
): CoverageFacts {
  const { linesCovered, linesValid, branchesCovered, branchesValid } = counts;
  if (linesCovered > linesValid || branchesCovered > branchesValid) {
    throw new InputError(
      `${label} counts more covered than valid (lines ${linesCovered}/${linesValid}, branches ${branchesCovered}/${branchesValid})`,
    );
  }
  return {
    kind: 'coverage',
    format,
    lineRate: rate(linesCovered, linesValid),
    branchRate: rate(branchesCovered, branchesValid),
    ...counts,
  };
}

/** A rate of 0..1, or null when there was nothing to measure. */
function rate(covered: number, valid: number): number | null {
  return valid > 0 ? covered / valid : null;
}
