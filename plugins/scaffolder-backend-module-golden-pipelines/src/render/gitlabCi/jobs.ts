import { PipelinePlan, PlanJob } from '../../pipeline/plan';
import { artifactsOf } from './artifacts';
import { idTokensOf } from './idTokens';
import { imageFor } from './images';
import { scriptLines } from './scripts';

/** The rule of a pipeline for the default branch. */
export const ON_MAIN = '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH';

/**
 * The jobs a job needs: those of the plan, and the producers of the reports it loads. A need
 * brings the job's artifacts (reports, dotenv outputs) by default.
 */
function needsOf(job: PlanJob, plan: PipelinePlan): string[] {
  const needs = [...job.needs];
  const loads = job.steps.flatMap(s =>
    s.type === 'load-reports' ? s.reports.map(r => r.name) : [],
  );
  for (const name of loads) {
    const producer = plan.jobs.find(p =>
      p.steps.some(s => s.type === 'save-reports' && s.name === name),
    );
    if (producer && !job.needs.includes(producer.id)) {
      needs.push(producer.id);
    }
  }
  return needs;
}

/** One job of the plan (a matrix leg already expanded) as a GitLab CI job. */
export function renderJob(
  job: PlanJob,
  plan: PipelinePlan,
): Record<string, unknown> {
  const { image, services } = imageFor(job);
  const j: Record<string, unknown> = { stage: job.stage, image };
  if (services) {
    j.services = services;
    j.variables = { DOCKER_TLS_CERTDIR: '/certs' };
  }
  j.needs = needsOf(job, plan);
  if (job.when === 'main') j.rules = [{ if: ON_MAIN }];
  if (job.environment) {
    j.environment = {
      name: job.environment.name,
      deployment_tier: job.environment.production ? 'production' : 'staging',
    };
    if (job.environment.approval) {
      // A manual job in a protected environment: only its approvers can start it.
      j.rules = [{ if: ON_MAIN, when: 'manual' }];
      j.allow_failure = false;
    }
  }
  const idTokens = idTokensOf(job);
  if (Object.keys(idTokens).length) j.id_tokens = idTokens;
  j.script = scriptLines(job);
  const artifacts = artifactsOf(job);
  if (artifacts) j.artifacts = artifacts;
  j.timeout = `${job.timeoutMinutes}m`;
  return j;
}
