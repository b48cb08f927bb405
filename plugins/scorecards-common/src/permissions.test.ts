import {
  scorecardsEvidenceUploadPermission,
  scorecardsGateOverridePermission,
  scorecardsPermissions,
  scorecardsPolicyReevaluatePermission,
  scorecardsReleaseReadPermission,
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
    ]);
    expect(scorecardsPermissions).toEqual([
      scorecardsEvidenceUploadPermission,
      scorecardsReleaseReadPermission,
      scorecardsGateOverridePermission,
      scorecardsPolicyReevaluatePermission,
    ]);
  });
});
