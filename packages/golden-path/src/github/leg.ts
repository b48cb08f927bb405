import fs from 'node:fs';
import path from 'node:path';
import { githubContext, secretsOf } from './contexts';
import { asString, Expressions, StatusFunctions, Value } from './expressions';
import { killLeftovers } from './processes';
import { Leg, LegProgress, LegRun, RunAttempt, StepRun } from './runTypes';
import { runStep } from './step';
import { entry, WorkflowJob } from './workflow';

/** Which leg of a job to run: the job, what its legs share, and this leg's matrix entry. */
export interface LegSpec {
  job: WorkflowJob;
  needs: Record<string, Value>;
  strategy: Record<string, Value>;
  matrix: Record<string, Value> | undefined;
  index: number;
  total: number;
}

/** The token's `permissions` of the job, else of the workflow, as a mapping. */
function permissionsOf(
  run: RunAttempt,
  job: WorkflowJob,
  expressions: Expressions,
): Record<string, string> {
  const token =
    entry(job.raw, 'permissions') ??
    entry(run.options.workflow.raw, 'permissions');
  const value = token ? expressions.token(token) : null;
  if (value === 'write-all') return { 'id-token': 'write' };
  if (value === 'read-all' || value === null) return {};
  return value as Record<string, string>;
}

/** The leg's name: the job's `name`, else the job id with the matrix values. */
function legName(spec: LegSpec, jobExpressions: Expressions): string {
  const { job, matrix } = spec;
  const nameToken = entry(job.raw, 'name');
  if (nameToken) return asString(jobExpressions.token(nameToken));
  if (matrix) {
    return `${job.id} (${Object.values(matrix).map(asString).join(', ')})`;
  }
  return job.id;
}

/** The name of the job's `environment` (a name or a mapping with one), if any. */
function environmentOf(
  job: WorkflowJob,
  jobExpressions: Expressions,
): string | undefined {
  const value = job.model.environment
    ? jobExpressions.token(job.model.environment)
    : null;
  return value && typeof value === 'object'
    ? asString((value as Record<string, Value>).name)
    : asString(value) || undefined;
}

/** A step's time limit: the job's `timeout-minutes` (default 360), at most the run's. */
function maxStepMsOf(
  run: RunAttempt,
  job: WorkflowJob,
  jobExpressions: Expressions,
): number {
  const timeoutToken = entry(job.raw, 'timeout-minutes');
  const jobTimeoutMs =
    Number(timeoutToken ? jobExpressions.token(timeoutToken) : 360) * 60_000;
  return Math.min(jobTimeoutMs, run.options.maxStepMs ?? 300_000);
}

/** The OIDC request variables of a leg granted `id-token: write`, its identity registered with the issuer. */
function registerForIdTokens(
  run: RunAttempt,
  job: WorkflowJob,
  github: Record<string, Value>,
  environment: string | undefined,
): Record<string, string> {
  const { workflow, repository } = run.options;
  return run.options.issuer.registerGithubJob({
    repository: run.repositorySlug,
    ref: asString(github.ref),
    sha: repository.sha,
    runId: run.options.runId,
    runAttempt: run.attempt,
    eventName: asString(github.event_name),
    workflowPath: workflow.path,
    job: job.id,
    environment,
  });
}

/** The step status functions: success until a step fails. */
function legStatus(progress: LegProgress): StatusFunctions {
  return {
    success: () => !progress.failed,
    failure: () => progress.failed,
    cancelled: () => false,
    always: () => true,
  };
}

/** The leg's workspace (emptied) and RUNNER_TEMP, and the key naming them. */
function legDirectories(run: RunAttempt, spec: LegSpec) {
  const { runDir } = run.options;
  const key = `${spec.job.id}${
    spec.matrix ? `-${spec.index + 1}` : ''
  }-attempt${run.attempt}`;
  const workspace = path.join(runDir, 'work', key);
  const temp = path.join(runDir, 'temp', key);
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.mkdirSync(temp, { recursive: true });
  return { key, workspace, temp };
}

/**
 * Sets up a leg before its steps: its directories, its contexts (strategy, matrix), the
 * workflow's and job's env, its name and environment, and, for a leg granted
 * `id-token: write`, the OIDC request variables the issuer registers for it.
 */
