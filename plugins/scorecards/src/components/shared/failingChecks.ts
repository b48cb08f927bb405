import {
  CheckResult,
  ScorecardEvaluation,
} from '@waybill/plugin-scorecards-common';

/** The scored checks a release fails or lacks evidence for, failures first, heaviest first. */
export function failingChecks(evaluation: ScorecardEvaluation): CheckResult[] {
  const rank = (c: CheckResult) => (c.status === 'fail' ? 0 : 1);
  return evaluation.checks
    .filter(check => check.scored && check.status !== 'pass')
    .sort((a, b) => rank(a) - rank(b) || b.weight - a.weight);
}
