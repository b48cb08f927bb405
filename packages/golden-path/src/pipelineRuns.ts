/*
 * Pipeline runs of scaffolded services against one test estate: the real Waybill backend, the
 * test OIDC issuer, the loopback Git host and the recording stubs. What every golden path test
 * does around a run lives here once: the CI variables a repository admin sets, a GitHub run
 * (this package's runner) or a GitLab pipeline (gitlab-ci-local) of the service's generated
 * pipeline, the service started for STAGING_URL and PRODUCTION_URL, time passing for bake times,
 * and what a passing run must leave in Waybill.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RepoHost } from './estate';
import { GitlabCiLocal, GitlabResult } from './gitlab/gitlabCiLocal';
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
import { githubWorkflow, ScaffoldedService, scaffoldService } from './scenario';
import { callLine, StubCall, Stubs } from './stubs/stubs';

/** Jobs that reach the service at STAGING_URL or PRODUCTION_URL. */
export const STAGING_JOBS = [
  'smoke-tests',
  'rollback-readiness',
  'business-checks',
];

/** A test's backend, OIDC issuer, Git host and stubs, in a temporary directory `root`. */
export interface PipelineEstate {
  root: string;
  waybill: RunningWaybill;
  issuer: OidcIssuer;
  host: RepoHost;
  stubs: Stubs;
  /** A user token from the guest sign-in, for the scaffolder. */
  userToken: string;
  /** The services started for STAGING_URL and PRODUCTION_URL; {@link stopEstate} stops them. */
  services: RunningService[];
}

/** Labelled durations, printed at the end of a test file. */
export class Timings {
  readonly entries: Array<[string, number]> = [];

  async timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      this.entries.push([label, Date.now() - started]);
    }
  }

  toString(): string {
    return this.entries
      .map(([label, ms]) => `${label}: ${(ms / 1000).toFixed(1)} s`)
      .join('\n');
  }
}

/**
 * Starts an estate in a new temporary directory: the OIDC issuer and the Git host, the stubs,
 * then the backend (trusting the issuer, reading from the Git host), and signs in as a guest.
 */
export async function startEstate(timings?: Timings): Promise<PipelineEstate> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-'));
  const [issuer, host] = await Promise.all([
    OidcIssuer.start(),
    RepoHost.start(),
  ]);
  const stubs = Stubs.create(path.join(root, 'stubs'));
  const start = () =>
    startWaybill({
      directory: path.join(root, 'waybill'),
      githubIssuer: issuer.githubIssuer,
      gitlabIssuer: issuer.gitlabIssuer,
      readingAllowHosts: [host.hostAndPort],
    });
  let waybill: RunningWaybill;
  try {
    waybill = await (timings ? timings.timed('backend start', start) : start());
  } catch (error) {
    await issuer.close();
    await host.close();
    throw error;
  }
  const userToken = await guestToken(waybill.url);
  return { root, waybill, issuer, host, stubs, userToken, services: [] };
}

/**
 * Stops what {@link startEstate} started and the services the runs started; removes the
 * temporary directory unless GOLDEN_PATH_KEEP is set. Takes a partly started estate too.
 */
export async function stopEstate(
  estate: Partial<PipelineEstate> | undefined,
): Promise<void> {
  if (!estate) return;
  await Promise.all((estate.services ?? []).map(s => s.stop()));
  await estate.waybill?.stop();
  await estate.issuer?.close();
  await estate.host?.close();
  if (process.env.GOLDEN_PATH_KEEP) {
    // eslint-disable-next-line no-console
    console.log(`Kept ${estate.root}`);
  } else if (estate.root) {
    const started = Date.now();
    fs.rmSync(estate.root, { recursive: true, force: true });
    // eslint-disable-next-line no-console
    console.log(
      `Removed ${estate.root} in ${((Date.now() - started) / 1000).toFixed(
        1,
      )} s`,
    );
  }
}

/** A stub call with digests, shas and tokens made generic, for a readable summary. */
export function genericCall(call: StubCall): string {
  return callLine(call)
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<digest>')
    .replace(/\b[0-9a-f]{40}\b/g, '<sha>')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<jwt>');
}

/** Which pipeline run a stub call came from: its working directory names it. */
function runOf(call: StubCall): string {
  return /\/(?:runs|gitlab)\/([^/]+)\//.exec(call.cwd)?.[1] ?? 'elsewhere';
}

/**
 * What the stubs were asked, per run, each distinct call once with its count; the container
 * engine's calls (gitlab-ci-local's job services) only counted.
 */
