/**
 * Scaffolder actions for Waybill's golden pipelines: render a governed CI/CD pipeline from a
 * typed model, check pipelines against the policy, and write the catalog annotations.
 */
export { scaffolderModuleGoldenPipelines as default } from './module';
export { createGeneratePipelineAction } from './actions/generatePipeline';
export { createValidatePipelineAction } from './actions/validatePipeline';
export { createAnnotateCatalogAction } from './actions/annotateCatalog';
export {
  createCheckRepositoryAction,
  repositoryProblems,
  CHECK_REPOSITORY_ACTION_ID,
} from './actions/checkRepository';
export * from './pipeline/model';
export * from './pipeline/stages';
export { planPipeline } from './pipeline/plan';
export type {
  PipelinePlan,
  PlanJob,
  PlanStep,
  PlanValue,
} from './pipeline/plan';
export { generatePipeline } from './pipeline/generate';
export {
  validatePipelineFile,
  formatViolations,
} from './policy/validatePipeline';
export { validateGithubWorkflow } from './policy/validateGithubActions';
export { validateGitlabCi } from './policy/validateGitlabCi';
export { POLICY_RULES } from './policy/rules';
export type { PolicyRule, PolicyViolation } from './policy/rules';
export { PINNED_ACTIONS } from './render/pinnedActions';
export {
  annotateCatalogInfo,
  validateCatalogEntity,
} from './catalog/annotateCatalogInfo';
