import { FactsOf, SbomVulnerability, Severity } from '../evidence';

/** One finding a count fact counts: a vulnerability id or a SARIF rule id, and how many times. */
export interface FindingCount {
  id: string;
  count: number;
}

/** Vulnerabilities of one severity, one finding each. */
export function vulnerabilityFindings(
  vulnerabilities: readonly SbomVulnerability[] | undefined,
  severity: Severity,
): FindingCount[] | undefined {
  return vulnerabilities
    ?.filter(v => v.severity === severity)
    .map(v => ({ id: v.id, count: 1 }));
}

/** SARIF findings of one severity by rule: all of them, or those new against the baseline. */
export function ruleFindings(
  facts: FactsOf<'security'>,
  severity: Severity,
  which: 'count' | 'newCount',
): FindingCount[] | undefined {
  return facts.rules
    ?.filter(r => r.severity === severity && r[which] > 0)
    .map(r => ({ id: r.ruleId, count: r[which] }));
}
