import { stringify } from 'yaml';
import { GENERATED_YAML } from './yamlStyle';
import { Cloud } from '../pipeline/model';
import { PipelinePlan, PlanJob, PlanStep, PlanValue } from '../pipeline/plan';
import { verifySupplyChain } from '../pipeline/scripts';
import { PINNED_ACTIONS, PinnedActionKey, pinnedUses } from './pinnedActions';

/** Where the GitHub Actions workflow of a golden pipeline is written. */
export const GITHUB_WORKFLOW_PATH = '.github/workflows/golden-pipeline.yml';

const ON_MAIN =
  "github.event_name == 'push' && github.ref == 'refs/heads/main'";

type Step = Record<string, unknown>;

function expression(value: PlanValue): string {
  switch (value.kind) {
    case 'context':
      if (value.name === 'commit') return '${{ github.sha }}';
      if (value.name === 'repository') return '${{ github.repository }}';
      return '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}';
    case 'variable':
      return `\${{ vars.${value.name} }}`;
    case 'job-output':
      return `\${{ needs.${value.job}.outputs.${value.output} }}`;
    case 'literal':
      return value.value;
    case 'matrix-cloud':
      return '${{ matrix.cloud }}';
    default:
      throw new Error('unknown plan value');
  }
}

function env(values: Record<string, PlanValue> | undefined) {
  if (!values || Object.keys(values).length === 0) return undefined;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, expression(v)]),
  );
}

/**
 * The pipeline script's `waybill_token` on GitHub Actions: a fresh OIDC ID token of the job for
 * audience `waybill` (Waybill's `externalAccess` of type `jwks`) at every call, since a wave job
 * may wait longer than a token lives.
 */
export const GITHUB_WAYBILL_TOKEN = [
  'waybill_token() {',
  '  curl -fsS -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" \\',
  '    "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=waybill" | jq -r .value',
  '}',
].join('\n');

function script(step: { script: string; outputs?: string[] }): string {
  return step.outputs?.length
    ? `export PIPELINE_OUTPUT="$GITHUB_OUTPUT"\n${step.script}`
    : step.script;
}

/** The OIDC sign-in action of each cloud: federated credentials, never stored keys. */
const CLOUD_LOGIN: Record<Cloud, { action: PinnedActionKey; step: Step }> = {
  aws: {
    action: 'awsCredentials',
    step: {
      name: 'Assume the deploy role on AWS (OIDC)',
      with: {
        'role-to-assume': '${{ vars.AWS_ROLE_ARN }}',
        'aws-region': '${{ vars.AWS_REGION }}',
        'role-session-name': 'golden-pipeline-${{ github.run_id }}',
      },
    },
  },
  azure: {
    action: 'azureLogin',
    step: {
      name: 'Sign in to Azure with a federated credential (OIDC)',
      with: {
        'client-id': '${{ vars.AZURE_CLIENT_ID }}',
        'tenant-id': '${{ vars.AZURE_TENANT_ID }}',
        'subscription-id': '${{ vars.AZURE_SUBSCRIPTION_ID }}',
      },
    },
  },
  gcp: {
    action: 'gcpAuth',
    step: {
      name: 'Authenticate to Google Cloud through workload identity (OIDC)',
      with: {
        workload_identity_provider:
          '${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}',
        service_account: '${{ vars.GCP_SERVICE_ACCOUNT }}',
      },
    },
  },
};

function uses(key: PinnedActionKey, rest: Step = {}): Step {
  return { uses: pinnedUses(key), ...rest };
}

