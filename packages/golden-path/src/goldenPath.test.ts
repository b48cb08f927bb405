/*
 * The golden path, run for real: each template is scaffolded through the real backend's
 * scaffolder, committed as a new repository, registered in the catalog with its tenants, and its
 * generated pipeline is executed job by job (GitHub Actions by this package's runner on GitHub's
 * own parser and expression engine, GitLab CI by gitlab-ci-local) against that backend, with
 * recording stubs for the commands that reach a cloud or a cluster. One backend, one OIDC
 * issuer and one stub directory serve every case; time passes for bake times by moving the
 * rollout's status changes back in the backend's database (harness.ts, letTimePass).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RepoHost } from './estate';
import { GitlabCiLocal } from './gitlab/gitlabCiLocal';
import { GithubRun } from './github/runner';
import {
  letTimePass,
  RunningService,
  startService,
  waybillApi,
} from './harness';
import { OidcIssuer } from './oidcIssuer';
import { freePort, RunningWaybill, startWaybill } from './portal';
import { guestToken } from './scaffold';
import {
  githubWorkflow,
  ScaffoldedService,
  scaffoldService,
  text,
} from './scenario';
import { callLine, StubCall, Stubs } from './stubs/stubs';

jest.setTimeout(900_000);

/** Jobs that reach the service at STAGING_URL or PRODUCTION_URL. */
const STAGING_JOBS = ['smoke-tests', 'rollback-readiness', 'business-checks'];

const timings: Array<[string, number]> = [];
async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([label, Date.now() - started]);
  }
}

/** The CI variables the generated README asks for, set as the repository's admin would. */
function ciVariables(options: {
  name: string;
  waybillUrl: string;
  serviceUrl: string;
}): Record<string, string> {
  return {
    WAYBILL_URL: options.waybillUrl,
    STAGING_URL: options.serviceUrl,
    PRODUCTION_URL: options.serviceUrl,
    IMAGE_REPOSITORY: `ghcr.io/meridian/${options.name}`,
    AWS_ROLE_ARN: `arn:aws:iam::123456789012:role/${options.name}-deploy`,
    AWS_REGION: 'eu-west-1',
    AWS_EKS_CLUSTER: 'meridian-eks',
    AZURE_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
    AZURE_TENANT_ID: '22222222-2222-2222-2222-222222222222',
    AZURE_SUBSCRIPTION_ID: '33333333-3333-3333-3333-333333333333',
    AZURE_RESOURCE_GROUP: 'meridian-prod',
    AZURE_AKS_CLUSTER: 'meridian-aks',
    GCP_WORKLOAD_IDENTITY_PROVIDER:
      'projects/123456789/locations/global/workloadIdentityPools/ci/providers/github',
    GCP_SERVICE_ACCOUNT: `${options.name}@meridian-prod.iam.gserviceaccount.com`,
    GCP_PROJECT: 'meridian-prod',
    GCP_REGION: 'europe-west1',
    GCP_GKE_CLUSTER: 'meridian-gke',
  };
}

/** A stub call with digests, shas and tokens made generic, for a readable summary. */
function generic(call: StubCall): string {
  return callLine(call)
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<digest>')
    .replace(/\b[0-9a-f]{40}\b/g, '<sha>')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<jwt>');
}

/** Which pipeline run a stub call came from: its working directory names it. */
function runOf(call: StubCall): string {
  return /\/(?:runs|gitlab)\/([^/]+)\//.exec(call.cwd)?.[1] ?? 'elsewhere';
}

