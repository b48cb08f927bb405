/**
 * Runs the golden pipelines Waybill's scaffolder generates, for real: a GitHub Actions job
 * runner on GitHub's own workflow parser and expression engine, GitLab CI through
 * gitlab-ci-local, recording stubs for the commands that reach a cloud or a cluster, a loopback
 * OIDC issuer, the real Waybill backend, and the scaffolding and catalog around them.
 *
 * @packageDocumentation
 */

export * from './github/workflow';
export * from './github/expressions';
export * from './github/artifacts';
export * from './github/actions';
export type {
  ActionContext,
  ActionEmulation,
  ActionResult,
} from './github/actionContext';
export * from './github/runner';
export type {
  Conclusion,
  GithubRunOptions,
  JobRun,
  LegRun,
  StepRun,
  UsesCall,
} from './github/runTypes';
export { machineNetworkEnv } from './github/contexts';
export { parseFileCommands } from './github/fileCommands';
export { expandMatrix } from './github/matrix';
export * from './gitlab/gitlabCiLocal';
export * from './stubs/stubs';
export * from './oidcIssuer';
export * from './portal';
export * from './estate';
export * from './scaffold';
export * from './scenario';
export * from './harness';
export * from './pipelineEstate';
export * from './pipelineRuns';
export * from './pipelineReports';
export * from './releaseExpectations';
export * from './scm/gitHttpBackend';
export * from './scm/fakeGithub';
export type { RecordedRequest } from './scm/fakeApi';
export * from './scm/fakeGitlab';
export type {
  GitlabGroups,
  GitlabUser,
  GitlabVisibility,
} from './scm/gitlabProjects';
