import { Cloud, PipelineModel } from '../model';
import { pipelineCommand } from '../scripts';
import { StageId, stageTitle } from '../stages';
import { PlanJob, PlanStep } from './types';
import { waybillEnv } from './values';

/** What every stage planner reads: the model and the stages its tier requires. */
export type PlanContext = {
  model: PipelineModel;
  /** Whether the tier requires the stage. */
  has(stage: StageId): boolean;
  /** One leg per cloud the service deploys to. */
  matrix: { clouds: Cloud[] };
};

/** A job, with the defaults of most jobs: its stage's title, no outputs or permissions. */
export function job(
  partial: Omit<
    PlanJob,
    'title' | 'outputs' | 'permissions' | 'when' | 'timeoutMinutes'
  > &
    Partial<
      Pick<
        PlanJob,
        'title' | 'outputs' | 'permissions' | 'when' | 'timeoutMinutes'
      >
    >,
): PlanJob {
  return {
    title: stageTitle(partial.stage),
    outputs: [],
    permissions: [],
    when: 'always',
    timeoutMinutes: 30,
    ...partial,
  };
}

/** The directory every path shares, which artifact stores keep the paths relative to. */
function commonRoot(paths: string[]): string {
  const parts = paths.map(p => p.replace(/\/$/, '').split('/'));
  const dirs = parts.map((segments, i) =>
    paths[i].endsWith('/') ? segments : segments.slice(0, -1),
  );
  const root: string[] = [];
  for (let i = 0; dirs.every(d => i < d.length && d[i] === dirs[0][i]); i++) {
    root.push(dirs[0][i]);
  }
  return root.join('/') || '.';
}

/** Saves reports for later jobs, relative to the directory they share. */
export function saveReports(name: string, paths: string[]): PlanStep {
  return { type: 'save-reports', name, root: commonRoot(paths), paths };
}

/** Sets up Node and installs exactly the locked dependencies. */
export const install: PlanStep[] = [
  { type: 'setup-node' },
  { type: 'run', name: 'Install', script: 'npm ci --ignore-scripts' },
];

/** Minutes a wave job may wait for the previous wave's bake time before giving up. */
export const BAKE_WAIT_MARGIN_MINUTES = 15;

/** Asks the scorecards gate whether the release may enter an environment. */
export function gateStep(model: PipelineModel, environment: string): PlanStep {
  return {
    type: 'run',
    name: `Ask the scorecards gate whether ${model.name} may enter ${environment}`,
    script: pipelineCommand('gate', environment),
    env: waybillEnv(model),
    waybill: true,
  };
}

/** Where a job loads a report to: the root its producer saved it from. */
export function reportRoot(jobs: PlanJob[], name: string): string {
  for (const j of jobs) {
    for (const step of j.steps) {
      if (step.type === 'save-reports' && step.name === name) return step.root;
    }
  }
  throw new Error(`no job saves the report ${name}`);
}
