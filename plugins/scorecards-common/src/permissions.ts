import { createPermission } from '@backstage/plugin-permission-common';

/** Upload a piece of evidence for a release (CI pipelines). */
export const scorecardsEvidenceUploadPermission = createPermission({
  name: 'scorecards.evidence.upload',
  attributes: { action: 'create' },
});

/** Read a release's evidence, scorecard and gates. */
export const scorecardsReleaseReadPermission = createPermission({
  name: 'scorecards.release.read',
  attributes: { action: 'read' },
});

/** Override a failing gate decision for a release, with a recorded justification. */
export const scorecardsGateOverridePermission = createPermission({
  name: 'scorecards.gate.override',
  attributes: { action: 'update' },
});

/** Ask for a waiver of one check of an entity's releases (any person, by default). */
export const scorecardsWaiverRequestPermission = createPermission({
  name: 'scorecards.waiver.request',
  attributes: { action: 'create' },
});

/** Approve another person's waiver, and revoke anyone's. */
export const scorecardsWaiverApprovePermission = createPermission({
  name: 'scorecards.waiver.approve',
  attributes: { action: 'update' },
});

/** Re-evaluate a release's scorecard against the current policy. */
export const scorecardsPolicyReevaluatePermission = createPermission({
  name: 'scorecards.policy.reevaluate',
  attributes: { action: 'update' },
});

/** Every permission the scorecards plugins define, for registering with the permission framework. */
export const scorecardsPermissions = [
  scorecardsEvidenceUploadPermission,
  scorecardsReleaseReadPermission,
  scorecardsGateOverridePermission,
  scorecardsPolicyReevaluatePermission,
  scorecardsWaiverRequestPermission,
  scorecardsWaiverApprovePermission,
];
