import { stringify } from 'yaml';
import { GENERATED_YAML } from './yamlStyle';
import { Cloud } from '../pipeline/model';
import { PipelinePlan, PlanJob, PlanStep, PlanValue } from '../pipeline/plan';
import { verifySupplyChain } from '../pipeline/scripts';
import { GITLAB_IMAGES } from './pinnedActions';

/** Where the GitLab CI pipeline of a golden pipeline is written. */
export const GITLAB_CI_PATH = '.gitlab-ci.yml';

const ON_MAIN = '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH';

/** OIDC audiences of the ID tokens each cloud's federation expects. */
const CLOUD_AUDIENCE: Record<Cloud, string> = {
  aws: 'sts.amazonaws.com',
  azure: 'api://AzureADTokenExchange',
  gcp: 'https://iam.googleapis.com/${GCP_WORKLOAD_IDENTITY_PROVIDER}',
};

/** The CI variable a job output travels in (dotenv report of the producing job). */
export function outputVariable(output: string): string {
  return `WAYBILL_OUT_${output.toUpperCase().replace(/-/g, '_')}`;
}

function shellValue(value: PlanValue): string {
  switch (value.kind) {
    case 'context':
      if (value.name === 'commit') return '"$CI_COMMIT_SHA"';
      if (value.name === 'repository') return '"$CI_PROJECT_PATH"';
      return '"$CI_PIPELINE_URL"';
    case 'variable':
      return `"$${value.name}"`;
    case 'job-output':
      return `"$${outputVariable(value.output)}"`;
    case 'literal':
      // Literals come from the validated model: names and enum values only.
      return `'${value.value}'`;
    case 'matrix-cloud':
      throw new Error('matrix jobs are expanded per cloud before rendering');
    default:
      throw new Error('unknown plan value');
  }
}

/**
 * The pipeline's shared values as GitLab variables; a CI variable of the same name is already in
 * every job's environment.
 */
function variables(env: Record<string, PlanValue>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value.kind === 'variable' && value.name === name) continue;
    out[name] =
      value.kind === 'literal' ? value.value : shellValue(value).slice(1, -1);
  }
  return Object.keys(out).length ? out : undefined;
}

function cloudLogin(cloud: Cloud): string {
  switch (cloud) {
    case 'aws':
      return [
        '# AWS: role assumption with the job ID token (no access keys)',
        'printf \'%s\' "$AWS_ID_TOKEN" > "$CI_PROJECT_DIR/.aws-web-identity-token"',
        'export AWS_WEB_IDENTITY_TOKEN_FILE="$CI_PROJECT_DIR/.aws-web-identity-token"',
        'export AWS_ROLE_SESSION_NAME="gitlab-$CI_PIPELINE_ID"',
        'aws sts get-caller-identity',
      ].join('\n');
    case 'azure':
      return [
        '# Azure: federated credential with the job ID token (no client secret)',
        'az login --service-principal --username "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$AZURE_ID_TOKEN"',
        'az account set --subscription "$AZURE_SUBSCRIPTION_ID"',
        'az aks install-cli --only-show-errors',
      ].join('\n');
    case 'gcp':
      return [
        '# Google Cloud: workload identity federation with the job ID token (no key file)',
        'printf \'%s\' "$GCP_ID_TOKEN" > "$CI_PROJECT_DIR/.gcp-id-token"',
        'gcloud iam workload-identity-pools create-cred-config "$GCP_WORKLOAD_IDENTITY_PROVIDER" --service-account "$GCP_SERVICE_ACCOUNT" --credential-source-file "$CI_PROJECT_DIR/.gcp-id-token" --output-file "$CI_PROJECT_DIR/.gcp-credentials.json"',
        'gcloud auth login --cred-file "$CI_PROJECT_DIR/.gcp-credentials.json"',
      ].join('\n');
    default:
      throw new Error(`unknown cloud ${cloud as string}`);
  }
}

/**
 * A job's outputs (`name=value` lines in outputs.raw) as the dotenv report later jobs read:
 * `WAYBILL_OUT_<NAME>` (see {@link outputVariable}).
 */
const DOTENV_FROM_OUTPUTS = `awk '{i=index($0,"="); k=toupper(substr($0,1,i-1)); gsub(/-/,"_",k); print "WAYBILL_OUT_" k "=" substr($0,i+1)}' outputs.raw >> outputs.env`;

/** The pipeline script's `waybill_token` on GitLab CI: the job's ID token for audience `waybill`. */
export const GITLAB_WAYBILL_TOKEN = `waybill_token() { printf '%s' "$WAYBILL_ID_TOKEN"; }`;

/**
 * GitLab runs one job per cloud where the plan has a matrix job: each leg gets its own image (the
 * cloud's CLI) and ID token audience, which a \`parallel: matrix\` job cannot vary. Needs on a
 * matrix job become needs on every leg.
 */
