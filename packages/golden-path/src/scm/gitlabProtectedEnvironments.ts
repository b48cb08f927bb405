import { ApiResult } from './fakeApi';
import {
  badParameter,
  GITLAB_ACCESS_LEVEL,
  GitlabAccessRule,
  GitlabApprovalRule,
  GitlabProjectSettings,
  GitlabProtectedEnvironment,
  GitlabUsers,
  integerParam,
  RECORD_NOT_FOUND,
} from './gitlabProjectSettings';
import { GitlabProject, GitlabProjects } from './gitlabProjects';
import { notFound } from './gitlabRepository';

type RuleField = 'deploy_access_levels' | 'approval_rules';

/** The roles a protected environment's deploy access levels take (Developer, Maintainer, Admin). */
const DEPLOY_ACCESS_LEVELS = [30, 40, 60];
/** The roles an approval rule takes (Reporter, Developer, Maintainer, Admin). */
const APPROVAL_ACCESS_LEVELS = [20, 30, 40, 60];
const ROLE_DESCRIPTION: Record<number, string> = {
  20: 'Reporters, Developers + Maintainers',
  30: 'Developers + Maintainers',
  40: 'Maintainers',
  60: 'Administrators',
};
const RULE_KEYS = [
  'user_id',
  'group_id',
  'access_level',
  'group_inheritance_type',
  'required_approvals',
] as const;
type RuleValues = Record<(typeof RULE_KEYS)[number], number | null>;

/** A rule's hash's integer fields (null where absent), or the error refusing one. */
function ruleValues(
  entry: Record<string, any>,
  at: (key: string) => string,
): { values: RuleValues } | { error: ApiResult } {
  const values = {} as RuleValues;
  for (const key of RULE_KEYS) {
    if (entry[key] === undefined || entry[key] === null) {
      values[key] = null;
      continue;
    }
    const value = integerParam(entry[key]);
    if (value === undefined)
      return { error: badParameter(`${at(key)} is invalid`) };
    values[key] = value;
  }
  return { values };
}

/** Why GitLab refuses a rule's fields, if it does: who it names, its role, its inheritance. */
function ruleRefusal(
  field: RuleField,
  values: RuleValues,
  named: boolean,
  inheritance: number,
  at: (key: string) => string,
): ApiResult | undefined {
  if (!named) {
    return badParameter(
      `${at('access_level')}, ${at('user_id')}, ${at(
        'group_id',
      )} are missing, at least one parameter must be provided`,
    );
  }
  const allowed =
    field === 'approval_rules' ? APPROVAL_ACCESS_LEVELS : DEPLOY_ACCESS_LEVELS;
  if (values.access_level !== null && !allowed.includes(values.access_level)) {
    return badParameter(`${at('access_level')} does not have a valid value`);
  }
  if (inheritance !== 0 && inheritance !== 1) {
    return badParameter(
      `${at('group_inheritance_type')} does not have a valid value`,
    );
  }
  return undefined;
}

/**
 * The protected environments routes of a fake GitLab (`/projects/:id/protected_environments`,
 * for Maintainers), with GitLab's JSON for them.
 */
export class GitlabProtectedEnvironments {
  constructor(
    private readonly settings: GitlabProjectSettings,
    private readonly store: GitlabProjects,
    private readonly users: GitlabUsers,
  ) {}

  /**
   * `/projects/:id/protected_environments` (`GET`, `POST`) and `.../:name` (`GET`, `PUT`):
   * `POST` protects an environment by name (`deploy_access_levels` required, `approval_rules`
   * optional), a 409 when it is protected already; `PUT` adds the rules given without an `id`,
   * and updates (or with `_destroy`, removes) those given with one; `GET` of an unprotected
   * name is GitLab's `404 Not found`. A list is answered as `items`, for the caller to paginate.
   */
  route(
    project: GitlabProject,
    method: string,
    name: string | undefined,
    params: Record<string, any>,
  ): ApiResult | { items: unknown[] } {
    const { protectedEnvironments } = this.settings.of(project);
    if (name === undefined) {
      if (method === 'GET') {
        return {
          items: [...protectedEnvironments.values()]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map(p => this.json(p)),
        };
      }
      return method === 'POST' ? this.protect(project, params) : notFound();
    }
    const existing = protectedEnvironments.get(name);
    if (method === 'GET') {
      return existing
        ? { status: 200, json: this.json(existing) }
        : RECORD_NOT_FOUND;
    }
    if (method === 'PUT') {
      return existing ? this.update(existing, params) : RECORD_NOT_FOUND;
    }
    return notFound();
  }

  /** What GitLab says of who a rule names: the user's or group's name, or the roles. */
  private describe(rule: GitlabAccessRule): string {
    if (rule.userId !== null) {
      const user = this.users.byId(rule.userId);
      return user ? user.name ?? user.username : `User ${rule.userId}`;
    }
    if (rule.groupId !== null) {
      return (
        this.store.namespaceById(String(rule.groupId))?.name ??
        `Group ${rule.groupId}`
      );
    }
    return ROLE_DESCRIPTION[rule.accessLevel ?? 0] ?? `${rule.accessLevel}`;
  }

  private ruleJson(rule: GitlabAccessRule) {
    return {
      id: rule.id,
      access_level: rule.accessLevel,
      access_level_description: this.describe(rule),
      user_id: rule.userId,
      group_id: rule.groupId,
      group_inheritance_type: rule.groupInheritanceType,
    };
  }

