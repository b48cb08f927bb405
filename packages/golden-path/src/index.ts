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
export * from './github/runner';
export * from './gitlab/gitlabCiLocal';
export * from './stubs/stubs';
export * from './oidcIssuer';
export * from './portal';
export * from './estate';
export * from './scaffold';
export * from './scenario';
export * from './harness';
export * from './pipelineRuns';
export * from './scm/gitHttpBackend';
export * from './scm/fakeGithub';
export * from './scm/fakeGitlab';
