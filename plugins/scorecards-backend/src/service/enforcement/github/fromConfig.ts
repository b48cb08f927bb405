import express from 'express';
import { Config } from '@backstage/config';
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
  const github = config.getOptionalConfig('scorecards.enforcement.github');
  if (!github) return undefined;
  return createGithubProtectionRuleRouter({
    ...options,
    webhookSecret: github.getString('webhookSecret'),
    app: new GithubApp({
      appId: String(github.get<string | number>('appId')),
      privateKey: github.getString('privateKey'),
      apiBaseUrl: github.getOptionalString('apiBaseUrl'),
    }),
  });
}
