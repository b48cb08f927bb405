import { GateAnswer } from '@waybill/plugin-scorecards-common';

/**
 * A gate's answer as the markdown a deployment review shows: the decision, score and grade,
 * any override, and each blocking or warning check with what to do, and a link to the release's
 * scorecard in the portal.
 */
export function gateSummary(gate: GateAnswer, scorecardUrl: string): string {
  const release = `${gate.entityRef} ${gate.version}`;
  const verdict =
    gate.decision === 'fail'
      ? `**Blocked** by Waybill's gate for ${gate.environment}`
      : `**Allowed** by Waybill's gate for ${gate.environment}${
          gate.decision === 'warn' ? ', with warnings' : ''
        }`;
  const score =
    gate.score === null
      ? 'no score'
      : `score ${gate.score}, grade ${gate.grade}`;
  const lines = [`${verdict}: ${release} (${score}).`];
  if (gate.override) {
    lines.push(
      '',
      `Overridden by ${gate.override.actor} until ${gate.override.expiresAt}: ${gate.override.reason}`,
    );
  }
  if (gate.reasons.length > 0) {
    lines.push('');
    for (const reason of gate.reasons) {
      lines.push(
        `- ${reason.enforcement === 'fail' ? 'Blocking' : 'Warning'}: ${
          reason.title
        }: ${reason.reason}. ${reason.fixHint}`,
      );
    }
  }
  lines.push('', `[The release's scorecard](${scorecardUrl})`);
  return lines.join('\n');
}
