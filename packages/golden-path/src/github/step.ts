import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isString } from '@actions/workflow-parser';
import { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import { ACTIONS, parseUses } from './actions';
import { runnerContext, runnerEnv } from './contexts';
import { asString, Expressions } from './expressions';
import { createFileCommands, readFileCommands } from './fileCommands';
import { exec, shellCommand, tail } from './processes';
import { Conclusion, Leg, LegProgress, RunAttempt, StepRun } from './runTypes';
import { entry } from './workflow';

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

/** How a step's action or script ended, before its file commands are read. */
interface Ran {
  outcome: Conclusion;
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
}

/** A step about to run: its tokens, name, evaluated `with`/`run` context and environment. */
interface ReadyStep {
  step: LooseStep;
  raw: MappingToken;
  name: string;
  /** Expressions with the step's `env` in the `env` context (for `with`, `run`, `shell`). */
  withEnv: Expressions;
  env: Record<string, string>;
}

/** Records a step's run in the leg and, unless its id is generated, in the `steps` context. */
function recordStep(
  progress: LegProgress,
  id: string,
  started: number,
  partial: Partial<StepRun> & Pick<StepRun, 'name' | 'outcome'>,
) {
  const run: StepRun = {
    id,
    outputs: {},
    stdout: '',
    stderr: '',
    conclusion: partial.outcome,
    durationMs: Date.now() - started,
    ...partial,
  };
  progress.steps.push(run);
  if (!id.startsWith('__')) {
    progress.stepsContext[id] = {
      outputs: run.outputs,
      outcome: run.outcome,
      conclusion: run.conclusion,
    };
  }
}

/** The step's display name: its `name`, else `Run <action>`, else `Run <first script line>`. */
function stepNameOf(
  step: LooseStep,
  usesValue: string | undefined,
  expressions: Expressions,
): string {
  if (step.name) return asString(expressions.token(step.name));
  if (usesValue) return `Run ${usesValue}`;
  return `Run ${asString(expressions.token(step.run)).split('\n')[0]}`;
}

function continueOnErrorOf(step: LooseStep, withEnv: Expressions): boolean {
  const token = step['continue-on-error'];
  if (typeof token === 'boolean') return token;
  if (token) return Boolean(withEnv.token(token));
  return false;
}

/** A `run:` key's default from `defaults.run` of the job, else of the workflow. */
function defaultsRun(
  run: RunAttempt,
  leg: Leg,
  key: string,
): TemplateToken | undefined {
  return (
    entry(entry(entry(leg.job.raw, 'defaults'), 'run'), key) ??
    entry(entry(entry(run.options.workflow.raw, 'defaults'), 'run'), key)
  );
}

/** Runs a `uses:` step with its emulation from {@link ACTIONS}, recording the call. */
async function runAction(
  run: RunAttempt,
  leg: Leg,
  progress: LegProgress,
  ready: ReadyStep,
  usesValue: string,
): Promise<Ran> {
  const { action, ref } = parseUses(usesValue);
  const inputs = ready.withEnv.strings(entry(ready.raw, 'with'));
  run.uses.push({
    job: leg.job.id,
    leg: leg.name,
    step: ready.name,
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
  const ran: Ran = { outcome: 'success', outputs: {}, stdout: '', stderr: '' };
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
      workspace: leg.workspace,
      env: ready.env,
      job: leg.job.id,
      attempt: run.attempt,
      artifacts: run.artifacts,
      repository: run.options.repository,
      exec: (command, args) =>
        exec(
          command,
          args,
          leg.workspace,
          ready.env,
          leg.maxStepMs,
          progress.children,
        ),
      log: line => logs.push(line),
    });
    ran.outputs = result?.outputs ?? {};
    Object.assign(progress.addedEnv, result?.env ?? {});
  } catch (e) {
    ran.outcome = 'failure';
    ran.stderr = (e as Error).message;
  }
  ran.stdout = logs.join('\n');
  return ran;
}

