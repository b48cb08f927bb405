/*
 * Pipeline runs of scaffolded services against a test estate (pipelineEstate.ts). What every
 * golden path test does around a run lives here once: the CI variables a repository admin sets,
 * a GitHub run (this package's runner) or a GitLab pipeline (gitlab-ci-local) of the service's
 * generated pipeline, the service started for STAGING_URL and PRODUCTION_URL, and time passing
 * for bake times. What a passing run must leave in Waybill is releaseExpectations.ts; what the
 * tests print about a run, pipelineReports.ts.
 */
import path from 'node:path';
import { GitlabCiLocal, GitlabResult } from './gitlab/gitlabCiLocal';
import { GithubRun } from './github/runner';
import {
  letTimePass,
  RunningService,
  startService,
  waybillApi,
} from './harness';
import { PipelineEstate } from './pipelineEstate';
import { RunningWaybill } from './portal';
import { PortReservation, reservePort } from './ports';
import { githubWorkflow, ScaffoldedService, scaffoldService } from './scenario';

/** Jobs that reach the service at STAGING_URL or PRODUCTION_URL. */
export const STAGING_JOBS = [
  'smoke-tests',
  'rollback-readiness',
  'business-checks',
];

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
 * Starts the service from `dir` (its build) once, for STAGING_URL and PRODUCTION_URL on the
 * reserved `port`; the started service joins `services` (stopped with the estate).
 */
export function serviceStarter(
  estate: Pick<PipelineEstate, 'services'>,
  port: PortReservation,
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
  const port = await reservePort();
  const start = serviceStarter(estate, port);
  const run: GithubRun = new GithubRun({
    workflow: await githubWorkflow(service),
    repository: { dir: service.repoDir, sha: service.sha, slug: service.slug },
    runDir: path.join(estate.root, 'runs', `${service.name}-${runId}`),
    runId,
    vars: ciVariables({
      name: service.name,
      waybillUrl: estate.waybill.url,
      serviceUrl: `http://127.0.0.1:${port.port}`,
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
  const port = await reservePort();
  const gitlab = await GitlabCiLocal.clone({
    repoDir: service.repoDir,
    project: service.slug,
    dir: path.join(estate.root, 'gitlab', service.name),
    stubs: estate.stubs,
  });
  const variables = ciVariables({
    name: service.name,
    waybillUrl: estate.waybill.url,
    serviceUrl: `http://127.0.0.1:${port.port}`,
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
