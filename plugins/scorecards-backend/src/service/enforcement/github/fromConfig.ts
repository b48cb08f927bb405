import express from 'express';
import { Config } from '@backstage/config';
import {
  GITHUB_DEPLOYMENT_GATE_CONFIG,
  readGithubDeploymentGateAppId,
} from '@waybill/plugin-waybill-node';
import { GithubApp } from './githubApp';
import {
  createGithubProtectionRuleRouter,
  GithubProtectionRuleOptions,
} from './protectionRuleRouter';

/**
 * The protection rule's router from `scorecards.enforcement.github` (see README.md), or
 * undefined when that section is absent: then GitHub's deliveries find no route (404).
 */
export function githubProtectionRuleFromConfig(
  config: Config,
  options: Omit<GithubProtectionRuleOptions, 'webhookSecret' | 'app'>,
): express.Router | undefined {
  const github = config.getOptionalConfig(GITHUB_DEPLOYMENT_GATE_CONFIG);
  if (!github) return undefined;
  const appId = readGithubDeploymentGateAppId(config);
  if (appId === undefined) {
    throw new Error(`${GITHUB_DEPLOYMENT_GATE_CONFIG}.appId is missing`);
  }
  return createGithubProtectionRuleRouter({
    ...options,
    webhookSecret: github.getString('webhookSecret'),
    app: new GithubApp({
      appId,
      privateKey: github.getString('privateKey'),
      apiBaseUrl: github.getOptionalString('apiBaseUrl'),
    }),
  });
}