export function stubReport(calls: StubCall[]): string {
  const runs = new Map<string, Map<string, number>>();
  const engine = calls.filter(c => c.command === 'container-engine');
  for (const call of calls.filter(c => c.command !== 'container-engine')) {
    const counts = runs.get(runOf(call)) ?? new Map<string, number>();
    runs.set(runOf(call), counts);
    const line = `[${call.job}] ${genericCall(call)}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return `What the stubs were asked (${calls.length} calls)\n${[...runs]
    .map(
      ([run, counts]) =>
        `${run}:\n${[...counts]
          .map(([line, n]) => `  ${n}x ${line}`)
          .join('\n')}`,
    )
    .join('\n')}\n\ngitlab-ci-local's container engine (job services): ${
    engine.length
  } calls`;
}

/** The CI variables the generated README asks for, set as the repository's admin would. */
export function ciVariables(options: {
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

/**
 * The Waybill a pipeline talks to: a backend a test started, or the portal the browser tests
 * run (with a static token of theirs and its SQLite directory, for bake times).
 */
export type WaybillEndpoint = Pick<
  RunningWaybill,
  'url' | 'token' | 'databaseDirectory'
>;

/** A call to the Waybill API as the test driver. */
function api<T = any>(
  waybill: WaybillEndpoint,
  method: string,
  route: string,
  body?: unknown,
) {
  return waybillApi<T>(waybill.url, waybill.token, method, route, body);
}

/** Scaffolds `template` with `values` into `<root>/repos/<name>` (see {@link scaffoldService}). */
export function scaffoldInto(
  estate: Pick<PipelineEstate, 'root' | 'waybill' | 'userToken' | 'host'>,
  template: string,
  values: Parameters<typeof scaffoldService>[0]['values'],
  tenantPrefix: string,
): Promise<ScaffoldedService> {
  return scaffoldService({
    waybill: estate.waybill,
    userToken: estate.userToken,
    host: estate.host,
    template,
    values,
    tenantPrefix,
    dir: path.join(estate.root, 'repos', values.name),
  });
}

/** The service's rollouts, newest first, as the board lists them. */
export async function rolloutsOf(
  estate: { waybill: WaybillEndpoint },
  service: ScaffoldedService,
): Promise<any[]> {
  const { status, body } = await api(
    estate.waybill,
    'GET',
    `/api/tenant-rollouts/rollouts?entityRef=${encodeURIComponent(
      service.entityRef,
    )}`,
  );
  if (status !== 200) {
    throw new Error(
      `The rollouts of ${
        service.entityRef
      } answered ${status}: ${JSON.stringify(body)}`,
    );
  }
  return body.items;
}

/** Time passes: the current wave of the service's running rollout bakes for its bake time. */
export async function bake(
  estate: { waybill: WaybillEndpoint },
  service: ScaffoldedService,
): Promise<void> {
  for (const item of await rolloutsOf(estate, service)) {
    if (item.state !== 'running') continue;
    const { body: rollout } = await api(
      estate.waybill,
      'GET',
      `/api/tenant-rollouts/rollouts/${item.id}`,
    );
    const minutes = rollout.waves?.[rollout.currentWave]?.bakeMinutes ?? 0;
    await letTimePass(
      estate.waybill.databaseDirectory,
      service.entityRef,
      minutes,
    );
  }
}

/**
 * Starts the service from `dir` (its build) once, for STAGING_URL and PRODUCTION_URL on `port`;
 * the started service joins `services` (stopped with the estate).
 */
export function serviceStarter(
  estate: Pick<PipelineEstate, 'services'>,
  port: number,
): (dir: () => string) => Promise<void> {
  let started: Promise<RunningService> | undefined;
  return async dir => {
    started ??= startService({ dir: dir(), port }).then(service => {
      estate.services.push(service);
      return service;
    });
    await started;
  };
}

/**
 * A GitHub run of the service's workflow as a push to main (`run()` runs it). The service
 * starts from its build job's workspace when staging is first used; time passes for the
 * rollout before each wave job and the completion.
 */
export async function githubRun(
  estate: Pick<PipelineEstate, 'root' | 'issuer' | 'stubs' | 'services'> & {
    waybill: WaybillEndpoint;
  },
  service: ScaffoldedService,
  runId: string,
  options: {
    /** Runs before each job: after the service has started, before time passes for a wave. */
    beforeJob?: (job: string) => Promise<void>;
  } = {},
): Promise<GithubRun> {
  const port = await freePort();
  const start = serviceStarter(estate, port);
  const run: GithubRun = new GithubRun({
    workflow: await githubWorkflow(service),
    repository: { dir: service.repoDir, sha: service.sha, slug: service.slug },
    runDir: path.join(estate.root, 'runs', `${service.name}-${runId}`),
    runId,
    vars: ciVariables({
      name: service.name,
      waybillUrl: estate.waybill.url,
      serviceUrl: `http://127.0.0.1:${port}`,
    }),
    issuer: estate.issuer,
    stubs: estate.stubs,
    maxStepMs: 180_000,
    beforeJob: async job => {
      if (STAGING_JOBS.includes(job)) {
        await start(() => run.job('build').legs[0].workspace);
      }
      await options.beforeJob?.(job);
      if (job.startsWith('tenant-rollout')) await bake(estate, service);
    },
  });
  return run;
}

