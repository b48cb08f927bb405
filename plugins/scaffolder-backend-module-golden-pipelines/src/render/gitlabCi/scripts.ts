import { PlanJob, PlanStep, RunStep } from '../../pipeline/plan';
import { cloudLoginScript } from './cloudLoginScripts';
import { DOTENV_FROM_OUTPUTS } from './outputs';
import { imageBuildScript, signScript } from './supplyChainScripts';
import { shellValue } from './values';

/**
 * A script step: its environment exported, then its script; one with outputs writes them to
 * outputs.raw and turns them into the job's dotenv report.
 */
function runLines(step: RunStep): string[] {
  const exports = Object.entries(step.env ?? {}).map(
    ([k, v]) => `export ${k}=${shellValue(v)}`,
  );
  if (step.outputs?.length) {
    exports.push('export PIPELINE_OUTPUT=outputs.raw');
  }
  const lines = [`# ${step.name}\n${[...exports, step.script].join('\n')}`];
  if (step.outputs?.length) lines.push(DOTENV_FROM_OUTPUTS);
  return lines;
}

/**
 * The script lines of one step. Checkout and toolchains come with the job's image, reports with
 * its artifacts and needs, so those steps have none.
 */
function stepLines(step: PlanStep): string[] {
  switch (step.type) {
    case 'checkout':
    case 'setup-node':
    case 'setup-terraform':
    case 'save-reports':
    case 'load-reports':
      return [];
    case 'run':
      return runLines(step);
    case 'cloud-login':
      return step.clouds.map(cloudLoginScript);
    case 'sast':
      return [
        'mkdir -p reports/sast\nsemgrep scan --config p/typescript --config p/secrets --sarif --output reports/sast/semgrep.sarif',
      ];
    case 'dependency-scan':
      return [
        'trivy sbom --format cyclonedx --output reports/dependencies.cdx.json reports/sbom.cdx.json',
      ];
    case 'image-build':
      return [imageBuildScript(step)];
    case 'sign':
      return [signScript(step)];
    default:
      throw new Error('unknown plan step');
  }
}

/** The `script:` of a job: the lines of its steps, in order. */
export function scriptLines(job: PlanJob): string[] {
  const lines: string[] = [];
  // The node image lacks the curl and jq the pipeline script calls Waybill with.
  if (
    job.steps.some(s => s.type === 'setup-node') &&
    job.steps.some(s => s.type === 'run' && s.waybill)
  ) {
    lines.push(
      'apt-get update -qq && apt-get install -y -qq --no-install-recommends curl jq ca-certificates',
    );
  }
  for (const step of job.steps) lines.push(...stepLines(step));
  return lines;
}
