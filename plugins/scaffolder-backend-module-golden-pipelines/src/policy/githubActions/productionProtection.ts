import { Tier } from '@waybill/plugin-waybill-common';
import { hasStage } from '../graph';
import { AddViolation, Obj } from '../pipelineYaml';
import { checkProductionPipeline } from '../productionProtection';

/** True for a job that deploys to production, by its environment or its name. */
function deploysToProduction(id: string, env: string | undefined): boolean {
  return (
    (env !== undefined && /^prod/i.test(env)) ||
    id.startsWith('tenant-rollout') ||
    id.startsWith('deploy-production')
  );
}

/**
 * production-protection: production is entered only through protected environments, after the
 * evidence gate and the production approval (and, for critical services, a second approval).
 * A job belongs to a stage by its id (the stage id itself or `<stage>-<suffix>`); the
 * environments' required reviewers are the approval.
 */
export function checkProductionProtection(
  add: AddViolation,
  tier: Tier,
  jobs: Record<string, Obj>,
): void {
  const jobIds = Object.keys(jobs);
  checkProductionPipeline(add, tier, {
    jobs,
    needsOf: id => {
      const n = jobs[id]?.needs;
      if (typeof n === 'string') return [n];
      return Array.isArray(n)
        ? n.filter((x): x is string => typeof x === 'string')
        : [];
    },
    jobOfStage: stage => jobIds.find(id => hasStage([id], stage)),
    at: (id, key) => `jobs.${id}.${key}`,
    deploysToProduction: (id, _job, env) => deploysToProduction(id, env),
    approvalEnvironmentHint: env =>
      ` (required reviewers), not ${env ? `"${env}"` : 'without one'}`,
    productionEnvironmentHint: ' (environment: production...)',
  });
}
