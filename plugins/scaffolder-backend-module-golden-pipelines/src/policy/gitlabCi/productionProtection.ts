import { Tier } from '@waybill/plugin-waybill-common';
import { CRITICAL_TENANTS_ENVIRONMENT } from '../../pipeline/stages';
import { AddViolation, Obj, isObj } from '../pipelineYaml';
import { checkProductionPipeline } from '../productionProtection';

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

/** The production approval is a manual job that the pipeline waits for. */
function checkManualApproval(add: AddViolation, id: string, job: Obj): void {
  if (!manual(job) || job.allow_failure !== false) {
    add(
      'production-protection',
      id,
      'the production approval must be a manual job (when: manual) with allow_failure: false, so the pipeline waits for an approver',
    );
  }
}

/** The critical tenants are released by a person: the second approval. */
function checkManualCriticalTenants(
  add: AddViolation,
  id: string,
  job: Obj,
  env: string | undefined,
): void {
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
 * evidence gate and a manual approval (and, for critical services, a second one). A job belongs
 * to a stage by its `stage:`; its `needs:` name jobs or `{ job }` mappings.
 */
export function checkProductionProtection(
  add: AddViolation,
  tier: Tier,
  jobs: Record<string, Obj>,
): void {
  checkProductionPipeline(add, tier, {
    jobs,
    needsOf: id => {
      const n = jobs[id]?.needs;
      if (!Array.isArray(n)) return [];
      return n
        .map(x => {
          if (typeof x === 'string') return x;
          return isObj(x) ? x.job : undefined;
        })
        .filter((x): x is string => typeof x === 'string');
    },
    jobOfStage: stage => Object.keys(jobs).find(id => jobs[id].stage === stage),
    at: (id, key) => `${id}.${key}`,
    deploysToProduction: (_id, job, env) => deploysToProduction(job, env),
    approvalEnvironmentHint: () => '',
    productionEnvironmentHint: '',
    checkApproval: checkManualApproval,
    checkProductionJob: checkManualCriticalTenants,
  });
}
