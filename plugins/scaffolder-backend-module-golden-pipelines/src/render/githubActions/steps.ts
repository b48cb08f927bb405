import { PlanJob, RunStep } from '../../pipeline/plan';
import { Step, uses } from './actionSteps';
import { cloudLoginSteps } from './cloudLoginSteps';
import { envExpressions } from './expressions';
import { loadReportsSteps, saveReportsSteps } from './reportSteps';
import { dependencyScanSteps, sastSteps } from './scanSteps';
import { imageBuildSteps, signSteps } from './supplyChainSteps';

/**
 * A script step; one with outputs gets an id (`step-<n>`) and writes them to `$GITHUB_OUTPUT`
 * through `$PIPELINE_OUTPUT`.
 */
function runStep(
  step: RunStep,
  index: number,
  outputSteps: Map<string, string>,
): Step {
  const s: Step = { name: step.name };
  if (step.outputs?.length) {
    const id = `step-${index + 1}`;
    s.id = id;
    for (const o of step.outputs) outputSteps.set(o, id);
  }
  const e = envExpressions(step.env);
  if (e) s.env = e;
  s.run = step.outputs?.length
    ? `export PIPELINE_OUTPUT="$GITHUB_OUTPUT"\n${step.script}`
    : step.script;
  return s;
}

/**
 * The steps of a job as GitHub Actions steps. Records, for each job output, the id of the step
 * that writes it in `outputSteps`.
 */
export function renderSteps(
  job: PlanJob,
  outputSteps: Map<string, string>,
): Step[] {
  return job.steps.flatMap((step, index): Step[] => {
    switch (step.type) {
      case 'checkout':
        return [uses('checkout', { with: { 'persist-credentials': false } })];
      case 'setup-node':
        return [
          uses('setupNode', {
            with: { 'node-version-file': '.nvmrc', cache: 'npm' },
          }),
        ];
      case 'run':
        return [runStep(step, index, outputSteps)];
      case 'cloud-login':
        return cloudLoginSteps(job, step.clouds);
      case 'setup-terraform':
        return [
          uses('setupTerraform', {
            with: { terraform_version: '1.12.2', terraform_wrapper: false },
          }),
        ];
      case 'sast':
        return sastSteps();
      case 'dependency-scan':
        return dependencyScanSteps();
      case 'image-build':
        return imageBuildSteps(step, outputSteps);
      case 'sign':
        return signSteps(step);
      case 'save-reports':
        return saveReportsSteps(step);
      case 'load-reports':
        return loadReportsSteps(step);
      default:
        throw new Error('unknown plan step');
    }
  });
}
