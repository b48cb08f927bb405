import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isString } from '@actions/workflow-parser';
import { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { OidcIssuer } from '../oidcIssuer';
import { Stubs } from '../stubs/stubs';
import { ACTIONS, parseUses } from './actions';
import { ArtifactStore } from './artifacts';
import { asString, Expressions, StatusFunctions, Value } from './expressions';
import { entry, Workflow, WorkflowJob } from './workflow';

/** A job's or step's result, with GitHub's names. */
export type Conclusion = 'success' | 'failure' | 'skipped';

/** One step as it ran. */
export interface StepRun {
  name: string;
  id: string;
  uses?: string;
  outcome: Conclusion;
  conclusion: Conclusion;
  outputs: Record<string, string>;
  /** The end of what the step printed (stdout and stderr). */
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** One leg of a job (the job itself when it has no matrix). */
export interface LegRun {
  job: string;
  name: string;
  matrix?: Record<string, Value>;
  environment?: string;
  /** Whether the leg got ACTIONS_ID_TOKEN_REQUEST_URL (permissions id-token: write). */
  idToken: boolean;
  result: Conclusion;
  outputs: Record<string, string>;
  steps: StepRun[];
  /** Why the leg failed, when it did: the failing step's name and the end of its stderr. */
  error?: string;
  /** The leg's workspace (GITHUB_WORKSPACE), as the job left it. */
  workspace: string;
  durationMs: number;
}

/** One job of a run, all legs. */
export interface JobRun {
  id: string;
  result: Conclusion;
  outputs: Record<string, string>;
  legs: LegRun[];
  attempt: number;
  durationMs: number;
  /** Why the job was skipped or failed before any step, when it was. */
  reason?: string;
}

/** An emulated `uses:` step, as asked. */
export interface UsesCall {
  job: string;
  leg: string;
  step: string;
  action: string;
  ref: string;
  inputs: Record<string, string>;
}

/** What {@link GithubRun} needs. */
export interface GithubRunOptions {
  workflow: Workflow;
  /** The pushed repository: a git directory, the commit, and `owner/name`. */
  repository: { dir: string; sha: string; slug: string };
  /** Workspaces, artifacts and logs of the run go here. */
  runDir: string;
  runId: string;
  /** The triggering event; a push to main by default. */
  event?: { name: string; ref: string };
  vars: Record<string, string>;
  secrets?: Record<string, string>;
  issuer: OidcIssuer;
  stubs: Stubs;
  /** Legs running at once (default 2, the machine's cores). */
  concurrency?: number;
  /** A step running longer is killed and fails (default: the job's timeout, at most 5 minutes). */
  maxStepMs?: number;
  /** Called before each job that will run (its `if` held), e.g. to let time pass. */
  beforeJob?: (job: string) => Promise<void>;
  log?: (line: string) => void;
}

const SYSTEM_PATH = [
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
];
const TAIL = 20_000;

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

const tail = (text: string) => text.slice(-TAIL);

/** GitHub's file commands (GITHUB_OUTPUT, GITHUB_ENV): `name=value` and `name<<DELIM` blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq < 0 || eq > line.indexOf('<<'))) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]);
      if (i >= lines.length) {
        throw new Error(
          `Invalid value. Matching delimiter not found '${delimiter}'`,
        );
      }
      out[name] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`Invalid format '${line}'`);
    }
  }
  return out;
}

/** Expands `strategy.matrix` as GitHub does: the product of the axes, minus `exclude`, plus `include`. */
export function expandMatrix(
  matrix: Value,
): Array<Record<string, Value>> | undefined {
  if (matrix === null || matrix === undefined) return undefined;
  if (typeof matrix !== 'object' || Array.isArray(matrix)) {
    throw new Error(
      `strategy.matrix must be a mapping: ${JSON.stringify(matrix)}`,
    );
  }
  const { include, exclude, ...axes } = matrix as Record<string, Value>;
  let legs: Array<Record<string, Value>> = [{}];
  for (const [axis, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) {
      throw new Error(`strategy.matrix.${axis} must be a sequence`);
    }
    legs = legs.flatMap(leg => values.map(v => ({ ...leg, [axis]: v })));
  }
  if (Object.keys(axes).length === 0) legs = [];
  const matches = (
    leg: Record<string, Value>,
    partial: Record<string, Value>,
  ) =>
    Object.entries(partial).every(
      ([k, v]) => JSON.stringify(leg[k]) === JSON.stringify(v),
    );
  if (Array.isArray(exclude)) {
    legs = legs.filter(
      leg =>
        !(exclude as Array<Record<string, Value>>).some(e => matches(leg, e)),
    );
  }
  if (Array.isArray(include)) {
    const original = legs.map(l => ({ ...l }));
    for (const extra of include as Array<Record<string, Value>>) {
      let added = false;
      legs.forEach((leg, i) => {
        const base = original[i];
        const overwrites = Object.entries(extra).some(
          ([k, v]) =>
            k in base && JSON.stringify(base[k]) !== JSON.stringify(v),
        );
        if (!overwrites) {
          Object.assign(leg, extra);
          added = true;
        }
      });
      if (!added) legs.push({ ...extra });
    }
  }
  if (legs.length === 0) {
    throw new Error('strategy.matrix expands to no job');
  }
  return legs;
}

/** A converted step, whichever kind (run or uses). */
type LooseStep = {
  id: string;
  name?: TemplateToken;
  if?: TemplateToken;
  env?: TemplateToken;
  run?: TemplateToken;
  uses?: TemplateToken;
  'continue-on-error'?: boolean | TemplateToken;
};

/** A small counting semaphore. */
class Slots {
  private waiting: Array<() => void> = [];
  constructor(private free: number) {}
  async take(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>(resolve => this.waiting.push(resolve));
    return () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

/**
 * Runs the jobs of a GitHub Actions workflow on this machine, as GitHub's runner would for one
 * workflow run: in `needs` order (ready jobs side by side), matrix legs expanded, every
 * `${{ }}` evaluated by GitHub's expression engine with the contexts GitHub provides there, each
 * leg in a workspace of its own that starts empty (`actions/checkout` fills it), `run:` steps
 * with `bash --noprofile --norc -eo pipefail {0}`, env layered workflow → job → GITHUB_ENV →
 * step, the file commands, the OIDC request variables only for jobs granted `id-token: write`,
 * and `uses:` steps emulated by {@link ACTIONS} (any other action fails the step).
 *
 * Re-runs keep GitHub's meaning: {@link rerun} runs the named jobs again (and, like "Re-run
 * jobs", their dependents) in the next attempt, the other jobs' results and artifacts kept.
 */
export class GithubRun {
  /** Each job's latest result. */
  readonly jobs = new Map<string, JobRun>();
  /** Every emulated `uses:` step, in order. */
  readonly uses: UsesCall[] = [];
  /** `vars.X` / `secrets.X` the workflow read but the run did not set. */
  readonly missing = new Set<string>();
  attempt = 0;
  private readonly artifacts: ArtifactStore;
  private repositorySlug: string;
  private readonly slots: Slots;

  constructor(private readonly options: GithubRunOptions) {
    fs.mkdirSync(options.runDir, { recursive: true });
    this.artifacts = new ArtifactStore(path.join(options.runDir, 'artifacts'));
    this.repositorySlug = options.repository.slug;
    this.slots = new Slots(options.concurrency ?? 2);
  }

  /** Runs every job of the workflow (jobs whose `if` is false are skipped). */
  async run(): Promise<this> {
    return this.runJobs([...this.options.workflow.jobs.keys()]);
  }

  /**
   * A new attempt running `jobs` again, and with `dependents` (the default, as GitHub's re-run
   * does) every job that needs them, transitively. `repository` replays the attempt as if the
   * same workflow ran in another repository (the ID tokens then name that repository).
   */
  async rerun(options: {
    jobs: string[];
    dependents?: boolean;
    repository?: string;
  }): Promise<this> {
    const selected = new Set(options.jobs);
    if (options.dependents ?? true) {
      let grew = true;
      while (grew) {
        grew = false;
        for (const job of this.options.workflow.jobs.values()) {
          if (!selected.has(job.id) && job.needs.some(n => selected.has(n))) {
            selected.add(job.id);
            grew = true;
          }
        }
      }
    }
    const previous = this.repositorySlug;
    this.repositorySlug = options.repository ?? previous;
    try {
      return await this.runJobs([...selected]);
    } finally {
      this.repositorySlug = previous;
    }
  }

  /** The job's latest result; throws when the job never ran. */
  job(id: string): JobRun {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`Job ${id} has not run`);
    return job;
  }

  /** Every step's output of a job, for messages. */
  logOf(id: string): string {
    const job = this.jobs.get(id);
    if (!job) return `(job ${id} has not run)`;
    return job.legs
      .map(
        leg =>
          `== ${leg.name}: ${leg.result}\n${leg.steps
            .map(
              s =>
                `-- ${s.name}: ${s.conclusion}\n${s.stdout}${
                  s.stderr ? `\n[stderr]\n${s.stderr}` : ''
                }`,
            )
            .join('\n')}`,
      )
      .join('\n');
  }

  private async runJobs(ids: string[]): Promise<this> {
    this.attempt++;
    const { workflow } = this.options;
    for (const id of ids) {
      if (!workflow.jobs.has(id))
        throw new Error(`No job ${id} in ${workflow.path}`);
    }
    const pending = new Set(ids);
    const done = new Set(
      [...workflow.jobs.keys()].filter(id => !pending.has(id)),
    );
    const running = new Map<string, Promise<void>>();
    while (pending.size > 0 || running.size > 0) {
      for (const id of [...pending]) {
        const job = workflow.jobs.get(id)!;
        if (job.needs.every(n => done.has(n))) {
          pending.delete(id);
          running.set(
            id,
            this.runJob(job).then(result => {
              this.jobs.set(id, result);
              done.add(id);
              running.delete(id);
            }),
          );
        }
      }
      if (running.size === 0 && pending.size > 0) {
        throw new Error(
          `Jobs ${[...pending].join(', ')} wait for jobs that never run`,
        );
      }
      await Promise.race(running.values());
    }
    return this;
  }

  private github(job: string, workspace = ''): Record<string, Value> {
    const { repository, runId, workflow } = this.options;
    const event = this.options.event ?? {
      name: 'push',
      ref: 'refs/heads/main',
    };
    const slug = this.repositorySlug;
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
      run_attempt: String(this.attempt),
      retention_days: 90,
      sha: repository.sha,
      token: this.secrets().GITHUB_TOKEN,
      workflow:
        workflowName && isString(workflowName)
          ? workflowName.value
          : workflowPath,
      workflow_ref: `${slug}/${workflowPath}@${event.ref}`,
      workflow_sha: repository.sha,
      workspace,
    };
  }

  private secrets(): Record<string, string> {
    return { GITHUB_TOKEN: 'ghs_golden_path', ...this.options.secrets };
  }

  private async runJob(job: WorkflowJob): Promise<JobRun> {
    const started = Date.now();
    const needs: Record<string, Value> = {};
    for (const n of job.needs) {
      const result = this.jobs.get(n);
      needs[n] = {
        result: result?.result ?? 'skipped',
        outputs: result?.outputs ?? {},
      };
    }
    const needsSucceeded = job.needs.every(
      n => this.jobs.get(n)?.result === 'success',
    );
    const status: StatusFunctions = {
      success: () => needsSucceeded,
      failure: () =>
        job.needs.some(n => this.jobs.get(n)?.result === 'failure'),
      cancelled: () => false,
      always: () => true,
    };
    const base = (reason?: string): JobRun => ({
      id: job.id,
      result: 'skipped',
      outputs: {},
      legs: [],
      attempt: this.attempt,
      durationMs: Date.now() - started,
      reason,
    });
    const jobLevel = new Expressions(
      {
        github: this.github(job.id),
        needs,
        vars: this.options.vars,
        inputs: {},
      },
      status,
    );
    let legs: Array<Record<string, Value> | undefined>;
    let strategy: Record<string, Value> = {};
    try {
      if (!jobLevel.condition(job.model.if)) {
        return base(`if: ${job.model.if?.expression} is false`);
      }
      strategy = (jobLevel.token(job.model.strategy) ?? {}) as Record<
        string,
        Value
      >;
      legs = expandMatrix(strategy.matrix) ?? [undefined];
    } catch (error) {
      return {
        ...base(`${(error as Error).message}`),
        result: 'failure',
      };
    } finally {
      jobLevel.missing.forEach(m => this.missing.add(m));
    }
    this.options.log?.(`job ${job.id}: ${legs.length} leg(s)`);
    await this.options.beforeJob?.(job.id);
    const results = await Promise.all(
      legs.map(async (matrix, index) => {
        const release = await this.slots.take();
        try {
          return await this.runLeg(
            job,
            needs,
            strategy,
            matrix,
            index,
            legs.length,
          );
        } finally {
          release();
        }
      }),
    );
    const outputs: Record<string, string> = {};
    for (const leg of results) {
      for (const [k, v] of Object.entries(leg.outputs)) if (v) outputs[k] = v;
    }
    return {
      id: job.id,
      result: results.some(l => l.result === 'failure') ? 'failure' : 'success',
      outputs,
      legs: results,
      attempt: this.attempt,
      durationMs: Date.now() - started,
    };
  }

  private permissionsOf(job: WorkflowJob, expressions: Expressions) {
    const token =
      entry(job.raw, 'permissions') ??
      entry(this.options.workflow.raw, 'permissions');
    const value = token ? expressions.token(token) : null;
    if (value === 'write-all') return { 'id-token': 'write' };
    if (value === 'read-all' || value === null) return {};
    return value as Record<string, string>;
  }

  private async runLeg(
    job: WorkflowJob,
    needs: Record<string, Value>,
    strategy: Record<string, Value>,
    matrix: Record<string, Value> | undefined,
    index: number,
    total: number,
  ): Promise<LegRun> {
    const started = Date.now();
    const { runDir, workflow, issuer, stubs, repository } = this.options;
    const legKey = `${job.id}${matrix ? `-${index + 1}` : ''}-attempt${
      this.attempt
    }`;
    const workspace = path.join(runDir, 'work', legKey);
    const temp = path.join(runDir, 'temp', legKey);
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.mkdirSync(workspace, { recursive: true });
    fs.mkdirSync(temp, { recursive: true });
    const github = this.github(job.id, workspace);
    const strategyContext = {
      'fail-fast': strategy['fail-fast'] ?? true,
      'job-index': index,
      'job-total': total,
      'max-parallel': strategy['max-parallel'] ?? total,
    };
    const contexts: Record<string, unknown> = {
      github,
      needs,
      strategy: strategyContext,
      matrix: matrix ?? {},
      vars: this.options.vars,
      secrets: this.secrets(),
      inputs: {},
    };
    let failed = false;
    const status: StatusFunctions = {
      success: () => !failed,
      failure: () => failed,
      cancelled: () => false,
      always: () => true,
    };
    const jobExpressions = new Expressions(contexts, status);
    const workflowEnv = new Expressions(
      {
        github,
        vars: this.options.vars,
        secrets: this.secrets(),
        inputs: {},
      },
      status,
    ).strings(workflow.template.env);
    const jobEnv = new Expressions(
      { ...contexts, env: workflowEnv },
      status,
    ).strings(job.model.env);
    const nameToken = entry(job.raw, 'name');
    let name = job.id;
    if (nameToken) name = asString(jobExpressions.token(nameToken));
    else if (matrix) {
      name = `${job.id} (${Object.values(matrix).map(asString).join(', ')})`;
    }
    const environmentValue = job.model.environment
      ? jobExpressions.token(job.model.environment)
      : null;
    const environment =
      environmentValue && typeof environmentValue === 'object'
        ? asString((environmentValue as Record<string, Value>).name)
        : asString(environmentValue) || undefined;
    const permissions = this.permissionsOf(job, jobExpressions);
    const idToken = permissions['id-token'] === 'write';
    const oidcEnv = idToken
      ? issuer.registerGithubJob({
          repository: this.repositorySlug,
          ref: asString(github.ref),
          sha: repository.sha,
          runId: this.options.runId,
          runAttempt: this.attempt,
          eventName: asString(github.event_name),
          workflowPath: workflow.path,
          job: job.id,
          environment,
        })
      : {};
    const timeoutToken = entry(job.raw, 'timeout-minutes');
    const jobTimeoutMs =
      Number(timeoutToken ? jobExpressions.token(timeoutToken) : 360) * 60_000;
    const maxStepMs = Math.min(jobTimeoutMs, this.options.maxStepMs ?? 300_000);
    const defaultsRun = (key: string) =>
      entry(entry(entry(job.raw, 'defaults'), 'run'), key) ??
      entry(entry(entry(workflow.raw, 'defaults'), 'run'), key);

    const addedEnv: Record<string, string> = {};
    const addedPath: string[] = [];
    const stepsContext: Record<string, Value> = {};
    const steps: StepRun[] = [];
    const children = new Set<number>();
    let error: string | undefined;
    const baseEnv = (): Record<string, string> => ({
      PATH: [
        ...addedPath,
        stubs.binDir,
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
      GITHUB_REPOSITORY: this.repositorySlug,
      GITHUB_REPOSITORY_OWNER: this.repositorySlug.split('/')[0],
      GITHUB_RUN_ID: this.options.runId,
      GITHUB_RUN_NUMBER: this.options.runId,
      GITHUB_RUN_ATTEMPT: String(this.attempt),
      GITHUB_SHA: repository.sha,
      GITHUB_WORKFLOW: asString(github.workflow),
      GITHUB_WORKFLOW_REF: asString(github.workflow_ref),
      GITHUB_JOB: job.id,
      GITHUB_WORKSPACE: workspace,
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'golden-path',
      RUNNER_ENVIRONMENT: 'github-hosted',
      RUNNER_TEMP: temp,
      RUNNER_TOOL_CACHE: path.join(runDir, 'toolcache'),
      ...oidcEnv,
    });

    for (let i = 0; i < job.steps.length; i++) {
      const step = job.steps[i] as unknown as LooseStep;
      const raw = job.rawSteps[i];
      const stepStarted = Date.now();
      const envContext = { ...workflowEnv, ...jobEnv, ...addedEnv };
      const expressions = new Expressions(
        {
          ...contexts,
          steps: stepsContext,
          job: { status: failed ? 'failure' : 'success' },
          runner: {
            os: 'Linux',
            arch: 'X64',
            name: 'golden-path',
            temp,
            tool_cache: path.join(runDir, 'toolcache'),
            environment: 'github-hosted',
          },
          env: envContext,
        },
        status,
      );
      const record = (
        partial: Partial<StepRun> & Pick<StepRun, 'name' | 'outcome'>,
      ) => {
        const run: StepRun = {
          id: step.id,
          outputs: {},
          stdout: '',
          stderr: '',
          conclusion: partial.outcome,
          durationMs: Date.now() - stepStarted,
          ...partial,
        };
        steps.push(run);
        if (!step.id.startsWith('__')) {
          stepsContext[step.id] = {
            outputs: run.outputs,
            outcome: run.outcome,
            conclusion: run.conclusion,
          };
        }
        return run;
      };
      let stepName = step.id;
      try {
        const anyStep = step;
        const usesValue =
          anyStep.uses && isString(anyStep.uses)
            ? anyStep.uses.value
            : undefined;
        if (anyStep.name) stepName = asString(expressions.token(anyStep.name));
        else if (usesValue) stepName = `Run ${usesValue}`;
        else {
          stepName = `Run ${
            asString(expressions.token(anyStep.run)).split('\n')[0]
          }`;
        }
        if (!expressions.condition(anyStep.if)) {
          record({ name: stepName, outcome: 'skipped', uses: usesValue });
          continue;
        }
        const stepEnv = expressions.strings(anyStep.env);
        const withEnv = new Expressions(
          {
            ...contexts,
            steps: stepsContext,
            job: { status: failed ? 'failure' : 'success' },
            runner: { os: 'Linux', arch: 'X64', temp },
            env: { ...envContext, ...stepEnv },
          },
          status,
        );
        const continueToken = anyStep['continue-on-error'];
        let continueOnError = false;
        if (typeof continueToken === 'boolean') continueOnError = continueToken;
        else if (continueToken) {
          continueOnError = Boolean(withEnv.token(continueToken));
        }
        const commandsDir = path.join(temp, `step-${i + 1}`);
        fs.mkdirSync(commandsDir, { recursive: true });
        const files = {
          GITHUB_OUTPUT: path.join(commandsDir, 'output'),
          GITHUB_ENV: path.join(commandsDir, 'env'),
          GITHUB_PATH: path.join(commandsDir, 'path'),
          GITHUB_STEP_SUMMARY: path.join(commandsDir, 'summary'),
          GITHUB_STATE: path.join(commandsDir, 'state'),
        };
        Object.values(files).forEach(f => fs.writeFileSync(f, ''));
        const env = {
          ...baseEnv(),
          ...workflowEnv,
          ...jobEnv,
          ...addedEnv,
          ...stepEnv,
          ...files,
          GITHUB_ACTION: step.id,
        };
        let outcome: Conclusion = 'success';
        let outputs: Record<string, string> = {};
        let stdout = '';
        let stderr = '';
        if (usesValue) {
          const { action, ref } = parseUses(usesValue);
          const inputs = withEnv.strings(entry(raw, 'with'));
          this.uses.push({
            job: job.id,
            leg: name,
            step: stepName,
            action,
            ref,
            inputs: Object.fromEntries(
              Object.entries(inputs).map(([k, v]) => [
                k,
                /password|token|secret/i.test(k) ? '***' : v,
              ]),
            ),
          });
          const emulation = ACTIONS[action];
          const logs: string[] = [];
          try {
            if (!emulation) {
              throw new Error(
                `golden-path runner: no emulation for the action ${action} (add it to ACTIONS in src/github/actions.ts)`,
              );
            }
            const result = await emulation({
              action,
              ref,
              inputs,
              workspace,
              env,
              job: job.id,
              attempt: this.attempt,
              artifacts: this.artifacts,
              repository,
              exec: (command, args) =>
                exec(command, args, workspace, env, maxStepMs, children),
              log: line => logs.push(line),
            });
            outputs = result?.outputs ?? {};
            Object.assign(addedEnv, result?.env ?? {});
          } catch (e) {
            outcome = 'failure';
            stderr = (e as Error).message;
          }
          stdout = logs.join('\n');
        } else {
          const script = asString(withEnv.token(anyStep.run));
          const shellToken = entry(raw, 'shell') ?? defaultsRun('shell');
          const shell = shellToken
            ? asString(withEnv.token(shellToken))
            : 'bash';
          const dirToken =
            entry(raw, 'working-directory') ?? defaultsRun('working-directory');
          const cwd = dirToken
            ? path.resolve(workspace, asString(withEnv.token(dirToken)))
            : workspace;
          const scriptFile = path.join(temp, `${randomUUID()}.sh`);
          fs.writeFileSync(scriptFile, script);
          const argv = shellCommand(shell, scriptFile);
          const result = await exec(
            argv[0],
            argv.slice(1),
            cwd,
            env,
            maxStepMs,
            children,
          );
          stdout = result.stdout;
          stderr = result.stderr;
          if (result.code !== 0) {
            outcome = 'failure';
            stderr = `${stderr}\n(exit code ${result.code})`;
          }
        }
        outputs = {
          ...outputs,
          ...parseFileCommands(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        };
        Object.assign(
          addedEnv,
          parseFileCommands(fs.readFileSync(files.GITHUB_ENV, 'utf8')),
        );
        addedPath.unshift(
          ...fs
            .readFileSync(files.GITHUB_PATH, 'utf8')
            .split('\n')
            .filter(Boolean)
            .reverse(),
        );
        const conclusion =
          outcome === 'failure' && continueOnError ? 'success' : outcome;
        if (conclusion === 'failure') {
          failed = true;
          error ??= `step "${stepName}" failed: ${stderr.slice(-4000)}`;
        }
        record({
          name: stepName,
          outcome,
          conclusion,
          outputs,
          stdout: tail(stdout),
          stderr: tail(stderr),
          uses: usesValue,
        });
      } catch (e) {
        failed = true;
        error ??= `step "${stepName}": ${(e as Error).message}`;
        record({
          name: stepName,
          outcome: 'failure',
          stderr: (e as Error).message,
        });
      }
    }
    let outputs: Record<string, string> = {};
    try {
      outputs = new Expressions(
        { ...contexts, steps: stepsContext, job: {}, runner: {} },
        status,
      ).strings(job.model.outputs);
    } catch (e) {
      failed = true;
      error ??= `outputs: ${(e as Error).message}`;
    }
    killLeftovers(children);
    const leg: LegRun = {
      job: job.id,
      name,
      matrix,
      environment,
      idToken,
      result: failed ? 'failure' : 'success',
      outputs,
      steps,
      error,
      workspace,
      durationMs: Date.now() - started,
    };
    fs.mkdirSync(path.join(runDir, 'logs'), { recursive: true });
    fs.writeFileSync(
      path.join(runDir, 'logs', `${legKey}.log`),
      steps
        .map(
          s =>
            `-- ${s.name}: ${s.conclusion} (${s.durationMs} ms)\n${s.stdout}\n${s.stderr}`,
        )
        .join('\n'),
    );
    this.options.log?.(
      `  ${name}: ${leg.result} in ${leg.durationMs} ms${
        error ? ` (${error.split('\n')[0]})` : ''
      }`,
    );
    return leg;
  }
}

function shellCommand(shell: string, file: string): string[] {
  switch (shell) {
    case 'bash':
      return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', file];
    case 'sh':
      return ['sh', '-e', file];
    default:
      if (shell.includes('{0}')) {
        return shell.replace('{0}', file).split(/\s+/);
      }
      throw new Error(`golden-path runner: unsupported shell ${shell}`);
  }
}

/** Runs a command in its own process group; kills the group after `timeoutMs`. */
function exec(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
  children: Set<number>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid) children.add(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', c => (stdout = tail(stdout + c)));
    child.stderr.on('data', c => (stderr = tail(stderr + c)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.on('error', e => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}${e.message}` });
    });
    child.on('exit', async code => {
      clearTimeout(timer);
      // Background processes of the step may hold the pipes; read what is there and go on.
      await Promise.race([
        new Promise(r => child.once('close', r)),
        sleep(1000),
      ]);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({
        code: timedOut ? 124 : code ?? 1,
        stdout,
        stderr: timedOut
          ? `${stderr}\n(killed after ${timeoutMs / 1000} s)`
          : stderr,
      });
    });
  });
}

/** Ends what steps left running, as the runner does at the end of a job. */
function killLeftovers(children: Set<number>) {
  for (const pid of children) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}