  private json(p: GitlabProtectedEnvironment) {
    return {
      name: p.name,
      deploy_access_levels: p.deployAccessLevels.map(r => this.ruleJson(r)),
      required_approval_count: 0,
      approval_rules: p.approvalRules.map(r => ({
        ...this.ruleJson(r),
        required_approvals: r.requiredApprovals,
      })),
    };
  }

  /** `POST /projects/:id/protected_environments`. */
  private protect(
    project: GitlabProject,
    params: Record<string, any>,
  ): ApiResult {
    if (params.name === undefined || params.name === '') {
      return badParameter('name is missing');
    }
    if (params.deploy_access_levels === undefined) {
      return badParameter('deploy_access_levels is missing');
    }
    const { protectedEnvironments } = this.settings.of(project);
    if (protectedEnvironments.has(params.name)) {
      return {
        status: 409,
        json: { message: `Environment '${params.name}' is already protected` },
      };
    }
    const created: GitlabProtectedEnvironment = {
      name: String(params.name),
      deployAccessLevels: [],
      approvalRules: [],
    };
    for (const [field, list] of [
      ['deploy_access_levels', created.deployAccessLevels],
      ['approval_rules', created.approvalRules],
    ] as const) {
      const entries = params[field] ?? [];
      if (!Array.isArray(entries)) return badParameter(`${field} is invalid`);
      for (const [index, entry] of entries.entries()) {
        const made = this.rule(field, entry, index);
        if ('error' in made) return made.error;
        (list as GitlabAccessRule[]).push(made.rule);
      }
    }
    protectedEnvironments.set(created.name, created);
    return { status: 201, json: this.json(created) };
  }

  /** `PUT /projects/:id/protected_environments/:name`: all of it applies, or none. */
  private update(
    existing: GitlabProtectedEnvironment,
    params: Record<string, any>,
  ): ApiResult {
    const next = structuredClone(existing);
    for (const [field, list] of [
      ['deploy_access_levels', next.deployAccessLevels],
      ['approval_rules', next.approvalRules],
    ] as const) {
      const entries = params[field];
      if (entries === undefined) continue;
      if (!Array.isArray(entries)) return badParameter(`${field} is invalid`);
      for (const [index, entry] of entries.entries()) {
        const error = this.applyEntry(field, list, entry, index);
        if (error) return error;
      }
    }
    Object.assign(existing, next);
    return { status: 200, json: this.json(existing) };
  }

  /** One hash of a `PUT`: a new rule without an `id`, else that rule updated or destroyed. */
  private applyEntry(
    field: RuleField,
    list: GitlabAccessRule[],
    entry: Record<string, any>,
    index: number,
  ): ApiResult | undefined {
    if (entry?.id === undefined) {
      const added = this.rule(field, entry, index);
      if ('error' in added) return added.error;
      list.push(added.rule);
      return undefined;
    }
    const at = list.findIndex(r => r.id === integerParam(entry.id));
    if (at < 0) return RECORD_NOT_FOUND;
    if (entry._destroy === true || entry._destroy === 'true') {
      list.splice(at, 1);
      return undefined;
    }
    const updated = this.rule(field, entry, index, list[at]);
    if ('error' in updated) return updated.error;
    list[at] = updated.rule;
    return undefined;
  }

  /**
   * One deploy access level or approval rule from its hash: one of `user_id`, `group_id`,
   * `access_level` (a role allowed for its kind), `group_inheritance_type` 0 or 1, and for an
   * approval rule `required_approvals` (1 by default, at most 5). Over `base` when it updates one.
   */
  private rule(
    field: RuleField,
    entry: Record<string, any>,
    index: number,
    base?: GitlabAccessRule,
  ): { rule: GitlabAccessRule } | { error: ApiResult } {
    const at = (key: string) => `${field}[${index}][${key}]`;
    if (!entry || typeof entry !== 'object') {
      return { error: badParameter(`${field}[${index}] is invalid`) };
    }
    const read = ruleValues(entry, at);
    if ('error' in read) return read;
    const { values } = read;
    const userId = values.user_id ?? base?.userId ?? null;
    const groupId = values.group_id ?? base?.groupId ?? null;
    let accessLevel = values.access_level ?? base?.accessLevel ?? null;
    const inheritance =
      values.group_inheritance_type ?? base?.groupInheritanceType ?? 0;
    const named = userId !== null || groupId !== null || accessLevel !== null;
    const refusal = ruleRefusal(field, values, named, inheritance, at);
    if (refusal) return { error: refusal };
    // A deploy access level for a user or a group keeps the Maintainer level it defaults to.
    if (field === 'deploy_access_levels' && accessLevel === null) {
      accessLevel = GITLAB_ACCESS_LEVEL.maintainer;
    }
    const rule: GitlabAccessRule = {
      id: base?.id ?? this.settings.newId(),
      accessLevel,
      userId,
      groupId,
      groupInheritanceType: inheritance,
    };
    if (field === 'deploy_access_levels') return { rule };
    const required =
      values.required_approvals ??
      (base as GitlabApprovalRule | undefined)?.requiredApprovals ??
      1;
    if (required < 1 || required > 5) {
      const bound =
        required < 1 ? 'greater than or equal to 1' : 'less than or equal to 5';
      return {
        error: {
          status: 422,
          json: {
            message: [`Approval rules required approvals must be ${bound}`],
          },
        },
      };
    }
    return {
      rule: { ...rule, requiredApprovals: required } as GitlabApprovalRule,
    };
  }

  /** The project's protected environment `name`; undefined when it is not protected. */
  protectedEnvironment(
    project: GitlabProject,
    name: string,
  ): GitlabProtectedEnvironment | undefined {
    const found = this.settings.of(project).protectedEnvironments.get(name);
    return found && structuredClone(found);
  }
}
