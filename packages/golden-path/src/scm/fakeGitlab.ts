import http from 'node:http';
import { listenOnLoopback } from '../loopback';
import { ApiResult, jsonOrText, onText, RecordedRequest } from './fakeApi';
import { GitHttpBackend } from './gitHttpBackend';
import { GitlabApi } from './gitlabApi';
import { serveGitlabGit } from './gitlabGitProxy';
import {
  GitlabEnvironment,
  GitlabMember,
  GitlabProtectedEnvironment,
} from './gitlabProjectSettings';
import { GitlabGroups, GitlabProjects, GitlabUser } from './gitlabProjects';

export { GITLAB_ACCESS_LEVEL } from './gitlabProjectSettings';
export type {
  GitlabAccessRule,
  GitlabApprovalRule,
  GitlabEnvironment,
  GitlabMember,
  GitlabProtectedEnvironment,
} from './gitlabProjectSettings';

export interface FakeGitlab {
  /** http://127.0.0.1:port: the integration's baseUrl, and where projects are pushed and browsed */
  baseUrl: string;
  /** host:port, as integrations.gitlab[].host takes it */
  host: string;
  /** baseUrl + /api/v4 */
  apiBaseUrl: string;
  /**
   * Every request, as it arrived: API requests with their path under /api/v4 (`/projects`),
   * git requests with their own (`/meridian/pricing-api.git/git-receive-pack`), without bodies.
   */
  requests: RecordedRequest[];
  /**
   * The protected environment `name` of the project at `projectPath` (`meridian/pricing-api`):
   * who may deploy there and its approval rules; undefined when it is not protected.
   */
  protectedEnvironment(
    projectPath: string,
    name: string,
  ): GitlabProtectedEnvironment | undefined;
  /** The members of the project at `projectPath`, with their roles; undefined when there is none. */
  members(projectPath: string): GitlabMember[] | undefined;
  /** The environments of the project at `projectPath`; undefined when there is none. */
  environments(projectPath: string): GitlabEnvironment[] | undefined;
  close(): Promise<void>;
}

/** An API request's body: form fields, JSON, or the text itself. */
function bodyOf(req: http.IncomingMessage, text: string): any {
  if (
    String(req.headers['content-type']).startsWith(
      'application/x-www-form-urlencoded',
    )
  ) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return jsonOrText(text);
}

/** The users of the instance by their tokens: the token's user, then the others. */
function usersByToken(
  token: string,
  user: GitlabUser,
  others: Array<GitlabUser & { token: string }>,
): Map<string, GitlabUser> {
  const byToken = new Map<string, GitlabUser>([[token, user]]);
  for (const { token: own, ...other } of others) {
    if (
      byToken.has(own) ||
      [...byToken.values()].some(
        u => u.id === other.id || u.username === other.username,
      )
    ) {
      throw new Error(
        `startFakeGitlab: the user ${other.username} needs a token, an id and a username of its own`,
      );
    }
    byToken.set(own, other);
  }
  return byToken;
}

/** The user whose token an API request carries (`PRIVATE-TOKEN` or `Authorization: Bearer`). */
function actorOf(
  req: http.IncomingMessage,
  byToken: Map<string, GitlabUser>,
): GitlabUser | undefined {
  const privateToken = req.headers['private-token'];
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return (
    (typeof privateToken === 'string'
      ? byToken.get(privateToken)
      : undefined) ?? (bearer ? byToken.get(bearer[1]) : undefined)
  );
}

function writeResult(res: http.ServerResponse, result: ApiResult) {
  if (result.raw) {
    res.writeHead(result.status, result.headers);
    res.end(result.raw);
    return;
  }
  if (result.status === 304) {
    res.writeHead(304, result.headers);
    res.end();
    return;
  }
  res.writeHead(result.status, {
    'Content-Type': 'application/json',
    ...result.headers,
  });
  res.end(JSON.stringify(result.json ?? {}));
}

