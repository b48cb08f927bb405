import {
  SEVERITIES,
  Severity,
  SeverityCounts,
} from '@waybill/plugin-scorecards-common';

/** How many of the worst findings or vulnerabilities the facts keep. */
export const MAX_WORST = 20;

/** The band of a CVSS v3 score: >=9 critical, >=7 high, >=4 medium, >0 low, else info. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) {
    return 'critical';
  }
  if (score >= 7) {
    return 'high';
  }
  if (score >= 4) {
    return 'medium';
  }
  return score > 0 ? 'low' : 'info';
}

/** Orders severities most severe first, for sorting the worst findings. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

/** The more severe of two severities; `undefined` stands for "none yet". */
export function maxSeverity(a: Severity | undefined, b: Severity): Severity {
  return a !== undefined && compareSeverity(a, b) <= 0 ? a : b;
}

/** A count of zero for every band. */
export function emptySeverityCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}
