import { GateAnswer } from '@waybill/plugin-scorecards-common';
import type { ScmDeploymentDecision } from './DeploymentEnforcement';

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

/** A deployment's decision as the markdown of a GitHub review comment. */
export function reviewComment(decision: ScmDeploymentDecision): string {
  return 'held' in decision
    ? decision.held
    : gateSummary(decision.gate, decision.scorecardUrl);
}

/** GitLab's limit for a deployment approval's comment (`Deployments::Approval`). */
export const GITLAB_APPROVAL_COMMENT_CHARS = 255;

/**
 * A deployment's decision in one line of at most `maxChars`: the verdict, the release, its
 * score and any waivers or override, the titles of the blocking (or warning) checks, and the scorecard's link. What does not
 * fit is cut from the checks' titles first, so the link survives when it can.
 */
export function approvalComment(
  decision: ScmDeploymentDecision,
  maxChars = GITLAB_APPROVAL_COMMENT_CHARS,
): string {
  if ('held' in decision) return cut(decision.held, maxChars);
  const { gate, scorecardUrl } = decision;
  const score = [
    gate.score === null ? 'no score' : `score ${gate.score}, ${gate.grade}`,
    ...(gate.waivers.length > 0
      ? [`${gate.waivers.length} waiver${gate.waivers.length > 1 ? 's' : ''}`]
      : []),
    ...(gate.override ? [`overridden by ${gate.override.actor}`] : []),
  ].join(', ');
  const verdict = `${
    gate.decision === 'fail' ? 'Blocked' : 'Allowed'
  } by Waybill's gate for ${gate.environment}: ${gate.entityRef} ${
    gate.version
  } (${score})`;
  const blocking = gate.reasons.filter(r => r.enforcement === 'fail');
  const listed = blocking.length > 0 ? blocking : gate.reasons;
  const checks =
    listed.length === 0
      ? ''
      : `; ${blocking.length > 0 ? 'blocking' : 'warnings'}: ${listed
          .map(r => r.title)
          .join(', ')}`;
  const link = ` ${scorecardUrl}`;
  const room = maxChars - verdict.length - link.length - 1;
  if (room < 0) return cut(`${verdict}.${link}`, maxChars);
  return `${verdict}${cut(checks, room)}.${link}`;
}

/** `text` within `maxChars`, ending in an ellipsis when cut. */
function cut(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars < 1) return '';
  return `${text.slice(0, maxChars - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}
