import { callsWaybill } from '../pipeline/scripts';
import { Tier } from '@waybill/plugin-waybill-common';
import {
  CRITICAL_TENANTS_ENVIRONMENT,
  PRODUCTION_ENVIRONMENT,
  REQUIRED_STAGES,
  stageTitle,
} from '../pipeline/stages';
import {
  PolicyViolation,
  STATIC_CLOUD_KEY_VARIABLES,
  STATIC_KEY_COMMANDS,
  STATIC_KEY_NAME,
} from './rules';
import { hasStage, transitiveNeeds } from './graph';

import { Obj, isObj, parsePipelineYaml, violationsOf } from './pipelineYaml';
/** Expressions whose value someone outside the team can choose (see GitHub's hardening guide). */
const UNTRUSTED_EXPRESSION =
  /\bgithub\.event\.[\w.*[\]'"-]*?\b(?:title|body|message|name|email|label|ref|head_branch|default_branch|page_name|display_title)\b|\bgithub\.head_ref\b|\bgithub\.event\.inputs\.|(?<![\w.])inputs\./;

const PINNED_USES =
  /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const DOCKER_BY_DIGEST = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;

const ACTION = {
  aws: 'aws-actions/configure-aws-credentials@',
  azure: 'azure/login@',
  gcp: 'google-github-actions/auth@',
};

function stepLabel(jobId: string, index: number, step: Obj): string {
  const name = typeof step.name === 'string' ? ` "${step.name}"` : '';
  return `jobs.${jobId}.steps[${index}]${name}`;
}

function usesOf(step: Obj): string {
  return typeof step.uses === 'string' ? step.uses : '';
}

/** What a job does that justifies a write scope of its token. */
function justifiedWrites(job: Obj): Set<string> {
  const steps = Array.isArray(job.steps) ? job.steps.filter(isObj) : [];
  const uses = steps.map(usesOf);
  const runs = steps.map(s => (typeof s.run === 'string' ? s.run : ''));
  const need = new Set<string>();
  if (
    uses.some(
      u =>
        Object.values(ACTION).some(a => u.startsWith(a)) ||
        u.startsWith('sigstore/cosign-installer@') ||
        u.startsWith('actions/attest-build-provenance@'),
    ) ||
    runs.some(
      r =>
        /ACTIONS_ID_TOKEN_REQUEST_URL|\bcosign\s+(?:sign|attest)\b/.test(r) ||
        callsWaybill(r),
    )
  ) {
    need.add('id-token');
  }
  if (uses.some(u => u.startsWith('github/codeql-action/'))) {
    need.add('security-events');
  }
  if (
    uses.some(
      u =>
        u.startsWith('docker/login-action@') ||
        u.startsWith('docker/build-push-action@') ||
        u.startsWith('actions/attest-build-provenance@'),
    ) ||
    runs.some(r => /\bdocker\s+push\b|\bcosign\s+(?:sign|attest)\b/.test(r))
  ) {
    need.add('packages');
  }
  if (uses.some(u => u.startsWith('actions/attest-build-provenance@'))) {
    need.add('attestations');
  }
  return need;
}

function writeScopes(permissions: unknown): string[] | 'write-all' {
  if (permissions === 'write-all') return 'write-all';
  if (!isObj(permissions)) return [];
  return Object.entries(permissions)
    .filter(([, v]) => v === 'write')
    .map(([k]) => k);
}

function envKeys(env: unknown): string[] {
  return isObj(env) ? Object.keys(env) : [];
}

/**
 * Checks a GitHub Actions workflow against the golden-pipeline policy and returns every
 * violation, each with the rule, where it is and what to change.
 */
export function validateGithubWorkflow(
  content: string,
  file: string,
  tier: Tier,
): PolicyViolation[] {
  const { violations, add } = violationsOf(file);
  const workflow = parsePipelineYaml(content, add);
  if (workflow === undefined) return violations;
  if (!isObj(workflow) || !isObj(workflow.jobs)) {
    add(
      'syntax',
      '(root)',
      'not a GitHub Actions workflow: it has no jobs: mapping',
    );
    return violations;
  }
  const jobs = Object.fromEntries(
    Object.entries(workflow.jobs).filter(([, j]) => isObj(j)),
  ) as Record<string, Obj>;
  const jobIds = Object.keys(jobs);

  // required-stages
  for (const stage of REQUIRED_STAGES[tier]) {
    if (!hasStage(jobIds, stage)) {
      add(
        'required-stages',
        'jobs',
        `tier ${tier} requires the stage "${stageTitle(
          stage,
        )}": add a job named "${stage}" or "${stage}-<suffix>"`,
      );
    }
  }

  // least-privilege: the default for every job
  if (!('permissions' in workflow)) {
    add(
      'least-privilege',
      'permissions',
      'the workflow has no top-level permissions:, so jobs get the repository default token scopes; set permissions: {} and grant scopes per job',
    );
  } else {
    const top = writeScopes(workflow.permissions);
    if (top === 'write-all') {
      add(
        'least-privilege',
        'permissions',
        'permissions: write-all grants every scope to every job; set permissions: {} and grant scopes per job',
      );
    } else {
      for (const scope of top) {
        add(
          'least-privilege',
          `permissions.${scope}`,
          `${scope}: write is granted to every job at the top level; grant it only in the jobs that need it`,
        );
      }
    }
  }
  for (const key of envKeys(workflow.env)) {
    if (STATIC_CLOUD_KEY_VARIABLES.includes(key)) {
      add(
        'oidc-only',
        `env.${key}`,
        `${key} is a static cloud credential; use OIDC federation instead`,
      );
    }
  }

  for (const [jobId, job] of Object.entries(jobs)) {
    const where = `jobs.${jobId}`;
    // pinned-actions: reusable workflows
    if (typeof job.uses === 'string' && !job.uses.startsWith('./')) {
      if (!PINNED_USES.test(job.uses)) {
        add(
          'pinned-actions',
          `${where}.uses`,
          `reusable workflow ${job.uses} is not pinned by a full 40-character commit SHA`,
        );
      }
    }
    // least-privilege per job
    const writes = writeScopes(job.permissions);
    if (writes === 'write-all') {
      add(
        'least-privilege',
        `${where}.permissions`,
        `job ${jobId} grants write-all; list only the scopes it needs`,
      );
    } else {
      const justified = justifiedWrites(job);
      for (const scope of writes) {
        if (!justified.has(scope)) {
          add(
            'least-privilege',
            `${where}.permissions.${scope}`,
            `job ${jobId} grants ${scope}: write, which none of its steps needs; remove it or lower it to read`,
          );
        }
      }
    }
    for (const key of envKeys(job.env)) {
      if (STATIC_CLOUD_KEY_VARIABLES.includes(key)) {
        add(
          'oidc-only',
          `${where}.env.${key}`,
          `${key} is a static cloud credential; use OIDC federation instead`,
        );
      }
    }

    const steps = Array.isArray(job.steps) ? job.steps : [];
    let cloudLogin = false;
    steps.forEach((raw, index) => {
      if (!isObj(raw)) return;
      const step = raw;
      const label = stepLabel(jobId, index, step);
      const uses = usesOf(step);
      const withs = isObj(step.with) ? step.with : {};

      if (uses && !uses.startsWith('./')) {
        if (uses.startsWith('docker://')) {
          if (!DOCKER_BY_DIGEST.test(uses)) {
            add(
              'pinned-actions',
              `${label}.uses`,
              `${uses} is a container by tag; pin it by digest (docker://image@sha256:...)`,
            );
          }
        } else if (!PINNED_USES.test(uses)) {
          add(
            'pinned-actions',
            `${label}.uses`,
            `${uses} is not pinned by a full 40-character commit SHA; use ${
              uses.split('@')[0]
            }@<commit sha> # <version>`,
          );
        }
      }

      // oidc-only
      if (uses.startsWith(ACTION.aws)) {
        cloudLogin = true;
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
      if (uses.startsWith(ACTION.azure)) {
        cloudLogin = true;
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
      if (uses.startsWith(ACTION.gcp)) {
        cloudLogin = true;
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
      for (const key of envKeys(step.env)) {
        if (STATIC_CLOUD_KEY_VARIABLES.includes(key)) {
          add(
            'oidc-only',
            `${label}.env.${key}`,
            `${key} is a static cloud credential; use OIDC federation instead`,
          );
        }
      }
      const values = JSON.stringify({ with: step.with, env: step.env });
      const secret = /secrets\.([A-Za-z0-9_]+)/g;
      for (const m of values.matchAll(secret)) {
        if (STATIC_KEY_NAME.test(m[1])) {
          add(
            'oidc-only',
            label,
            `secrets.${m[1]} looks like a stored cloud key; use OIDC federation instead`,
          );
        }
      }

      // untrusted-input: scripts, and github-script's inline script
      const scripts: Array<[string, string]> = [];
      if (typeof step.run === 'string') scripts.push(['run', step.run]);
      if (
        uses.startsWith('actions/github-script@') &&
        typeof withs.script === 'string'
      ) {
        scripts.push(['with.script', withs.script]);
      }
      for (const [field, text] of scripts) {
        for (const { pattern, what } of STATIC_KEY_COMMANDS) {
          if (pattern.test(text)) {
            add(
              'oidc-only',
              `${label}.${field}`,
              `${what} signs in with a static secret; use OIDC federation instead`,
            );
          }
        }
        for (const m of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
          const expr = m[1].trim();
          if (UNTRUSTED_EXPRESSION.test(expr)) {
            add(
              'untrusted-input',
              `${label}.${field}`,
              `\${{ ${expr} }} is interpolated into the script, so whoever controls it can inject shell code; pass it through env: and quote the variable ("$VALUE")`,
            );
          }
        }
      }
    });
    if (
      cloudLogin &&
      !(isObj(job.permissions) && job.permissions['id-token'] === 'write')
    ) {
      add(
        'oidc-only',
        `${where}.permissions`,
        `job ${jobId} signs in to a cloud through OIDC but does not grant id-token: write`,
      );
    }
  }

  // production-protection
  const needsOf = (id: string): string[] => {
    const n = jobs[id]?.needs;
    if (typeof n === 'string') return [n];
    return Array.isArray(n)
      ? n.filter((x): x is string => typeof x === 'string')
      : [];
  };
  const environmentOf = (job: Obj): string | undefined => {
    if (typeof job.environment === 'string') return job.environment;
    if (isObj(job.environment) && typeof job.environment.name === 'string') {
      return job.environment.name;
    }
    return undefined;
  };
  const approval = jobIds.find(
    id => id === 'production-approval' || id.startsWith('production-approval-'),
  );
  if (approval) {
    const env = environmentOf(jobs[approval]);
    if (env !== PRODUCTION_ENVIRONMENT) {
      add(
        'production-protection',
        `jobs.${approval}.environment`,
        `the production approval must run in the protected environment "${PRODUCTION_ENVIRONMENT}" (required reviewers), not ${
          env ? `"${env}"` : 'without one'
        }`,
      );
    }
    const gate = jobIds.find(
      id => id === 'evidence-gate' || id.startsWith('evidence-gate-'),
    );
    if (gate && !transitiveNeeds(approval, needsOf).has(gate)) {
      add(
        'production-protection',
        `jobs.${approval}.needs`,
        `the production approval must come after the evidence gate (${gate})`,
      );
    }
  }
  for (const id of jobIds) {
    const env = environmentOf(jobs[id]);
    const deploysToProduction =
      (env !== undefined && /^prod/i.test(env)) ||
      id.startsWith('tenant-rollout') ||
      id.startsWith('deploy-production');
    if (!deploysToProduction || id === approval) continue;
    if (env === undefined || !/^production/.test(env)) {
      add(
        'production-protection',
        `jobs.${id}.environment`,
        `job ${id} deploys to production without a protected production environment (environment: production...)`,
      );
    }
    if (!approval || !transitiveNeeds(id, needsOf).has(approval)) {
      add(
        'production-protection',
        `jobs.${id}.needs`,
        `job ${id} reaches production without waiting for the production approval job`,
      );
    }
  }
  if (
    tier === 'critical' &&
    !jobIds.some(id => environmentOf(jobs[id]) === CRITICAL_TENANTS_ENVIRONMENT)
  ) {
    add(
      'production-protection',
      'jobs',
      `critical services release their critical tenants only after a second approval: a wave job must use the environment "${CRITICAL_TENANTS_ENVIRONMENT}"`,
    );
  }
  return violations;
}