/** A GitLab pipeline of a service, through gitlab-ci-local. */
export interface GitlabPipeline {
  gitlab: GitlabCiLocal;
  /** Runs the whole pipeline as a push to main; answers each job's result. */
  run(): Promise<Record<string, GitlabResult>>;
}

/** The wave a GitLab rollout job rolls (`tenant-rollout-<wave>-<cloud>`), or the completion. */
function gitlabWaveOf(job: string): string | undefined {
  return job.startsWith('tenant-rollout-')
    ? job.replace(/-(aws|azure|gcp)$/, '')
    : undefined;
}

/**
 * A GitLab pipeline of the service's `.gitlab-ci.yml` as a push to main, in a clone of its
 * repository (`<root>/gitlab/<name>`): each job gets the ID tokens it declares, minted by the
 * test issuer for the project. The jobs that reach staging run in their own gitlab-ci-local
 * invocation, and so does each wave (its jobs, one per cloud, side by side as GitLab runs a
 * stage's jobs) and the completion: the service starts from the build job's directory when
 * staging is first used, and time passes for the rollout once before each wave and the
 * completion.
 */
export async function gitlabPipeline(
  estate: Pick<
    PipelineEstate,
    'root' | 'waybill' | 'issuer' | 'stubs' | 'services'
  >,
  service: ScaffoldedService,
  pipelineId: string,
): Promise<GitlabPipeline> {
  const port = await freePort();
  const gitlab = await GitlabCiLocal.clone({
    repoDir: service.repoDir,
    project: service.slug,
    dir: path.join(estate.root, 'gitlab', service.name),
    stubs: estate.stubs,
  });
  const variables = ciVariables({
    name: service.name,
    waybillUrl: estate.waybill.url,
    serviceUrl: `http://127.0.0.1:${port}`,
  });
  const identity = {
    projectPath: service.slug,
    ref: 'main',
    sha: service.sha,
    pipelineId,
    jobId: '1',
  };
  const start = serviceStarter(estate, port);
  return {
    gitlab,
    run: () => {
      let wave: string | undefined;
      const baked = new Set<string>();
      return gitlab.runPipeline({
        variables,
        tokensFor: async (_job, audiences) => {
          const out: Record<string, string> = {};
          for (const [variable, audience] of Object.entries(audiences)) {
            const aud = audience.replace(
              '${GCP_WORKLOAD_IDENTITY_PROVIDER}',
              variables.GCP_WORKLOAD_IDENTITY_PROVIDER,
            );
            out[variable] = await estate.issuer.mintGitlab(identity, aud);
          }
          return out;
        },
        // Called once per job, in the pipeline's order: a group starts at each new wave.
        isolate: job => {
          const previous = wave;
          wave = gitlabWaveOf(job);
          return (
            STAGING_JOBS.includes(job) ||
            (wave !== undefined && wave !== previous)
          );
        },
        beforeJob: async job => {
          if (STAGING_JOBS.includes(job)) {
            await start(() => gitlab.buildDir('build'));
          }
          const jobWave = gitlabWaveOf(job);
          if (jobWave !== undefined && !baked.has(jobWave)) {
            baked.add(jobWave);
            await bake(estate, service);
          }
        },
      });
    },
  };
}

/** How long each gitlab-ci-local invocation of a pipeline took, for the timings report. */
export function gitlabInvocationsReport(gitlab: GitlabCiLocal): string {
  return `gitlab-ci-local invocations: ${gitlab.invocations
    .map(i => `${i.jobs.join(',')} ${(i.durationMs / 1000).toFixed(1)} s`)
    .join('; ')}`;
}

/** The jobs of a GitHub run by duration, longest first, for the timings report. */
export function githubJobsReport(run: GithubRun): string {
  return `jobs: ${[...run.jobs.values()]
    .sort((a, b) => b.durationMs - a.durationMs)
    .map(j => `${j.id} ${(j.durationMs / 1000).toFixed(1)} s`)
    .join('; ')}`;
}

