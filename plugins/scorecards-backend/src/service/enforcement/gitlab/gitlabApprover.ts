import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import type {
  ScmDeployment,
  ScmDeploymentDecision,
} from '../DeploymentEnforcement';
import { approvalComment } from '../gateSummary';
import {
  GitlabApi,
  GitlabApiError,
  GitlabDeployment,
  GitlabDeploymentDetail,
} from './gitlabApi';

/** What Waybill's GitLab approver needs. */
export interface GitlabApproverOptions {
  api: GitlabApi;
  /** The full paths of the GitLab projects whose blocked deployments are reviewed. */
  projects(): Promise<string[]>;
  /** The gate. */
  decide(deployment: ScmDeployment): Promise<ScmDeploymentDecision>;
  /**
   * GitLab environments whose deployment jobs Waybill starts once every approval is in: GitLab
   * leaves an approved job waiting as a manual job, which suits a job a person starts but not an
   * automatic one (a staging deployment).
   */
  startAfterApproval: ReadonlySet<string>;
  logger: LoggerService;
  auditor: AuditorService;
}

/** One deployment Waybill reviewed. */
export interface GitlabReview {
  project: string;
  deploymentId: number;
  environment: string;
  sha: string;
  state: 'approved' | 'rejected';
  /** Whether Waybill started the approved job. */
  started: boolean;
}

/** What one pass over the projects did. */
export interface GitlabReviewPass {
  reviewed: GitlabReview[];
  /** Projects GitLab did not answer for (each logged with GitLab's answer). */
  unreadable: string[];
}

/**
 * Waybill as an approver of GitLab's deployment approvals (Premium). Each pass lists every
 * project's blocked deployments and reviews those of environments whose approval rules name
 * Waybill's user and that it has not reviewed yet: the gate decides, and the deployment is
 * approved or rejected with the gate's answer as the comment. GitLab fails a rejected job
 * (`deployment_rejected`); an approved job runs once every rule is satisfied, started by Waybill
 * in the environments of `startAfterApproval`. Whether Waybill reviewed a deployment is read
 * from GitLab's own approvals, so a pass on another replica or after a restart never reviews one
 * twice; a deployment GitLab would not take a review for is logged and left.
 */
export class GitlabApprover {
  #approver?: Promise<{ id: number; username: string }>;

  constructor(private readonly options: GitlabApproverOptions) {}

  /** One pass over every project. */
  async reviewBlockedDeployments(): Promise<GitlabReviewPass> {
    const { logger } = this.options;
    const me = await this.#me();
    const pass: GitlabReviewPass = { reviewed: [], unreadable: [] };
    for (const project of await this.options.projects()) {
      let blocked: GitlabDeployment[];
      try {
        blocked = await this.options.api.blockedDeployments(project);
      } catch (error) {
        if (!(error instanceof GitlabApiError)) throw error;
        logger.warn(`GitLab approvals: ${project}: ${error.message}`);
        pass.unreadable.push(project);
        continue;
      }
      for (const deployment of blocked) {
        try {
          const review = await this.#review(project, deployment, me.id);
          if (review) pass.reviewed.push(review);
        } catch (error) {
          if (!(error instanceof GitlabApiError)) throw error;
          logger.warn(
            `GitLab approvals: ${project} deployment ${deployment.id} (${deployment.environment.name}) left: ${error.message}`,
          );
        }
      }
    }
    return pass;
  }

  #me() {
    this.#approver ??= this.options.api.currentUser().catch(error => {
      this.#approver = undefined;
      throw error;
    });
    return this.#approver;
  }

  async #review(
    project: string,
    listed: GitlabDeployment,
    approverId: number,
  ): Promise<GitlabReview | undefined> {
    const { api } = this.options;
    const detail = await api.deployment(project, listed.id);
    if (detail.status !== 'blocked' || !awaitsReviewBy(detail, approverId)) {
      return undefined;
    }
    const environment = detail.environment.name;
    const gate: ScmDeployment = {
      provider: 'gitlab',
      repository: project,
      environment,
      sha: detail.sha,
      ref: detail.ref,
    };
    const event = await this.options.auditor.createEvent({
      eventId: 'gitlab-deployment-review',
      severityLevel: 'medium',
      meta: { project, deploymentId: detail.id, environment, sha: detail.sha },
    });
    try {
      const decision = await this.options.decide(gate);
      const state = decision.approve ? 'approved' : 'rejected';
      await api.review(project, detail.id, {
        status: state,
        comment: approvalComment(decision),
      });
      const started =
        state === 'approved' && this.options.startAfterApproval.has(environment)
          ? await this.#startIfApproved(project, detail.id)
          : false;
      await event.success({ meta: { state, started } });
      this.options.logger.info(
        `GitLab deployment ${detail.id} of ${project}@${
          detail.sha
        } to ${environment}: ${state}${started ? ', job started' : ''}`,
      );
      return {
        project,
        deploymentId: detail.id,
        environment,
        sha: detail.sha,
        state,
        started,
      };
    } catch (error) {
      await event.fail({
        error: isError(error) ? error : new Error(String(error)),
      });
      throw error;
    }
  }

  /** Plays the deployment's job when no approval is pending any more and it waits as a manual job. */
  async #startIfApproved(project: string, deploymentId: number) {
    const after = await this.options.api.deployment(project, deploymentId);
    if (
      after.pending_approval_count > 0 ||
      after.deployable?.status !== 'manual'
    ) {
      return false;
    }
    await this.options.api.playJob(project, after.deployable.id);
    return true;
  }
}

/**
 * Whether Waybill's user may review this deployment and has not: an approval rule names the
 * user (GitLab 15 and later say so in `approval_summary`; an older GitLab is asked, and says
 * no if not) and no approval of the user's is recorded on it.
 */
function awaitsReviewBy(
  deployment: GitlabDeploymentDetail,
  approverId: number,
): boolean {
  const rules = deployment.approval_summary?.rules;
  if (rules && !rules.some(rule => rule.user_id === approverId)) {
    return false;
  }
  const given = [
    ...deployment.approvals,
    ...(rules ?? []).flatMap(rule => rule.deployment_approvals ?? []),
  ];
  return !given.some(approval => approval.user.id === approverId);
}
