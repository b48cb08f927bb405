import { ApiResult } from './fakeApi';
import { GitHttpBackend } from './gitHttpBackend';

/** A project's, or a group's, visibility on GitLab. */
export type GitlabVisibility = 'private' | 'internal' | 'public';

/** The token's user. */
export interface GitlabUser {
  id: number;
  username: string;
  name?: string;
}

/** The groups of a fake GitLab, by full path: `meridian`, `erp/pricing` (its parent `erp` given too). */
export type GitlabGroups = Record<
  string,
  { id?: number; name?: string; visibility?: GitlabVisibility }
>;

export interface GitlabNamespace {
  id: number;
  kind: 'group' | 'user';
  name: string;
  path: string;
  fullPath: string;
  parentId: number | null;
  visibility: GitlabVisibility;
}

export interface GitlabProject {
  id: number;
  name: string;
  path: string;
  namespace: GitlabNamespace;
  description: string | null;
  visibility: GitlabVisibility;
  topics: string[];
  createdAt: string;
  /** The project's bare repository. */
  dir: string;
}

const VISIBILITY_LEVEL: Record<GitlabVisibility, number> = {
  private: 0,
  internal: 10,
  public: 20,
};

/** The namespaces: the groups, parents first (ids as given, else free ones), then the user's own. */
function namespacesOf(groups: GitlabGroups, user: GitlabUser) {
  const namespaces = new Map<string, GitlabNamespace>();
  const taken = new Set(
    Object.values(groups).flatMap(g => (g.id ? [g.id] : [])),
  );
  let nextNamespaceId = 100;
  const newNamespaceId = () => {
    while (taken.has(nextNamespaceId)) nextNamespaceId++;
    taken.add(nextNamespaceId);
    return nextNamespaceId;
  };
  for (const fullPath of Object.keys(groups).sort(
    (a, b) => a.split('/').length - b.split('/').length,
  )) {
    const group = groups[fullPath];
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
  const userNamespace: GitlabNamespace = {
    id: newNamespaceId(),
    kind: 'user',
    name: user.name ?? user.username,
    path: user.username,
    fullPath: user.username,
    parentId: null,
    visibility: 'public',
  };
  namespaces.set(user.username, userNamespace);
  return { namespaces, userNamespace };
}

/**
 * What a fake GitLab holds: its namespaces (the groups and the token user's own) and the
 * projects created in them, each a real bare repository.
 */
export class GitlabProjects {
  readonly userNamespace: GitlabNamespace;
  private readonly namespaces: Map<string, GitlabNamespace>;
  private readonly projects = new Map<string, GitlabProject>();
  private nextProjectId = 1000;

  constructor(
    groups: GitlabGroups,
    user: GitlabUser,
    private readonly git: GitHttpBackend,
  ) {
    ({ namespaces: this.namespaces, userNamespace: this.userNamespace } =
      namespacesOf(groups, user));
  }

  /** A namespace `:id`: a number, or a full path. */
  namespaceById(id: string): GitlabNamespace | undefined {
    return /^\d+$/.test(id)
      ? [...this.namespaces.values()].find(n => n.id === Number(id))
      : this.namespaces.get(id);
  }

  /** A project `:id`: a number, or a full path. */
  projectById(id: string): GitlabProject | undefined {
    return /^\d+$/.test(id)
      ? [...this.projects.values()].find(p => p.id === Number(id))
      : this.projects.get(id);
  }

  /** The project at a full path (`meridian/pricing-api`). */
  projectAt(fullPath: string): GitlabProject | undefined {
    return this.projects.get(fullPath);
  }

  /** The namespace's projects whose name or path contains `search`, newest first. */
  projectsIn(n: GitlabNamespace, search?: string): GitlabProject[] {
    return [...this.projects.values()]
      .filter(p => p.namespace === n)
      .filter(
        p =>
          !search ||
          p.name.toLowerCase().includes(search) ||
          p.path.toLowerCase().includes(search),
      )
      .sort((a, b) => b.id - a.id);
  }

  /**
   * `POST /projects`: creates a project in `namespace_id` (the user's own namespace without
   * one), refusing a taken path, an unknown namespace or a project more visible than its group.
   */
  create(
    params: Record<string, any>,
  ): { project: GitlabProject } | { error: ApiResult } {
    const name: string | undefined = params.name || undefined;
    const projectPath: string | undefined =
      params.path ||
      name
        ?.trim()
        .toLowerCase()
        .replace(/[^a-z0-9_.-]+/g, '-');
    if (!name && !projectPath) {
      return {
        error: {
          status: 400,
          json: {
            error:
              'name, path are missing, at least one parameter must be provided',
          },
        },
      };
    }
    const namespace =
      params.namespace_id === undefined || params.namespace_id === ''
        ? this.userNamespace
        : this.namespaceById(String(params.namespace_id));
    if (!namespace) {
      return {
        error: { status: 404, json: { message: '404 Namespace Not Found' } },
      };
    }
    const visibility: GitlabVisibility = params.visibility ?? 'private';
    const error = this.refusal(namespace, projectPath!, visibility);
    if (error) return { error };
    const project: GitlabProject = {
      id: this.nextProjectId++,
      name: name ?? projectPath!,
      path: projectPath!,
      namespace: namespace,
      description: params.description ?? null,
      visibility,
      topics: Array.isArray(params.topics) ? params.topics : [],
      createdAt: new Date().toISOString(),
      dir: this.git.createRepository(namespace.fullPath, projectPath!),
    };
    this.projects.set(`${namespace.fullPath}/${project.path}`, project);
    return { project };
  }

  /** Why GitLab refuses a new project `projectPath` in `namespace`, if it does. */
  private refusal(
    namespace: GitlabNamespace,
    projectPath: string,
    visibility: GitlabVisibility,
  ): ApiResult | undefined {
    if (!(visibility in VISIBILITY_LEVEL)) {
      return {
        status: 400,
        json: { error: 'visibility does not have a valid value' },
      };
    }
    const errors: Record<string, string[]> = {};
    if (this.projects.has(`${namespace.fullPath}/${projectPath}`)) {
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
    return undefined;
  }
}
