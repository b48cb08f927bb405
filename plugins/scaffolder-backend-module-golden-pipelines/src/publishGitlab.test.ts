/**
 * The real create flow for GitLab CI, as the portal runs it: a task for the customer web app
 * template (a Template entity in a real catalog) through the scaffolder's task API, with
 * publish:gitlab talking to a fake of the GitLab REST API v4 on loopback, which receives the push
 * into a real git repository as GitLab does, waybill:gitlab:deployment-gate putting Waybill's
 * approval rule on the project's environments there, and waybill:catalog:register registering the
 * pushed catalog-info.yaml in the real catalog, which reads it back through the GitLab URL
 * reader; as in the portal, the person creating may not register catalog locations.
 */
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { FakeGitlab, startFakeGitlab } from '@waybill/golden-path';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { cloneRepository } from './__testUtils__/scaffolderTasks';
import {
  expectRegistered,
  itStopsWithoutCredentials,
  runCreateTask,
  setUpPublishFlow,
} from './__testUtils__/publishFlow';

const TOKEN = 'test-gitlab-token';
/** Waybill's GitLab approver (`scorecards.enforcement.gitlab`), a user of the same instance. */
const APPROVER = { id: 77, username: 'waybill-approver', name: 'Waybill' };
const APPROVER_TOKEN = 'test-gitlab-approver-token';
const OWNER_TEAM = 'digital-channels';
const GROUP_ID = 42;
const TEMPLATE = 'customer-web-app';

const VALUES = {
  name: 'trade-portal-web',
  description:
    'The trade customers portal for quotes and orders (order-to-cash).',
  owner: `group:default/${OWNER_TEAM}`,
  tier: 'standard',
  businessProcesses: ['domain:default/order-to-cash'],
  clouds: ['aws'],
  ciProvider: 'gitlab-ci',
  deployStrategy: 'rolling',
  tenancy: 'shared',
};