/** Runs a `run:` step's script with its shell in its working directory. */
async function runScript(
  run: RunAttempt,
  leg: Leg,
  progress: LegProgress,
  ready: ReadyStep,
): Promise<Ran> {
  const { withEnv, raw } = ready;
  const script = asString(withEnv.token(ready.step.run));
  const shellToken = entry(raw, 'shell') ?? defaultsRun(run, leg, 'shell');
  const shell = shellToken ? asString(withEnv.token(shellToken)) : 'bash';
  const dirToken =
    entry(raw, 'working-directory') ??
    defaultsRun(run, leg, 'working-directory');
  const cwd = dirToken
    ? path.resolve(leg.workspace, asString(withEnv.token(dirToken)))
    : leg.workspace;
  const scriptFile = path.join(leg.temp, `${randomUUID()}.sh`);
  fs.writeFileSync(scriptFile, script);
  const argv = shellCommand(shell, scriptFile);
  const result = await exec(
    argv[0],
    argv.slice(1),
    cwd,
    ready.env,
    leg.maxStepMs,
    progress.children,
  );
  return {
    outcome: result.code !== 0 ? 'failure' : 'success',
    outputs: {},
    stdout: result.stdout,
    stderr:
      result.code !== 0
        ? `${result.stderr}\n(exit code ${result.code})`
        : result.stderr,
  };
}

/** The step's expressions with the contexts GitHub provides there. */
function stepExpressions(
  leg: Leg,
  progress: LegProgress,
  runner: Record<string, unknown>,
  env: Record<string, string>,
): Expressions {
  return new Expressions(
    {
      ...leg.contexts,
      steps: progress.stepsContext,
      job: { status: progress.failed ? 'failure' : 'success' },
      runner,
      env,
    },
    leg.status,
  );
}

/**
 * Runs step `index` of the leg as GitHub's runner does: its name and `if`, env layered
 * workflow → job → GITHUB_ENV → step, the action or the script, the file commands, and
 * `continue-on-error`. A failure is recorded in the leg's progress, never thrown.
 */
export async function runStep(
  run: RunAttempt,
  leg: Leg,
  progress: LegProgress,
  index: number,
): Promise<void> {
  const step = leg.job.steps[index] as unknown as LooseStep;
  const raw = leg.job.rawSteps[index];
  const started = Date.now();
  const envContext = {
    ...leg.workflowEnv,
    ...leg.jobEnv,
    ...progress.addedEnv,
  };
  const expressions = stepExpressions(
    leg,
    progress,
    runnerContext(run.options.runDir, leg.temp),
    envContext,
  );
  const record = (
    partial: Partial<StepRun> & Pick<StepRun, 'name' | 'outcome'>,
  ) => recordStep(progress, step.id, started, partial);
  let name = step.id;
  try {
    const usesValue =
      step.uses && isString(step.uses) ? step.uses.value : undefined;
    name = stepNameOf(step, usesValue, expressions);
    if (!expressions.condition(step.if)) {
      record({ name, outcome: 'skipped', uses: usesValue });
      return;
    }
    const stepEnv = expressions.strings(step.env);
    const withEnv = stepExpressions(
      leg,
      progress,
      { os: 'Linux', arch: 'X64', temp: leg.temp },
      { ...envContext, ...stepEnv },
    );
    const continueOnError = continueOnErrorOf(step, withEnv);
    const files = createFileCommands(path.join(leg.temp, `step-${index + 1}`));
    const env = {
      ...runnerEnv(run, leg, progress.addedPath),
      ...leg.workflowEnv,
      ...leg.jobEnv,
      ...progress.addedEnv,
      ...stepEnv,
      ...files,
      GITHUB_ACTION: step.id,
    };
    const ready: ReadyStep = { step, raw, name, withEnv, env };
    const ran = usesValue
      ? await runAction(run, leg, progress, ready, usesValue)
      : await runScript(run, leg, progress, ready);
    const commands = readFileCommands(files);
    Object.assign(progress.addedEnv, commands.env);
    progress.addedPath.unshift(...commands.path);
    const conclusion =
      ran.outcome === 'failure' && continueOnError ? 'success' : ran.outcome;
    if (conclusion === 'failure') {
      progress.failed = true;
      progress.error ??= `step "${name}" failed: ${ran.stderr.slice(-4000)}`;
    }
    record({
      name,
      outcome: ran.outcome,
      conclusion,
      outputs: { ...ran.outputs, ...commands.outputs },
      stdout: tail(ran.stdout),
      stderr: tail(ran.stderr),
      uses: usesValue,
    });
  } catch (e) {
    progress.failed = true;
    progress.error ??= `step "${name}": ${(e as Error).message}`;
    record({ name, outcome: 'failure', stderr: (e as Error).message });
  }
}
