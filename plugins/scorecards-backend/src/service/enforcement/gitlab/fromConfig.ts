import {
  AuditorService,
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Config, readDurationFromConfig } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GITLAB_DEPLOYMENT_GATE_CONFIG,
  PROJECT_SLUG_ANNOTATIONS,
  readGitlabDeploymentGate,
} from '@waybill/plugin-waybill-node';
import type {
  ScmDeployment,
  ScmDeploymentDecision,
} from '../DeploymentEnforcement';
import { GitlabApi } from './gitlabApi';
import { GitlabApprover } from './gitlabApprover';

/** The scheduled task's id: one pass runs at a time across replicas. */
export const GITLAB_APPROVALS_TASK_ID =
  'scorecards-gitlab-deployment-approvals';

const DEFAULT_POLL_INTERVAL = { seconds: 30 };

/**
 * Schedules Waybill's GitLab approver from `scorecards.enforcement.gitlab` (see README.md): a
 * pass over the blocked deployments of every catalog component's GitLab project
 * (`gitlab.com/project-slug`) each `pollInterval`, once across replicas. Nothing is scheduled
 * when the section is absent.
 */
export async function scheduleGitlabApprover(
  config: Config,
  deps: {
    decide(deployment: ScmDeployment): Promise<ScmDeploymentDecision>;
    catalog: CatalogService;
    auth: AuthService;
    scheduler: SchedulerService;
    logger: LoggerService;
    auditor: AuditorService;
  },
): Promise<GitlabApprover | undefined> {
  const gate = readGitlabDeploymentGate(config);
  if (!gate) return undefined;
  const section = config.getConfig(GITLAB_DEPLOYMENT_GATE_CONFIG);
  const annotation = PROJECT_SLUG_ANNOTATIONS.gitlab;
  const approver = new GitlabApprover({
    api: new GitlabApi(gate),
    decide: deps.decide,
    startAfterApproval: new Set(gate.startAfterApproval),
    logger: deps.logger,
    auditor: deps.auditor,
    async projects() {
      const { items } = await deps.catalog.getEntities(
        {
          filter: {
            kind: 'component',
            [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
          },
          fields: [`metadata.annotations.${annotation}`],
        },
        { credentials: await deps.auth.getOwnServiceCredentials() },
      );
      const slugs = items.map(e => e.metadata.annotations?.[annotation]);
      return [...new Set(slugs.filter((s): s is string => Boolean(s)))].sort();
    },
  });
  await deps.scheduler.scheduleTask({
    id: GITLAB_APPROVALS_TASK_ID,
    frequency: section.has('pollInterval')
      ? readDurationFromConfig(section, { key: 'pollInterval' })
      : DEFAULT_POLL_INTERVAL,
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
    fn: async () => {
      const pass = await approver.reviewBlockedDeployments();
      if (pass.reviewed.length > 0) {
        deps.logger.info(
          `GitLab approvals: reviewed ${pass.reviewed.length} blocked deployments`,
        );
      }
    },
  });
  return approver;
}
