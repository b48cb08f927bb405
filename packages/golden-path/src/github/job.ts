import { githubContext } from './contexts';
import { Expressions, StatusFunctions, Value } from './expressions';
import { expandMatrix } from './matrix';
import { JobRun, LegRun, RunAttempt } from './runTypes';
import { WorkflowJob } from './workflow';

/** The legs a job runs: one per matrix entry (one `undefined` entry without a matrix). */
export type LegPlan =
  | {
      legs: Array<Record<string, Value> | undefined>;
      strategy: Record<string, Value>;
    }
  | { skipped: string }
  | { failed: string };

/** The `needs` context of a job: each needed job's result and outputs. */
export function needsContext(
  jobs: Map<string, JobRun>,
  job: WorkflowJob,
): Record<string, Value> {
  const needs: Record<string, Value> = {};
  for (const n of job.needs) {
    const result = jobs.get(n);
    needs[n] = {
      result: result?.result ?? 'skipped',
      outputs: result?.outputs ?? {},
    };
  }
  return needs;
}

/** The status functions of a job's `if`: success when every needed job succeeded. */
function jobStatus(
  jobs: Map<string, JobRun>,
  job: WorkflowJob,
): StatusFunctions {
  const needsSucceeded = job.needs.every(
    n => jobs.get(n)?.result === 'success',
  );
  return {
    success: () => needsSucceeded,
    failure: () => job.needs.some(n => jobs.get(n)?.result === 'failure'),
    cancelled: () => false,
    always: () => true,
  };
}

/**
 * Evaluates a job's `if` and `strategy` where GitHub does (github, needs, vars and inputs):
 * the legs to run, or why the job is skipped or failed. The `vars` it read unset go to `missing`.
 */
export function planLegs(
  run: RunAttempt,
  jobs: Map<string, JobRun>,
  job: WorkflowJob,
  needs: Record<string, Value>,
  missing: Set<string>,
): LegPlan {
  const jobLevel = new Expressions(
    {
      github: githubContext(run, job.id),
      needs,
      vars: run.options.vars,
      inputs: {},
    },
    jobStatus(jobs, job),
  );
  try {
    if (!jobLevel.condition(job.model.if)) {
      return { skipped: `if: ${job.model.if?.expression} is false` };
    }
    const strategy = (jobLevel.token(job.model.strategy) ?? {}) as Record<
      string,
      Value
    >;
    return { legs: expandMatrix(strategy.matrix) ?? [undefined], strategy };
  } catch (error) {
    return { failed: `${(error as Error).message}` };
  } finally {
    jobLevel.missing.forEach(m => missing.add(m));
  }
}

/** A job's outputs: every leg's non-empty outputs, a later leg's winning. */
export function jobOutputs(legs: LegRun[]): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const leg of legs) {
    for (const [k, v] of Object.entries(leg.outputs)) if (v) outputs[k] = v;
  }
  return outputs;
}
