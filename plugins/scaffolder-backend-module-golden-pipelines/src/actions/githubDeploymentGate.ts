import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  GITHUB_DEPLOYMENT_GATE_CONFIG,
  readGithubDeploymentGateAppId,
} from '@waybill/plugin-waybill-node';
import { z as zod } from 'zod/v3';
import { parseActionInput, repoUrlInput } from './actionInput';
import { examples } from './githubDeploymentGate.examples';
import { createWaybillAction } from './waybillAction';

/** The id of the action that puts Waybill's gate on a repository's GitHub environments. */
export const GITHUB_DEPLOYMENT_GATE_ACTION_ID =
  'waybill:github:deployment-gate';

const inputSchema = zod
  .object({
    repoUrl: repoUrlInput(
      'The repository the task published, as the RepoUrlPicker wrote it: github.com?owner=meridian&repo=pricing-api',
    ),
    environments: zod
      .array(zod.string().regex(/^[\w.-]{1,255}$/, 'a GitHub environment name'))
      .min(1)
      .max(6)
      .describe(
        'The environments (created before, e.g. by github:environment:create) whose deployments the gate decides',
      ),
  })
  .strict();

/** A GitHub REST call as the integration's credentials make it; the answer, or an error naming GitHub's. */
async function githubRequest(
  url: string,
  init: { method: string; token: string; body?: object },
): Promise<any> {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${init.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    throw new InputError(
      `GitHub answered ${response.status} to ${
        init.method
      } ${url}: ${text.slice(0, 500)}`,
    );
  }
  return text ? JSON.parse(text) : undefined;
}

/**
 * Enables Waybill's GitHub App (`scorecards.enforcement.github.appId`) as a custom deployment
 * protection rule on the new repository's environments, so that GitHub itself holds every
 * workflow job deploying there until the release's gate approves it; the pipeline's own gate
 * job is then not the only guard. Environments that have the rule already are left as they are.
 * Without an App configured it stops, saying so: it does not leave the environments unguarded
 * quietly. Not run in a dry run.
 */
export function createGithubDeploymentGateAction(options: { config: Config }) {
  return createWaybillAction({
    id: GITHUB_DEPLOYMENT_GATE_ACTION_ID,
    description:
      "Enables Waybill's GitHub App as a custom deployment protection rule on a repository's environments: GitHub then waits for the release's gate before any job deploys there.",
    examples,
    supportsDryRun: false,
    input: inputSchema,
    output: z => ({
      environments: z
        .array(z.string())
        .describe("The environments Waybill's gate now protects"),
    }),
    async handler(ctx) {
      const { repoUrl, environments } = parseActionInput(
        inputSchema,
        ctx.input,
      );
      const appId = readGithubDeploymentGateAppId(options.config);
      if (appId === undefined) {
        throw new InputError(
          `Waybill's gate cannot protect ${environments.join(
            ', ',
          )}: no GitHub App is configured for it (${GITHUB_DEPLOYMENT_GATE_CONFIG}.appId; see the scorecards backend's README, "Gate enforcement")`,
        );
      }
      const integrations = ScmIntegrations.fromConfig(options.config);
      const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
      const integration = integrations.github.byHost(host);
      if (!integration || !owner) {
        throw new InputError(`repoUrl ${repoUrl} is not a GitHub repository`);
      }
      const { token } = await DefaultGithubCredentialsProvider.fromIntegrations(
        integrations,
      ).getCredentials({ url: `https://${host}/${owner}/${repo}` });
      if (!token) {
        throw new InputError(
          `The GitHub integration for ${host} has no credentials for ${owner}/${repo}`,
        );
      }
      const api = integration.config.apiBaseUrl ?? 'https://api.github.com';
      for (const environment of environments) {
        const rules = `${api}/repos/${owner}/${repo}/environments/${encodeURIComponent(
          environment,
        )}/deployment_protection_rules`;
        const existing = await githubRequest(rules, { method: 'GET', token });
        const enabled = (
          existing?.custom_deployment_protection_rules ?? []
        ).some((rule: { app?: { id?: number } }) => rule.app?.id === appId);
        if (!enabled) {
          await githubRequest(rules, {
            method: 'POST',
            token,
            body: { integration_id: appId },
          });
        }
        ctx.logger.info(
          `${owner}/${repo}: deployments to ${environment} wait for Waybill's gate (GitHub App ${appId})`,
        );
      }
      ctx.output('environments', environments);
    },
  });
}
