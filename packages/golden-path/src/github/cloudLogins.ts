import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ActionContext, ActionEmulation, input } from './actionContext';

/** The job's OIDC token for `audience`, fetched as the cloud login actions do. */
async function idToken(ctx: ActionContext, audience: string): Promise<string> {
  const url = ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const token = ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !token) {
    throw new Error(
      `${ctx.action}: unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable; the job needs "permissions: id-token: write" for OIDC`,
    );
  }
  const response = await fetch(
    `${url}&audience=${encodeURIComponent(audience)}`,
    {
      headers: { authorization: `bearer ${token}` },
    },
  );
  if (!response.ok) {
    throw new Error(
      `${ctx.action}: the ID token request answered ${response.status}`,
    );
  }
  const { value } = (await response.json()) as { value: string };
  return value;
}

/**
 * The three cloud logins: each fetches the job's ID token for its audience (and fails without
 * `id-token: write`, as they do) unless given static credentials, and leaves the environment
 * the cloud's CLI reads.
 */
export const CLOUD_LOGIN_ACTIONS: Record<string, ActionEmulation> = {
  'aws-actions/configure-aws-credentials': async ctx => {
    if (!input(ctx, 'role-to-assume') || !input(ctx, 'aws-region')) {
      throw new Error(
        'aws-actions/configure-aws-credentials: Input required and not supplied: role-to-assume and aws-region',
      );
    }
    if (!input(ctx, 'aws-access-key-id')) {
      await idToken(ctx, input(ctx, 'audience', 'sts.amazonaws.com'));
    }
    return {
      outputs: { 'aws-account-id': '123456789012' },
      env: {
        AWS_REGION: input(ctx, 'aws-region'),
        AWS_DEFAULT_REGION: input(ctx, 'aws-region'),
        AWS_ACCESS_KEY_ID: 'ASIAGOLDENPATH',
        AWS_SECRET_ACCESS_KEY: 'golden-path',
        AWS_SESSION_TOKEN: 'golden-path',
      },
    };
  },
  'azure/login': async ctx => {
    for (const name of ['client-id', 'tenant-id']) {
      if (!input(ctx, name) && !input(ctx, 'creds')) {
        throw new Error(`azure/login: ${name} is required for OIDC login`);
      }
    }
    if (!input(ctx, 'creds')) {
      await idToken(ctx, input(ctx, 'audience', 'api://AzureADTokenExchange'));
    }
  },
  'google-github-actions/auth': async ctx => {
    const provider = input(ctx, 'workload_identity_provider');
    if (!provider && !input(ctx, 'credentials_json')) {
      throw new Error(
        'google-github-actions/auth: one of workload_identity_provider or credentials_json is required',
      );
    }
    if (provider) {
      await idToken(
        ctx,
        input(ctx, 'audience', `https://iam.googleapis.com/${provider}`),
      );
    }
    // As the action does: a credentials file in the workspace, named by the environment.
    const file = path.join(
      ctx.workspace,
      `gha-creds-${createHash('sha256')
        .update(provider)
        .digest('hex')
        .slice(0, 16)}.json`,
    );
    fs.writeFileSync(
      file,
      JSON.stringify({ type: 'external_account', audience: provider }),
    );
    return {
      outputs: { credentials_file_path: file, auth_token: 'ya29.golden-path' },
      env: {
        GOOGLE_APPLICATION_CREDENTIALS: file,
        CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: file,
        CLOUDSDK_PROJECT: input(ctx, 'project_id'),
      },
    };
  },
};
