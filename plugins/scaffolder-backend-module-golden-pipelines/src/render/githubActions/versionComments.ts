import { PINNED_ACTIONS } from '../pinnedActions';

const VERSION_BY_SHA = new Map(
  Object.values(PINNED_ACTIONS).map(a => [a.sha, a.version]),
);

/** Adds the version of each pinned action after its `uses:` line (`# v4.2.2`), for reviewers and Renovate. */
export function withVersionComments(yaml: string): string {
  return yaml.replace(
    /^(\s*(?:- )?uses: [^@\s]+@([0-9a-f]{40}))$/gm,
    (line, _all, sha) =>
      VERSION_BY_SHA.has(sha) ? `${line} # ${VERSION_BY_SHA.get(sha)}` : line,
  );
}
