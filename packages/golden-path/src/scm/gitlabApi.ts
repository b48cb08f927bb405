import http from 'node:http';
import { ApiResult } from './fakeApi';
import {
  GitlabNamespace,
  GitlabProject,
  GitlabProjects,
  GitlabUser,
} from './gitlabProjects';
import {
  FORBIDDEN,
  GITLAB_ACCESS_LEVEL,
  GitlabEnvironment,
  GitlabMember,
  GitlabProjectSettings,
  GitlabProtectedEnvironment,
} from './gitlabProjectSettings';
import { GitlabProtectedEnvironments } from './gitlabProtectedEnvironments';
import {
  branchesOf,
  defaultBranchOf,
  notFound,
  rawFile,
} from './gitlabRepository';

/**
 * The routes of a fake GitLab's REST API v4 (see `startFakeGitlab`) over its projects, with
 * GitLab's JSON for users, namespaces, projects, members, environments and protected
 * environments, and its offset pagination. Requests come from a user: the token's (`user`,
 * who created every project) or one of the instance's other `users`, who see only the
 * projects they are members of, with their role's permissions.
 */
export class GitlabApi {
  /** http://127.0.0.1:port, once the fake listens. */
  baseUrl = '';
  private readonly settings: GitlabProjectSettings;
  private readonly protections: GitlabProtectedEnvironments;

  constructor(
    private readonly store: GitlabProjects,
    private readonly user: GitlabUser,
    private readonly htmlBaseUrl: string | undefined,
    /** The instance's other users (Waybill's approver), known to `POST /projects/:id/members`. */
    users: GitlabUser[] = [],
  ) {
    const known = {
      byId: (id: number) => [user, ...users].find(u => u.id === id),
      json: (u: GitlabUser) => this.userJson(u),
    };
    this.settings = new GitlabProjectSettings(known);
    this.protections = new GitlabProtectedEnvironments(
      this.settings,
      store,
      known,
    );
  }

  /** Answers an authenticated API request from `actor`; `apiPath` is the path under /api/v4. */
  handle(
    actor: GitlabUser,
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
      return { status: 200, json: this.userJson(actor) };
    }
    if (resource === 'projects' && id) {
      return this.projectRoute(actor, method, id, sub, rest, {
        query,
        params,
        headers,
      });
    }
    // The other users reach their projects only; nothing else is implemented for them.
    if (actor.id !== this.user.id) return notFound();
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
      if ('error' in created) return created.error;
      // As GitLab does, the creator is a member: Owner of a project in its own namespace,
      // Maintainer of one in a group.
      this.settings.of(created.project).members.set(this.user.id, {
        accessLevel:
          created.project.namespace.kind === 'user'
            ? GITLAB_ACCESS_LEVEL.owner
            : GITLAB_ACCESS_LEVEL.maintainer,
        createdAt: created.project.createdAt,
      });
      return { status: 201, json: this.projectJson(created.project) };
    }
    return notFound();
  }

  /**
   * `/projects/:id` and under it: the project, a file of its repository, its members, its
   * environments and its protected environments. A private project is not found for a user
   * who is not its member; each route needs the role GitLab asks for it (403 below it).
   */
  private projectRoute(
    actor: GitlabUser,
    method: string,
    id: string,
    sub: string | undefined,
    rest: string[],
    request: {
      query: Record<string, string>;
      params: Record<string, any>;
      headers: http.IncomingHttpHeaders;
    },
  ): ApiResult {
    const { query, params } = request;
    const project = this.store.projectById(id);
    const role = project ? this.settings.accessLevelOf(actor, project) : 0;
    if (!project || (role === 0 && project.visibility === 'private')) {
      return notFound('Project');
    }
    if (method === 'GET' && !sub) {
      return { status: 200, json: this.projectJson(project) };
    }
    // repository/files/:file_path/raw, the file path one (encoded) segment
    if (
      method === 'GET' &&
      sub === 'repository' &&
      rest[0] === 'files' &&
      rest.length === 3 &&
      rest[2] === 'raw'
    ) {
      if (
        project.visibility === 'private' &&
        role < GITLAB_ACCESS_LEVEL.reporter
      ) {
        return FORBIDDEN;
      }
      return rawFile(
        project.dir,
        rest[1],
        query.ref || defaultBranchOf(project.dir),
        request.headers['if-none-match'],
      );
    }
    return this.settingsRoute(project, role, method, sub, rest, {
      ...query,
      ...params,
    });
  }

  /**
   * A project's members, environments and protected environments, for a user of role `role`
   * in it: reading environments needs Reporter, creating them Developer, adding members and
   * anything of protected environments Maintainer.
   */
  private settingsRoute(
    project: GitlabProject,
    role: number,
    method: string,
    sub: string | undefined,
    rest: string[],
    params: Record<string, any>,
  ): ApiResult {
    const atLeast = (level: number, then: () => ApiResult) =>
      role >= level ? then() : FORBIDDEN;
    const { reporter, developer, maintainer } = GITLAB_ACCESS_LEVEL;
    const paged = (
      answer: ApiResult | { items: unknown[] } | { error: ApiResult },
      route: string,
    ): ApiResult => {
      if ('error' in answer) return answer.error;
      if ('items' in answer) {
        return this.page(
          answer.items,
          `/projects/${project.id}/${route}`,
          params,
        );
      }
      return answer;
    };
    if (sub === 'members') {
      if (method === 'GET' && rest[0] === 'all' && rest.length === 2) {
        return this.settings.member(project, rest[1]);
      }
      if (method === 'POST' && rest.length === 0) {
        return atLeast(maintainer, () =>
          this.settings.addMember(project, role, params),
        );
      }
    }
    if (sub === 'environments' && rest.length === 0) {
      if (method === 'GET') {
        return atLeast(reporter, () =>
          paged(this.settings.listEnvironments(project, params), sub),
        );
      }
      if (method === 'POST') {
        return atLeast(developer, () =>
          this.settings.createEnvironment(project, params),
        );
      }
    }
    if (sub === 'protected_environments' && rest.length <= 1) {
      return atLeast(maintainer, () =>
        paged(this.protections.route(project, method, rest[0], params), sub),
      );
    }
    return notFound();
  }

  /** The project at `fullPath`'s protected environment `name`; undefined when it is not protected. */
  protectedEnvironment(
    fullPath: string,
    name: string,
  ): GitlabProtectedEnvironment | undefined {
    const project = this.store.projectAt(fullPath);
    return project && this.protections.protectedEnvironment(project, name);
  }

  /** The members of the project at `fullPath`; undefined when there is no such project. */
  members(fullPath: string): GitlabMember[] | undefined {
    const project = this.store.projectAt(fullPath);
    return project && this.settings.members(project);
  }

  /** The environments of the project at `fullPath`; undefined when there is no such project. */
  environments(fullPath: string): GitlabEnvironment[] | undefined {
    const project = this.store.projectAt(fullPath);
    return project && this.settings.environments(project);
  }

  private webBaseUrl(): string {
    return this.htmlBaseUrl?.replace(/\/$/, '') ?? this.baseUrl;
  }

  private displayName(user: GitlabUser): string {
    return user.name ?? user.username;
  }

  private userJson(user: GitlabUser) {
    return {
      id: user.id,
      username: user.username,
      name: this.displayName(user),
      state: 'active',
      web_url: `${this.webBaseUrl()}/${user.username}`,
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
              name: this.displayName(user),
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
