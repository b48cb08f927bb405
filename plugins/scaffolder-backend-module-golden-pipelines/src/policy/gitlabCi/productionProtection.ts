import { Tier } from '@waybill/plugin-waybill-common';
import {
  CRITICAL_TENANTS_ENVIRONMENT,
  PRODUCTION_ENVIRONMENT,
} from '../../pipeline/stages';
import { AddViolation, Obj, isObj } from '../pipelineYaml';
import {
  NeedsOf,
  checkApprovalAfterGate,
  checkCriticalTenantsApproval,
  checkWaitsForApproval,
  environmentOf,
} from '../productionProtection';

/** True for a job only a person can start: `when: manual`, itself or in one of its rules. */
function manual(job: Obj): boolean {
  return (
    job.when === 'manual' ||
    (Array.isArray(job.rules) &&
      job.rules.some(r => isObj(r) && r.when === 'manual'))
  );
}

/** True for a job that deploys to production, by its stage or its environment. */
function deploysToProduction(job: Obj, env: string | undefined): boolean {
  return (
    job.stage === 'tenant-rollout' ||
    (env !== undefined && /^prod/i.test(env)) ||
    (isObj(job.environment) && job.environment.deployment_tier === 'production')
  );
}

/**
 * The production approval is a manual job in the protected environment that the pipeline waits
 * for, after the evidence gate.
 */
function checkApprovalJob(
  add: AddViolation,
  jobs: Record<string, Obj>,
  approval: string,
  needsOf: NeedsOf,
): void {
  const job = jobs[approval];
  if (environmentOf(job) !== PRODUCTION_ENVIRONMENT) {
    add(
      'production-protection',
      `${approval}.environment`,
      `the production approval must run in the protected environment "${PRODUCTION_ENVIRONMENT}"`,
    );
  }
  if (!manual(job) || job.allow_failure !== false) {
    add(
      'production-protection',
      approval,
      'the production approval must be a manual job (when: manual) with allow_failure: false, so the pipeline waits for an approver',
    );
  }
  const gate = Object.keys(jobs).find(id => jobs[id].stage === 'evidence-gate');
  checkApprovalAfterGate(add, approval, gate, needsOf, `${approval}.needs`);
}

/** A production job runs in a protected environment, after the approval; critical tenants manually. */
function checkProductionJob(
  add: AddViolation,
  id: string,
  job: Obj,
  approval: string | undefined,
  needsOf: NeedsOf,
): void {
  const env = environmentOf(job);
  if (!deploysToProduction(job, env)) return;
  if (!env || !/^production/.test(env)) {
    add(
      'production-protection',
      `${id}.environment`,
      `job ${id} deploys to production without a protected production environment`,
    );
  }
  checkWaitsForApproval(add, id, approval, needsOf, `${id}.needs`);
  if (env === CRITICAL_TENANTS_ENVIRONMENT && !manual(job)) {
    add(
      'production-protection',
      id,
      `job ${id} releases critical tenants without a manual approval`,
    );
  }
}

/**
 * production-protection: production is entered only through protected environments, after the
 * evidence gate and a manual approval (and, for critical services, a second one).
 */
export function checkProductionProtection(
  add: AddViolation,
  tier: Tier,
  jobs: Record<string, Obj>,
): void {
  const needsOf = (id: string): string[] => {
    const n = jobs[id]?.needs;
    if (!Array.isArray(n)) return [];
    return n
      .map(x => {
        if (typeof x === 'string') return x;
        return isObj(x) ? x.job : undefined;
      })
      .filter((x): x is string => typeof x === 'string');
  };
  const approval = Object.keys(jobs).find(
    id => jobs[id].stage === 'production-approval',
  );
  if (approval) checkApprovalJob(add, jobs, approval, needsOf);
  for (const [id, job] of Object.entries(jobs)) {
    if (id !== approval) checkProductionJob(add, id, job, approval, needsOf);
  }
  checkCriticalTenantsApproval(add, tier, Object.values(jobs));
}
