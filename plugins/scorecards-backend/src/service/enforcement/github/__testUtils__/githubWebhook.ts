import { createHmac, randomUUID } from 'node:crypto';

/** The commit the example deployments deploy. */
export const EXAMPLE_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

/** The installation of the example App. */
export const EXAMPLE_INSTALLATION = 41952031;

/**
 * A `deployment_protection_rule` payload shaped as GitHub's documented example: by default a
 * push to `main` of octo-org/inventory deploying EXAMPLE_SHA to `production`.
 */
export function requestedPayload(
  callbackUrl: string,
  createdAt = '2025-06-02T09:58:12Z',
  deployment: {
    repository?: string;
    environment?: string;
    sha?: string;
    ref?: string;
  } = {},
) {
  const [login, name] = (deployment.repository ?? 'octo-org/inventory').split(
    '/',
  );
  const environment = deployment.environment ?? 'production';
  const owner = {
    login,
    id: 6811672,
    node_id: 'MDEyOk9yZ2FuaXphdGlvbjY4MTE2NzI=',
    type: 'Organization',
    site_admin: false,
  };
  const sender = {
    login: 'octocat',
    id: 583231,
    node_id: 'MDQ6VXNlcjU4MzIzMQ==',
    type: 'User',
    site_admin: false,
  };
  const repositoryUrl = `https://api.github.com/repos/${login}/${name}`;
  return {
    action: 'requested',
    environment,
    event: 'push',
    deployment_callback_url: callbackUrl,
    deployment: {
      url: `${repositoryUrl}/deployments/2196452861`,
      id: 2196452861,
      node_id: 'DE_kwDOKsHg984AgzPl',
      task: 'deploy',
      original_environment: environment,
      environment,
      description: null,
      created_at: createdAt,
      updated_at: createdAt,
      statuses_url: `${repositoryUrl}/deployments/2196452861/statuses`,
      repository_url: repositoryUrl,
      creator: sender,
      sha: deployment.sha ?? EXAMPLE_SHA,
      ref: deployment.ref ?? 'main',
      payload: {},
      transient_environment: false,
      production_environment: environment === 'production',
      performed_via_github_app: null,
    },
    pull_requests: [],
    repository: {
      id: 717381583,
      node_id: 'R_kgDOKsHgzw',
      name,
      full_name: `${login}/${name}`,
      private: true,
      owner,
      html_url: `https://github.com/${login}/${name}`,
      default_branch: 'main',
    },
    organization: { login, id: 6811672, node_id: owner.node_id },
    sender,
    installation: {
      id: EXAMPLE_INSTALLATION,
      node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDE5NTIwMzE=',
    },
  };
}

/** One webhook delivery, as a test sends it. */
export interface Delivery {
  event?: string;
  body: object | string;
  deliveryId?: string;
  /** The webhook secret it is signed with. */
  secret: string;
  /** The App's id, in GitHub's hook headers. */
  appId: string;
  signed?: boolean;
  /** Changes the body after it was signed. */
  tamper?: (raw: string) => string;
}

/** Sends a delivery the way GitHub does: the raw body, signed with the webhook secret. */
export async function deliverGithubWebhook(
  endpoint: string,
  delivery: Delivery,
): Promise<{ status: number; body: any }> {
  const raw =
    typeof delivery.body === 'string'
      ? delivery.body
      : JSON.stringify(delivery.body);
  const secret = delivery.secret;
  const hmac = (algorithm: string) =>
    createHmac(algorithm, secret).update(raw).digest('hex');
  const headers: Record<string, string> = {
    accept: '*/*',
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/f6c8b4e',
    'x-github-event': delivery.event ?? 'deployment_protection_rule',
    'x-github-hook-id': '447638117',
    'x-github-hook-installation-target-id': delivery.appId,
    'x-github-hook-installation-target-type': 'integration',
  };
  if (delivery.deliveryId !== '') {
    headers['x-github-delivery'] = delivery.deliveryId ?? randomUUID();
  }
  if (delivery.signed !== false) {
    headers['x-hub-signature'] = `sha1=${hmac('sha1')}`;
    headers['x-hub-signature-256'] = `sha256=${hmac('sha256')}`;
  }
  const response = await fetch(endpoint, {
    method: 'POST',
    headers,
    body: delivery.tamper ? delivery.tamper(raw) : raw,
  });
  return { status: response.status, body: await response.json() };
}
