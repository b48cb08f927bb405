/**
 * The setup of a real create flow test, for either SCM provider: a git remote
 * (`git http-backend`), the provider's fake API on loopback pushing into it, and the portal with
 * the provider's scaffolder module and integration; and the test every provider shares, a host
 * without credentials.
 */
/* eslint-disable jest/no-export -- helpers that register hooks and tests where they are called */
import { BackendFeature } from '@backstage/backend-plugin-api';
import { AppConfig } from '@backstage/config';
import { GitHttpBackend, startGitHttpBackend } from '@waybill/golden-path';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  catalogComponent,
  expectRepositoryAndEntityLinks,
  expectStoppedAtRepositoryCheck,
  failures,
  runTask,
  runTaskCountingRequests,
  Server,
  startPortal,
  TaskRun,
} from './scaffolderTasks';

/** A fake SCM API on loopback: its host, the requests it received. */
export interface FakeScm {
  host: string;
  requests: unknown[];
  close(): Promise<void>;
}

/** What a create flow test runs against, once its beforeAll has run. */
export interface PublishFlow<TFake extends FakeScm> {
  server: Server;
  /** The provider's fake API. */
  scm: TFake;
  git: GitHttpBackend;
  workDir: string;
}

/**
 * Starts the git remote, the fake SCM API and the portal before the suite's tests, and stops
 * them after; the object answered is filled in by the time the tests run.
 */
export function setUpPublishFlow<TFake extends FakeScm>(options: {
  /** The prefix of the work directory's name, under the OS's temporary directory. */
  workDirPrefix: string;
  template: string;
  ownerTeam: string;
  /** The provider's scaffolder module. */
  feature: BackendFeature;
  startScm(git: GitHttpBackend): Promise<TFake>;
  /** The `integrations` config for the fake. */
  integrations(scm: TFake): AppConfig['data'];
  /** More of `scorecards.enforcement` for the fake (Waybill's GitLab approver on it). */
  enforcement?(scm: TFake): AppConfig['data'];
}): PublishFlow<TFake> {
  const flow = {} as PublishFlow<TFake>;
  beforeAll(async () => {
    flow.workDir = fs.mkdtempSync(
      path.join(os.tmpdir(), options.workDirPrefix),
    );
    flow.git = await startGitHttpBackend(path.join(flow.workDir, 'git'));
    flow.scm = await options.startScm(flow.git);
    ({ server: flow.server } = await startPortal({
      workDir: flow.workDir,
      template: options.template,
      ownerTeam: options.ownerTeam,
      features: [options.feature],
      integrations: options.integrations(flow.scm),
      enforcement: options.enforcement?.(flow.scm),
    }));
  }, 60_000);

  afterAll(async () => {
    await flow.server?.close?.();
    await flow.scm?.close();
    await flow.git?.close();
    if (flow.workDir) fs.rmSync(flow.workDir, { recursive: true, force: true });
  });
  return flow;
}

/**
 * Runs a task of `template` creating the repository `meridian/<values.name>` on the fake SCM
 * host, which must complete without a failed step.
 */
export async function runCreateTask(
  flow: PublishFlow<FakeScm>,
  template: string,
  values: Record<string, unknown> & { name: string },
): Promise<TaskRun> {
  const run = await runTask(flow.server, template, {
    ...values,
    repoUrl: `${flow.scm.host}?owner=meridian&repo=${values.name}`,
  });
  expect(failures(run)).toEqual([]);
  expect(run.task.status).toBe('completed');
  return run;
}

/**
 * Expects the task's service in the catalog: its Component, owned as the form said and
 * registered from `catalogInfoUrl`, and the links the portal shows after the task, the
 * repository (`repositoryUrl`) and the entity. Answers the Component.
 */
export async function expectRegistered(
  flow: PublishFlow<FakeScm>,
  run: TaskRun,
  values: { name: string; owner: string },
  urls: { catalogInfoUrl: string; repositoryUrl: string },
) {
  const component = await catalogComponent(flow.server, values.name);
  expect(component.spec.owner).toBe(values.owner);
  expect(
    component.metadata.annotations['backstage.io/managed-by-location'],
  ).toBe(`url:${urls.catalogInfoUrl}`);
  expectRepositoryAndEntityLinks(run, urls.repositoryUrl, values.name);
  return component;
}

/**
 * The test that a task for `host` (an integration by default, but none with a token is
 * configured for it) stops at its first step naming `integrations.<kind>`, and asks nothing of
 * the fake API or the git remote.
 */
export function itStopsWithoutCredentials(
  flow: PublishFlow<FakeScm>,
  options: {
    template: string;
    values: Record<string, unknown>;
    kind: 'github' | 'gitlab';
    host: string;
    name: string;
  },
) {
  it('stops at the first step, naming the config key, when the host has no credentials', async () => {
    const { run, requests } = await runTaskCountingRequests(
      flow.server,
      options.template,
      {
        ...options.values,
        name: options.name,
        repoUrl: `${options.host}?owner=meridian&repo=${options.name}`,
      },
      [flow.scm, flow.git],
    );
    expectStoppedAtRepositoryCheck(run, `integrations.${options.kind}`);
    // Nothing was asked of the SCM or pushed.
    expect(requests).toEqual([0, 0]);
  }, 60_000);
}