describe('create publishes to GitLab, through the real scaffolder task API', () => {
  const flow = setUpPublishFlow<FakeGitlab>({
    workDirPrefix: 'waybill-publish-gitlab-',
    template: TEMPLATE,
    ownerTeam: OWNER_TEAM,
    feature: gitlabModule,
    startScm: git =>
      startFakeGitlab({
        token: TOKEN,
        git,
        groups: { meridian: { id: GROUP_ID, name: 'Meridian' } },
        users: [{ ...APPROVER, token: APPROVER_TOKEN }],
      }),
    integrations: gitlab => ({
      gitlab: [
        {
          host: gitlab.host,
          apiBaseUrl: gitlab.apiBaseUrl,
          // The web and git address, and where publish:gitlab finds the API (/api/v4).
          baseUrl: gitlab.baseUrl,
          token: TOKEN,
        },
      ],
    }),
    enforcement: gitlab => ({
      gitlab: { apiBaseUrl: gitlab.apiBaseUrl, token: APPROVER_TOKEN },
    }),
  });

  it("creates the project, pushes the service, protects its environments with Waybill's approval and registers it", async () => {
    const { scm: gitlab, git, workDir } = flow;
    const project = `meridian/${VALUES.name}`;
    const run = await runCreateTask(flow, TEMPLATE, VALUES);

    const api = gitlab.requests.filter(r => !r.path.includes('.git/'));
    const calls = api.map(r => `${r.method} ${r.path}`);
    // publish:gitlab looks the namespace up, then the token's user and whether the project is
    // there already, and creates it: private, in the group, named after the repository.
    expect(calls.slice(0, 4)).toEqual([
      'GET /namespaces/meridian',
      'GET /user',
      'GET /groups/meridian/projects',
      'POST /projects',
    ]);
    expect(api[2].query).toMatchObject({ search: VALUES.name });
    expect(api[3].body).toEqual({
      namespace_id: GROUP_ID,
      name: VALUES.name,
      path: VALUES.name,
      visibility: 'private',
    });

    // The push reached the project's repository through GitLab's git endpoint, with the token.
    expect(
      gitlab.requests.filter(r => r.path.startsWith(`/${project}.git/`)),
    ).toContainEqual(
      expect.objectContaining({
        method: 'POST',
        path: `/${project}.git/git-receive-pack`,
      }),
    );
    expect(git.requests).toContainEqual({
      method: 'POST',
      path: `/${project}.git/git-receive-pack`,
      user: 'oauth2',
    });
    // GitLab has it as a private project of the group, main its default (and only) branch.
    const shown = await fetch(
      `${gitlab.apiBaseUrl}/projects/${encodeURIComponent(project)}`,
      { headers: { 'PRIVATE-TOKEN': TOKEN } },
    );
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({
      path_with_namespace: project,
      visibility: 'private',
      default_branch: 'main',
      empty_repo: false,
      namespace: { id: GROUP_ID, kind: 'group', full_path: 'meridian' },
    });
    const clone = path.join(workDir, 'clone');
    await cloneRepository(
      `http://oauth2:${TOKEN}@${gitlab.host}/${project}.git`,
      clone,
    );
    const { stdout: branches } = await promisify(execFile)(
      'git',
      ['branch', '--remotes', '--format=%(refname:short)'],
      { cwd: clone },
    );
    expect(branches.split('\n').filter(b => b && b !== 'origin/HEAD')).toEqual([
      'origin/main',
    ]);
    for (const file of ['catalog-info.yaml', '.gitlab-ci.yml']) {
      expect(fs.existsSync(path.join(clone, file))).toBe(true);
    }
    expect(fs.existsSync(path.join(clone, '.github'))).toBe(false);
    const entity = parse(
      fs.readFileSync(path.join(clone, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.annotations['gitlab.com/project-slug']).toBe(
      project,
    );
    expect(entity.metadata.annotations['github.com/project-slug']).toBe(
      undefined,
    );

    // Staging and production wait for Waybill's gate: Waybill's GitLab user, a Developer of the
    // project, is the one approver each needs; Maintainers deploy.
    expect(gitlab.members(project)).toContainEqual({
      id: APPROVER.id,
      username: APPROVER.username,
      name: APPROVER.name,
      accessLevel: 30,
    });
    expect(
      gitlab.environments(project)?.map(e => ({ name: e.name, tier: e.tier })),
    ).toEqual([
      { name: 'staging', tier: 'staging' },
      { name: 'production', tier: 'production' },
    ]);
    for (const environment of ['staging', 'production']) {
      const protection = gitlab.protectedEnvironment(project, environment);
      expect(protection?.approvalRules).toEqual([
        expect.objectContaining({
          userId: APPROVER.id,
          groupId: null,
          accessLevel: null,
          requiredApprovals: 1,
        }),
      ]);
      expect(protection?.deployAccessLevels).toEqual([
        expect.objectContaining({
          accessLevel: 40,
          userId: null,
          groupId: null,
        }),
      ]);
    }
    expect(
      gitlab.protectedEnvironment(project, 'production-waves'),
    ).toBeUndefined();

    // waybill:catalog:register had the catalog read catalog-info.yaml back through the files API...
    expect(api).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: `/projects/${encodeURIComponent(
          project,
        )}/repository/files/catalog-info.yaml/raw`,
        query: { ref: 'main' },
      }),
    );
    // ...and the catalog has the new Component; the portal links the project and the entity.
    const component = await expectRegistered(flow, run, VALUES, {
      // publish:gitlab's repoContentsUrl, with catalogInfoPath resolved against it.
      catalogInfoUrl: `${gitlab.baseUrl}/${project}/-/blob/main/catalog-info.yaml`,
      repositoryUrl: `${gitlab.baseUrl}/${project}`,
    });
    expect(component.spec.type).toBe('website');
  }, 60_000);

  // gitlab.com is an integration by default, but none with a token is configured for it.
  itStopsWithoutCredentials(flow, {
    template: TEMPLATE,
    values: VALUES,
    kind: 'gitlab',
    host: 'gitlab.com',
    name: 'no-credentials-web',
  });
});
