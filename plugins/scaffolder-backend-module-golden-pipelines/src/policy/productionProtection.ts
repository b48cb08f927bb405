import { Tier } from '@waybill/plugin-waybill-common';
import {
  CRITICAL_TENANTS_ENVIRONMENT,
  PRODUCTION_ENVIRONMENT,
  StageId,
} from '../pipeline/stages';
import { transitiveNeeds } from './graph';
import { AddViolation, Obj, isObj } from './pipelineYaml';

/** The jobs a job waits for directly, by id. */
export type NeedsOf = (id: string) => string[];

/**
 * A pipeline's jobs as production-protection reads them; what differs between GitHub Actions and
 * GitLab CI (how jobs name their stage and their needs, which of them deploy to production,
 * where a job's keys are in the file) is the provider's.
 */
export interface ProductionPipeline {
  jobs: Record<string, Obj>;
  needsOf: NeedsOf;
  /** The job of a stage (the production approval, the evidence gate), if there is one. */
  jobOfStage(stage: StageId): string | undefined;
  /** Where a key of a job is in the file: `jobs.<id>.<key>` on GitHub, `<id>.<key>` on GitLab. */
  at(id: string, key: string): string;
  /** True for a job that deploys to production. */
  deploysToProduction(id: string, job: Obj, env: string | undefined): boolean;
  /** What the message of an approval outside the protected environment adds, if anything. */
  approvalEnvironmentHint(env: string | undefined): string;
  /** What the message of a production job outside a protected environment adds, if anything. */
  productionEnvironmentHint: string;
  /** The provider's own checks of the approval job (GitLab: a manual job). */
  checkApproval?(add: AddViolation, id: string, job: Obj): void;
  /** The provider's own checks of a job that deploys to production. */
  checkProductionJob?(
    add: AddViolation,
    id: string,
    job: Obj,
    env: string | undefined,
  ): void;
}

/** The environment a job deploys to: `environment:` as a name, or the name of its mapping. */
function environmentOf(job: Obj): string | undefined {
  if (typeof job.environment === 'string') return job.environment;
  if (isObj(job.environment) && typeof job.environment.name === 'string') {
    return job.environment.name;
  }
  return undefined;
}

/** The production approval runs in the protected environment, after the evidence gate. */
function checkApprovalJob(
  add: AddViolation,
  pipeline: ProductionPipeline,
  approval: string,
): void {
  const job = pipeline.jobs[approval];
  const env = environmentOf(job);
  if (env !== PRODUCTION_ENVIRONMENT) {
    add(
      'production-protection',
      pipeline.at(approval, 'environment'),
      `the production approval must run in the protected environment "${PRODUCTION_ENVIRONMENT}"${pipeline.approvalEnvironmentHint(
        env,
      )}`,
    );
  }
  pipeline.checkApproval?.(add, approval, job);
  const gate = pipeline.jobOfStage('evidence-gate');
  if (gate && !transitiveNeeds(approval, pipeline.needsOf).has(gate)) {
    add(
      'production-protection',
      pipeline.at(approval, 'needs'),
      `the production approval must come after the evidence gate (${gate})`,
    );
  }
}

/** A job that deploys to production runs in a protected environment, after the approval. */
function checkProductionJob(
  add: AddViolation,
  pipeline: ProductionPipeline,
  id: string,
  approval: string | undefined,
): void {
  const job = pipeline.jobs[id];
  const env = environmentOf(job);
  if (!pipeline.deploysToProduction(id, job, env)) return;
  if (env === undefined || !/^production/.test(env)) {
    add(
      'production-protection',
      pipeline.at(id, 'environment'),
      `job ${id} deploys to production without a protected production environment${pipeline.productionEnvironmentHint}`,
    );
  }
  if (!approval || !transitiveNeeds(id, pipeline.needsOf).has(approval)) {
    add(
      'production-protection',
      pipeline.at(id, 'needs'),
      `job ${id} reaches production without waiting for the production approval job`,
    );
  }
  pipeline.checkProductionJob?.(add, id, job, env);
}

/**
 * production-protection: production is entered only through protected environments, after the
 * evidence gate and the production approval; a critical service releases its critical tenants
 * in a job of their own protected environment, so they need a second approval.
 */
export function checkProductionPipeline(
  add: AddViolation,
  tier: Tier,
  pipeline: ProductionPipeline,
): void {
  const approval = pipeline.jobOfStage('production-approval');
  if (approval) checkApprovalJob(add, pipeline, approval);
  for (const id of Object.keys(pipeline.jobs)) {
    if (id !== approval) checkProductionJob(add, pipeline, id, approval);
  }
  const jobs = Object.values(pipeline.jobs);
  if (
    tier === 'critical' &&
    !jobs.some(job => environmentOf(job) === CRITICAL_TENANTS_ENVIRONMENT)
  ) {
    add(
      'production-protection',
      'jobs',
      `critical services release their critical tenants only after a second approval: a wave job must use the environment "${CRITICAL_TENANTS_ENVIRONMENT}"`,
    );
  }
}
