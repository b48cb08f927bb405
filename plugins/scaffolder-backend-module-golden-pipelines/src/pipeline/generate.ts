import { PipelineModel } from './model';
import { planPipeline, PipelinePlan } from './plan';
import { renderPipelineScript } from './scripts';
import {
  GITHUB_WAYBILL_TOKEN,
  renderGithubActions,
} from '../render/githubActions';
import { GITLAB_WAYBILL_TOKEN, renderGitlabCi } from '../render/gitlabCi';
import { renderRolloutStrategy } from '../render/rolloutStrategy';
import { repositoryFiles } from '../repository/repositoryFiles';

/** A file of a generated pipeline, relative to the repository root. */
export type GeneratedFile = { path: string; content: string };

/**
 * Plans a pipeline and renders its files for the model's CI provider: the pipeline, the script
 * its steps run, the rollout strategy tenant rollouts plans from, and the repository tooling
 * (package.json and lockfile, lint, tests, the smoke, contract, business and rollback scripts)
 * the pipeline's steps call.
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
      ...repositoryFiles(model),
    ],
  };
}
