import { PipelineModel } from './model';
import { planPipeline, PipelinePlan } from './plan';
import { renderGithubActions } from '../render/githubActions';
import { renderGitlabCi } from '../render/gitlabCi';
import { renderRolloutStrategy } from '../render/rolloutStrategy';

/** A file of a generated pipeline, relative to the repository root. */
export type GeneratedFile = { path: string; content: string };

/** Plans a pipeline and renders its files for the model's CI provider. */
export function generatePipeline(model: PipelineModel): {
  plan: PipelinePlan;
  files: GeneratedFile[];
} {
  const plan = planPipeline(model);
  const pipeline =
    model.ciProvider === 'gitlab-ci'
      ? renderGitlabCi(plan)
      : renderGithubActions(plan);
  return { plan, files: [pipeline, renderRolloutStrategy(plan)] };
}
