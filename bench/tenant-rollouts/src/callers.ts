import { mockCredentials } from '@backstage/backend-test-utils';
import { RELEASED_REPOSITORY } from './tenants';

/*
 * Who calls the plugin in the benchmark, as the current design has it (docs/architecture.md,
 * "Pipeline → rollout"; plugins/waybill-node/README.md, "Who is calling"): a release manager
 * creates, reads and acts on rollouts (the setup's overrides are people's decisions), and the
 * released service's own pipeline reports its tenants' statuses.
 */

/** The person who creates, reads and acts on the rollouts. */
export const RELEASE_MANAGER = 'user:default/release-manager';

/**
 * The principal of the released service's GitHub Actions pipeline, as the `waybill-pipeline`
 * token handler of `@waybill/plugin-waybill-node` names it from the job's OIDC ID token
 * (`pipelineSubject('github', repository)`). The plugin lets it report statuses of rollouts of
 * the released service only because the service's catalog entry names that repository
 * (`github.com/project-slug`, see `generateEntities`): it reads the entity from the catalog on
 * every report, as it does for a real pipeline.
 */
export const PIPELINE_PRINCIPAL = `pipeline:github:${RELEASED_REPOSITORY}`;

/** The `authorization` headers of the two callers: who reads and acts, and who reports statuses. */
export interface ApiCredentials {
  /** A release manager: creates, reads and acts on rollouts. */
  user: string;
  /** Who reports tenant statuses: the release's pipeline, or deployment tooling in a portal. */
  reporter: string;
}

/**
 * In the test backends (mock auth, as bench/dependency-map and bench/scorecards call theirs):
 * the release manager, and the pipeline principal the `waybill-pipeline` handler would name, as
 * the plugin's own route tests give a pipeline its identity. The mock auth service cannot verify
 * a CI provider's ID token; in a real portal the handler does (app-config.production.yaml).
 */
export const MOCK_CREDENTIALS: ApiCredentials = {
  user: mockCredentials.user.header(RELEASE_MANAGER),
  reporter: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(PIPELINE_PRINCIPAL),
    targetPluginId: 'tenant-rollouts',
  }),
};
