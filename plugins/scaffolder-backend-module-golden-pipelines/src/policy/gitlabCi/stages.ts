import { Tier } from '@waybill/plugin-waybill-common';
import { REQUIRED_STAGES, stageTitle } from '../../pipeline/stages';
import { AddViolation, Obj } from '../pipelineYaml';

/** syntax: every job is in a stage `stages:` lists, and has a script (or triggers a pipeline). */
export function checkJobStructure(
  add: AddViolation,
  jobs: Record<string, Obj>,
  stages: unknown[],
): void {
  for (const [id, job] of Object.entries(jobs)) {
    if (typeof job.stage === 'string' && !stages.includes(job.stage)) {
      add(
        'syntax',
        `${id}.stage`,
        `job ${id} is in stage "${job.stage}", which stages: does not list`,
      );
    }
    if (!('script' in job) && !('trigger' in job)) {
      add('syntax', id, `job ${id} has no script:`);
    }
  }
}

/** required-stages: every stage the tier requires has a job (a job without `stage:` is in `test`). */
export function checkRequiredStages(
  add: AddViolation,
  tier: Tier,
  jobs: Record<string, Obj>,
): void {
  const jobStages = new Set(
    Object.values(jobs).map(j =>
      typeof j.stage === 'string' ? j.stage : 'test',
    ),
  );
  for (const stage of REQUIRED_STAGES[tier]) {
    if (!jobStages.has(stage)) {
      add(
        'required-stages',
        'stages',
        `tier ${tier} requires the stage "${stageTitle(
          stage,
        )}": add a job with stage: ${stage}`,
      );
    }
  }
}
