import type {
  EntitySnapshot,
  ReleaseSummary,
} from '@waybill/plugin-scorecards-common';
import { entityTabLink } from '@waybill/plugin-waybill-common';
import type { WaybillReleaseDocument } from '../documents';
import { displayName, entityPagePath } from '../refs';

/** `staging: pass, production: fail`; a gate that waivers or an override changed also says the policy's decision. */
export function gatesText(gates: ReleaseSummary['gates']): string {
  if (gates.length === 0) return 'No gate decisions yet';
  const each = gates.map(gate =>
    gate.decision === gate.policyDecision
      ? `${gate.environment}: ${gate.decision}`
      : `${gate.environment}: ${gate.decision} (policy: ${gate.policyDecision})`,
  );
  return `Gates: ${each.join(', ')}`;
}

/** What the release's text says of its entity: title, owner, system and business processes. */
function entityText(entity: EntitySnapshot): string[] {
  const parts = [entity.title];
  if (entity.owner) parts.push(`Owner: ${displayName(entity.owner)}`);
  if (entity.system) parts.push(`System: ${displayName(entity.system)}`);
  if (entity.businessProcesses.length > 0) {
    parts.push(
      `Business processes: ${entity.businessProcesses
        .map(displayName)
        .join(', ')}`,
    );
  }
  return parts;
}

/**
 * The search document of one release of `entity` (as the portfolio describes it): titled
 * `inventory 5.2.0`, with the entity's title, owner, system and business processes, the grade
 * and each environment's gate decision as text, linked to the release's scorecard, and visible
 * to those who may read the entity.
 */
export function releaseDocument(
  entity: EntitySnapshot,
  release: ReleaseSummary,
): WaybillReleaseDocument {
  const scored =
    release.grade === null || release.score === null
      ? 'Not evaluated yet'
      : `Grade ${release.grade}, score ${release.score}`;
  return {
    title: `${displayName(release.entityRef)} ${release.version}`,
    text: `${[...entityText(entity), scored, gatesText(release.gates)].join(
      '. ',
    )}.`,
    location: entityTabLink(
      entityPagePath(release.entityRef),
      'scorecards',
      release.version,
    ),
    authorization: { resourceRef: release.entityRef },
    entityRef: release.entityRef,
    version: release.version,
    score: release.score,
    grade: release.grade,
    gates: release.gates.map(({ environment, decision, policyDecision }) => ({
      environment,
      decision,
      policyDecision,
    })),
  };
}