function steps(job: PlanJob, outputSteps: Map<string, string>): Step[] {
  const out: Step[] = [];
  job.steps.forEach((step: PlanStep, index) => {
    switch (step.type) {
      case 'checkout':
        out.push(uses('checkout', { with: { 'persist-credentials': false } }));
        break;
      case 'setup-node':
        out.push(
          uses('setupNode', {
            with: { 'node-version-file': '.nvmrc', cache: 'npm' },
          }),
        );
        break;
      case 'run': {
        const s: Step = { name: step.name };
        if (step.outputs?.length) {
          const id = `step-${index + 1}`;
          s.id = id;
          for (const o of step.outputs) outputSteps.set(o, id);
        }
        const e = env(step.env);
        if (e) s.env = e;
        s.run = script(step);
        out.push(s);
        break;
      }
      case 'cloud-login':
        for (const cloud of step.clouds) {
          const login = uses(
            CLOUD_LOGIN[cloud].action,
            CLOUD_LOGIN[cloud].step,
          );
          // A matrix job signs in only to its leg's cloud.
          out.push(
            job.matrix ? { if: `matrix.cloud == '${cloud}'`, ...login } : login,
          );
        }
        break;
      case 'setup-terraform':
        out.push(
          uses('setupTerraform', {
            with: { terraform_version: '1.12.2', terraform_wrapper: false },
          }),
        );
        break;
      case 'sast':
        out.push(
          uses('codeqlInit', {
            name: 'Initialise CodeQL',
            with: {
              languages: 'javascript-typescript',
              queries: 'security-extended',
            },
          }),
          uses('codeqlAnalyze', {
            name: 'CodeQL analysis (SARIF)',
            with: { output: 'reports/sast', upload: 'always' },
          }),
        );
        break;
      case 'dependency-scan':
        out.push(
          uses('trivy', {
            name: 'Known vulnerabilities of the SBOM (CycloneDX)',
            with: {
              'scan-type': 'sbom',
              'scan-ref': 'reports/sbom.cdx.json',
              format: 'cyclonedx',
              output: 'reports/dependencies.cdx.json',
            },
          }),
        );
        break;
      case 'image-build':
        out.push(
          uses('setupBuildx'),
          uses('dockerLogin', {
            if: ON_MAIN,
            with: {
              registry: 'ghcr.io',
              username: '${{ github.actor }}',
              password: '${{ secrets.GITHUB_TOKEN }}',
            },
          }),
          uses('buildPush', {
            id: 'build',
            with: {
              context: '.',
              push: `\${{ ${ON_MAIN} }}`,
              tags: `${expression(step.image)}:\${{ github.sha }}`,
              provenance: 'mode=max',
            },
          }),
        );
        outputSteps.set('image', 'image');
        outputSteps.set('digest', 'image');
        out.push({
          name: 'Image reference',
          id: 'image',
          env: {
            IMAGE: expression(step.image),
            DIGEST: '${{ steps.build.outputs.digest }}',
          },
          run: 'echo "image=$IMAGE" >> "$GITHUB_OUTPUT"\necho "digest=$DIGEST" >> "$GITHUB_OUTPUT"',
        });
        break;
      case 'sign':
        out.push(
          uses('dockerLogin', {
            with: {
              registry: 'ghcr.io',
              username: '${{ github.actor }}',
              password: '${{ secrets.GITHUB_TOKEN }}',
            },
          }),
          uses('cosignInstaller'),
          {
            name: 'Sign the image (keyless, Sigstore)',
            env: {
              IMAGE: expression(step.image),
              DIGEST: expression(step.digest),
            },
            run: 'cosign sign --yes "$IMAGE@$DIGEST"',
          },
          {
            name: 'SLSA provenance attestation (keyless, Sigstore)',
            env: {
              IMAGE: expression(step.image),
              DIGEST: expression(step.digest),
              RUN_URL:
                '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
              REPOSITORY: '${{ github.server_url }}/${{ github.repository }}',
              COMMIT: '${{ github.sha }}',
            },
            run: [
              'jq -n --arg repo "$REPOSITORY" --arg commit "$COMMIT" --arg run "$RUN_URL" \\',
              '  \'{buildDefinition: {buildType: "https://actions.github.io/buildtypes/workflow/v1", externalParameters: {repository: $repo, commit: $commit}}, runDetails: {metadata: {invocationId: $run}}}\' > provenance.json',
              'cosign attest --yes --type slsaprovenance1 --predicate provenance.json "$IMAGE@$DIGEST"',
            ].join('\n'),
          },
          {
            name: 'Verify the signature and the provenance as a consumer would',
            id: 'verify',
            env: {
              IMAGE: expression(step.image),
              DIGEST: expression(step.digest),
              // Keyless: the certificate names this workflow on this repository.
              IDENTITY: '${{ github.server_url }}/${{ github.workflow_ref }}',
            },
            run: verifySupplyChain(
              'https://token.actions.githubusercontent.com',
              '$GITHUB_OUTPUT',
            ),
          },
        );
        outputSteps.set('signature-verified', 'verify');
        outputSteps.set('slsa-level', 'verify');
        break;
      case 'save-reports':
        out.push(
          uses('uploadArtifact', {
            if: '${{ !cancelled() }}',
            with: {
              name: step.name,
              path: step.paths.join('\n'),
              'if-no-files-found': 'error',
              'retention-days': 30,
            },
          }),
        );
        break;
      case 'load-reports':
        for (const r of step.reports) {
          out.push(
            uses('downloadArtifact', { with: { name: r.name, path: r.root } }),
          );
        }
        break;
      default:
        throw new Error('unknown plan step');
    }
  });
  return out;
}

