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
} from './rules';
import { transitiveNeeds } from './graph';

import { Obj, isObj, parsePipelineYaml, violationsOf } from './pipelineYaml';

/** The ID token the golden pipeline script calls Waybill with (audience `waybill`). */
const WAYBILL_ID_TOKEN = 'WAYBILL_ID_TOKEN';

/** Top-level keys of .gitlab-ci.yml that are not jobs. */
const GLOBAL_KEYWORDS = new Set([
  'stages',
  'workflow',
  'variables',
  'default',
  'include',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
  'spec',
]);

/** Predefined variables whose value a merge request or commit author chooses. */
const UNTRUSTED_VARIABLES =
  /^\$\{?(CI_COMMIT_(?:MESSAGE|TITLE|DESCRIPTION|BRANCH|REF_NAME|REF_SLUG|TAG|TAG_MESSAGE|AUTHOR)|CI_MERGE_REQUEST_(?:TITLE|DESCRIPTION|SOURCE_BRANCH_NAME)|CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME)\b/;

/**
 * Occurrences of untrusted variables that the shell would split, glob or execute: outside
 * double quotes, or anywhere on a line that evaluates text as code.
 */
export function unsafeVariableUses(line: string): string[] {
  const found: string[] = [];
  const evaluates = /(?:^|[;&|\s])(?:eval|sh\s+-c|bash\s+-c)\s/.test(line);
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && quote !== "'") {
      i++;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = undefined;
      continue;
    }
    if (c === '"') {
      quote = quote === '"' ? undefined : '"';
      continue;
    }
    if (c === "'" && !quote) {
      quote = "'";
      continue;
    }
    if (c === '$') {
      const m = UNTRUSTED_VARIABLES.exec(line.slice(i));
      if (m && (!quote || evaluates)) found.push(m[1]);
    }
  }
  return found;
}

function scriptsOf(job: Obj): string[] {
  const out: string[] = [];
  for (const key of ['before_script', 'script', 'after_script']) {
    const v = job[key];
    if (typeof v === 'string') out.push(v);
    if (Array.isArray(v)) {
      for (const item of v.flat(Infinity)) {
        if (typeof item === 'string') out.push(item);
      }
    }
  }
  return out;
}

function imageName(image: unknown): string | undefined {
  if (typeof image === 'string') return image;
  if (isObj(image) && typeof image.name === 'string') return image.name;
  return undefined;
}

/** A container image pinned by digest or by an explicit version tag (not `latest`). */
function imagePinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop()! : '';
  return /\d/.test(tag) && !/latest/.test(tag);
}