/** Throws, with the job's log, at the first job of the GitHub run that did not succeed. */
export function expectEveryGithubJobSucceeded(run: GithubRun): void {
  for (const [id, job] of run.jobs) {
    if (job.result !== 'success') {
      throw new Error(`${id}: ${job.result}\n${run.logOf(id)}`);
    }
  }
}

/**
 * Throws, with the job's log, at the first job of the GitLab pipeline that did not succeed
 * (`warning`, an allowed failure, is not success either).
 */
export function expectEveryGitlabJobSucceeded(
  gitlab: GitlabCiLocal,
  results: Record<string, GitlabResult>,
): void {
  expect(Object.keys(results).length).toBeGreaterThan(0);
  for (const [job, result] of Object.entries(results)) {
    if (result !== 'success') {
      throw new Error(`${job}: ${result}\n${gitlab.log(job)}`);
    }
  }
}

const VERSION = /^\d+\.\d+\.\d+\+[0-9a-f]{12}$/;

/** The release's version the GitHub run computed (package.json version + commit). */
export function githubVersion(run: GithubRun): string {
  const version = run.job('source-validation').outputs.version;
  expect(version).toMatch(VERSION);
  return version;
}

/** The version gitlab-ci-local's source-validation job put in its dotenv report. */
export function gitlabVersion(gitlab: GitlabCiLocal): string {
  const dotenv = fs.readFileSync(
    path.join(gitlab.buildDir('source-validation'), 'outputs.env'),
    'utf8',
  );
  const version = /^WAYBILL_OUT_VERSION=(.*)$/m.exec(dotenv)?.[1] ?? '';
  expect(version).toMatch(VERSION);
  return version;
}

/** The tenant waves of each tier's generated strategy, in order. */
export const TIER_WAVES: Record<
  'internal' | 'standard' | 'critical',
  string[]
> = {
  internal: ['canary', 'all-tenants'],
  standard: ['canary', 'early', 'broad'],
  critical: ['canary', 'early', 'broad', 'critical-tenants'],
};

/**
 * What a passing run must leave in Waybill: the release's evidence scored and its production
 * gate passing; one production rollout of that version, planned from the service's own
 * strategy file (read from its repository through the URL reader), started by the pipeline's
 * identity (the GitHub repository or the GitLab project), advanced wave by wave (`waves`) and
 * completed with every tenant healthy; and a DORA deployment. Answers the rollout.
 */
export async function expectReleasedThroughWaybill(
  estate: Pick<PipelineEstate, 'waybill' | 'host'>,
  service: ScaffoldedService,
  version: string,
  expected: { waves: string[] },
): Promise<any> {
  const get = (route: string) => api(estate.waybill, 'GET', route);
  const release = `/api/scorecards/entities/component/default/${
    service.name
  }/releases/${encodeURIComponent(version)}`;
  const scorecard = await get(release);
  expect(scorecard.status).toBe(200);
  expect(
    scorecard.body.evidence.map((e: { kind: string }) => e.kind).sort(),
  ).toEqual(
    expect.arrayContaining(['coverage', 'dependencies', 'security', 'tests']),
  );
  expect(scorecard.body.evaluation).not.toBeNull();
  const gate = await get(`${release}/gates/production`);
  expect(gate.status).toBe(200);
  expect(gate.body.decision).toBe('pass');

  const [summary, ...others] = await rolloutsOf(estate, service);
  expect(others).toEqual([]);
  expect(summary).toMatchObject({ version, environment: 'production' });
  const { body: rollout } = await get(
    `/api/tenant-rollouts/rollouts/${summary.id}`,
  );
  expect(rollout.strategySource).toBe(
    `${service.sourceLocation}waybill/rollout-strategy.yaml`,
  );
  // Started by the pipeline's identity: the repository's workflow or the project's pipeline.
  expect(rollout.createdBy).toBe(
    `pipeline:${
      service.ciProvider === 'github-actions' ? 'github' : 'gitlab'
    }:${service.slug}`,
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
  const dora = await get(
    `/api/scorecards/dora?entityRef=${encodeURIComponent(
      service.entityRef,
    )}&from=${new Date(Date.now() - day).toISOString()}&to=${new Date(
      Date.now() + day,
    ).toISOString()}`,
  );
  expect(dora.status).toBe(200);
  expect(dora.body.current.deploymentFrequency.deployments).toBe(1);
  // The strategy file was read from the service's repository, through the URL reader.
  expect(estate.host.requests).toContainEqual({
    path: `/${service.slug}/waybill/rollout-strategy.yaml`,
    status: 200,
  });
  return rollout;
}
