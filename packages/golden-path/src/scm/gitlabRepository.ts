import { execFileSync } from 'node:child_process';
import { ApiResult } from './fakeApi';

const git = (dir: string, args: string[]) =>
  execFileSync('git', args, { cwd: dir, stdio: 'pipe' });

/** The 404 of a GitLab API resource (`404 Project Not Found`), or of an unknown route. */
export const notFound = (what?: string): ApiResult =>
  what
    ? { status: 404, json: { message: `404 ${what} Not Found` } }
    : { status: 404, json: { error: '404 Not Found' } };

/** The branches pushed to the bare repository `dir`. */
export function branchesOf(dir: string): string[] {
  return git(dir, ['for-each-ref', '--format=%(refname:short)', 'refs/heads'])
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
}

/**
 * As GitLab: the instance default while empty, then the repository's HEAD, which the first
 * push sets to the branch it pushed when HEAD names none.
 */
export function defaultBranchOf(dir: string): string {
  const branches = branchesOf(dir);
  if (branches.length === 0) return 'main';
  const head = git(dir, ['symbolic-ref', '--short', 'HEAD'])
    .toString('utf8')
    .trim();
  if (branches.includes(head)) return head;
  const first = [...branches].sort()[0];
  git(dir, ['symbolic-ref', 'HEAD', `refs/heads/${first}`]);
  return first;
}

/**
 * `GET /projects/:id/repository/files/:file_path/raw?ref=`: the file at `ref` from what was
 * pushed, with GitLab's `X-Gitlab-*` headers and an `ETag` that a matching `If-None-Match`
 * answers 304.
 */
export function rawFile(
  dir: string,
  filePath: string,
  ref: string,
  ifNoneMatch: string | undefined,
): ApiResult {
  const show = (what: string) => {
    try {
      return git(dir, ['rev-parse', '--verify', '--quiet', what])
        .toString('utf8')
        .trim();
    } catch {
      return undefined;
    }
  };
  const commit = ref.startsWith('-') ? undefined : show(`${ref}^{commit}`);
  const blob = commit && show(`${commit}:${filePath}`);
  if (!commit || !blob || !show(`${blob}^{blob}`)) {
    return notFound('File');
  }
  const etag = `"${blob}"`;
  if (ifNoneMatch === etag || ifNoneMatch === `W/${etag}`) {
    return { status: 304, headers: { ETag: etag } };
  }
  const content = git(dir, ['cat-file', 'blob', blob]);
  return {
    status: 200,
    raw: content,
    headers: {
      'Content-Type': content.includes(0)
        ? 'application/octet-stream'
        : 'text/plain; charset=utf-8',
      ETag: etag,
      'X-Gitlab-File-Name': filePath.split('/').pop()!,
      'X-Gitlab-File-Path': filePath,
      'X-Gitlab-Ref': ref,
      'X-Gitlab-Blob-Id': blob,
      'X-Gitlab-Commit-Id': commit,
      'X-Gitlab-Size': String(content.length),
    },
  };
}
