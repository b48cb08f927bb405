import { AddViolation, Obj, isObj } from '../pipelineYaml';
import { STATIC_KEY_NAME } from '../rules';

/** The sign-in action of each cloud, as the prefix of its `uses:`. */
export const CLOUD_LOGIN_ACTIONS = {
  aws: 'aws-actions/configure-aws-credentials@',
  azure: 'azure/login@',
  gcp: 'google-github-actions/auth@',
};

type LoginCheck = (add: AddViolation, label: string, withs: Obj) => void;

function checkAwsLogin(add: AddViolation, label: string, withs: Obj): void {
  if (!withs['role-to-assume']) {
    add(
      'oidc-only',
      `${label}.with`,
      'AWS access must assume a role through OIDC: set role-to-assume',
    );
  }
  for (const key of [
    'aws-access-key-id',
    'aws-secret-access-key',
    'aws-session-token',
  ]) {
    if (key in withs) {
      add(
        'oidc-only',
        `${label}.with.${key}`,
        `${key} is a static AWS key; remove it and assume a role with role-to-assume (OIDC)`,
      );
    }
  }
}

function checkAzureLogin(add: AddViolation, label: string, withs: Obj): void {
  if ('creds' in withs || 'client-secret' in withs) {
    add(
      'oidc-only',
      `${label}.with`,
      'azure/login with creds (a client secret) is a static key; use client-id, tenant-id and subscription-id with a federated credential',
    );
  } else if (!withs['client-id'] || !withs['tenant-id']) {
    add(
      'oidc-only',
      `${label}.with`,
      'azure/login needs client-id and tenant-id of an app with a federated credential',
    );
  }
}

function checkGcpLogin(add: AddViolation, label: string, withs: Obj): void {
  if ('credentials_json' in withs) {
    add(
      'oidc-only',
      `${label}.with.credentials_json`,
      'credentials_json is a service account key; use workload_identity_provider (workload identity federation)',
    );
  } else if (!withs.workload_identity_provider) {
    add(
      'oidc-only',
      `${label}.with`,
      'google-github-actions/auth needs workload_identity_provider (workload identity federation)',
    );
  }
}

const LOGIN_CHECKS: Array<[string, LoginCheck]> = [
  [CLOUD_LOGIN_ACTIONS.aws, checkAwsLogin],
  [CLOUD_LOGIN_ACTIONS.azure, checkAzureLogin],
  [CLOUD_LOGIN_ACTIONS.gcp, checkGcpLogin],
];

/**
 * oidc-only: a step signing in to a cloud does so through OIDC federation, never with a stored
 * key. True when the step is a cloud sign-in.
 */
export function checkCloudLogin(
  add: AddViolation,
  label: string,
  uses: string,
  withs: Obj,
): boolean {
  let cloudLogin = false;
  for (const [action, check] of LOGIN_CHECKS) {
    if (uses.startsWith(action)) {
      cloudLogin = true;
      check(add, label, withs);
    }
  }
  return cloudLogin;
}

/** oidc-only: a step's `with:` and `env:` read no secret whose name says it is a cloud key. */
export function checkStoredKeySecrets(
  add: AddViolation,
  label: string,
  step: Obj,
): void {
  const values = JSON.stringify({ with: step.with, env: step.env });
  for (const m of values.matchAll(/secrets\.([A-Za-z0-9_]+)/g)) {
    if (STATIC_KEY_NAME.test(m[1])) {
      add(
        'oidc-only',
        label,
        `secrets.${m[1]} looks like a stored cloud key; use OIDC federation instead`,
      );
    }
  }
}

/** oidc-only: a job that signs in to a cloud through OIDC is granted its ID token. */
export function checkIdTokenGranted(
  add: AddViolation,
  jobId: string,
  job: Obj,
): void {
  if (!(isObj(job.permissions) && job.permissions['id-token'] === 'write')) {
    add(
      'oidc-only',
      `jobs.${jobId}.permissions`,
      `job ${jobId} signs in to a cloud through OIDC but does not grant id-token: write`,
    );
  }
}
