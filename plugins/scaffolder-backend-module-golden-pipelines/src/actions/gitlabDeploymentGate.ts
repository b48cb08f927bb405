import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  GITLAB_DEPLOYMENT_GATE_CONFIG,
  GitlabDeploymentGate,
  readGitlabDeploymentGate,
} from '@waybill/plugin-waybill-node';
import { z as zod } from 'zod/v3';
import { parseActionInput, repoUrlInput } from './actionInput';
import { examples } from './gitlabDeploymentGate.examples';
import { createWaybillAction } from './waybillAction';

/** The id of the action that puts Waybill's approval rule on a project's GitLab environments. */
export const GITLAB_DEPLOYMENT_GATE_ACTION_ID =
  'waybill:gitlab:deployment-gate';

/** GitLab's Developer role: the least a project member needs to approve deployments. */
const DEVELOPER = 30;
/** GitLab's Maintainer role, whose members deploy to the protected environments. */
const MAINTAINER = 40;

/** A literal GitLab environment name: GitLab's characters (no variables), no `/` at either end. */
const ENVIRONMENT_NAME = /^(?!\/)[A-Za-z0-9_. /-]{1,255}(?<!\/)$/;

const inputSchema = zod
  .object({
    repoUrl: repoUrlInput(
      'The project the task published, as the RepoUrlPicker wrote it: gitlab.com?owner=meridian&repo=pricing-api',
    ),
    environments: zod
      .array(
        zod
          .string()
          .regex(
            ENVIRONMENT_NAME,
            "a GitLab environment name: letters, digits, '-', '_', '.', '/' and spaces, not starting or ending with '/'",
          ),
      )
      .min(1)
      .max(10)
      .describe(
        "The environments whose deployments wait for Waybill's approval; created (tier production for production*, else staging) when the project has none of that name",
      ),
  })
  .strict();

/** A GitLab REST call's answer: its status, its text and its JSON (undefined when empty). */
interface GitlabAnswer {
  status: number;
  text: string;
  json: any;
}

/** GitLab's own words for a refusal: its `message` (or `error`), else the answer's text. */
function gitlabMessage(text: string): string {
  try {
    const parsed = JSON.parse(text);
    const message = parsed?.message ?? parsed?.error;
    if (typeof message === 'string') return message;
    if (message !== undefined) return JSON.stringify(message);
  } catch {
    // Not JSON: the text itself.
  }
  return text;
}

/**
 * A GitLab REST call with a token (`PRIVATE-TOKEN`); the answer, or an InputError naming the
 * method, the URL, GitLab's status and its message. Statuses in `expected` (a 404 that means
 * "not there yet") are answered, not thrown.
 */
async function gitlabRequest(
  url: string,
  init: { method: string; token: string; body?: object; expected?: number[] },
): Promise<GitlabAnswer> {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      Accept: 'application/json',
      'PRIVATE-TOKEN': init.token,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  if (!response.ok && !init.expected?.includes(response.status)) {
    throw new InputError(
      `GitLab answered ${response.status} to ${
        init.method
      } ${url}: ${gitlabMessage(text).slice(0, 500)}`,
    );
  }
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // An expected refusal is read by its status; an answer is read by its JSON.
    if (!response.ok) return { status: response.status, text, json: undefined };
    throw new InputError(
      `GitLab answered ${response.status} to ${
        init.method
      } ${url} with something other than JSON: ${text.slice(0, 500)}`,
    );
  }
  return { status: response.status, text, json };
}

