import { Tier } from '@waybill/plugin-waybill-common';
import { REQUIRED_STAGES, stageTitle } from '../pipeline/stages';
import { checkIdTokenGranted } from './githubActions/credentials';
import {
  checkJobPermissions,
  checkWorkflowPermissions,
} from './githubActions/permissions';
import { checkReusableWorkflowPinned } from './githubActions/pinning';
import { checkProductionProtection } from './githubActions/productionProtection';
import { checkSteps } from './githubActions/steps';
import { hasStage } from './graph';
import {
  AddViolation,
  Obj,
  isObj,
  parsePipelineYaml,
  violationsOf,
} from './pipelineYaml';
import { PolicyViolation } from './rules';
import { checkStaticKeyVariables } from './staticCredentials';

/** required-stages: every stage the tier requires has a job named after it. */
function checkRequiredStages(
  add: AddViolation,
  tier: Tier,
  jobIds: string[],
): void {
  for (const stage of REQUIRED_STAGES[tier]) {
    if (!hasStage(jobIds, stage)) {
      add(
        'required-stages',
        'jobs',
        `tier ${tier} requires the stage "${stageTitle(
          stage,
        )}": add a job named "${stage}" or "${stage}-<suffix>"`,
      );
    }
  }
}

/** The checks of one job: reusable workflow pinned, token scopes, credentials, steps. */
function checkJob(add: AddViolation, jobId: string, job: Obj): void {
  const where = `jobs.${jobId}`;
  checkReusableWorkflowPinned(add, where, job);
  checkJobPermissions(add, jobId, job);
  checkStaticKeyVariables(add, job.env, `${where}.env`);
  if (checkSteps(add, jobId, job)) checkIdTokenGranted(add, jobId, job);
}

/**
 * Checks a GitHub Actions workflow against the golden-pipeline policy and returns every
 * violation, each with the rule, where it is and what to change.
 */
export function validateGithubWorkflow(
  content: string,
  file: string,
  tier: Tier,
): PolicyViolation[] {
  const { violations, add } = violationsOf(file);
  const workflow = parsePipelineYaml(content, add);
  if (workflow === undefined) return violations;
  if (!isObj(workflow) || !isObj(workflow.jobs)) {
    add(
      'syntax',
      '(root)',
      'not a GitHub Actions workflow: it has no jobs: mapping',
    );
    return violations;
  }
  const jobs = Object.fromEntries(
    Object.entries(workflow.jobs).filter(([, j]) => isObj(j)),
  ) as Record<string, Obj>;

  checkRequiredStages(add, tier, Object.keys(jobs));
  checkWorkflowPermissions(add, workflow);
  checkStaticKeyVariables(add, workflow.env, 'env');
  for (const [jobId, job] of Object.entries(jobs)) checkJob(add, jobId, job);
  checkProductionProtection(add, tier, jobs);
  return violations;
}
