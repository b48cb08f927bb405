import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createGeneratePipelineAction } from './generatePipeline';
import { STAGES } from '../pipeline/stages';

describe('waybill:pipeline:generate', () => {
  const workspace = createMockDirectory();
  const action = createGeneratePipelineAction();

  beforeEach(() => workspace.clear());

  const run = async (input: Record<string, unknown>) => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: input as any,
    });
    await action.handler(ctx);
    return ctx;
  };

  const base = {
    name: 'pricing-quotes-api',
    serviceKind: 'api-service',
    clouds: ['aws', 'azure', 'gcp'],
    ciProvider: 'github-actions',
    businessProcesses: ['order-to-cash'],
    contractApis: [{ api: 'sales-orders-api', range: '^2.4.0' }],
  };

  it('renders every stage, in order, for a critical service', async () => {
    const ctx = await run({ ...base, tier: 'critical' });
    expect(ctx.output).toHaveBeenCalledWith(
      'stages',
      STAGES.map(s => s.id),
    );
    expect(ctx.output).toHaveBeenCalledWith('waves', [
      'canary',
      'early',
      'broad',
      'critical-tenants',
    ]);
    const workflow = parse(
      fs.readFileSync(
        path.join(workspace.path, '.github/workflows/golden-pipeline.yml'),
        'utf8',
      ),
    );
    const jobs = Object.keys(workflow.jobs);
    for (const stage of STAGES) {
      expect(
        jobs.some(j => j === stage.id || j.startsWith(`${stage.id}-`)),
      ).toBe(true);
    }
    // The IaC check, the staging deploy and each wave run once per cloud, as a matrix.
    for (const id of [
      'iac-validation',
      'deploy-staging',
      'tenant-rollout-critical-tenants',
    ]) {
      expect(workflow.jobs[id].strategy.matrix.cloud).toEqual(base.clouds);
    }
    expect(
      workflow.jobs['tenant-rollout-critical-tenants'].environment.name,
    ).toBe('production-critical-tenants');
    expect(workflow.jobs['production-approval'].environment.name).toBe(
      'production',
    );
    // The steps run the pipeline script, which is written beside the pipeline.
    expect(workflow.jobs['evidence-gate'].steps.at(-1).run).toBe(
      'bash scripts/golden-pipeline.sh gate production',
    );
    const script = fs.readFileSync(
      path.join(workspace.path, 'scripts/golden-pipeline.sh'),
      'utf8',
    );
    // The gate accepts only pass for critical services.
    expect(script).toMatch(/\n {4}pass\) ;;/);
    // Contract tests name the provider API and range.
    expect(script).toContain(
      "npm run test:contract -- --api 'sales-orders-api' --range '^2.4.0'",
    );
    expect(
      fs.existsSync(path.join(workspace.path, 'waybill/rollout-strategy.yaml')),
    ).toBe(true);
  });

  it('leaves out integration tests and business checks for internal services, not rollback readiness', async () => {
    const ctx = await run({ ...base, tier: 'internal', clouds: ['gcp'] });
    const stages = (ctx.output as jest.Mock).mock.calls.find(
      c => c[0] === 'stages',
    )![1];
    expect(stages).not.toContain('integration-tests');
    expect(stages).not.toContain('business-checks');
    // The gate reads the readiness document (supply chain, previous version) for every tier.
    expect(stages).toContain('rollback-readiness');
    expect(stages).toContain('tenant-rollout');
  });

  it('reaches each cloud through OIDC only', async () => {
    await run({ ...base, tier: 'standard' });
    const text = fs.readFileSync(
      path.join(workspace.path, '.github/workflows/golden-pipeline.yml'),
      'utf8',
    );
    expect(text).toContain('role-to-assume: ${{ vars.AWS_ROLE_ARN }}');
    expect(text).toContain('client-id: ${{ vars.AZURE_CLIENT_ID }}');
    expect(text).toContain(
      'workload_identity_provider: ${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}',
    );
    expect(text).not.toMatch(/secrets\.(AWS|AZURE|GCP)/);
    // No expression ever lands inside a run: script.
    const scripts = Object.values<any>(parse(text).jobs).flatMap(job =>
      job.steps.map((step: any) => step.run ?? ''),
    );
    expect(scripts.filter(script => script.includes('${{'))).toEqual([]);
  });

  it('renders GitLab CI from the same plan', async () => {
    await run({ ...base, tier: 'critical', ciProvider: 'gitlab-ci' });
    const pipeline = parse(
      fs.readFileSync(path.join(workspace.path, '.gitlab-ci.yml'), 'utf8'),
    );
    expect(pipeline.stages).toEqual(STAGES.map(s => s.id));
    expect(pipeline['production-approval'].rules).toEqual([
      { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH', when: 'manual' },
    ]);
    expect(pipeline['deploy-staging-aws'].id_tokens).toEqual({
      AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' },
    });
    expect(pipeline['evidence-gate'].id_tokens).toEqual({
      WAYBILL_ID_TOKEN: { aud: 'waybill' },
    });
  });

  it('writes inside the workspace through a checkpoint', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: { ...base, tier: 'standard' } as any,
    });
    const checkpoint = jest.spyOn(ctx, 'checkpoint');
    await action.handler(ctx);
    expect(checkpoint).toHaveBeenCalledWith(
      expect.objectContaining({
        key: 'waybill-pipeline-generate-pricing-quotes-api-github-actions',
      }),
    );
  });

  it.each([
    [{ name: 'Pricing_API' }, 'name must be lowercase kebab-case'],
    [{ name: 'ab' }, 'name must be at least 3 characters'],
    [{ name: 'a'.repeat(41) }, 'name must be at most 40 characters'],
    [{ clouds: [] }, 'clouds choose at least one cloud'],
    [{ clouds: ['aws', 'aws'] }, 'clouds clouds must not repeat'],
    [{ clouds: ['on-prem'] }, 'clouds.0'],
    [{ tier: 'gold' }, 'tier'],
    [
      { contractApis: [{ api: 'sales-orders-api', range: '^2; rm -rf /' }] },
      'contractApis.0.range must be a semver range',
    ],
    [{ shell: 'echo' }, 'Unrecognized key'],
  ])('rejects %o', async (override, message) => {
    await expect(
      run({ ...base, tier: 'standard', ...override }),
    ).rejects.toThrow(message);
  });

  it('refuses a target outside the workspace', async () => {
    await expect(
      run({ ...base, tier: 'standard', targetPath: '../elsewhere' }),
    ).rejects.toThrow(/outside/);
  });
});
