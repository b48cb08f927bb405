import path from 'node:path';
import { isString } from '@actions/workflow-parser';
import { asString, Value } from './expressions';
import { GithubRunOptions, RunAttempt } from './runTypes';
import { entry } from './workflow';

const SYSTEM_PATH = [
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
];

/**
 * The machine's own network trust settings (extra CA certificates, proxies), which a runner
 * on this machine has in its environment: npm and curl need them to reach the registry.
 */
export function machineNetworkEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (variable): variable is [string, string] =>
        variable[1] !== undefined &&
        /(^|_)(CA_CERTS?|CERT_FILE|CERT_DIR|CA_BUNDLE|CAFILE)$|^(https?|no)_proxy$/i.test(
          variable[0],
        ),
    ),
  );
}

/** The `secrets` context: the run's secrets and the job token GitHub adds. */
export function secretsOf(options: GithubRunOptions): Record<string, string> {
  return { GITHUB_TOKEN: 'ghs_golden_path', ...options.secrets };
}

/** The `github` context of `job` in the attempt (its workspace empty at job level). */
export function githubContext(
  run: RunAttempt,
  job: string,
  workspace = '',
): Record<string, Value> {
  const { repository, runId, workflow } = run.options;
  const event = run.options.event ?? {
    name: 'push',
    ref: 'refs/heads/main',
  };
  const slug = run.repositorySlug;
  const [owner, name] = slug.split('/');
  const workflowPath = workflow.path;
  const workflowName = entry(workflow.raw, 'name');
  return {
    action: '',
    actor: 'golden-path',
    triggering_actor: 'golden-path',
    api_url: 'https://api.github.com',
    graphql_url: 'https://api.github.com/graphql',
    server_url: 'https://github.com',
    base_ref: '',
    head_ref: '',
    event_name: event.name,
    event: {
      ref: event.ref,
      before: '0'.repeat(40),
      after: repository.sha,
      repository: {
        full_name: slug,
        name,
        owner: { login: owner },
        default_branch: 'main',
      },
      head_commit: { id: repository.sha, message: 'golden path' },
      pusher: { name: 'golden-path' },
    },
    job,
    ref: event.ref,
    ref_name: event.ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: true,
    repository: slug,
    repository_owner: owner,
    repository_id: '100000001',
    run_id: runId,
    run_number: runId,
    run_attempt: String(run.attempt),
    retention_days: 90,
    sha: repository.sha,
    token: secretsOf(run.options).GITHUB_TOKEN,
    workflow:
      workflowName && isString(workflowName)
        ? workflowName.value
        : workflowPath,
    workflow_ref: `${slug}/${workflowPath}@${event.ref}`,
    workflow_sha: repository.sha,
    workspace,
  };
}

/** The `runner` context of a step whose leg's RUNNER_TEMP is `temp`. */
export function runnerContext(runDir: string, temp: string) {
  return {
    os: 'Linux',
    arch: 'X64',
    name: 'golden-path',
    temp,
    tool_cache: path.join(runDir, 'toolcache'),
    environment: 'github-hosted',
  };
}

/**
 * The environment every step of a leg starts from, before any `env:`: PATH (the GITHUB_PATH
 * entries so far, the stubs, this Node, the system's), the machine's network settings, the
 * GITHUB_* and RUNNER_* variables, and the OIDC request variables when the leg was granted them.
 */
export function runnerEnv(
  run: RunAttempt,
  leg: {
    job: { id: string };
    github: Record<string, Value>;
    workspace: string;
    temp: string;
    oidcEnv: Record<string, string>;
  },
  addedPath: string[],
): Record<string, string> {
  const { github } = leg;
  return {
    PATH: [
      ...addedPath,
      run.options.stubs.binDir,
      path.dirname(process.execPath),
      ...SYSTEM_PATH,
    ].join(':'),
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
    ...machineNetworkEnv(),
    ...(process.env.npm_config_nodedir
      ? { npm_config_nodedir: process.env.npm_config_nodedir }
      : {}),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTOR: 'golden-path',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: asString(github.event_name),
    GITHUB_REF: asString(github.ref),
    GITHUB_REF_NAME: asString(github.ref_name),
    GITHUB_REF_TYPE: asString(github.ref_type),
    GITHUB_REPOSITORY: run.repositorySlug,
    GITHUB_REPOSITORY_OWNER: run.repositorySlug.split('/')[0],
    GITHUB_RUN_ID: run.options.runId,
    GITHUB_RUN_NUMBER: run.options.runId,
    GITHUB_RUN_ATTEMPT: String(run.attempt),
    GITHUB_SHA: run.options.repository.sha,
    GITHUB_WORKFLOW: asString(github.workflow),
    GITHUB_WORKFLOW_REF: asString(github.workflow_ref),
    GITHUB_JOB: leg.job.id,
    GITHUB_WORKSPACE: leg.workspace,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'golden-path',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: leg.temp,
    RUNNER_TOOL_CACHE: path.join(run.options.runDir, 'toolcache'),
    ...leg.oidcEnv,
  };
}
