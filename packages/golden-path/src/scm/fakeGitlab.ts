import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { listenOnLoopback } from '../loopback';
import { RecordedRequest } from './fakeGithub';
import { GitHttpBackend } from './gitHttpBackend';

/** A project's, or a group's, visibility on GitLab. */
export type GitlabVisibility = 'private' | 'internal' | 'public';

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
  close(): Promise<void>;
}

interface Namespace {
  id: number;
  kind: 'group' | 'user';
  name: string;
  path: string;
  fullPath: string;
  parentId: number | null;
  visibility: GitlabVisibility;
}

interface Project {
  id: number;
  name: string;
  path: string;
  namespace: Namespace;
  description: string | null;
  visibility: GitlabVisibility;
  topics: string[];
  createdAt: string;
  dir: string;
}

type Result = {
  status: number;
  json?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
};

const VISIBILITY_LEVEL: Record<GitlabVisibility, number> = {
  private: 0,
  internal: 10,
  public: 20,
};

const notFound = (what?: string): Result =>
  what
    ? { status: 404, json: { message: `404 ${what} Not Found` } }
    : { status: 404, json: { error: '404 Not Found' } };

/**
 * A fake of the GitLab REST API v4 on loopback. It implements exactly what `publish:gitlab` and
 * the catalog's GitLab URL reader call, answers everything else 404, and records every request;
 * API requests need the token (`PRIVATE-TOKEN`, or `Authorization: Bearer`), else 401.
 *
 * - `GET /namespaces/:id`: a group given in `groups` (keys are full paths, `erp/pricing` a
 *   subgroup of a group `erp` given too), or the token user's own namespace
 * - `GET /user`: the token's user
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
  groups: Record<
    string,
    { id?: number; name?: string; visibility?: GitlabVisibility }
  >;
  /** The token's user; `waybill-bot` (id 1) when absent. */
  user?: { id: number; username: string; name?: string };
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
  const userName = () => user.name ?? user.username;
  let baseUrl = '';
  const webBaseUrl = () => options.htmlBaseUrl?.replace(/\/$/, '') ?? baseUrl;

  // Namespaces: the groups, parents first, then the user's own.
  const namespaces = new Map<string, Namespace>();
  const taken = new Set(
    Object.values(options.groups).flatMap(g => (g.id ? [g.id] : [])),
  );
  let nextNamespaceId = 100;
  const newNamespaceId = () => {
    while (taken.has(nextNamespaceId)) nextNamespaceId++;
    taken.add(nextNamespaceId);
    return nextNamespaceId;
  };
  for (const fullPath of Object.keys(options.groups).sort(
    (a, b) => a.split('/').length - b.split('/').length,
  )) {
    const group = options.groups[fullPath];
    const segments = fullPath.split('/');
    const parentPath = segments.slice(0, -1).join('/');
    const parent = parentPath ? namespaces.get(parentPath) : undefined;
    if (parentPath && !parent) {
      throw new Error(
        `startFakeGitlab: the group ${fullPath} needs its parent group ${parentPath} in groups`,
      );
    }
    namespaces.set(fullPath, {
      id: group.id ?? newNamespaceId(),
      kind: 'group',
      name: group.name ?? segments[segments.length - 1],
      path: segments[segments.length - 1],
      fullPath,
      parentId: parent?.id ?? null,
      visibility: group.visibility ?? 'private',
    });
  }
  if (namespaces.has(user.username)) {
    throw new Error(
      `startFakeGitlab: the user ${user.username} and a group have the same path`,
    );
  }
  const userNamespace: Namespace = {
    id: newNamespaceId(),
    kind: 'user',
    name: user.name ?? user.username,
    path: user.username,
    fullPath: user.username,
    parentId: null,
    visibility: 'public',
  };
  namespaces.set(user.username, userNamespace);

  const projects = new Map<string, Project>();
  let nextProjectId = 1000;

  const git = (dir: string, args: string[]) =>
    execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  const branchesOf = (p: Project) =>
    git(p.dir, ['for-each-ref', '--format=%(refname:short)', 'refs/heads'])
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
  /**
   * As GitLab: the instance default while empty, then the repository's HEAD, which the first
   * push sets to the branch it pushed when HEAD names none.
   */
  function defaultBranchOf(p: Project): string {
    const branches = branchesOf(p);
    if (branches.length === 0) return 'main';
    const head = git(p.dir, ['symbolic-ref', '--short', 'HEAD'])
      .toString('utf8')
      .trim();
    if (branches.includes(head)) return head;
    const first = [...branches].sort()[0];
    git(p.dir, ['symbolic-ref', 'HEAD', `refs/heads/${first}`]);
    return first;
  }

  const namespaceJson = (n: Namespace) => ({
    id: n.id,
    name: n.name,
    path: n.path,
    kind: n.kind,
    full_path: n.fullPath,
    parent_id: n.parentId,
    avatar_url: null,
    web_url:
      n.kind === 'user'
        ? `${webBaseUrl()}/${n.fullPath}`
        : `${webBaseUrl()}/groups/${n.fullPath}`,
  });
  const projectJson = (p: Project) => {
    const fullPath = `${p.namespace.fullPath}/${p.path}`;
    const empty = branchesOf(p).length === 0;
    return {
      id: p.id,
      description: p.description,
      name: p.name,
      name_with_namespace: `${p.namespace.name} / ${p.name}`,
      path: p.path,
      path_with_namespace: fullPath,
      created_at: p.createdAt,
      last_activity_at: p.createdAt,
      default_branch: defaultBranchOf(p),
      tag_list: p.topics,
      topics: p.topics,
      ssh_url_to_repo: `git@${new URL(baseUrl).hostname}:${fullPath}.git`,
      http_url_to_repo: `${baseUrl}/${fullPath}.git`,
      web_url: `${webBaseUrl()}/${fullPath}`,
      readme_url: null,
      avatar_url: null,
      forks_count: 0,
      star_count: 0,
      empty_repo: empty,
      archived: false,
      visibility: p.visibility,
      namespace: namespaceJson(p.namespace),
      ...(p.namespace.kind === 'user'
        ? {
            owner: { id: user.id, username: user.username, name: userName() },
          }
        : {}),
    };
  };
  /** A namespace or project `:id`: a number, or a full path (URL-encoded in the path). */
  const namespaceById = (id: string) =>
    /^\d+$/.test(id)
      ? [...namespaces.values()].find(n => n.id === Number(id))
      : namespaces.get(id);
  const projectById = (id: string) =>
    /^\d+$/.test(id)
      ? [...projects.values()].find(p => p.id === Number(id))
      : projects.get(id);

  /** A list endpoint's page, as GitLab paginates by offset. */
  function page(
    items: unknown[],
    apiPath: string,
    query: Record<string, string>,
  ): Result {
    const perPage = Math.min(Math.max(Number(query.per_page) || 20, 1), 100);
    const current = Math.max(Number(query.page) || 1, 1);
    const totalPages = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number) => {
      const url = new URL(`${baseUrl}/api/v4${apiPath}`);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      url.searchParams.set('page', String(n));
      url.searchParams.set('per_page', String(perPage));
      return url.toString();
    };
    const links = [
      ...(current > 1 ? [`<${link(current - 1)}>; rel="prev"`] : []),
      ...(current < totalPages ? [`<${link(current + 1)}>; rel="next"`] : []),
      `<${link(1)}>; rel="first"`,
      `<${link(totalPages)}>; rel="last"`,
    ];
    return {
      status: 200,
      json: items.slice((current - 1) * perPage, current * perPage),
      headers: {
        'X-Page': String(current),
        'X-Per-Page': String(perPage),
        'X-Total': String(items.length),
        'X-Total-Pages': String(totalPages),
        'X-Next-Page': current < totalPages ? String(current + 1) : '',
        'X-Prev-Page': current > 1 ? String(current - 1) : '',
        Link: links.join(', '),
      },
    };
  }

  function projectsOf(
    n: Namespace,
    apiPath: string,
    query: Record<string, string>,
  ): Result {
    const search = query.search?.toLowerCase();
    const found = [...projects.values()]
      .filter(p => p.namespace === n)
      .filter(
        p =>
          !search ||
          p.name.toLowerCase().includes(search) ||
          p.path.toLowerCase().includes(search),
      )
      .sort((a, b) => b.id - a.id)
      .map(projectJson);
    return page(found, apiPath, query);
  }

  function createProject(params: Record<string, any>): Result {
    const name: string | undefined = params.name || undefined;
    const projectPath: string | undefined =
      params.path ||
      name
        ?.trim()
        .toLowerCase()
        .replace(/[^a-z0-9_.-]+/g, '-');
    if (!name && !projectPath) {
      return {
        status: 400,
        json: {
          error:
            'name, path are missing, at least one parameter must be provided',
        },
      };
    }
    const namespace =
      params.namespace_id === undefined || params.namespace_id === ''
        ? userNamespace
        : namespaceById(String(params.namespace_id));
    if (!namespace) {
      return { status: 404, json: { message: '404 Namespace Not Found' } };
    }
    const visibility: GitlabVisibility = params.visibility ?? 'private';
    if (!(visibility in VISIBILITY_LEVEL)) {
      return {
        status: 400,
        json: { error: 'visibility does not have a valid value' },
      };
    }
    const errors: Record<string, string[]> = {};
    if (projects.has(`${namespace.fullPath}/${projectPath}`)) {
      errors.name = ['has already been taken'];
      errors.path = ['has already been taken'];
    }
    if (
      namespace.kind === 'group' &&
      VISIBILITY_LEVEL[visibility] > VISIBILITY_LEVEL[namespace.visibility]
    ) {
      errors.visibility_level = [
        `${visibility} is not allowed in a ${namespace.visibility} group.`,
      ];
    }
    if (Object.keys(errors).length > 0) {
      return { status: 400, json: { message: errors } };
    }
    const project: Project = {
      id: nextProjectId++,
      name: name ?? projectPath!,
      path: projectPath!,
      namespace,
      description: params.description ?? null,
      visibility,
      topics: Array.isArray(params.topics) ? params.topics : [],
      createdAt: new Date().toISOString(),
      dir: options.git.createRepository(namespace.fullPath, projectPath!),
    };
    projects.set(`${namespace.fullPath}/${project.path}`, project);
    return { status: 201, json: projectJson(project) };
  }

  function rawFile(
    project: Project,
    filePath: string,
    ref: string,
    ifNoneMatch: string | undefined,
  ): Result {
    const show = (what: string) => {
      try {
        return git(project.dir, ['rev-parse', '--verify', '--quiet', what])
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
    const content = git(project.dir, ['cat-file', 'blob', blob]);
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

  function handle(
    method: string,
    apiPath: string,
    query: Record<string, string>,
    params: Record<string, any>,
    headers: http.IncomingHttpHeaders,
  ): Result {
    // Path parameters arrive URL-encoded (meridian%2Fpricing-api); the segments split first.
    const segments = apiPath.split('/').slice(1).map(decodeURIComponent);
    const [resource, id, sub, ...rest] = segments;
    if (method === 'GET' && apiPath === '/user') {
      return {
        status: 200,
        json: {
          id: user.id,
          username: user.username,
          name: userName(),
          state: 'active',
          web_url: `${webBaseUrl()}/${user.username}`,
        },
      };
    }
    if (method === 'GET' && resource === 'namespaces' && id && !sub) {
      const n = namespaceById(id);
      return n
        ? { status: 200, json: namespaceJson(n) }
        : notFound('Namespace');
    }
    if (
      method === 'GET' &&
      resource === 'groups' &&
      id &&
      sub === 'projects' &&
      rest.length === 0
    ) {
      const n = namespaceById(id);
      if (!n || n.kind !== 'group') return notFound('Group');
      return projectsOf(n, apiPath, query);
    }
    if (
      method === 'GET' &&
      resource === 'users' &&
      id &&
      sub === 'projects' &&
      rest.length === 0
    ) {
      const n =
        id === String(user.id) || id === user.username
          ? userNamespace
          : undefined;
      if (!n) return notFound('User');
      return projectsOf(n, apiPath, query);
    }
    if (method === 'POST' && apiPath === '/projects') {
      return createProject({ ...query, ...params });
    }
    if (resource === 'projects' && id) {
      const project = projectById(id);
      if (method === 'GET' && !sub) {
        return project
          ? { status: 200, json: projectJson(project) }
          : notFound('Project');
      }
      // repository/files/:file_path/raw, the file path one (encoded) segment
      if (
        method === 'GET' &&
        sub === 'repository' &&
        rest[0] === 'files' &&
        rest.length === 3 &&
        rest[2] === 'raw'
      ) {
        if (!project) return notFound('Project');
        return rawFile(
          project,
          rest[1],
          query.ref || defaultBranchOf(project),
          headers['if-none-match'],
        );
      }
    }
    return notFound();
  }

  /** Passes a git smart HTTP request for a project's repository to `git http-backend`. */
  function serveGit(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ) {
    const match =
      /^\/(.+)\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/.exec(
        url.pathname,
      );
    const project = match && projects.get(decodeURIComponent(match[1]));
    const auth = req.headers.authorization ?? '';
    const password = auth.startsWith('Basic ')
      ? Buffer.from(auth.slice(6), 'base64')
          .toString('utf8')
          .split(':')
          .slice(1)
          .join(':')
      : undefined;
    const push =
      url.searchParams.get('service') === 'git-receive-pack' ||
      match?.[2] === 'git-receive-pack';
    const anonymousAllowed = project?.visibility === 'public' && !push;
    if (password !== options.token && !anonymousAllowed) {
      req.resume();
      res.writeHead(401, {
        'Content-Type': 'text/plain',
        'WWW-Authenticate': 'Basic realm="GitLab"',
      });
      res.end('HTTP Basic: Access denied.');
      return;
    }
    if (!project) {
      req.resume();
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('The project you were looking for could not be found.');
      return;
    }
    const forwarded: http.OutgoingHttpHeaders = {};
    for (const name of [
      'content-type',
      'content-encoding',
      'content-length',
      'accept',
      'git-protocol',
      'authorization',
    ]) {
      if (req.headers[name]) forwarded[name] = req.headers[name];
    }
    const upstream = http.request(
      `${options.git.baseUrl}${url.pathname}${url.search}`,
      { method: req.method, headers: forwarded },
      gitRes => {
        res.writeHead(gitRes.statusCode ?? 502, gitRes.headers);
        gitRes.pipe(res);
      },
    );
    upstream.on('error', error => {
      if (!res.headersSent)
        res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith('/api/v4/')) {
      requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
      });
      serveGit(req, res, url);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const apiPath = url.pathname.slice('/api/v4'.length);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: any;
      if (
        String(req.headers['content-type']).startsWith(
          'application/x-www-form-urlencoded',
        )
      ) {
        body = Object.fromEntries(new URLSearchParams(text));
      } else {
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
      }
      const query = Object.fromEntries(url.searchParams);
      requests.push({ method, path: apiPath, query, body });
      const bearer = req.headers.authorization;
      if (
        req.headers['private-token'] !== options.token &&
        bearer !== `Bearer ${options.token}`
      ) {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: '401 Unauthorized' }));
        return;
      }
      const result = handle(
        method,
        apiPath,
        query,
        body && typeof body === 'object' ? body : {},
        req.headers,
      );
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
    });
  });
  const loopback = await listenOnLoopback(server, options.port);
  baseUrl = loopback.baseUrl;
  return {
    ...loopback,
    apiBaseUrl: `${baseUrl}/api/v4`,
    requests,
  };
}
