/*
 * The golden path, run for real: each template is scaffolded through the real backend's
 * scaffolder, committed as a new repository, registered in the catalog with its tenants, and its
 * generated pipeline is executed job by job (GitHub Actions by this package's runner on GitHub's
 * own parser and expression engine, GitLab CI by gitlab-ci-local) against that backend, with
 * recording stubs for the commands that reach a cloud or a cluster. One backend, one OIDC
 * issuer and one stub directory serve every case; time passes for bake times by moving the
 * rollout's status changes back in the backend's database (harness.ts, letTimePass).
 *
 * These are four of the eighteen template × CI provider × tier combinations, each with checks
 * of its own (a gate stop and a rescan, a failing tenant and a re-run, another repository's
 * identity); goldenPathMatrix.test.ts runs the other fourteen. What both do around a run is in
 * pipelineEstate.ts, pipelineRuns.ts, releaseExpectations.ts and pipelineReports.ts.
 */
import { GithubRun } from './github/runner';
import { waybillApi } from './harness';
import { PipelineEstate, startEstate, stopEstate } from './pipelineEstate';
import {
  genericCall,
  gitlabInvocationsReport,
  stubReport,
  Timings,
} from './pipelineReports';
import {
  githubRun,
  gitlabPipeline,
  rolloutsOf,
  scaffoldInto,
} from './pipelineRuns';
import {
  expectEveryGithubJobSucceeded,
  expectEveryGitlabJobSucceeded,
  expectReleasedThroughWaybill,
  githubVersion,
  gitlabVersion,
  TIER_WAVES,
} from './releaseExpectations';
import { ScaffoldedService, text } from './scenario';
import { callLine } from './stubs/stubs';

jest.setTimeout(900_000);

