import { stringify } from 'yaml';
import { GENERATED_YAML } from './yamlStyle';
import { PipelinePlan } from '../pipeline/plan';
import { generatedHeader } from './generatedHeader';
import { ON_MAIN, renderJob } from './gitlabCi/jobs';
import { expandMatrices } from './gitlabCi/matrix';
import { pipelineVariables } from './gitlabCi/values';

/** Where the GitLab CI pipeline of a golden pipeline is written. */
export const GITLAB_CI_PATH = '.gitlab-ci.yml';

/** The pipeline script's `waybill_token` on GitLab CI: the job's ID token for audience `waybill`. */
export const GITLAB_WAYBILL_TOKEN = `waybill_token() { printf '%s' "$WAYBILL_ID_TOKEN"; }`;

/** Renders the plan as a GitLab CI pipeline: same stages, gates, approvals and OIDC. */
export function renderGitlabCi(plan: PipelinePlan): {
  path: string;
  content: string;
} {
  const pipeline: Record<string, unknown> = {
    stages: plan.stages,
    variables: pipelineVariables(plan.env),
    workflow: {
      rules: [
        { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
        { if: ON_MAIN },
      ],
    },
  };
  for (const job of expandMatrices(plan.jobs)) {
    pipeline[job.id] = renderJob(job, plan);
  }
  return {
    path: GITLAB_CI_PATH,
    content: generatedHeader(plan) + stringify(pipeline, GENERATED_YAML),
  };
}
