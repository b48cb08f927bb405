import { ApiResult } from './fakeApi';
import { GitlabProject, GitlabUser } from './gitlabProjects';

/** GitLab's roles, by the access level its API names them with. */
export const GITLAB_ACCESS_LEVEL = {
  guest: 10,
  reporter: 20,
  developer: 30,
  maintainer: 40,
  owner: 50,
} as const;

/** A project member, and the role (access level) it has. */
export interface GitlabMember {
  id: number;
  username: string;
  name: string;
  accessLevel: number;
}

/** A project's environment, as `POST /projects/:id/environments` created it. */
export interface GitlabEnvironment {
  id: number;
  name: string;
  slug: string;
  externalUrl: string | null;
  tier: string;
  createdAt: string;
}

/** Who a protected environment lets deploy: a user, a group, or a role and above. */
export interface GitlabAccessRule {
  id: number;
  accessLevel: number | null;
  userId: number | null;
  groupId: number | null;
  groupInheritanceType: number;
}

/** Who must approve a deployment to a protected environment, and how many of them. */
export interface GitlabApprovalRule extends GitlabAccessRule {
  requiredApprovals: number;
}

/** A protected environment: its deploy access levels and its approval rules. */
export interface GitlabProtectedEnvironment {
  name: string;
  deployAccessLevels: GitlabAccessRule[];
  approvalRules: GitlabApprovalRule[];
}

/** What a project holds besides its repository: members, environments, protections. */
export interface ProjectSettings {
  members: Map<number, { accessLevel: number; createdAt: string }>;
  environments: Map<string, GitlabEnvironment>;
  protectedEnvironments: Map<string, GitlabProtectedEnvironment>;
}

/** The instance's users as the settings' routes need them: by id, and as GitLab shows one. */
export interface GitlabUsers {
  byId(id: number): GitlabUser | undefined;
  json(user: GitlabUser): Record<string, unknown>;
}

export const FORBIDDEN: ApiResult = {
  status: 403,
  json: { message: '403 Forbidden' },
};

/** A record `find_by!` did not find (a member, a protected environment): GitLab's generic 404. */
export const RECORD_NOT_FOUND: ApiResult = {
  status: 404,
  json: { message: '404 Not found' },
};

/** A parameter Grape refuses before the endpoint runs. */
export const badParameter = (error: string): ApiResult => ({
  status: 400,
  json: { error },
});

/** A model validation error, as `render_validation_error!` answers it. */
export const invalid = (field: string, message: string): ApiResult => ({
  status: 400,
  json: { message: { [field]: [message] } },
});

