import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse, stringify } from 'yaml';
import { Tier } from '@waybill/plugin-waybill-common';
import { parsePipelineModel } from '../pipeline/model';
import { generatePipeline } from '../pipeline/generate';
import { createValidatePipelineAction } from './validatePipeline';

const model = (tier: Tier, ciProvider: 'github-actions' | 'gitlab-ci') =>
  parsePipelineModel({
    name: 'pricing-quotes-api',
    serviceKind: 'api-service',
    tier,
    clouds: ['aws', 'azure', 'gcp'],
    ciProvider,
    businessProcesses: ['order-to-cash'],
  });

const GH = '.github/workflows/golden-pipeline.yml';
const GL = '.gitlab-ci.yml';

function github(tier: Tier = 'critical') {
  return parse(
    generatePipeline(model(tier, 'github-actions')).files[0].content,
  );
}
function gitlab(tier: Tier = 'critical') {
  return parse(generatePipeline(model(tier, 'gitlab-ci')).files[0].content);
}

describe('waybill:pipeline:validate', () => {
  const workspace = createMockDirectory();
  const action = createValidatePipelineAction();

  const run = async (
    files: Record<string, string>,
    input: Record<string, unknown> = { tier: 'critical' },
  ) => {
    workspace.setContent(files);
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: input as any,
    });
    await action.handler(ctx);
    return ctx;
  };

  it('passes the generated pipelines of every tier, for both providers', async () => {
    for (const tier of ['critical', 'standard', 'internal'] as Tier[]) {
      const ctx = await run(
        { [GH]: stringify(github(tier)), [GL]: stringify(gitlab(tier)) },
        { tier },
      );
      expect(ctx.output).toHaveBeenCalledWith('violations', []);
      expect(ctx.output).toHaveBeenCalledWith('files', [GH, GL]);
    }
  });

  it('reads the tier from catalog-info.yaml when none is given', async () => {
    const wf = github('internal');
    const ctx = await run(
      {
        [GH]: stringify(wf),
        'catalog-info.yaml': stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'x',
            annotations: { 'waybill.dev/tier': 'internal' },
          },
        }),
      },
      {},
    );
    expect(ctx.output).toHaveBeenCalledWith('tier', 'internal');
    // The same internal-tier workflow misses stages a critical service needs.
    await expect(
      run({ [GH]: stringify(wf) }, { tier: 'critical' }),
    ).rejects.toThrow(
      'tier critical requires the stage "Integration and contract tests"',
    );
  });

  it('refuses to guess a tier', async () => {
    await expect(run({ [GH]: stringify(github()) }, {})).rejects.toThrow(
      'No tier given and no catalog-info.yaml',
    );
  });

  it('reports without failing when asked to', async () => {
    const wf = github();
    delete wf.jobs.sast;
    const ctx = await run(
      { [GH]: stringify(wf) },
      { tier: 'critical', failOnViolation: false },
    );
    expect(ctx.output).toHaveBeenCalledWith('violations', [
      expect.objectContaining({ rule: 'required-stages', file: GH }),
    ]);
  });

  describe('GitHub Actions rules', () => {
    const cases: Array<[string, (wf: any) => void, string]> = [
      ['syntax', wf => (wf.jobs = 'none'), 'not a GitHub Actions workflow'],
      [
        'required-stages',
        wf => delete wf.jobs.sast,
        '[required-stages] tier critical requires the stage "SAST (SARIF)": add a job named "sast" or "sast-<suffix>"',
      ],
      ...(
        [
          'sbom',
          'evidence-gate',
          'business-checks',
          'rollback-readiness',
        ] as const
      ).map(
        stage =>
          [
            `required-stages (${stage})`,
            (wf: any) => {
              for (const id of Object.keys(wf.jobs)) {
                if (id === stage) delete wf.jobs[id];
              }
            },
            `requires the stage`,
          ] as [string, (wf: any) => void, string],
      ),
      [
        'oidc-only: AWS keys',
        wf => {
          const step = wf.jobs['deploy-staging'].steps[1];
          delete step.with['role-to-assume'];
          step.with['aws-access-key-id'] = '${{ secrets.AWS_ACCESS_KEY_ID }}';
          step.with['aws-secret-access-key'] =
            '${{ secrets.AWS_SECRET_ACCESS_KEY }}';
        },
        'aws-secret-access-key is a static AWS key; remove it and assume a role with role-to-assume (OIDC)',
      ],
      [
        'oidc-only: Azure client secret',
        wf => {
          wf.jobs['deploy-staging'].steps[2].with = {
            creds: '${{ secrets.AZURE_CREDENTIALS }}',
          };
        },
        'azure/login with creds (a client secret) is a static key',
      ],
      [
        'oidc-only: GCP key file',
        wf => {
          wf.jobs['deploy-staging'].steps[3].with = {
            credentials_json: '${{ secrets.GCP_SA_KEY }}',
          };
        },
        'credentials_json is a service account key',
      ],
      [
        'oidc-only: keys in env',
        wf => (wf.env = { AWS_SECRET_ACCESS_KEY: '${{ secrets.X }}' }),
        'env.AWS_SECRET_ACCESS_KEY [oidc-only] AWS_SECRET_ACCESS_KEY is a static cloud credential',
      ],
      [
        'oidc-only: login without id-token',
        wf => delete wf.jobs['deploy-staging'].permissions['id-token'],
        'job deploy-staging signs in to a cloud through OIDC but does not grant id-token: write',
      ],
      [
        'oidc-only: static sign-in command',
        wf =>
          wf.jobs.build.steps.push({
            run: 'gcloud auth activate-service-account --key-file key.json',
          }),
        'gcloud auth activate-service-account with a key file signs in with a static secret',
      ],
      [
        'least-privilege: no top-level permissions',
        wf => delete wf.permissions,
        'the workflow has no top-level permissions:',
      ],
      [
        'least-privilege: write-all',
        wf => (wf.jobs.build.permissions = 'write-all'),
        'job build grants write-all',
      ],
      [
        'least-privilege: unneeded write',
        wf => (wf.jobs['unit-tests'].permissions.contents = 'write'),
        'job unit-tests grants contents: write, which none of its steps needs',
      ],
      [
        'least-privilege: id-token without a need',
        wf => (wf.jobs.build.permissions['id-token'] = 'write'),
        'job build grants id-token: write',
      ],
      [
        'least-privilege: top-level write',
        wf => (wf.permissions = { packages: 'write' }),
        'packages: write is granted to every job at the top level',
      ],
      [
        'pinned-actions: tag',
        wf => (wf.jobs.build.steps[0].uses = 'actions/checkout@v4'),
        'actions/checkout@v4 is not pinned by a full 40-character commit SHA',
      ],
      [
        'pinned-actions: short SHA',
        wf => (wf.jobs.build.steps[0].uses = 'actions/checkout@11bd719'),
        'is not pinned by a full 40-character commit SHA',
      ],
      [
        'pinned-actions: container by tag',
        wf => wf.jobs.build.steps.push({ uses: 'docker://alpine:3.20' }),
        'docker://alpine:3.20 is a container by tag',
      ],
      [
        'untrusted-input: PR title',
        wf =>
          wf.jobs.build.steps.push({
            run: 'echo "${{ github.event.pull_request.title }}"',
          }),
        '${{ github.event.pull_request.title }} is interpolated into the script',
      ],
      [
        'untrusted-input: branch name',
        wf =>
          wf.jobs.build.steps.push({
            run: 'git push origin ${{ github.head_ref }}',
          }),
        '${{ github.head_ref }} is interpolated',
      ],
      [
        'untrusted-input: issue body in github-script',
        wf =>
          wf.jobs.build.steps.push({
            uses: 'actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea',
            with: { script: 'console.log("${{ github.event.issue.body }}")' },
          }),
        '${{ github.event.issue.body }} is interpolated',
      ],
      [
        'untrusted-input: workflow inputs',
        wf => wf.jobs.build.steps.push({ run: 'deploy ${{ inputs.target }}' }),
        '${{ inputs.target }} is interpolated',
      ],
      [
        'production-protection: approval environment',
        wf =>
          (wf.jobs['production-approval'].environment = { name: 'prod-ish' }),
        'the production approval must run in the protected environment "production"',
      ],
      [
        'production-protection: wave skips the approval',
        wf =>
          (wf.jobs['tenant-rollout-canary'].needs = [
            'source-validation',
            'image-build',
          ]),
        'job tenant-rollout-canary reaches production without waiting for the production approval job',
      ],
      [
        'production-protection: wave without environment',
        wf => delete wf.jobs['tenant-rollout-early'].environment,
        'job tenant-rollout-early deploys to production without a protected production environment',
      ],
      [
        'production-protection: approval before the gate',
        wf => (wf.jobs['production-approval'].needs = ['source-validation']),
        'the production approval must come after the evidence gate',
      ],
      [
        'production-protection: critical tenants without second approval',
        wf =>
          (wf.jobs['tenant-rollout-critical-tenants'].environment.name =
            'production-waves'),
        'a wave job must use the environment "production-critical-tenants"',
      ],
    ];
    it.each(cases)('%s', async (_rule, mutate, message) => {
      const wf = github();
      mutate(wf);
      await expect(run({ [GH]: stringify(wf) })).rejects.toThrow(message);
    });

    it('names file, location and rule on each line', async () => {
      const wf = github();
      wf.jobs.build.steps[0].uses = 'actions/checkout@v4';
      await expect(run({ [GH]: stringify(wf) })).rejects.toThrow(
        `${GH} jobs.build.steps[0].uses [pinned-actions] actions/checkout@v4 is not pinned`,
      );
    });

    it('reports a YAML error with its line', async () => {
      await expect(run({ [GH]: 'jobs:\n  a: [\n' })).rejects.toThrow(
        '[syntax]',
      );
    });
  });

  describe('GitLab CI rules', () => {
    const cases: Array<[string, (p: any) => void, string]> = [
      [
        'required-stages',
        p => {
          delete p.sbom;
        },
        'tier critical requires the stage "SBOM (CycloneDX)": add a job with stage: sbom',
      ],
      [
        'syntax: undeclared stage',
        p => (p.build.stage = 'compile'),
        'job build is in stage "compile", which stages: does not list',
      ],
      [
        'oidc-only: static key variable',
        p => (p.variables = { AWS_SECRET_ACCESS_KEY: 'x' }),
        'AWS_SECRET_ACCESS_KEY is a static cloud credential',
      ],
      [
        'oidc-only: no ID token',
        p => delete p['deploy-staging-aws'].id_tokens,
        'job deploy-staging-aws signs in to aws but declares no ID token for sts.amazonaws.com',
      ],
      [
        'oidc-only: Azure password',
        p =>
          p['deploy-staging-azure'].script.unshift(
            'az login --service-principal -u "$AZURE_CLIENT_ID" -p "$AZURE_CLIENT_SECRET" --tenant "$AZURE_TENANT_ID"',
          ),
        'az login with a client secret',
      ],
      [
        'least-privilege: unused ID token',
        p => (p.build.id_tokens = { EXTRA_TOKEN: { aud: 'anything' } }),
        'job build requests the ID token EXTRA_TOKEN but never uses it',
      ],
      [
        'pinned-actions: latest image',
        p => (p.build.image = 'node:latest'),
        'image node:latest is not pinned to a version',
      ],
      [
        'pinned-actions: include by branch',
        p =>
          (p.include = [
            { project: 'platform/ci', ref: 'main', file: 'x.yml' },
          ]),
        'include of platform/ci is not pinned by a full 40-character commit SHA',
      ],
      [
        'pinned-actions: remote include',
        p => (p.include = ['https://example.com/ci.yml']),
        'remote include https://example.com/ci.yml can change under the pipeline',
      ],
      [
        'untrusted-input: unquoted commit message',
        p => p.build.script.push('echo $CI_COMMIT_MESSAGE'),
        '$CI_COMMIT_MESSAGE is chosen by whoever pushes the commit',
      ],
      [
        'untrusted-input: eval of MR title',
        p => p.build.script.push('eval "echo $CI_MERGE_REQUEST_TITLE"'),
        '$CI_MERGE_REQUEST_TITLE is chosen',
      ],
      [
        'production-protection: automatic approval',
        p => {
          p['production-approval'].rules = [
            { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' },
          ];
        },
        'the production approval must be a manual job (when: manual) with allow_failure: false',
      ],
      [
        'production-protection: wave skips the approval',
        p =>
          (p['tenant-rollout-canary-gcp'].needs = [
            { job: 'image-build', artifacts: true },
          ]),
        'job tenant-rollout-canary-gcp reaches production without waiting for the production approval job',
      ],
      [
        'production-protection: critical tenants released automatically',
        p =>
          (p['tenant-rollout-critical-tenants-aws'].rules = [
            { if: '$CI_COMMIT_BRANCH' },
          ]),
        'job tenant-rollout-critical-tenants-aws releases critical tenants without a manual approval',
      ],
    ];
    it.each(cases)('%s', async (_rule, mutate, message) => {
      const p = gitlab();
      mutate(p);
      await expect(run({ [GL]: stringify(p) })).rejects.toThrow(message);
    });

    it('accepts quoted untrusted variables', async () => {
      const p = gitlab();
      p.build.script.push('printf "%s" "$CI_COMMIT_MESSAGE"');
      const ctx = await run({ [GL]: stringify(p) });
      expect(ctx.output).toHaveBeenCalledWith('violations', []);
    });
  });

  it('rejects files that are not pipelines and missing files', async () => {
    await expect(
      run({ 'ci.yml': 'a: 1' }, { tier: 'standard', files: ['ci.yml'] }),
    ).rejects.toThrow('is neither a GitHub Actions workflow');
    await expect(
      run({}, { tier: 'standard', files: ['.gitlab-ci.yml'] }),
    ).rejects.toThrow('.gitlab-ci.yml does not exist');
    await expect(run({ 'README.md': '#' })).rejects.toThrow(
      'No pipeline to validate',
    );
  });
});
