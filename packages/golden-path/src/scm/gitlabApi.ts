import http from 'node:http';
import { ApiResult } from './fakeApi';
import {
  GitlabNamespace,
  GitlabProject,
  GitlabProjects,
  GitlabUser,
} from './gitlabProjects';
import {
  branchesOf,
  defaultBranchOf,
  notFound,
  rawFile,
} from './gitlabRepository';

/**
 * The routes of a fake GitLab's REST API v4 (see `startFakeGitlab`) over its projects, with
 * GitLab's JSON for users, namespaces and projects and its offset pagination.
 */
export class GitlabApi {
  /** http://127.0.0.1:port, once the fake listens. */
  baseUrl = '';

  constructor(
    private readonly store: GitlabProjects,
    private readonly user: GitlabUser,
    private readonly htmlBaseUrl: string | undefined,
  ) {}

  /** Answers an authenticated API request; `apiPath` is the path under /api/v4. */
  handle(
    method: string,
    apiPath: string,
    query: Record<string, string>,
    params: Record<string, any>,
    headers: http.IncomingHttpHeaders,
  ): ApiResult {
    // Path parameters arrive URL-encoded (meridian%2Fpricing-api); the segments split first.
    const segments = apiPath.split('/').slice(1).map(decodeURIComponent);
    const [resource, id, sub, ...rest] = segments;
    if (method === 'GET' && apiPath === '/user') {
      return { status: 200, json: this.userJson() };
    }
    if (method === 'GET' && resource === 'namespaces' && id && !sub) {
      const n = this.store.namespaceById(id);
      return n
        ? { status: 200, json: this.namespaceJson(n) }
        : notFound('Namespace');
    }
    if (method === 'GET' && id && sub === 'projects' && rest.length === 0) {
      if (resource === 'groups') {
        const n = this.store.namespaceById(id);
        if (!n || n.kind !== 'group') return notFound('Group');
        return this.projectsOf(n, apiPath, query);
      }
      if (resource === 'users') {
        if (id !== String(this.user.id) && id !== this.user.username) {
          return notFound('User');
        }
        return this.projectsOf(this.store.userNamespace, apiPath, query);
      }
    }
    if (method === 'POST' && apiPath === '/projects') {
      const created = this.store.create({ ...query, ...params });
      return 'error' in created
        ? created.error
        : { status: 201, json: this.projectJson(created.project) };
    }
    if (method === 'GET' && resource === 'projects' && id) {
      return this.projectRoute(id, sub, rest, query, headers);
    }
    return notFound();
  }

  /** `GET /projects/:id` and `GET /projects/:id/repository/files/:file_path/raw`. */
  private projectRoute(
    id: string,
    sub: string | undefined,
    rest: string[],
    query: Record<string, string>,
    headers: http.IncomingHttpHeaders,
  ): ApiResult {
    const project = this.store.projectById(id);
    if (!sub) {
      return project
        ? { status: 200, json: this.projectJson(project) }
        : notFound('Project');
    }
    // repository/files/:file_path/raw, the file path one (encoded) segment
    if (
      sub === 'repository' &&
      rest[0] === 'files' &&
      rest.length === 3 &&
      rest[2] === 'raw'
    ) {
      if (!project) return notFound('Project');
      return rawFile(
        project.dir,
        rest[1],
        query.ref || defaultBranchOf(project.dir),
        headers['if-none-match'],
      );
    }
    return notFound();
  }

  private webBaseUrl(): string {
    return this.htmlBaseUrl?.replace(/\/$/, '') ?? this.baseUrl;
  }

  private userName(): string {
    return this.user.name ?? this.user.username;
  }

  private userJson() {
    return {
      id: this.user.id,
      username: this.user.username,
      name: this.userName(),
      state: 'active',
      web_url: `${this.webBaseUrl()}/${this.user.username}`,
    };
  }

  private namespaceJson(n: GitlabNamespace) {
    return {
      id: n.id,
      name: n.name,
      path: n.path,
      kind: n.kind,
      full_path: n.fullPath,
      parent_id: n.parentId,
      avatar_url: null,
      web_url:
        n.kind === 'user'
          ? `${this.webBaseUrl()}/${n.fullPath}`
          : `${this.webBaseUrl()}/groups/${n.fullPath}`,
    };
  }

  private projectJson(p: GitlabProject) {
    const { user } = this;
    const fullPath = `${p.namespace.fullPath}/${p.path}`;
    const empty = branchesOf(p.dir).length === 0;
    return {
      id: p.id,
      description: p.description,
      name: p.name,
      name_with_namespace: `${p.namespace.name} / ${p.name}`,
      path: p.path,
      path_with_namespace: fullPath,
      created_at: p.createdAt,
      last_activity_at: p.createdAt,
      default_branch: defaultBranchOf(p.dir),
      tag_list: p.topics,
      topics: p.topics,
      ssh_url_to_repo: `git@${new URL(this.baseUrl).hostname}:${fullPath}.git`,
      http_url_to_repo: `${this.baseUrl}/${fullPath}.git`,
      web_url: `${this.webBaseUrl()}/${fullPath}`,
      readme_url: null,
      avatar_url: null,
      forks_count: 0,
      star_count: 0,
      empty_repo: empty,
      archived: false,
      visibility: p.visibility,
      namespace: this.namespaceJson(p.namespace),
      ...(p.namespace.kind === 'user'
        ? {
            owner: {
              id: user.id,
              username: user.username,
              name: this.userName(),
            },
          }
        : {}),
    };
  }

  /** `GET /groups/:id/projects`, `GET /users/:id/projects`: with `search`, paginated. */
  private projectsOf(
    n: GitlabNamespace,
    apiPath: string,
    query: Record<string, string>,
  ): ApiResult {
    const found = this.store
      .projectsIn(n, query.search?.toLowerCase())
      .map(p => this.projectJson(p));
    return this.page(found, apiPath, query);
  }

  /** A list endpoint's page, as GitLab paginates by offset. */
  private page(
    items: unknown[],
    apiPath: string,
    query: Record<string, string>,
  ): ApiResult {
    const perPage = Math.min(Math.max(Number(query.per_page) || 20, 1), 100);
    const current = Math.max(Number(query.page) || 1, 1);
    const totalPages = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number) => {
      const url = new URL(`${this.baseUrl}/api/v4${apiPath}`);
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
}
