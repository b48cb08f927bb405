import { AddViolation, Obj, isObj } from '../pipelineYaml';
import { checkStaticKeyVariables } from '../staticCredentials';
import { checkCloudLogin, checkStoredKeySecrets } from './credentials';
import { checkActionPinned } from './pinning';
import { checkStepScripts } from './scripts';

/** Where a step is, for violations: `jobs.<job>.steps[<index>] "<name>"`. */
function stepLabel(jobId: string, index: number, step: Obj): string {
  const name = typeof step.name === 'string' ? ` "${step.name}"` : '';
  return `jobs.${jobId}.steps[${index}]${name}`;
}

/** The action a step uses, or the empty string for a `run:` step. */
export function usesOf(step: Obj): string {
  return typeof step.uses === 'string' ? step.uses : '';
}

/**
 * Checks every step of a job: actions pinned, clouds reached through OIDC, no stored keys, no
 * untrusted input in scripts. True when a step signs in to a cloud.
 */
export function checkSteps(
  add: AddViolation,
  jobId: string,
  job: Obj,
): boolean {
  const steps = Array.isArray(job.steps) ? job.steps : [];
  let cloudLogin = false;
  steps.forEach((step, index) => {
    if (!isObj(step)) return;
    const label = stepLabel(jobId, index, step);
    const uses = usesOf(step);
    const withs = isObj(step.with) ? step.with : {};
    checkActionPinned(add, label, uses);
    if (checkCloudLogin(add, label, uses, withs)) cloudLogin = true;
    checkStaticKeyVariables(add, step.env, `${label}.env`);
    checkStoredKeySecrets(add, label, step);
    checkStepScripts(add, label, step, uses, withs);
  });
  return cloudLogin;
}
