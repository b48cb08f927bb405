import { ReleaseSummary } from '@waybill/plugin-scorecards-common';
import { gradeInWords, releaseHint } from './releaseChoice';

const release = (
  version: string,
  grade: ReleaseSummary['grade'],
  gates: Array<[string, 'pass' | 'warn' | 'fail']>,
): ReleaseSummary => ({
  entityRef: 'component:default/sales',
  version,
  createdAt: '2026-11-30T10:00:00Z',
  score: grade ? 80 : null,
  grade,
  gates: gates.map(([environment, decision]) => ({
    environment,
    decision,
    policyDecision: decision,
  })),
});

const RELEASES = [
  release('7.4.1', 'B', [
    ['staging', 'pass'],
    ['production', 'fail'],
  ]),
  release('7.4.0', 'A', [
    ['staging', 'pass'],
    ['production', 'warn'],
  ]),
  release('7.3.0', null, []),
];

describe('gradeInWords', () => {
  it('names the grade, or says there is none', () => {
    expect(gradeInWords({ grade: 'C' })).toBe('Grade C');
    expect(gradeInWords({ grade: null })).toBe('Not graded');
  });
});

describe('releaseHint', () => {
  it('says how to choose before the entity is known', () => {
    expect(releaseHint(undefined, '', 'production')).toBe(
      'Pick the entity to list its releases, or type the version',
    );
    expect(releaseHint(undefined, '7.4.1', 'production')).toBe(
      'Pick the entity to see whether this release has a scorecard',
    );
  });

  it('says how to choose once the releases are known', () => {
    expect(releaseHint(RELEASES, ' ', 'production')).toBe(
      'Newest first, with grade and gates; a version without evidence yet can be typed',
    );
    expect(releaseHint([], '', 'production')).toBe(
      'No release of this entity has evidence yet: type the version to deploy',
    );
  });

  it("says what a blocked release's failing gate means for this environment only", () => {
    expect(releaseHint(RELEASES, '7.4.1', 'production')).toBe(
      'Grade B. Blocked for production. The rollout can be planned, but it starts only once the production gate passes or is overridden',
    );
    expect(releaseHint(RELEASES, '7.4.1', 'staging')).toBe(
      'Grade B. Blocked for production.',
    );
    expect(releaseHint(RELEASES, '7.4.0', 'production')).toBe(
      'Grade A. Warns for production.',
    );
  });

  it('says that a release without a verdict or evidence waits for its gate', () => {
    expect(releaseHint(RELEASES, '7.3.0', 'staging')).toBe(
      'Not graded. Not evaluated. The rollout can be planned, but it starts only once the staging gate passes',
    );
    expect(releaseHint(RELEASES, '7.5.0', 'production')).toBe(
      'No evidence for 7.5.0 yet: the rollout can be planned, but it starts only once the production gate passes',
    );
  });
});
