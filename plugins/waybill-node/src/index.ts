/**
 * Backend-only building blocks shared by the Waybill plugins: who is calling a route (people,
 * pipelines identified by their repository, other services), the rules for what each may do,
 * and the `waybill-pipeline` external token type that establishes a CI job's repository.
 *
 * @packageDocumentation
 */

export * from './bodyParserErrors';
export * from './caller';
export * from './catalogReadAccess';
export * from './createWaybillBackendPlugin';
export * from './databaseUnavailable';
export * from './githubDeploymentGate';
export * from './gitlabDeploymentGate';
export * from './bestEffort';
export * from './pipelineTokenHandler';
export * from './router';
export * from './actions';