/** Checks a GitLab CI pipeline against the golden-pipeline policy. */
export function validateGitlabCi(
  content: string,
  file: string,
  tier: Tier,
): PolicyViolation[] {
  const { violations, add } = violationsOf(file);
  const pipeline = parsePipelineYaml(content, add);
  if (pipeline === undefined) return violations;
  if (!isObj(pipeline)) {
    add(
      'syntax',
      '(root)',
      'not a GitLab CI pipeline: the file is not a mapping',
    );
    return violations;
  }
  const jobs = Object.fromEntries(
    Object.entries(pipeline).filter(
      ([k, v]) => !GLOBAL_KEYWORDS.has(k) && !k.startsWith('.') && isObj(v),
    ),
  ) as Record<string, Obj>;
  const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];
  for (const [id, job] of Object.entries(jobs)) {
    if (typeof job.stage === 'string' && !stages.includes(job.stage)) {
      add(
        'syntax',
        `${id}.stage`,
        `job ${id} is in stage "${job.stage}", which stages: does not list`,
      );
    }
    if (!('script' in job) && !('trigger' in job)) {
      add('syntax', id, `job ${id} has no script:`);
    }
  }

  const jobStages = new Set(
    Object.values(jobs).map(j =>
      typeof j.stage === 'string' ? j.stage : 'test',
    ),
  );
  for (const stage of REQUIRED_STAGES[tier]) {
    if (!jobStages.has(stage)) {
      add(
        'required-stages',
        'stages',
        `tier ${tier} requires the stage "${stageTitle(
          stage,
        )}": add a job with stage: ${stage}`,
      );
    }
  }

  // pinned-actions: includes by commit, images by version
  const includes =
    pipeline.include === undefined ? [] : [pipeline.include].flat();
  includes.forEach((inc, i) => {
    const where = `include[${i}]`;
    if (
      typeof inc === 'string' ||
      (isObj(inc) && typeof inc.remote === 'string')
    ) {
      const target = typeof inc === 'string' ? inc : (inc.remote as string);
      if (/^https?:/.test(target)) {
        add(
          'pinned-actions',
          where,
          `remote include ${target} can change under the pipeline; include a project file pinned by commit (project + ref: <sha>)`,
        );
      }
    } else if (isObj(inc) && typeof inc.project === 'string') {
      if (typeof inc.ref !== 'string' || !/^[0-9a-f]{40}$/.test(inc.ref)) {
        add(
          'pinned-actions',
          `${where}.ref`,
          `include of ${inc.project} is not pinned by a full 40-character commit SHA (ref:)`,
        );
      }
    } else if (isObj(inc) && typeof inc.component === 'string') {
      if (!/@[0-9a-f]{40}$/.test(inc.component)) {
        add(
          'pinned-actions',
          `${where}.component`,
          `component ${inc.component} is not pinned by a full 40-character commit SHA`,
        );
      }
    }
  });
  const images: Array<[string, string | undefined]> = [
    ['image', imageName(pipeline.image)],
    [
      'default.image',
      isObj(pipeline.default) ? imageName(pipeline.default.image) : undefined,
    ],
    ...Object.entries(jobs).map(
      ([id, j]) =>
        [`${id}.image`, imageName(j.image)] as [string, string | undefined],
    ),
  ];
  for (const [where, image] of images) {
    if (image && !imagePinned(image)) {
      add(
        'pinned-actions',
        where,
        `image ${image} is not pinned to a version; use an explicit version tag or a digest`,
      );
    }
  }

  // oidc-only and least-privilege
  const checkVariables = (vars: unknown, where: string) => {
    if (!isObj(vars)) return;
    for (const key of Object.keys(vars)) {
      if (STATIC_CLOUD_KEY_VARIABLES.includes(key)) {
        add(
          'oidc-only',
          `${where}.${key}`,
          `${key} is a static cloud credential; use an ID token (id_tokens:) and OIDC federation instead`,
        );
      }
    }
  };
  checkVariables(pipeline.variables, 'variables');
  for (const [id, job] of Object.entries(jobs)) {
    checkVariables(job.variables, `${id}.variables`);
    const script = scriptsOf(job).join('\n');
    const tokens = isObj(job.id_tokens) ? job.id_tokens : {};
    for (const { pattern, what } of STATIC_KEY_COMMANDS) {
      if (pattern.test(script)) {
        add(
          'oidc-only',
          `${id}.script`,
          `${what} signs in with a static secret; use OIDC federation instead`,
        );
      }
    }
    const logins: Array<[string, RegExp, string]> = [
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
    for (const [cloud, pattern, audience] of logins) {
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
    scriptsOf(job).forEach(text =>
      text.split('\n').forEach(line => {
        for (const variable of unsafeVariableUses(line)) {
          add(
            'untrusted-input',
            `${id}.script`,
            `$${variable} is chosen by whoever pushes the commit or opens the merge request; it appears unquoted or evaluated in "${line.trim()}"; quote it ("$${variable}") and never eval it`,
          );
        }
      }),
    );
  }

  // production-protection
  const needsOf = (id: string): string[] => {
    const n = jobs[id]?.needs;
    if (!Array.isArray(n)) return [];
    return n
      .map(x => {
        if (typeof x === 'string') return x;
        return isObj(x) ? x.job : undefined;
      })
      .filter((x): x is string => typeof x === 'string');
  };
  const environmentOf = (job: Obj): string | undefined => {
    if (typeof job.environment === 'string') return job.environment;
    if (isObj(job.environment) && typeof job.environment.name === 'string') {
      return job.environment.name;
    }
    return undefined;
  };
  const manual = (job: Obj) =>
    job.when === 'manual' ||
    (Array.isArray(job.rules) &&
      job.rules.some(r => isObj(r) && r.when === 'manual'));
  const approval = Object.keys(jobs).find(
    id => jobs[id].stage === 'production-approval',
  );
  if (approval) {
    const job = jobs[approval];
    if (environmentOf(job) !== PRODUCTION_ENVIRONMENT) {
      add(
        'production-protection',
        `${approval}.environment`,
        `the production approval must run in the protected environment "${PRODUCTION_ENVIRONMENT}"`,
      );
    }
    if (!manual(job) || job.allow_failure !== false) {
      add(
        'production-protection',
        approval,
        'the production approval must be a manual job (when: manual) with allow_failure: false, so the pipeline waits for an approver',
      );
    }
    const gate = Object.keys(jobs).find(
      id => jobs[id].stage === 'evidence-gate',
    );
    if (gate && !transitiveNeeds(approval, needsOf).has(gate)) {
      add(
        'production-protection',
        `${approval}.needs`,
        `the production approval must come after the evidence gate (${gate})`,
      );
    }
  }
  for (const [id, job] of Object.entries(jobs)) {
    if (id === approval) continue;
    const env = environmentOf(job);
    const production =
      job.stage === 'tenant-rollout' ||
      (env !== undefined && /^prod/i.test(env)) ||
      (isObj(job.environment) &&
        job.environment.deployment_tier === 'production');
    if (!production) continue;
    if (!env || !/^production/.test(env)) {
      add(
        'production-protection',
        `${id}.environment`,
        `job ${id} deploys to production without a protected production environment`,
      );
    }
    if (!approval || !transitiveNeeds(id, needsOf).has(approval)) {
      add(
        'production-protection',
        `${id}.needs`,
        `job ${id} reaches production without waiting for the production approval job`,
      );
    }
    if (env === CRITICAL_TENANTS_ENVIRONMENT && !manual(job)) {
      add(
        'production-protection',
        id,
        `job ${id} releases critical tenants without a manual approval`,
      );
    }
  }
  if (
    tier === 'critical' &&
    !Object.values(jobs).some(
      j => environmentOf(j) === CRITICAL_TENANTS_ENVIRONMENT,
    )
  ) {
    add(
      'production-protection',
      'jobs',
      `critical services release their critical tenants only after a second approval: a wave job must use the environment "${CRITICAL_TENANTS_ENVIRONMENT}"`,
    );
  }
  return violations;
}