function expandMatrices(jobs: PlanJob[]): PlanJob[] {
  const legs = new Map(
    jobs
      .filter(j => j.matrix)
      .map(j => [j.id, j.matrix!.clouds.map(c => `${j.id}-${c}`)]),
  );
  const needs = (j: PlanJob) => j.needs.flatMap(n => legs.get(n) ?? [n]);
  return jobs.flatMap(j => {
    if (!j.matrix) return [{ ...j, needs: needs(j) }];
    return j.matrix.clouds.map(cloud => {
      const value = (v: PlanValue): PlanValue =>
        v.kind === 'matrix-cloud' ? { kind: 'literal', value: cloud } : v;
      const steps = j.steps.map((step): PlanStep => {
        if (step.type === 'cloud-login') return { ...step, clouds: [cloud] };
        if (step.type === 'run' && step.env) {
          return {
            ...step,
            env: Object.fromEntries(
              Object.entries(step.env).map(([k, v]) => [k, value(v)]),
            ),
          };
        }
        return step;
      });
      return {
        ...j,
        id: `${j.id}-${cloud}`,
        title: `${j.title} (${cloud})`,
        matrix: undefined,
        needs: needs(j),
        steps,
      };
    });
  });
}

function imageFor(job: PlanJob): { image: string; services?: string[] } {
  const types = new Set(job.steps.map(s => s.type));
  const cloud = job.steps.find(
    (s): s is Extract<PlanStep, { type: 'cloud-login' }> =>
      s.type === 'cloud-login',
  )?.clouds[0];
  if (cloud === 'azure') return { image: GITLAB_IMAGES.azureCli };
  if (cloud === 'gcp') return { image: GITLAB_IMAGES.gcloud };
  if (cloud === 'aws') return { image: GITLAB_IMAGES.toolbox };
  if (types.has('image-build') || types.has('sign')) {
    return {
      image: GITLAB_IMAGES.docker,
      services: [`${GITLAB_IMAGES.docker}-dind`],
    };
  }
  if (types.has('sast')) return { image: GITLAB_IMAGES.semgrep };
  if (types.has('dependency-scan')) return { image: GITLAB_IMAGES.trivy };
  if (types.has('setup-terraform')) return { image: GITLAB_IMAGES.terraform };
  if (types.has('setup-node')) return { image: GITLAB_IMAGES.node };
  return { image: GITLAB_IMAGES.toolbox };
}

function scriptLines(job: PlanJob): string[] {
  const lines: string[] = [];
  // The node image lacks the curl and jq the pipeline script calls Waybill with.
  if (
    job.steps.some(s => s.type === 'setup-node') &&
    job.steps.some(s => s.type === 'run' && s.waybill)
  ) {
    lines.push(
      'apt-get update -qq && apt-get install -y -qq --no-install-recommends curl jq ca-certificates',
    );
  }
  for (const step of job.steps) {
    switch (step.type) {
      case 'checkout':
      case 'setup-node':
      case 'setup-terraform':
      case 'save-reports':
      case 'load-reports':
        break;
      case 'run': {
        const exports = Object.entries(step.env ?? {}).map(
          ([k, v]) => `export ${k}=${shellValue(v)}`,
        );
        if (step.outputs?.length) {
          exports.push('export PIPELINE_OUTPUT=outputs.raw');
        }
        lines.push(`# ${step.name}\n${[...exports, step.script].join('\n')}`);
        if (step.outputs?.length) lines.push(DOTENV_FROM_OUTPUTS);
        break;
      }
      case 'cloud-login':
        lines.push(...step.clouds.map(cloudLogin));
        break;
      case 'sast':
        lines.push(
          'mkdir -p reports/sast\nsemgrep scan --config p/typescript --config p/secrets --sarif --output reports/sast/semgrep.sarif',
        );
        break;
      case 'dependency-scan':
        lines.push(
          'trivy sbom --format cyclonedx --output reports/dependencies.cdx.json reports/sbom.cdx.json',
        );
        break;
      case 'image-build':
        lines.push(
          [
            '# Image build; pushed only from the default branch',
            `export IMAGE=${shellValue(step.image)}`,
            'docker build --tag "$IMAGE:$CI_COMMIT_SHA" .',
            'if [ "$CI_COMMIT_BRANCH" = "$CI_DEFAULT_BRANCH" ]; then',
            '  printf \'%s\' "$CI_JOB_TOKEN" | docker login --username gitlab-ci-token --password-stdin "$CI_REGISTRY"',
            '  docker push "$IMAGE:$CI_COMMIT_SHA"',
            '  digest=$(docker inspect --format \'{{index .RepoDigests 0}}\' "$IMAGE:$CI_COMMIT_SHA" | cut -d@ -f2)',
            'else',
            '  digest=unpublished',
            'fi',
            `printf '${outputVariable('image')}=%s\\n${outputVariable(
              'digest',
            )}=%s\\n' "$IMAGE" "$digest" >> outputs.env`,
          ].join('\n'),
        );
        break;
      case 'sign':
        lines.push(
          [
            '# Keyless signature and SLSA provenance with the job ID token (Sigstore)',
            `export IMAGE=${shellValue(step.image)} DIGEST=${shellValue(
              step.digest,
            )}`,
            'apk add --no-cache cosign jq',
            'printf \'%s\' "$CI_JOB_TOKEN" | docker login --username gitlab-ci-token --password-stdin "$CI_REGISTRY"',
            'cosign sign --yes --identity-token "$SIGSTORE_ID_TOKEN" "$IMAGE@$DIGEST"',
            'jq -n --arg pipeline "$CI_PIPELINE_URL" --arg commit "$CI_COMMIT_SHA" --arg repo "$CI_PROJECT_URL" \'{buildDefinition: {buildType: "https://gitlab.com/gitlab-ci", externalParameters: {repository: $repo, commit: $commit}}, runDetails: {metadata: {invocationId: $pipeline}}}\' > provenance.json',
            'cosign attest --yes --identity-token "$SIGSTORE_ID_TOKEN" --type slsaprovenance1 --predicate provenance.json "$IMAGE@$DIGEST"',
            "# Verify both as a deployment would; the certificate names this project's pipeline",
            'IDENTITY="$CI_PROJECT_URL//.gitlab-ci.yml@refs/heads/$CI_COMMIT_REF_NAME"',
            verifySupplyChain('$CI_SERVER_URL', 'outputs.raw'),
            DOTENV_FROM_OUTPUTS,
          ].join('\n'),
        );
        break;
      default:
        throw new Error('unknown plan step');
    }
  }
  return lines;
}

