import { PlanJob } from '../../pipeline/plan';
import { ON_MAIN } from './expressions';
import { renderSteps } from './steps';

/** The job's token scopes: it reads the repository and writes only what the plan grants it. */
function permissions(job: PlanJob): Record<string, string> {
  const p: Record<string, string> = { contents: 'read' };
  for (const scope of job.permissions) p[scope] = 'write';
  // CodeQL reads the workflow run to attribute its results.
  if (job.permissions.includes('security-events')) p.actions = 'read';
  return p;
}

/** One job of the plan as a GitHub Actions job. */
export function renderJob(job: PlanJob): Record<string, unknown> {
  const outputSteps = new Map<string, string>();
  const steps = renderSteps(job, outputSteps);
  const j: Record<string, unknown> = {
    name: job.matrix ? `${job.title} (\${{ matrix.cloud }})` : job.title,
  };
  if (job.needs.length) j.needs = job.needs;
  if (job.when === 'main') j.if = ON_MAIN;
  j['runs-on'] = 'ubuntu-24.04';
  j['timeout-minutes'] = job.timeoutMinutes;
  if (job.matrix) {
    // Clouds deploy side by side; one cloud failing does not cancel the others.
    j.strategy = { matrix: { cloud: job.matrix.clouds }, 'fail-fast': false };
  }
  if (job.environment) j.environment = { name: job.environment.name };
  j.permissions = permissions(job);
  if (job.outputs.length) {
    j.outputs = Object.fromEntries(
      job.outputs.map(o => [
        o,
        `\${{ steps.${outputSteps.get(o)}.outputs.${o} }}`,
      ]),
    );
  }
  j.steps = steps;
  return j;
}
