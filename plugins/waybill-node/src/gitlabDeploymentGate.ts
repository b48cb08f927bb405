import { Config } from '@backstage/config';

/**
 * Where Waybill's GitLab approver is configured: the GitLab user whose approval rule protects
 * the environments of GitLab projects (scorecards-backend reviews their blocked deployments; the
 * golden-pipeline templates add the rule to the environments of the projects they create).
 */
export const GITLAB_DEPLOYMENT_GATE_CONFIG = 'scorecards.enforcement.gitlab';

/** GitLab.com's REST API, the default `apiBaseUrl`. */
export const GITLAB_DEFAULT_API_BASE_URL = 'https://gitlab.com/api/v4';

/** The GitLab instance and the credentials of Waybill's approver user on it. */
export interface GitlabDeploymentGate {
  /** The REST API root, e.g. `https://gitlab.com/api/v4`, without a trailing slash. */
  apiBaseUrl: string;
  /** A personal, group or project access token of Waybill's approver user (scope `api`). */
  token: string;
  /**
   * The environments whose approved jobs Waybill starts (GitLab leaves an approved job waiting
   * as a manual job): those of automatic jobs. Waybill's user needs deploy access to them.
   */
  startAfterApproval: string[];
}

/**
 * Waybill's GitLab approver (`scorecards.enforcement.gitlab`); undefined when none is
 * configured. A section without a token, or with an API address that is not http(s), fails,
 * naming the setting.
 */
export function readGitlabDeploymentGate(
  config: Config,
): GitlabDeploymentGate | undefined {
  const section = config.getOptionalConfig(GITLAB_DEPLOYMENT_GATE_CONFIG);
  if (!section) return undefined;
  const apiBaseUrl = (
    section.getOptionalString('apiBaseUrl') ?? GITLAB_DEFAULT_API_BASE_URL
  ).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(apiBaseUrl)) {
    throw new Error(
      `${GITLAB_DEPLOYMENT_GATE_CONFIG}.apiBaseUrl must be an http(s) address such as ${GITLAB_DEFAULT_API_BASE_URL}; got ${apiBaseUrl}`,
    );
  }
  const token = section.getString('token');
  if (!token.trim()) {
    throw new Error(`${GITLAB_DEPLOYMENT_GATE_CONFIG}.token is empty`);
  }
  return {
    apiBaseUrl,
    token,
    startAfterApproval:
      section.getOptionalStringArray('startAfterApproval') ?? [],
  };
}
