import { Tier } from '@waybill/plugin-waybill-common';
import { CRITICAL_TENANTS_ENVIRONMENT } from '../pipeline/stages';
import { transitiveNeeds } from './graph';
import { AddViolation, Obj, isObj } from './pipelineYaml';

/** The jobs a job waits for directly, by id. */
export type NeedsOf = (id: string) => string[];

/** The environment a job deploys to: `environment:` as a name, or the name of its mapping. */
export function environmentOf(job: Obj): string | undefined {
  if (typeof job.environment === 'string') return job.environment;
  if (isObj(job.environment) && typeof job.environment.name === 'string') {
    return job.environment.name;
  }
  return undefined;
}

/** production-protection: the production approval waits, directly or not, for the evidence gate. */
export function checkApprovalAfterGate(
  add: AddViolation,
  approval: string,
  gate: string | undefined,
  needsOf: NeedsOf,
  where: string,
): void {
  if (gate && !transitiveNeeds(approval, needsOf).has(gate)) {
    add(
      'production-protection',
      where,
      `the production approval must come after the evidence gate (${gate})`,
    );
  }
}

/** production-protection: a job that deploys to production waits for the production approval. */
export function checkWaitsForApproval(
  add: AddViolation,
  id: string,
  approval: string | undefined,
  needsOf: NeedsOf,
  where: string,
): void {
  if (!approval || !transitiveNeeds(id, needsOf).has(approval)) {
    add(
      'production-protection',
      where,
      `job ${id} reaches production without waiting for the production approval job`,
    );
  }
}

/**
 * production-protection: a critical service releases its critical tenants in a job of their own
 * protected environment, so they need a second approval.
 */
export function checkCriticalTenantsApproval(
  add: AddViolation,
  tier: Tier,
  jobs: Obj[],
): void {
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