function setUpLeg(run: RunAttempt, spec: LegSpec, progress: LegProgress): Leg {
  const { job, matrix } = spec;
  const { workflow, vars } = run.options;
  const { key, workspace, temp } = legDirectories(run, spec);
  const github = githubContext(run, job.id, workspace);
  const strategy = {
    'fail-fast': spec.strategy['fail-fast'] ?? true,
    'job-index': spec.index,
    'job-total': spec.total,
    'max-parallel': spec.strategy['max-parallel'] ?? spec.total,
  };
  const contexts: Record<string, unknown> = {
    github,
    needs: spec.needs,
    strategy,
    matrix: matrix ?? {},
    vars,
    secrets: secretsOf(run.options),
    inputs: {},
  };
  const status = legStatus(progress);
  const jobExpressions = new Expressions(contexts, status);
  const workflowEnv = new Expressions(
    { github, vars, secrets: secretsOf(run.options), inputs: {} },
    status,
  ).strings(workflow.template.env);
  const jobEnv = new Expressions(
    { ...contexts, env: workflowEnv },
    status,
  ).strings(job.model.env);
  const name = legName(spec, jobExpressions);
  const environment = environmentOf(job, jobExpressions);
  const idToken =
    permissionsOf(run, job, jobExpressions)['id-token'] === 'write';
  const oidcEnv = idToken
    ? registerForIdTokens(run, job, github, environment)
    : {};
  const maxStepMs = maxStepMsOf(run, job, jobExpressions);
  return {
    job,
    key,
    name,
    matrix,
    environment,
    idToken,
    workspace,
    temp,
    github,
    contexts,
    status,
    workflowEnv,
    jobEnv,
    oidcEnv,
    maxStepMs,
  };
}

/** The job's `outputs`, evaluated after the leg's steps; a failure fails the leg. */
function legOutputs(leg: Leg, progress: LegProgress): Record<string, string> {
  try {
    return new Expressions(
      { ...leg.contexts, steps: progress.stepsContext, job: {}, runner: {} },
      leg.status,
    ).strings(leg.job.model.outputs);
  } catch (e) {
    progress.failed = true;
    progress.error ??= `outputs: ${(e as Error).message}`;
    return {};
  }
}

function writeLegLog(runDir: string, key: string, steps: StepRun[]) {
  fs.mkdirSync(path.join(runDir, 'logs'), { recursive: true });
  fs.writeFileSync(
    path.join(runDir, 'logs', `${key}.log`),
    steps
      .map(
        s =>
          `-- ${s.name}: ${s.conclusion} (${s.durationMs} ms)\n${s.stdout}\n${s.stderr}`,
      )
      .join('\n'),
  );
}

/**
 * Runs one leg of a job in a workspace of its own: its steps in order, then the job's outputs;
 * ends what the steps left running and writes the leg's log under `logs/`.
 */
export async function runLeg(run: RunAttempt, spec: LegSpec): Promise<LegRun> {
  const started = Date.now();
  const progress: LegProgress = {
    failed: false,
    addedEnv: {},
    addedPath: [],
    stepsContext: {},
    steps: [],
    children: new Set<number>(),
  };
  const leg = setUpLeg(run, spec, progress);
  for (let i = 0; i < spec.job.steps.length; i++) {
    await runStep(run, leg, progress, i);
  }
  const outputs = legOutputs(leg, progress);
  killLeftovers(progress.children);
  const { error } = progress;
  const result: LegRun = {
    job: spec.job.id,
    name: leg.name,
    matrix: spec.matrix,
    environment: leg.environment,
    idToken: leg.idToken,
    result: progress.failed ? 'failure' : 'success',
    outputs,
    steps: progress.steps,
    error,
    workspace: leg.workspace,
    durationMs: Date.now() - started,
  };
  writeLegLog(run.options.runDir, leg.key, progress.steps);
  run.options.log?.(
    `  ${leg.name}: ${result.result} in ${result.durationMs} ms${
      error ? ` (${error.split('\n')[0]})` : ''
    }`,
  );
  return result;
}