/** An integer parameter, as Grape coerces one (`30`, `"30"`); undefined when it is not one. */
export function integerParam(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** The roles a project member can be given (`POST /projects/:id/members`). */
const MEMBER_ACCESS_LEVELS: number[] = Object.values(GITLAB_ACCESS_LEVEL);

const ENVIRONMENT_TIERS = [
  'production',
  'staging',
  'testing',
  'development',
  'other',
];

/** The tier GitLab gives an environment created without one, guessed from its name. */
function guessTier(name: string): string {
  if (/(dev|review|trunk)/i.test(name)) return 'development';
  if (/(test|tst|int|ac(ce|)pt|qa|qc|control|quality)/i.test(name)) {
    return 'testing';
  }
  if (/(st(a|)g|mod(e|)l|pre|demo|non)/i.test(name)) return 'staging';
  if (/(pr(o|)d|live)/i.test(name)) return 'production';
  return 'other';
}

/**
 * What a fake GitLab's projects hold besides their repositories, each project's members,
 * environments and protected environments, with the members and environments routes over them.
 * Environments and rules take their ids from one sequence.
 */
export class GitlabProjectSettings {
  private readonly byProject = new Map<number, ProjectSettings>();
  private nextId = 1;

  constructor(private readonly users: GitlabUsers) {}

  /** The project's settings, empty at first. */
  of(project: GitlabProject): ProjectSettings {
    let settings = this.byProject.get(project.id);
    if (!settings) {
      settings = {
        members: new Map(),
        environments: new Map(),
        protectedEnvironments: new Map(),
      };
      this.byProject.set(project.id, settings);
    }
    return settings;
  }

  /** A new id for an environment or a rule. */
  newId(): number {
    return this.nextId++;
  }

  /** The user's role in the project: its member's access level, 0 when not a member. */
  accessLevelOf(user: GitlabUser, project: GitlabProject): number {
    return this.of(project).members.get(user.id)?.accessLevel ?? 0;
  }

  private memberJson(user: GitlabUser, accessLevel: number, createdAt: string) {
    return {
      ...this.users.json(user),
      avatar_url: null,
      access_level: accessLevel,
      created_at: createdAt,
      expires_at: null,
      membership_state: 'active',
    };
  }

  /**
   * `GET /projects/:id/members/all/:user_id`: the member (inherited memberships included,
   * which the fake has none of); GitLab's `404 Not found` for a user who is not one.
   */
  member(project: GitlabProject, userId: string): ApiResult {
    const id = integerParam(userId);
    if (id === undefined) return badParameter('user_id is invalid');
    const member = this.of(project).members.get(id);
    const user = this.users.byId(id);
    if (!member || !user) return RECORD_NOT_FOUND;
    return {
      status: 200,
      json: this.memberJson(user, member.accessLevel, member.createdAt),
    };
  }

  /**
   * `POST /projects/:id/members` with `user_id` and `access_level`, by a member of role `role`:
   * adds a user of the instance; a user who is a member already is a 409 (`Member already
   * exists`), an unknown one `404 User Not Found`. A Maintainer cannot make an Owner.
   */
  addMember(
    project: GitlabProject,
    role: number,
    params: Record<string, any>,
  ): ApiResult {
    for (const required of ['access_level', 'user_id']) {
      if (params[required] === undefined || params[required] === '') {
        return badParameter(`${required} is missing`);
      }
    }
    const accessLevel = integerParam(params.access_level);
    if (accessLevel === undefined)
      return badParameter('access_level is invalid');
    const userId = integerParam(params.user_id);
    const user = userId === undefined ? undefined : this.users.byId(userId);
    if (!user) return { status: 404, json: { message: '404 User Not Found' } };
    const { members } = this.of(project);
    if (members.has(user.id)) {
      return { status: 409, json: { message: 'Member already exists' } };
    }
    if (!MEMBER_ACCESS_LEVELS.includes(accessLevel)) {
      return invalid('access_level', 'is not included in the list');
    }
    if (accessLevel > role) return FORBIDDEN;
    const member = { accessLevel, createdAt: new Date().toISOString() };
    members.set(user.id, member);
    return {
      status: 201,
      json: this.memberJson(user, member.accessLevel, member.createdAt),
    };
  }

  /** The project's members, with their roles. */
  members(project: GitlabProject): GitlabMember[] {
    return [...this.of(project).members.entries()].map(([id, member]) => {
      const user = this.users.byId(id)!;
      return {
        id,
        username: user.username,
        name: user.name ?? user.username,
        accessLevel: member.accessLevel,
      };
    });
  }

  private environmentJson(e: GitlabEnvironment) {
    return {
      id: e.id,
      name: e.name,
      slug: e.slug,
      external_url: e.externalUrl,
      state: 'available',
      tier: e.tier,
      created_at: e.createdAt,
      updated_at: e.createdAt,
    };
  }

  /**
   * `GET /projects/:id/environments`: all of them, the one `name`d, or those `search` matches,
   * as GitLab shows them (the caller paginates them), or the error refusing the query.
   */
  listEnvironments(
    project: GitlabProject,
    query: Record<string, string>,
  ): { items: unknown[] } | { error: ApiResult } {
    if (query.name !== undefined && query.search !== undefined) {
      return { error: badParameter('name, search are mutually exclusive') };
    }
    const search = query.search?.toLowerCase();
    const items = [...this.of(project).environments.values()]
      .filter(e => query.name === undefined || e.name === query.name)
      .filter(
        e => search === undefined || e.name.toLowerCase().includes(search),
      )
      .map(e => this.environmentJson(e));
    return { items };
  }

  /**
   * `POST /projects/:id/environments` with `name` (GitLab's characters, not starting or ending
   * with `/`), and optionally `tier` (else guessed from the name, as GitLab does) and
   * `external_url`; a name the project has already is a 400.
   */
  createEnvironment(
    project: GitlabProject,
    params: Record<string, any>,
  ): ApiResult {
    const name = params.name;
    if (name === undefined || name === '')
      return badParameter('name is missing');
    if (params.tier !== undefined && !ENVIRONMENT_TIERS.includes(params.tier)) {
      return badParameter('tier does not have a valid value');
    }
    if (
      typeof name !== 'string' ||
      !/^[a-zA-Z0-9_/${}. -]+$/.test(name) ||
      name.startsWith('/') ||
      name.endsWith('/')
    ) {
      return invalid(
        'name',
        "can contain only letters, digits, '-', '_', '/', '$', '{', '}', '.', and spaces, but it cannot start or end with '/'",
      );
    }
    const { environments } = this.of(project);
    if (environments.has(name)) {
      return invalid('name', 'has already been taken');
    }
    const environment: GitlabEnvironment = {
      id: this.newId(),
      name,
      slug: name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 24),
      externalUrl: params.external_url ?? null,
      tier: params.tier ?? guessTier(name),
      createdAt: new Date().toISOString(),
    };
    environments.set(name, environment);
    return { status: 201, json: this.environmentJson(environment) };
  }

  /** The project's environments. */
  environments(project: GitlabProject): GitlabEnvironment[] {
    return [...this.of(project).environments.values()].map(e => ({ ...e }));
  }
}
