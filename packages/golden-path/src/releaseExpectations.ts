/*
 * What a passing pipeline run must show: every job succeeded, the release's version, and what
 * the release left in Waybill (scored evidence, a passing gate, a completed rollout, a DORA
 * deployment).
 */
import fs from 'node:fs';
import path from 'node:path';
import { GitlabCiLocal, GitlabResult } from './gitlab/gitlabCiLocal';
import { GithubRun } from './github/runner';
import { PipelineEstate } from './pipelineEstate';
import { waybillApi } from './harness';
import { rolloutsOf } from './pipelineRuns';
import { ScaffoldedService } from './scenario';

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
 * The release's signature and provenance are the pipeline's keyless bundles, verified by Waybill
 * against the Sigstore root it trusts: signed for the release's artifact by this repository's
 * workflow (GitHub) or CI configuration (GitLab), at the build level that identity vouches for.
 */
function expectVerifiedSupplyChain(release: any, service: ScaffoldedService) {
  const identity =
    service.ciProvider === 'github-actions'
      ? new RegExp(
          `^https://github\\.com/${service.slug}/\\.github/workflows/golden-pipeline\\.yml@refs/heads/main$`,
        )
      : new RegExp(
          `^https://gitlab\\.com/${service.slug}//\\.gitlab-ci\\.yml@refs/heads/main$`,
        );
  const signed = (kind: string) =>
    release.evidence.find((e: { kind: string }) => e.kind === kind).facts;
  for (const kind of ['signature', 'provenance']) {
    expect(signed(kind)).toMatchObject({
      subjectDigest: release.artifactDigest,
      signer: {
        kind: 'certificate',
        identity: expect.stringMatching(identity),
      },
    });
  }
  expect(signed('provenance')).toMatchObject({
    slsaBuildLevel: 2,
    sourceRepository: expect.stringContaining(service.slug),
  });
}

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
  const get = (route: string) =>
    waybillApi(estate.waybill.url, estate.waybill.token, 'GET', route);
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
  expectVerifiedSupplyChain(scorecard.body, service);
  const gate = await get(`${release}/gates/production`);
  expect(gate.status).toBe(200);
  expect(gate.body.decision).toBe('pass');

  const [summary, ...others] = await rolloutsOf(estate, service);
  expect(others).toEqual([]);
  expect(summary).toMatchObject({ version, environment: 'production' });
  // Every tenant on one page of the board (a service has far fewer than 500).
  const { body: rollout } = await get(
    `/api/tenant-rollouts/rollouts/${summary.id}?limit=500`,
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
  const tenants: Array<{ ref: string; status: string }> = rollout.tenants.items;
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
