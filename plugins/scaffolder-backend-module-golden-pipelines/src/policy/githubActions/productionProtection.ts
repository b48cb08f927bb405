import { Tier } from '@waybill/plugin-waybill-common';
import { PRODUCTION_ENVIRONMENT, StageId } from '../../pipeline/stages';
import { hasStage } from '../graph';
import { AddViolation, Obj } from '../pipelineYaml';
import {
  NeedsOf,
  checkApprovalAfterGate,
  checkCriticalTenantsApproval,
  checkWaitsForApproval,
  environmentOf,
} from '../productionProtection';

/** The first job named after a stage: the stage id itself or `<stage>-<suffix>`. */
function jobOfStage(jobIds: string[], stage: StageId): string | undefined {
  return jobIds.find(id => hasStage([id], stage));
}

/** True for a job that deploys to production, by its environment or its name. */
function deploysToProduction(id: string, env: string | undefined): boolean {
  return (
    (env !== undefined && /^prod/i.test(env)) ||
    id.startsWith('tenant-rollout') ||
    id.startsWith('deploy-production')
  );
}

/** The production approval runs in the protected environment, after the evidence gate. */
function checkApprovalJob(
  add: AddViolation,
  jobs: Record<string, Obj>,
  approval: string,
  needsOf: NeedsOf,
): void {
  const env = environmentOf(jobs[approval]);
  if (env !== PRODUCTION_ENVIRONMENT) {
    add(
      'production-protection',
      `jobs.${approval}.environment`,
      `the production approval must run in the protected environment "${PRODUCTION_ENVIRONMENT}" (required reviewers), not ${
        env ? `"${env}"` : 'without one'
      }`,
    );
  }
  const gate = jobOfStage(Object.keys(jobs), 'evidence-gate');
  checkApprovalAfterGate(
    add,
    approval,
    gate,
    needsOf,
    `jobs.${approval}.needs`,
  );
}

/**
 * production-protection: production is entered only through protected environments, after the
 * evidence gate and the production approval (and, for critical services, a second approval).
 */
export function checkProductionProtection(
  add: AddViolation,
  tier: Tier,
  jobs: Record<string, Obj>,
): void {
  const jobIds = Object.keys(jobs);
  const needsOf = (id: string): string[] => {
    const n = jobs[id]?.needs;
    if (typeof n === 'string') return [n];
    return Array.isArray(n)
      ? n.filter((x): x is string => typeof x === 'string')
      : [];
  };
  const approval = jobOfStage(jobIds, 'production-approval');
  if (approval) checkApprovalJob(add, jobs, approval, needsOf);
  for (const id of jobIds) {
    const env = environmentOf(jobs[id]);
    if (!deploysToProduction(id, env) || id === approval) continue;
    if (env === undefined || !/^production/.test(env)) {
      add(
        'production-protection',
        `jobs.${id}.environment`,
        `job ${id} deploys to production without a protected production environment (environment: production...)`,
      );
    }
    checkWaitsForApproval(add, id, approval, needsOf, `jobs.${id}.needs`);
  }
  checkCriticalTenantsApproval(add, tier, Object.values(jobs));
}
