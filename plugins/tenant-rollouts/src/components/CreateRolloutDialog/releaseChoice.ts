import {
  releaseVerdict,
  ReleaseSummary,
} from '@waybill/plugin-scorecards-common';

/** How many of an entity's releases the picker lists, newest first. */
export const RELEASE_LIMIT = 50;

/** A release's grade in words: `Grade B`, or `Not graded` before any evidence is scored. */
export function gradeInWords(release: Pick<ReleaseSummary, 'grade'>): string {
  return release.grade ? `Grade ${release.grade}` : 'Not graded';
}

/**
 * What the version field says under the picker, in words: how to choose while nothing is
 * chosen; for a listed release its grade, its gates' verdict and what the verdict means for a
 * rollout to `environment`; for a typed version without evidence, that its gate will hold it.
 *
 * `releases` is undefined until the entity's releases are known.
 */
export function releaseHint(
  releases: ReleaseSummary[] | undefined,
  version: string,
  environment: string,
): string {
  const typed = version.trim();
  if (!releases) {
    return typed
      ? 'Pick the entity to see whether this release has a scorecard'
      : 'Pick the entity to list its releases, or type the version';
  }
  if (!typed) {
    return releases.length === 0
      ? 'No release of this entity has evidence yet: type the version to deploy'
      : 'Newest first, with grade and gates; a version without evidence yet can be typed';
  }
  const release = releases.find(r => r.version === typed);
  if (!release) {
    return `No evidence for ${typed} yet: the rollout can be planned, but it starts only once the ${environment} gate passes`;
  }
  const verdict = releaseVerdict(release.gates);
  const said = `${gradeInWords(release)}. ${verdict.text}.`;
  if (verdict.state === 'unevaluated') {
    return `${said} The rollout can be planned, but it starts only once the ${environment} gate passes`;
  }
  const gate = release.gates.find(g => g.environment === environment);
  if (gate?.decision === 'fail') {
    return `${said} The rollout can be planned, but it starts only once the ${environment} gate passes or is overridden`;
  }
  return said;
}
