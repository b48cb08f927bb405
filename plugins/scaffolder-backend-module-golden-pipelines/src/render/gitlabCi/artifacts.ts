import { PlanJob } from '../../pipeline/plan';

/**
 * What a job keeps for 30 days: its reports (also when it fails; JUnit files as test reports)
 * and its outputs as a dotenv report. Undefined for a job that keeps nothing.
 */
export function artifactsOf(job: PlanJob): Record<string, unknown> | undefined {
  const paths = job.steps.flatMap(s =>
    s.type === 'save-reports' ? s.paths : [],
  );
  const dotenv = job.outputs.length > 0;
  if (!paths.length && !dotenv) return undefined;
  const artifacts: Record<string, unknown> = { expire_in: '30 days' };
  if (paths.length) {
    artifacts.when = 'always';
    artifacts.paths = paths;
  }
  if (
    job.steps.some(
      s => s.type === 'save-reports' && /junit/.test(s.paths.join()),
    )
  ) {
    artifacts.reports = {
      // A directory of reports stands for the JUnit files in it.
      junit: paths
        .map(p => (p.endsWith('/') ? `${p}*.xml` : p))
        .filter(p => p.endsWith('.xml')),
    };
  }
  if (dotenv) {
    artifacts.reports = {
      ...((artifacts.reports as object) ?? {}),
      dotenv: 'outputs.env',
    };
  }
  return artifacts;
}