/** The stub calls, per run, each distinct call once with its count. */
function summarize(calls: StubCall[]): string {
  const runs = new Map<string, Map<string, number>>();
  for (const call of calls) {
    const counts = runs.get(runOf(call)) ?? new Map<string, number>();
    runs.set(runOf(call), counts);
    const line = `[${call.job}] ${generic(call)}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...runs]
    .map(
      ([run, counts]) =>
        `${run}:\n${[...counts]
          .map(([line, n]) => `  ${n}x ${line}`)
          .join('\n')}`,
    )
    .join('\n');
}

describe('the golden path, run for real', () => {
  let root: string;
  let issuer: OidcIssuer;
  let host: RepoHost;
  let stubs: Stubs;
  let waybill: RunningWaybill;
  let userToken: string;
  const services: RunningService[] = [];
  const reports: string[] = [];

  const api = <T = any>(method: string, route: string, body?: unknown) =>
    waybillApi<T>(waybill.url, waybill.token, method, route, body);

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-'));
    [issuer, host] = await Promise.all([OidcIssuer.start(), RepoHost.start()]);
    stubs = Stubs.create(path.join(root, 'stubs'));
    waybill = await timed('backend start', () =>
      startWaybill({
        directory: path.join(root, 'waybill'),
        githubIssuer: issuer.githubIssuer,
        gitlabIssuer: issuer.gitlabIssuer,
        readingAllowHosts: [host.hostAndPort],
      }),
    );
    userToken = await guestToken(waybill.url);
  });

  afterAll(async () => {
    await Promise.all(services.map(s => s.stop()));
    await waybill?.stop();
    await issuer?.close();
    await host?.close();
    const calls = stubs ? stubs.calls() : [];
    // eslint-disable-next-line no-console
    console.log(
      `What the stubs were asked (${calls.length} calls)\n${summarize(
        calls.filter(c => c.command !== 'container-engine'),
      )}\n\ngitlab-ci-local's container engine (job services): ${
        calls.filter(c => c.command === 'container-engine').length
      } calls`,
    );
    // eslint-disable-next-line no-console
    console.log(
      `Golden path timings\n${timings
        .map(([label, ms]) => `${label}: ${(ms / 1000).toFixed(1)} s`)
        .join('\n')}\n\n${reports.join('\n\n')}`,
    );
    if (process.env.GOLDEN_PATH_KEEP) {
      // eslint-disable-next-line no-console
      console.log(`Kept ${root}`);
    } else if (root) {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  /** Time passes: the current wave of the service's running rollout bakes for its bake time. */
  async function bake(service: ScaffoldedService) {
    const { body } = await api(
      'GET',
      `/api/tenant-rollouts/rollouts?entityRef=${encodeURIComponent(
        service.entityRef,
      )}`,
    );
    for (const item of body.items ?? []) {
      if (item.state !== 'running') continue;
      const { body: rollout } = await api(
        'GET',
        `/api/tenant-rollouts/rollouts/${item.id}`,
      );
      const minutes = rollout.waves?.[rollout.currentWave]?.bakeMinutes ?? 0;
      await letTimePass(waybill.databaseDirectory, service.entityRef, minutes);
    }
  }

  /** Starts the service from `dir` (its build) once, for STAGING_URL and PRODUCTION_URL. */
  function serviceStarter(port: number) {
    let started: Promise<RunningService> | undefined;
    return async (dir: () => string) => {
      started ??= startService({ dir: dir(), port }).then(service => {
        services.push(service);
        return service;
      });
      await started;
    };
  }

  /**
   * A GitHub run of the service's workflow as a push to main. The service starts from its
   * build job's workspace when staging is first used; time passes for the rollout before each
   * wave job and the completion.
   */
  async function githubRun(
    service: ScaffoldedService,
    runId: string,
  ): Promise<GithubRun> {
    const port = await freePort();
    const start = serviceStarter(port);
    const run: GithubRun = new GithubRun({
      workflow: await githubWorkflow(service),
      repository: {
        dir: service.repoDir,
        sha: service.sha,
        slug: service.slug,
      },
      runDir: path.join(root, 'runs', `${service.name}-${runId}`),
      runId,
      vars: ciVariables({
        name: service.name,
        waybillUrl: waybill.url,
        serviceUrl: `http://127.0.0.1:${port}`,
      }),
      issuer,
      stubs,
      maxStepMs: 180_000,
      beforeJob: async job => {
        if (STAGING_JOBS.includes(job)) {
          await start(() => run.job('build').legs[0].workspace);
        }
        if (job.startsWith('tenant-rollout')) await bake(service);
      },
    });
    return run;
  }

  async function rolloutsOf(service: ScaffoldedService): Promise<any[]> {
    const { status, body } = await api(
      'GET',
      `/api/tenant-rollouts/rollouts?entityRef=${encodeURIComponent(
        service.entityRef,
      )}`,
    );
    expect(status).toBe(200);
    return body.items;
  }

  /** The release's version the pipeline computed (package.json version + commit). */
  function versionOf(run: GithubRun): string {
    const version = run.job('source-validation').outputs.version;
    expect(version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    return version;
  }

  /** The version gitlab-ci-local's source-validation job put in its dotenv report. */
  function versionOfGitlab(gitlab: GitlabCiLocal): string {
    const dotenv = fs.readFileSync(
      path.join(gitlab.buildDir('source-validation'), 'outputs.env'),
      'utf8',
    );
    const version = /^WAYBILL_OUT_VERSION=(.*)$/m.exec(dotenv)?.[1] ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    return version;
  }

  /** What a passing run must leave in Waybill: scored evidence, a passing gate, a completed rollout. */
  async function expectReleasedThroughWaybill(
    service: ScaffoldedService,
    version: string,
    expected: { waves: string[]; failedTenants?: string[] },
  ) {
    const release = `/api/scorecards/entities/component/default/${
      service.name
    }/releases/${encodeURIComponent(version)}`;
    const scorecard = await api('GET', release);
    expect(scorecard.status).toBe(200);
    expect(
      scorecard.body.evidence.map((e: { kind: string }) => e.kind).sort(),
    ).toEqual(
      expect.arrayContaining(['coverage', 'dependencies', 'security', 'tests']),
    );
    expect(scorecard.body.evaluation).not.toBeNull();
    const gate = await api('GET', `${release}/gates/production`);
    expect(gate.status).toBe(200);
    expect(gate.body.decision).toBe('pass');

    const [summary, ...others] = await rolloutsOf(service);
    expect(others).toEqual([]);
    expect(summary).toMatchObject({ version, environment: 'production' });
    const { body: rollout } = await api(
      'GET',
      `/api/tenant-rollouts/rollouts/${summary.id}`,
    );
    expect(rollout.strategySource).toBe(
      `${service.sourceLocation}waybill/rollout-strategy.yaml`,
    );
    expect(rollout.waves.map((w: { name: string }) => w.name)).toEqual(
      expected.waves,
    );
    expect(rollout.state).toBe('completed');
    const tenants = rollout.waves.flatMap(
      (w: { tenants: Array<{ ref: string; status: string }> }) => w.tenants,
    );
    expect(tenants.map((t: { ref: string }) => t.ref).sort()).toEqual(
      service.tenants.map(t => `resource:default/${t.name}`).sort(),
    );
    for (const tenant of tenants) expect(tenant.status).toBe('healthy');
    const actions = rollout.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'start',
      ...expected.waves.slice(1).map(() => 'advance'),
      'complete',
    ]);
    // The completion was recorded as a production deployment for DORA.
    const day = 86_400_000;
    const dora = await api(
      'GET',
      `/api/scorecards/dora?entityRef=${encodeURIComponent(
        service.entityRef,
      )}&from=${new Date(Date.now() - day).toISOString()}&to=${new Date(
        Date.now() + day,
      ).toISOString()}`,
    );
    expect(dora.status).toBe(200);
    expect(dora.body.current.deploymentFrequency.deployments).toBe(1);
    // The strategy file was read from the service's repository, through the URL reader.
    expect(host.requests).toContainEqual({
      path: `/${service.slug}/waybill/rollout-strategy.yaml`,
      status: 200,
    });
    return rollout;
  }

  describe('api-service: critical, AWS + Azure + GCP, shared, GitHub Actions', () => {
    let service: ScaffoldedService;
    let run: GithubRun;
    let mark = 0;

    it('scaffolds through the real scaffolder and lands in the catalog', async () => {
      service = await timed('api-service: scaffold and register', () =>
        scaffoldService({
          waybill,
          userToken,
          host,
          template: 'api-service',
          values: {
            name: 'pricing-quotes-api',
            description: 'Quotes contract prices for trade customers.',
            owner: 'group:default/digital-channels',
            system: 'customer-channels',
            tier: 'critical',
            businessProcesses: ['order-to-cash'],
            clouds: ['aws', 'azure', 'gcp'],
            ciProvider: 'github-actions',
            deployStrategy: 'rolling',
            tenancy: 'shared',
            tenantSegments: ['wholesale', 'retail'],
            consumedApis: [{ api: 'sales-orders-api', range: '^2.4.0' }],
            dependsOn: ['component:default/sales'],
            repoUrl: 'github.com?owner=meridian&repo=pricing-quotes-api',
          },
          tenantPrefix: 'pqa',
          dir: path.join(root, 'repos', 'pricing-quotes-api'),
        }),
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
      stubs.configure({
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
      mark = stubs.mark();
      run = await githubRun(service, '1001');
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
      expect(await rolloutsOf(service)).toEqual([]);
    });

    it('after a clean rescan, takes the release from evidence to a completed rollout', async () => {
      stubs.configure({});
      // "Re-run job" on dependency-scan: it and every job after it run again; the rest is kept.
      await timed(
        'api-service: run 1 attempt 2 (clean rescan to completion)',
        () => run.rerun({ jobs: ['dependency-scan'] }),
      );
      for (const [id, job] of run.jobs) {
        if (job.result !== 'success') {
          throw new Error(`${id}: ${job.result}\n${run.logOf(id)}`);
        }
      }
      const version = versionOf(run);
      const rollout = await expectReleasedThroughWaybill(service, version, {
        waves: ['canary', 'early', 'broad', 'critical-tenants'],
      });
      expect(rollout.createdBy).toMatch(
        /^external:github-actions:repo:meridian\/pricing-quotes-api:/,
      );
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
      const calls = stubs.calls(mark);
      const lines = calls.map(generic);
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
      expect(issuer.minted).toContainEqual(
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
          scaffoldService({
            waybill,
            userToken,
            host,
            template: 'erp-integration-worker',
            values: {
              name: 'webshop-order-sync',
              description: 'Consumes web shop orders and posts them to sales.',
              owner: 'group:default/order-management',
              tier: 'standard',
              businessProcesses: ['order-to-cash'],
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
            tenantPrefix: 'wos',
            dir: path.join(root, 'repos', 'webshop-order-sync'),
          }),
      );
      // A standard tenant on GCP in the broad wave whose own deployment does not come up.
      const broken = service.tenants.find(
        t => t.tier === 'standard' && t.cloud === 'gcp',
      )!;
      const namespace = `webshop-order-sync-${broken.name}`;
      stubs.configure({ kubectl: { failRolloutStatus: [namespace] } });
      run = await githubRun(service, '2001');
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
      const [summary] = await rolloutsOf(service);
      const { body: board } = await api(
        'GET',
        `/api/tenant-rollouts/rollouts/${summary.id}`,
      );
      const boardTenant = board.waves
        .flatMap((w: { tenants: any[] }) => w.tenants)
        .find(
          (t: { ref: string }) => t.ref === `resource:default/${broken.name}`,
        );
      const brokenCalls = stubs
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
      stubs.configure({});
      await timed('erp-integration-worker: re-run failed jobs', () =>
        run.rerun({ jobs: [waveJob.id] }),
      );
      for (const [id, job] of run.jobs) {
        if (job.result !== 'success') {
          throw new Error(`${id}: ${job.result}\n${run.logOf(id)}`);
        }
      }
      await expectReleasedThroughWaybill(service, versionOf(run), {
        waves: ['canary', 'early', 'broad'],
      });
      // Dedicated tenancy: one namespace per tenant, each rolled to the image by digest.
      const digest = run.job('image-build').outputs.digest;
      for (const tenant of service.tenants.filter(t => t.cloud !== 'azure')) {
        expect(stubs.calls().map(callLine)).toContain(
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
          scaffoldService({
            waybill,
            userToken,
            host,
            template: 'customer-web-app',
            values: {
              name: 'order-tracking-web',
              description:
                'Lets trade customers follow their orders and deliveries.',
              owner: 'group:default/order-management',
              tier: 'internal',
              businessProcesses: ['order-to-cash'],
              clouds: ['azure'],
              ciProvider: 'github-actions',
              deployStrategy: 'blue-green',
              tenancy: 'shared',
              repoUrl: 'github.com?owner=meridian&repo=order-tracking-web',
            },
            tenantPrefix: 'otw',
            dir: path.join(root, 'repos', 'order-tracking-web'),
          }),
      );
      const run = await githubRun(service, '3001');
      await timed('customer-web-app: run', () => run.run());
      for (const [id, job] of run.jobs) {
        if (job.result !== 'success') {
          throw new Error(`${id}: ${job.result}\n${run.logOf(id)}`);
        }
      }
      await expectReleasedThroughWaybill(service, versionOf(run), {
        waves: ['canary', 'all-tenants'],
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
          scaffoldService({
            waybill,
            userToken,
            host,
            template: 'api-service',
            values: {
              name: 'delivery-slots-api',
              description: 'Offers delivery slots to trade customers.',
              owner: 'group:default/order-management',
              tier: 'standard',
              businessProcesses: ['order-to-cash'],
              clouds: ['aws', 'gcp'],
              ciProvider: 'gitlab-ci',
              deployStrategy: 'rolling',
              tenancy: 'shared',
              repoUrl: 'gitlab.com?owner=meridian&repo=delivery-slots-api',
            },
            tenantPrefix: 'dsa',
            dir: path.join(root, 'repos', 'delivery-slots-api'),
          }),
      );
      const port = await freePort();
      const gitlab = await GitlabCiLocal.clone({
        repoDir: service.repoDir,
        project: service.slug,
        dir: path.join(root, 'gitlab', service.name),
        stubs,
      });
      const vars = ciVariables({
        name: service.name,
        waybillUrl: waybill.url,
        serviceUrl: `http://127.0.0.1:${port}`,
      });
      const identity = {
        projectPath: service.slug,
        ref: 'main',
        sha: service.sha,
        pipelineId: '4001',
        jobId: '1',
      };
      const start = serviceStarter(port);
      const results = await timed('GitLab api-service: pipeline', () =>
        gitlab.runPipeline({
          variables: vars,
          tokensFor: async (_job, audiences) => {
            const out: Record<string, string> = {};
            for (const [variable, audience] of Object.entries(audiences)) {
              const aud = audience.replace(
                '${GCP_WORKLOAD_IDENTITY_PROVIDER}',
                vars.GCP_WORKLOAD_IDENTITY_PROVIDER,
              );
              out[variable] = await issuer.mintGitlab(identity, aud);
            }
            return out;
          },
          isolate: job =>
            STAGING_JOBS.includes(job) || job.startsWith('tenant-rollout'),
          beforeJob: async job => {
            if (STAGING_JOBS.includes(job)) {
              await start(() => gitlab.buildDir('build'));
            }
            if (job.startsWith('tenant-rollout')) await bake(service);
          },
        }),
      );
      for (const [job, result] of Object.entries(results)) {
        if (result !== 'success') {
          throw new Error(`${job}: ${result}\n${gitlab.log(job)}`);
        }
      }
      await expectReleasedThroughWaybill(service, versionOfGitlab(gitlab), {
        waves: ['canary', 'early', 'broad'],
      });
      const [summary] = await rolloutsOf(service);
      expect(summary.createdBy).toMatch(
        /^external:gitlab-ci:project_path:meridian\/delivery-slots-api:/,
      );
      reports.push(
        `gitlab-ci-local invocations: ${gitlab.invocations
          .map(i => `${i.jobs.join(',')} ${(i.durationMs / 1000).toFixed(1)} s`)
          .join('; ')}`,
      );
    });
  });
});