/** Renders the plan as a GitLab CI pipeline: same stages, gates, approvals and OIDC. */
export function renderGitlabCi(plan: PipelinePlan): {
  path: string;
  content: string;
} {
  const pipeline: Record<string, unknown> = {
    stages: plan.stages,
    variables: variables(plan.env),
    workflow: {
      rules: [
        { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
        { if: ON_MAIN },
      ],
    },
  };
  for (const job of expandMatrices(plan.jobs)) {
    const { image, services } = imageFor(job);
    const j: Record<string, unknown> = { stage: job.stage, image };
    if (services) {
      j.services = services;
      j.variables = { DOCKER_TLS_CERTDIR: '/certs' };
    }
    // A need brings the job's artifacts (reports, dotenv outputs) by default.
    j.needs = [...job.needs];
    const loads = job.steps.flatMap(s =>
      s.type === 'load-reports' ? s.reports.map(r => r.name) : [],
    );
    for (const name of loads) {
      const producer = plan.jobs.find(p =>
        p.steps.some(s => s.type === 'save-reports' && s.name === name),
      );
      if (producer && !job.needs.includes(producer.id)) {
        (j.needs as string[]).push(producer.id);
      }
    }
    if (job.when === 'main') j.rules = [{ if: ON_MAIN }];
    if (job.environment) {
      j.environment = {
        name: job.environment.name,
        deployment_tier: job.environment.production ? 'production' : 'staging',
      };
      if (job.environment.approval) {
        // A manual job in a protected environment: only its approvers can start it.
        j.rules = [{ if: ON_MAIN, when: 'manual' }];
        j.allow_failure = false;
      }
    }
    const idTokens: Record<string, { aud: string }> = {};
    for (const s of job.steps) {
      if (s.type === 'cloud-login') {
        for (const cloud of s.clouds) {
          idTokens[`${cloud.toUpperCase()}_ID_TOKEN`] = {
            aud: CLOUD_AUDIENCE[cloud],
          };
        }
      }
      if (s.type === 'sign') idTokens.SIGSTORE_ID_TOKEN = { aud: 'sigstore' };
      if (s.type === 'run' && s.waybill) {
        idTokens.WAYBILL_ID_TOKEN = { aud: 'waybill' };
      }
    }
    if (Object.keys(idTokens).length) j.id_tokens = idTokens;
    j.script = scriptLines(job);
    const paths = job.steps.flatMap(s =>
      s.type === 'save-reports' ? s.paths : [],
    );
    const dotenv = job.outputs.length > 0;
    if (paths.length || dotenv) {
      const artifacts: Record<string, unknown> = { expire_in: '30 days' };
      if (paths.length) {
        artifacts.when = 'always';
        artifacts.paths = paths;
      }
      if (
        job.steps.some(
          s => s.type === 'save-reports' && /junit/.test(s.paths.join()),
        )
      ) {
        artifacts.reports = {
          // A directory of reports stands for the JUnit files in it.
          junit: paths
            .map(p => (p.endsWith('/') ? `${p}*.xml` : p))
            .filter(p => p.endsWith('.xml')),
        };
      }
      if (dotenv) {
        artifacts.reports = {
          ...((artifacts.reports as object) ?? {}),
          dotenv: 'outputs.env',
        };
      }
      j.artifacts = artifacts;
    }
    j.timeout = `${job.timeoutMinutes}m`;
    pipeline[job.id] = j;
  }
  const header = [
    `# Generated by waybill:pipeline:generate for ${plan.model.name} (tier ${plan.model.tier}).`,
    '# Regenerate it rather than editing by hand; waybill:pipeline:validate checks it against policy.',
    '',
  ].join('\n');
  return {
    path: GITLAB_CI_PATH,
    content: header + stringify(pipeline, GENERATED_YAML),
  };
}
