import {
  scorecardsEvidenceUploadPermission,
  scorecardsGateOverridePermission,
  scorecardsPermissions,
  scorecardsPolicyReevaluatePermission,
  scorecardsReleaseReadPermission,
  scorecardsWaiverApprovePermission,
  scorecardsWaiverRequestPermission,
} from './permissions';

describe('scorecardsPermissions', () => {
  it('defines basic permissions with their actions', () => {
    expect(
      scorecardsPermissions.map(permission => [
        permission.name,
        permission.type,
        permission.attributes.action,
      ]),
    ).toEqual([
      ['scorecards.evidence.upload', 'basic', 'create'],
      ['scorecards.release.read', 'basic', 'read'],
      ['scorecards.gate.override', 'basic', 'update'],
      ['scorecards.policy.reevaluate', 'basic', 'update'],
      ['scorecards.waiver.request', 'basic', 'create'],
      ['scorecards.waiver.approve', 'basic', 'update'],
    ]);
    expect(scorecardsPermissions).toEqual([
      scorecardsEvidenceUploadPermission,
      scorecardsReleaseReadPermission,
      scorecardsGateOverridePermission,
      scorecardsPolicyReevaluatePermission,
      scorecardsWaiverRequestPermission,
      scorecardsWaiverApprovePermission,
    ]);
  });
});
