import { callsWaybill } from '../../pipeline/scripts';
import { AddViolation, Obj, isObj } from '../pipelineYaml';
import {
  checkStaticKeyCommands,
  checkStaticKeyVariables,
} from '../staticCredentials';

/** The ID token the golden pipeline script calls Waybill with (audience `waybill`). */
const WAYBILL_ID_TOKEN = 'WAYBILL_ID_TOKEN';

/** How a script signs in to each cloud with an ID token, and the audience that token needs. */
const CLOUD_LOGINS: Array<[string, RegExp, string]> = [
  [
    'aws',
    /AWS_WEB_IDENTITY_TOKEN_FILE|assume-role-with-web-identity/,
    'sts.amazonaws.com',
  ],
  ['azure', /\baz\s+login\b/, 'api://AzureADTokenExchange'],
  [
    'gcp',
    /create-cred-config|gcloud\s+auth\s+login\s+--cred-file/,
    'iam.googleapis.com',
  ],
];

/** oidc-only: `variables:` hold no static cloud credential. */
export function checkVariablesForStaticKeys(
  add: AddViolation,
  vars: unknown,
  where: string,
): void {
  checkStaticKeyVariables(
    add,
    vars,
    where,
    'an ID token (id_tokens:) and OIDC federation',
  );
}

/** oidc-only: a job signing in to a cloud declares an ID token for the cloud's audience. */
function checkCloudLogins(
  add: AddViolation,
  id: string,
  script: string,
  tokens: Obj,
): void {
  for (const [cloud, pattern, audience] of CLOUD_LOGINS) {
    if (!pattern.test(script)) continue;
    const token = Object.values(tokens).find(
      t => isObj(t) && String(t.aud ?? '').includes(audience),
    );
    if (!token) {
      add(
        'oidc-only',
        `${id}.id_tokens`,
        `job ${id} signs in to ${cloud} but declares no ID token for ${audience} (id_tokens:)`,
      );
    }
    if (cloud === 'azure' && !/--federated-token/.test(script)) {
      add(
        'oidc-only',
        `${id}.script`,
        `job ${id} signs in to Azure without --federated-token; use the federated credential of the job ID token`,
      );
    }
  }
}

/** least-privilege: a job requests only the ID tokens its script uses. */
function checkUnusedIdTokens(
  add: AddViolation,
  id: string,
  script: string,
  tokens: Obj,
): void {
  for (const name of Object.keys(tokens)) {
    const used =
      script.includes(name) ||
      (name === WAYBILL_ID_TOKEN && callsWaybill(script));
    if (!used) {
      add(
        'least-privilege',
        `${id}.id_tokens.${name}`,
        `job ${id} requests the ID token ${name} but never uses it; request tokens only in the jobs that need them`,
      );
    }
  }
}

/**
 * oidc-only and least-privilege for one job: no static keys in its variables or script, an ID
 * token for each cloud it signs in to, and no ID token it does not use.
 */
export function checkJobCredentials(
  add: AddViolation,
  id: string,
  job: Obj,
  script: string,
): void {
  checkVariablesForStaticKeys(add, job.variables, `${id}.variables`);
  const tokens = isObj(job.id_tokens) ? job.id_tokens : {};
  checkStaticKeyCommands(add, script, `${id}.script`);
  checkCloudLogins(add, id, script, tokens);
  checkUnusedIdTokens(add, id, script, tokens);
}