/**
 * A fake of the GitLab REST API v4 on loopback. It implements exactly what `publish:gitlab`,
 * `waybill:gitlab:deployment-gate` and the catalog's GitLab URL reader call, answers everything
 * else 404, and records every request; API requests need a token (`PRIVATE-TOKEN`, or
 * `Authorization: Bearer`), `token` or one of the other `users`', else 401.
 *
 * - `GET /namespaces/:id`: a group given in `groups` (keys are full paths, `erp/pricing` a
 *   subgroup of a group `erp` given too), or the token user's own namespace
 * - `GET /user`: the user whose token the request carries
 * - `GET /groups/:id/projects`, `GET /users/:id/projects`: with `search`, paginated as GitLab
 *   does (`page`, `per_page`, the `X-*` headers and `Link`)
 * - `POST /projects`: creates a project in `namespace_id` (the user's own namespace without
 *   one), refusing a taken path, an unknown namespace or a project more visible than its group;
 *   it is a real bare repository created with `git`
 * - `GET /projects/:id`: by id or URL-encoded full path; `default_branch` is the repository's
 *   HEAD once something is pushed (the first pushed branch, as GitLab sets it), `main` before
 * - `GET /projects/:id/repository/files/:file_path/raw?ref=`: the file at the ref (the default
 *   branch without one), from what was pushed (`git show`), with GitLab's `X-Gitlab-*` headers and
 *   an `ETag` that a matching `If-None-Match` answers 304
 *
 * Like GitLab, it serves the projects' git repositories itself over smart HTTP:
 * `http_url_to_repo` is `<baseUrl>/<namespace>/<project>.git`, and those requests are passed to
 * `git` (`git http-backend`). They need Basic credentials whose password is the token (the user
 * name is not checked: publish:gitlab sends `oauth2`), except a public project's fetches.
 *
 * With `htmlBaseUrl` (e.g. `https://gitlab.com`) the projects' and namespaces' `web_url` are on
 * that host; `http_url_to_repo` stays on the fake, the only place a push can land (and
 * publish:gitlab derives its remoteUrl and repoContentsUrl from it).
 */
export async function startFakeGitlab(options: {
  token: string;
  git: GitHttpBackend;
  /** The groups, by full path: `meridian`, `erp/pricing` (its parent `erp` given too). */
  groups: GitlabGroups;
  /** The token's user; `waybill-bot` (id 1) when absent. */
  user?: GitlabUser;
  /** The instance's other users, each with its own token (Waybill's approver). */
  users?: Array<GitlabUser & { token: string }>;
  /** The loopback port; a free one when 0 or absent. */
  port?: number;
  htmlBaseUrl?: string;
}): Promise<FakeGitlab> {
  const requests: RecordedRequest[] = [];
  const user = options.user ?? {
    id: 1,
    username: 'waybill-bot',
    name: 'Waybill Bot',
  };
  const byToken = usersByToken(options.token, user, options.users ?? []);
  const store = new GitlabProjects(options.groups, user, options.git);
  const api = new GitlabApi(
    store,
    user,
    options.htmlBaseUrl,
    [...byToken.values()].filter(u => u !== user),
  );
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith('/api/v4/')) {
      requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
      });
      serveGitlabGit(req, res, url, {
        token: options.token,
        gitBaseUrl: options.git.baseUrl,
        projectAt: fullPath => store.projectAt(fullPath),
      });
      return;
    }
    onText(req, text => {
      const apiPath = url.pathname.slice('/api/v4'.length);
      const body = bodyOf(req, text);
      const query = Object.fromEntries(url.searchParams);
      requests.push({ method, path: apiPath, query, body });
      const actor = actorOf(req, byToken);
      if (!actor) {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: '401 Unauthorized' }));
        return;
      }
      const params = body && typeof body === 'object' ? body : {};
      writeResult(
        res,
        api.handle(actor, method, apiPath, query, params, req.headers),
      );
    });
  });
  const loopback = await listenOnLoopback(server, options.port);
  api.baseUrl = loopback.baseUrl;
  return {
    ...loopback,
    apiBaseUrl: `${loopback.baseUrl}/api/v4`,
    requests,
    protectedEnvironment: (projectPath, name) =>
      api.protectedEnvironment(projectPath, name),
    members: projectPath => api.members(projectPath),
    environments: projectPath => api.environments(projectPath),
  };
}