function permissions(job: PlanJob): Record<string, string> {
  const p: Record<string, string> = { contents: 'read' };
  for (const scope of job.permissions) p[scope] = 'write';
  // CodeQL reads the workflow run to attribute its results.
  if (job.permissions.includes('security-events')) p.actions = 'read';
  return p;
}

/** Renders the plan as one GitHub Actions workflow, every action pinned by commit SHA. */
export function renderGithubActions(plan: PipelinePlan): {
  path: string;
  content: string;
} {
  const jobs: Record<string, unknown> = {};
  for (const job of plan.jobs) {
    const outputSteps = new Map<string, string>();
    const rendered = steps(job, outputSteps);
    const j: Record<string, unknown> = {
      name: job.matrix ? `${job.title} (\${{ matrix.cloud }})` : job.title,
    };
    if (job.needs.length) j.needs = job.needs;
    if (job.when === 'main') j.if = ON_MAIN;
    j['runs-on'] = 'ubuntu-24.04';
    j['timeout-minutes'] = job.timeoutMinutes;
    if (job.matrix) {
      // Clouds deploy side by side; one cloud failing does not cancel the others.
      j.strategy = { matrix: { cloud: job.matrix.clouds }, 'fail-fast': false };
    }
    if (job.environment) j.environment = { name: job.environment.name };
    j.permissions = permissions(job);
    if (job.outputs.length) {
      j.outputs = Object.fromEntries(
        job.outputs.map(o => [
          o,
          `\${{ steps.${outputSteps.get(o)}.outputs.${o} }}`,
        ]),
      );
    }
    j.steps = rendered;
    jobs[job.id] = j;
  }
  const workflow = {
    name: `Golden pipeline: ${plan.model.name}`,
    on: {
      push: { branches: ['main'] },
      pull_request: { branches: ['main'] },
    },
    // Every job states what it needs; nothing is granted by default.
    permissions: {},
    env: env(plan.env),
    concurrency: {
      group: 'golden-pipeline-${{ github.ref }}',
      'cancel-in-progress': false,
    },
    jobs,
  };
  const header = [
    `# Generated by waybill:pipeline:generate for ${plan.model.name} (tier ${plan.model.tier}).`,
    '# Regenerate it rather than editing by hand; waybill:pipeline:validate checks it against policy.',
    '',
  ].join('\n');
  const yaml = stringify(workflow, GENERATED_YAML);
  return {
    path: GITHUB_WORKFLOW_PATH,
    content: header + withVersionComments(yaml),
  };
}

const VERSION_BY_SHA = new Map(
  Object.values(PINNED_ACTIONS).map(a => [a.sha, a.version]),
);

function withVersionComments(yaml: string): string {
  return yaml.replace(
    /^(\s*(?:- )?uses: [^@\s]+@([0-9a-f]{40}))$/gm,
    (line, _all, sha) =>
      VERSION_BY_SHA.has(sha) ? `${line} # ${VERSION_BY_SHA.get(sha)}` : line,
  );
}