/** An API root as one instance has one address: scheme, host (lower case) and path, no trailing `/`. */
function instanceOf(apiBaseUrl: string): string {
  try {
    const url = new URL(apiBaseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return apiBaseUrl.replace(/\/+$/, '');
  }
}

/** Whether a protected environment's approval rules include one for the user. */
function hasRuleFor(protection: any, userId: number): boolean {
  return (protection?.approval_rules ?? []).some(
    (rule: { user_id?: number | null }) => rule.user_id === userId,
  );
}

/** A GitLab REST call with the integration's token. */
type GitlabCall = (
  method: string,
  url: string,
  body?: object,
  expected?: number[],
) => Promise<GitlabAnswer>;

/** Waybill's GitLab user, as the project's calls name it. */
interface Approver {
  id: number;
  username: string;
}

/**
 * The project `repoUrl` names on a GitLab integration: its path, the integration's API root
 * and token. Refused when it is not on the instance Waybill's approver `gate` is a user of.
 */
function projectOf(
  config: Config,
  repoUrl: string,
  gate: GitlabDeploymentGate,
): { projectPath: string; api: string; token: string } {
  const integrations = ScmIntegrations.fromConfig(config);
  const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
  const integration = integrations.gitlab.byHost(host);
  if (!integration || !owner || !repo) {
    throw new InputError(
      `repoUrl ${repoUrl} is not a GitLab project (owner and repo on a host of integrations.gitlab)`,
    );
  }
  const projectPath = `${owner}/${repo}`;
  const api = integration.config.apiBaseUrl.replace(/\/+$/, '');
  // Waybill's user approves on its own instance only: it must be a member of this project.
  if (instanceOf(api) !== instanceOf(gate.apiBaseUrl)) {
    throw new InputError(
      `Waybill's GitLab approver is a user of ${gate.apiBaseUrl} (${GITLAB_DEPLOYMENT_GATE_CONFIG}.apiBaseUrl), but ${projectPath} is on ${api}: it cannot approve deployments there. Configure the approver on the project's GitLab, or publish to the approver's`,
    );
  }
  const token = integration.config.token;
  if (!token) {
    throw new InputError(
      `The GitLab integration for ${host} has no token to configure ${projectPath} with (integrations.gitlab[host ${host}].token)`,
    );
  }
  return { projectPath, api, token };
}

/** Waybill's GitLab user, as its own token names it (`GET /user`); a refused token says so. */
async function approverOf(gate: GitlabDeploymentGate): Promise<Approver> {
  const url = `${gate.apiBaseUrl}/user`;
  const me = await gitlabRequest(url, {
    method: 'GET',
    token: gate.token,
    expected: [401, 403],
  });
  if (me.status === 401 || me.status === 403) {
    throw new InputError(
      `${
        gate.apiBaseUrl
      } refused Waybill's GitLab approver token (${GITLAB_DEPLOYMENT_GATE_CONFIG}.token): GitLab answered ${
        me.status
      } to GET ${url}: ${gitlabMessage(me.text).slice(
        0,
        500,
      )}. Give it a valid token of Waybill's user, with the api scope`,
    );
  }
  if (!Number.isInteger(me.json?.id)) {
    throw new InputError(`GitLab answered GET ${url} without a user id`);
  }
  return { id: me.json.id, username: String(me.json.username) };
}

/**
 * Makes Waybill's user a Developer of the project unless it is a member already (GitLab lets
 * no one else approve); a member below Developer is refused rather than changed. True when it
 * was added.
 */
async function ensureMember(
  call: GitlabCall,
  project: string,
  projectPath: string,
  approver: Approver,
): Promise<boolean> {
  const membership = await call(
    'GET',
    `${project}/members/all/${approver.id}`,
    undefined,
    [404],
  );
  if (membership.status === 404) {
    await call('POST', `${project}/members`, {
      user_id: approver.id,
      access_level: DEVELOPER,
    });
    return true;
  }
  const level = membership.json?.access_level;
  if (!(level >= DEVELOPER)) {
    throw new InputError(
      `Waybill's GitLab user @${approver.username} is a member of ${projectPath} with access level ${level}, below Developer (${DEVELOPER}): GitLab would not let it approve deployments. Give it the Developer role or above`,
    );
  }
  return false;
}

/** Creates the environment unless the project has one of that name: tier production for production*, else staging. */
async function ensureEnvironment(
  call: GitlabCall,
  project: string,
  environment: string,
): Promise<void> {
  const existing = await call(
    'GET',
    `${project}/environments?name=${encodeURIComponent(environment)}`,
  );
  const found = (Array.isArray(existing.json) ? existing.json : []).some(
    (e: { name?: string }) => e.name === environment,
  );
  if (!found) {
    await call('POST', `${project}/environments`, {
      name: environment,
      tier: environment.startsWith('production') ? 'production' : 'staging',
    });
  }
}

/** Whether a protection gives the user deploy access (to start the jobs it approved). */
function deploysFor(protection: any, userId: number): boolean {
  return (protection?.deploy_access_levels ?? []).some(
    (level: { user_id?: number | null }) => level.user_id === userId,
  );
}

/**
 * Puts Waybill's approval rule on the environment: protects it (Maintainers deploy) with the
 * rule when it is not protected, adds the rule when it is protected without it (the rules there
 * stay), and leaves it when it has the rule. With `deploys` (the environment is one of
 * `startAfterApproval`), Waybill's user may also deploy there, to start the jobs it approved.
 * Answers what it did, for the log.
 */
async function ensureApprovalRule(
  call: GitlabCall,
  project: string,
  environment: string,
  approver: Approver,
  deploys: boolean,
): Promise<string> {
  const rule = { user_id: approver.id, required_approvals: 1 };
  const deployer = { user_id: approver.id };
  const protection = `${project}/protected_environments/${encodeURIComponent(
    environment,
  )}`;
  const current = await call('GET', protection, undefined, [404]);
  const complete = (json: any) =>
    hasRuleFor(json, approver.id) &&
    (!deploys || deploysFor(json, approver.id));
  let answer: GitlabAnswer;
  let done: string;
  if (current.status === 404) {
    answer = await call('POST', `${project}/protected_environments`, {
      name: environment,
      deploy_access_levels: [
        { access_level: MAINTAINER },
        ...(deploys ? [deployer] : []),
      ],
      approval_rules: [rule],
    });
    done = 'protected it, with its approval rule';
  } else if (complete(current.json)) {
    return 'its approval rule was there already';
  } else {
    // GitLab adds the rules given without an id; the rules there stay.
    answer = await call('PUT', protection, {
      ...(hasRuleFor(current.json, approver.id)
        ? {}
        : { approval_rules: [rule] }),
      ...(deploys && !deploysFor(current.json, approver.id)
        ? { deploy_access_levels: [deployer] }
        : {}),
    });
    done = 'added its approval rule to the protection there';
  }
  if (!complete(answer.json)) {
    throw new InputError(
      `GitLab answered ${answer.status} but kept no approval rule${
        deploys ? ' and deploy access' : ''
      } for Waybill's user (${
        approver.id
      }) on ${environment}: ${answer.text.slice(0, 500)}`,
    );
  }
  return deploys ? `${done}; Waybill starts the jobs it approves` : done;
}

/**
 * Puts Waybill's approval rule on the new GitLab project's environments (GitLab Premium's
 * deployment approvals): Waybill's GitLab user (`scorecards.enforcement.gitlab`) becomes a
 * Developer of the project, each environment is created if the project has none of that name,
 * protected (Maintainers deploy) if it is not, and given a rule that needs one approval from
 * Waybill's user. GitLab then holds every job deploying there until the scorecards backend
 * approves it for the release's gate; the pipeline's own gate job is not the only guard. Rules
 * already on an environment stay; one that has Waybill's rule is left as it is. Without an
 * approver configured it stops, saying so. Not run in a dry run.
 */
export function createGitlabDeploymentGateAction(options: { config: Config }) {
  return createWaybillAction({
    id: GITLAB_DEPLOYMENT_GATE_ACTION_ID,
    description:
      "Puts Waybill's approval rule on a GitLab project's protected environments (deployment approvals): GitLab then waits for the release's gate before any job deploys there.",
    examples,
    supportsDryRun: false,
    input: inputSchema,
    output: z => ({
      environments: z
        .array(z.string())
        .describe("The environments Waybill's gate now protects"),
    }),
    async handler(ctx) {
      const { repoUrl, environments } = parseActionInput(
        inputSchema,
        ctx.input,
      );
      const gate = readGitlabDeploymentGate(options.config);
      if (!gate) {
        throw new InputError(
          `Waybill's gate cannot protect ${environments.join(
            ', ',
          )}: no GitLab approver is configured for it (${GITLAB_DEPLOYMENT_GATE_CONFIG}.apiBaseUrl and .token; see the scorecards backend's README, "Gate enforcement")`,
        );
      }
      const { projectPath, api, token } = projectOf(
        options.config,
        repoUrl,
        gate,
      );
      const approver = await approverOf(gate);
      const project = `${api}/projects/${encodeURIComponent(projectPath)}`;
      const call: GitlabCall = (method, url, body, expected) =>
        gitlabRequest(url, { method, token, body, expected });

      // The project, as the integration's user sees it: a clear refusal when it is not there.
      await call('GET', project);
      if (await ensureMember(call, project, projectPath, approver)) {
        ctx.logger.info(
          `${projectPath}: Waybill's GitLab user @${approver.username} is a Developer of the project now`,
        );
      }
      for (const environment of environments) {
        await ensureEnvironment(call, project, environment);
        const done = await ensureApprovalRule(
          call,
          project,
          environment,
          approver,
          gate.startAfterApproval.includes(environment),
        );
        ctx.logger.info(
          `${projectPath}: deployments to ${environment} wait for the approval of Waybill's GitLab user @${approver.username} (${done})`,
        );
      }
      ctx.output('environments', environments);
    },
  });
}
