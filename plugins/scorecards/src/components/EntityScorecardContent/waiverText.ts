import { ScorecardEvaluation, Waiver } from '@waybill/plugin-scorecards-common';

/** A check's title in the release's evaluation, else its id (a check the policy no longer has). */
export function checkTitle(
  evaluation: Pick<ScorecardEvaluation, 'checks'> | null,
  checkId: string,
): string {
  return evaluation?.checks.find(c => c.id === checkId)?.title ?? checkId;
}

/**
 * A waiver in words, for button labels and dialog titles: `the production waiver of No critical
 * dependency vulnerabilities for 5.2.0`.
 */
export function waiverName(
  waiver: Pick<Waiver, 'environment' | 'versionRange'>,
  title: string,
): string {
  return `the ${waiver.environment} waiver of ${title} for ${waiver.versionRange}`;
}
