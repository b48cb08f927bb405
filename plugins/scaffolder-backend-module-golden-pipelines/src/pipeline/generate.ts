import { PipelineModel } from './model';
import { planPipeline, PipelinePlan } from './plan';
import { renderPipelineScript } from './scripts';
import {
  GITHUB_WAYBILL_TOKEN,
  renderGithubActions,
} from '../render/githubActions';
import { GITLAB_WAYBILL_TOKEN, renderGitlabCi } from '../render/gitlabCi';
import { renderRolloutStrategy } from '../render/rolloutStrategy';

/** A file of a generated pipeline, relative to the repository root. */
export type GeneratedFile = { path: string; content: string };

/**
 * Plans a pipeline and renders its files for the model's CI provider: the pipeline, the script
 * its steps run, and the rollout strategy tenant rollouts plans from.
 */
export function generatePipeline(model: PipelineModel): {
  plan: PipelinePlan;
  files: GeneratedFile[];
} {
  const plan = planPipeline(model);
  const gitlab = model.ciProvider === 'gitlab-ci';
  return {
    plan,
    files: [
      gitlab ? renderGitlabCi(plan) : renderGithubActions(plan),
      renderPipelineScript(
        model,
        gitlab ? GITLAB_WAYBILL_TOKEN : GITHUB_WAYBILL_TOKEN,
      ),
      renderRolloutStrategy(plan),
    ],
  };
}