describe('the golden path, run for real', () => {
  let estate: PipelineEstate;
  const timings = new Timings();
  const timed = timings.timed.bind(timings);
  const reports: string[] = [];

  const api = <T = any>(method: string, route: string, body?: unknown) =>
    waybillApi<T>(
      estate.waybill.url,
      estate.waybill.token,
      method,
      route,
      body,
    );

  beforeAll(async () => {
    estate = await startEstate(timings);
  });

  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(stubReport(estate ? estate.stubs.calls() : []));
    // eslint-disable-next-line no-console
    console.log(`Golden path timings\n${timings}\n\n${reports.join('\n\n')}`);
    await stopEstate(estate);
  });

  describe('api-service: critical, AWS + Azure + GCP, shared, GitHub Actions', () => {
    let service: ScaffoldedService;
    let run: GithubRun;
    let mark = 0;

    it('scaffolds through the real scaffolder and lands in the catalog', async () => {
      service = await timed('api-service: scaffold and register', () =>
        scaffoldInto(
          estate,
          'api-service',
          {
            name: 'pricing-quotes-api',
            description: 'Quotes contract prices for trade customers.',
            owner: 'group:default/digital-channels',
            system: 'customer-channels',
            tier: 'critical',
            businessProcesses: ['domain:default/order-to-cash'],
            clouds: ['aws', 'azure', 'gcp'],
            ciProvider: 'github-actions',
            deployStrategy: 'rolling',
            tenancy: 'shared',
            tenantSegments: ['wholesale', 'retail'],
            consumedApis: [{ api: 'sales-orders-api', range: '^2.4.0' }],
            dependsOn: ['component:default/sales'],
            repoUrl: 'github.com?owner=meridian&repo=pricing-quotes-api',
          },
          'pqa',
        ),
      );
      expect(Object.keys(service.files)).toEqual(
        expect.arrayContaining([
          '.github/workflows/golden-pipeline.yml',
          'waybill/rollout-strategy.yaml',
          'package.json',
          'package-lock.json',
        ]),
      );
    });

    it('stops at the evidence gate, with the gate reasons, when a dependency has a critical vulnerability', async () => {
      estate.stubs.configure({
        trivy: {
          vulnerabilities: [
            {
              id: 'CVE-2026-4242',
              severity: 'critical',
              score: 9.8,
              description: 'Remote code execution in a locked dependency',
            },
          ],
        },
      });
      mark = estate.stubs.mark();
      run = await githubRun(estate, service, '1001');
      await timed('api-service: run 1 (critical CVE)', () => run.run());
      for (const job of [
        'source-validation',
        'build',
        'unit-tests',
        'sbom',
        'dependency-scan',
        'sast',
        'image-build',
        'signing-provenance',
        'iac-validation',
        'integration-tests',
        'deploy-staging',
        'smoke-tests',
        'rollback-readiness',
      ]) {
        if (run.job(job).result !== 'success') {
          throw new Error(`${job} did not succeed:\n${run.logOf(job)}`);
        }
      }
      expect(run.job('evidence-gate').result).toBe('failure');
      const log = run.logOf('evidence-gate');
      expect(log).toContain(
        'The scorecards gate does not let this release into production',
      );
      expect(log).toMatch(/vulnerab/i);
      expect(run.job('production-approval').result).toBe('skipped');
      expect(run.job('tenant-rollout-canary').result).toBe('skipped');
      expect(await rolloutsOf(estate, service)).toEqual([]);
    });

    it('after a clean rescan, takes the release from evidence to a completed rollout', async () => {
      estate.stubs.configure({});
      // "Re-run job" on dependency-scan: it and every job after it run again; the rest is kept.
      await timed(
        'api-service: run 1 attempt 2 (clean rescan to completion)',
        () => run.rerun({ jobs: ['dependency-scan'] }),
      );
      expectEveryGithubJobSucceeded(run);
      await expectReleasedThroughWaybill(estate, service, githubVersion(run), {
        waves: TIER_WAVES.critical,
      });
      // The last wave needed the second approval.
      expect(
        run.job('tenant-rollout-critical-tenants').legs.map(l => l.environment),
      ).toEqual([
        'production-critical-tenants',
        'production-critical-tenants',
        'production-critical-tenants',
      ]);
      expect([...run.missing]).toEqual([]);

      // What the cluster and cloud commands were asked.
      const calls = estate.stubs.calls(mark);
      const lines = calls.map(genericCall);
      const digest = run.job('image-build').outputs.digest;
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      for (const cloud of ['aws', 'azure', 'gcp']) {
        expect(
          calls.filter(
            c =>
              c.command === 'terraform' &&
              c.args.join(' ') === `-chdir=infra/${cloud} validate`,
          ),
        ).toHaveLength(1);
      }
      const setImage = calls.filter(
        c => c.command === 'kubectl' && c.args.includes('set'),
      );
      expect(
        setImage.every(c =>
          c.args.includes(`app=ghcr.io/meridian/pricing-quotes-api@${digest}`),
        ),
      ).toBe(true);
      expect(lines).toEqual(
        expect.arrayContaining([
          'aws eks update-kubeconfig --name meridian-eks --region eu-west-1',
          'az aks get-credentials --resource-group meridian-prod --name meridian-aks --overwrite-existing',
          'gcloud container clusters get-credentials meridian-gke --region europe-west1 --project meridian-prod',
          'cosign sign --yes ghcr.io/meridian/pricing-quotes-api@sha256:<digest>',
        ]),
      );
      expect(
        run.uses
          .filter(u => u.action === 'docker/build-push-action')
          .map(u => u.inputs.tags),
      ).toContain(`ghcr.io/meridian/pricing-quotes-api:${service.sha}`);
      reports.push(
        `Emulated actions of the api-service run:\n${[
          ...new Set(run.uses.map(u => `${u.job}: ${u.action}`)),
        ].join('\n')}`,
      );
    });

    it('refuses the pipeline identity of another repository (403) when it uploads evidence for this service', async () => {
      // The same workflow, replayed from a copy in another repository: its ID token names that
      // repository, which is not the entity's github.com/project-slug.
      await run.rerun({
        jobs: ['evidence-gate'],
        dependents: false,
        repository: 'intruder/copycat',
      });
      expect(run.job('evidence-gate').result).toBe('failure');
      const log = run.logOf('evidence-gate');
      expect(log).toContain('answered 403');
      expect(log).toContain('intruder/copycat');
      expect(estate.issuer.minted).toContainEqual(
        expect.objectContaining({
          subject: 'repo:intruder/copycat:ref:refs/heads/main',
          audience: 'waybill',
        }),
      );
    });
  });

  describe('erp-integration-worker: standard, AWS + GCP, dedicated tenants, GitHub Actions', () => {
    let service: ScaffoldedService;
    let run: GithubRun;

    it('fails the wave of a tenant whose deployment fails, shows it on the board, and completes after a fix and a re-run', async () => {
      service = await timed(
        'erp-integration-worker: scaffold and register',
        () =>
          scaffoldInto(
            estate,
            'erp-integration-worker',
            {
              name: 'webshop-order-sync',
              description: 'Consumes web shop orders and posts them to sales.',
              owner: 'group:default/order-management',
              tier: 'standard',
              businessProcesses: ['domain:default/order-to-cash'],
              erpApi: 'sales-orders-api',
              erpApiRange: '^2.4.0',
              erpComponent: 'component:default/sales',
              queue: 'sales-orders',
              clouds: ['aws', 'gcp'],
              ciProvider: 'github-actions',
              deployStrategy: 'canary',
              tenancy: 'dedicated',
              repoUrl: 'github.com?owner=meridian&repo=webshop-order-sync',
            },
            'wos',
          ),
      );
      // A standard tenant on GCP in the broad wave whose own deployment does not come up.
      const broken = service.tenants.find(
        t => t.tier === 'standard' && t.cloud === 'gcp',
      )!;
      const namespace = `webshop-order-sync-${broken.name}`;
      estate.stubs.configure({ kubectl: { failRolloutStatus: [namespace] } });
      run = await githubRun(estate, service, '2001');
      await timed('erp-integration-worker: run (a tenant fails)', () =>
        run.run(),
      );
      // Every job up to the rollout passed; the rollout stopped at the broken tenant.
      const rollout = run.jobs.get('production-approval');
      if (rollout?.result !== 'success') {
        const failed = [...run.jobs.values()].find(j => j.result === 'failure');
        throw new Error(
          `The run did not reach the rollout: ${failed?.id} failed\n${
            failed ? run.logOf(failed.id) : ''
          }`,
        );
      }
      const [summary] = await rolloutsOf(estate, service);
      // The board answers a page of the tenants its query matches.
      const { body: board } = await api(
        'GET',
        `/api/tenant-rollouts/rollouts/${summary.id}?q=${broken.name}`,
      );
      const boardTenant = board.tenants.items.find(
        (t: { ref: string }) => t.ref === `resource:default/${broken.name}`,
      );
      const brokenCalls = estate.stubs
        .calls()
        .filter(c => c.args.includes(namespace))
        .map(callLine);
      if (boardTenant?.status !== 'failed') {
        throw new Error(
          `${broken.name}, whose kubectl rollout status failed, is "${
            boardTenant?.status
          }" on the rollout board (expected "failed"); kubectl calls in its namespace:\n${brokenCalls.join(
            '\n',
          )}`,
        );
      }
      expect(board.state).toBe('running');
      // Its wave's job failed on its cloud, naming it; nothing after that wave ran.
      const failedJobs = [...run.jobs.values()].filter(
        j => j.result === 'failure',
      );
      expect(failedJobs.map(j => j.id)).toHaveLength(1);
      const [waveJob] = failedJobs;
      expect(waveJob.id).toMatch(/^tenant-rollout-/);
      const failedLeg = waveJob.legs.find(l => l.result === 'failure')!;
      expect(failedLeg.matrix).toEqual({ cloud: broken.cloud });
      expect(failedLeg.error).toContain(broken.name);
      expect(run.job('tenant-rollout-complete').result).toBe('skipped');

      // The tenant's deployment is fixed; "Re-run failed jobs" finishes the rollout.
      estate.stubs.configure({});
      await timed('erp-integration-worker: re-run failed jobs', () =>
        run.rerun({ jobs: [waveJob.id] }),
      );
      expectEveryGithubJobSucceeded(run);
      await expectReleasedThroughWaybill(estate, service, githubVersion(run), {
        waves: TIER_WAVES.standard,
      });
      // Dedicated tenancy: one namespace per tenant, each rolled to the image by digest.
      const digest = run.job('image-build').outputs.digest;
      for (const tenant of service.tenants.filter(t => t.cloud !== 'azure')) {
        expect(estate.stubs.calls().map(callLine)).toContain(
          `kubectl --namespace webshop-order-sync-${tenant.name} set image deployment/webshop-order-sync app=ghcr.io/meridian/webshop-order-sync@${digest}`,
        );
      }
    });
  });

  describe('customer-web-app: internal, Azure, shared, GitHub Actions', () => {
    it('takes a release from scaffold to a completed rollout', async () => {
      const service = await timed(
        'customer-web-app: scaffold and register',
        () =>
          scaffoldInto(
            estate,
            'customer-web-app',
            {
              name: 'order-tracking-web',
              description:
                'Lets trade customers follow their orders and deliveries.',
              owner: 'group:default/order-management',
              tier: 'internal',
              businessProcesses: ['domain:default/order-to-cash'],
              clouds: ['azure'],
              ciProvider: 'github-actions',
              deployStrategy: 'blue-green',
              tenancy: 'shared',
              repoUrl: 'github.com?owner=meridian&repo=order-tracking-web',
            },
            'otw',
          ),
      );
      const run = await githubRun(estate, service, '3001');
      await timed('customer-web-app: run', () => run.run());
      expectEveryGithubJobSucceeded(run);
      await expectReleasedThroughWaybill(estate, service, githubVersion(run), {
        waves: TIER_WAVES.internal,
      });
      expect(text(service, 'waybill/rollout-strategy.yaml')).toContain(
        'all-tenants',
      );
    });
  });

  describe('api-service: standard, AWS + GCP, shared, GitLab CI (gitlab-ci-local)', () => {
    it('takes a release from scaffold to a completed rollout', async () => {
      const service = await timed(
        'GitLab api-service: scaffold and register',
        () =>
          scaffoldInto(
            estate,
            'api-service',
            {
              name: 'delivery-slots-api',
              description: 'Offers delivery slots to trade customers.',
              owner: 'group:default/order-management',
              tier: 'standard',
              businessProcesses: ['domain:default/order-to-cash'],
              clouds: ['aws', 'gcp'],
              ciProvider: 'gitlab-ci',
              deployStrategy: 'rolling',
              tenancy: 'shared',
              repoUrl: 'gitlab.com?owner=meridian&repo=delivery-slots-api',
            },
            'dsa',
          ),
      );
      const pipeline = await gitlabPipeline(estate, service, '4001');
      const { gitlab } = pipeline;
      const results = await timed('GitLab api-service: pipeline', () =>
        pipeline.run(),
      );
      expectEveryGitlabJobSucceeded(gitlab, results);
      await expectReleasedThroughWaybill(
        estate,
        service,
        gitlabVersion(gitlab),
        { waves: TIER_WAVES.standard },
      );
      // The board's list names who started it: the project's pipeline.
      const [summary] = await rolloutsOf(estate, service);
      expect(summary.createdBy).toBe(
        'pipeline:gitlab:meridian/delivery-slots-api',
      );
      reports.push(gitlabInvocationsReport(gitlab));
    });
  });
});
