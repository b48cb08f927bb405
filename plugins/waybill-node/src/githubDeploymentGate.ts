import { Config } from '@backstage/config';

/**
 * Where Waybill's GitHub App is configured: the App that GitHub environments call as a custom
 * deployment protection rule (scorecards-backend serves its webhook; the golden-pipeline
 * templates enable it on the environments of the repositories they create).
 */
export const GITHUB_DEPLOYMENT_GATE_CONFIG = 'scorecards.enforcement.github';

/**
 * The id of Waybill's GitHub App (`scorecards.enforcement.github.appId`), which GitHub also
 * calls its integration id; undefined when no App is configured. Anything but a positive whole
 * number fails, naming the setting.
 */
export function readGithubDeploymentGateAppId(
  config: Config,
): number | undefined {
  const key = `${GITHUB_DEPLOYMENT_GATE_CONFIG}.appId`;
  const value = config.getOptional<string | number>(key);
  if (value === undefined) return undefined;
  const appId = Number(value);
  if (!Number.isSafeInteger(appId) || appId < 1) {
    throw new Error(
      `${key} must be the GitHub App's id, a whole number; got ${value}`,
    );
  }
  return appId;
}
