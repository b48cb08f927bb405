/**
 * The real create flow, as the portal runs it: a task for the API service template (a Template
 * entity in a real catalog) through the scaffolder's task API, with publish:github and
 * github:environment:create talking to a fake of the GitHub REST API on loopback, a real git
 * remote (`git http-backend`) receiving the push, and waybill:catalog:register registering the
 * pushed catalog-info.yaml in the real catalog, which reads it back through the GitHub URL
 * reader; as in the portal, the person creating may not register catalog locations.
 */
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  FakeGithub,
  GitHttpBackend,
  startFakeGithub,
  startGitHttpBackend,
} from '@waybill/golden-path';
import {
  catalogComponent,
  cloneRepository,
  expectStoppedAtRepositoryCheck,
  expectRepositoryAndEntityLinks,
  failures,
  runTask,
  runTaskCountingRequests,
  Server,
  startPortal,
} from './__testUtils__/scaffolderTasks';

const TOKEN = 'test-token';
const OWNER_TEAM = 'digital-channels';

const VALUES = {
  name: 'pricing-quotes-api',
  description: 'Quotes contract prices for trade customers (order-to-cash).',
  owner: `group:default/${OWNER_TEAM}`,
  tier: 'critical',
  businessProcesses: ['domain:default/order-to-cash'],
  clouds: ['aws'],
  ciProvider: 'github-actions',
  deployStrategy: 'rolling',
  tenancy: 'shared',
};

describe('create publishes to GitHub, through the real scaffolder task API', () => {
  let server: Server;
  let github: FakeGithub;
  let git: GitHttpBackend;
  let workDir: string;

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waybill-publish-'));
    git = await startGitHttpBackend(path.join(workDir, 'git'));
    github = await startFakeGithub({
      token: TOKEN,
      git,
      organizations: { meridian: { teams: [OWNER_TEAM] } },
    });
    ({ server } = await startPortal({
      workDir,
      template: 'api-service',
      // In the catalog: the environments' reviewers are its slug.
      ownerTeam: OWNER_TEAM,
      features: [githubModule],
      integrations: {
        github: [
          {
            host: github.host,
            apiBaseUrl: github.apiBaseUrl,
            rawBaseUrl: `${github.baseUrl}/raw`,
            token: TOKEN,
          },
        ],
      },
    }));
  }, 60_000);

  afterAll(async () => {
    await server?.close?.();
    await github?.close();
    await git?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('creates the repository, pushes the service, protects it and registers it', async () => {
    const run = await runTask(server, 'api-service', {
      ...VALUES,
      repoUrl: `${github.host}?owner=meridian&repo=${VALUES.name}`,
    });
    expect(failures(run)).toEqual([]);
    expect(run.task.status).toBe('completed');

    const calls = github.requests.map(r => `${r.method} ${r.path}`);
    // eslint-disable-next-line no-console
    console.log(`GitHub API calls, in order:\n${calls.join('\n')}`);

    // The repository: created in the organization, private.
    const create = github.requests.find(
      r => r.method === 'POST' && r.path === '/orgs/meridian/repos',
    );
    expect(create?.body).toMatchObject({
      name: VALUES.name,
      private: true,
      visibility: 'private',
      description: VALUES.description,
    });
    // main protected, with a pull request review and no code owner review.
    const protection = github.requests.find(
      r =>
        r.method === 'PUT' &&
        r.path === `/repos/meridian/${VALUES.name}/branches/main/protection`,
    );
    expect(protection?.body).toMatchObject({
      enforce_admins: true,
      required_pull_request_reviews: {
        required_approving_review_count: 1,
        require_code_owner_reviews: false,
      },
    });
    // The pipeline's environments, for protected branches only; production and the
    // critical tenants' wave need the owner team's approval.
    const environments = Object.fromEntries(
      github.requests
        .filter(
          r =>
            r.method === 'PUT' &&
            r.path.startsWith(`/repos/meridian/${VALUES.name}/environments/`),
        )
        .map(r => [
          r.path.split('/').pop()!,
          r.body as Record<string, unknown>,
        ]),
    );
    expect(Object.keys(environments).sort()).toEqual([
      'production',
      'production-critical-tenants',
      'production-waves',
      'staging',
    ]);
    const team = github.requests.find(
      r => r.path === `/orgs/meridian/teams/${OWNER_TEAM}`,
    );
    expect(team?.method).toBe('GET');
    const reviewers = Object.fromEntries(
      Object.entries(environments).map(([name, body]) => [
        name,
        body.reviewers ?? null,
      ]),
    );
    expect(reviewers).toEqual({
      staging: null,
      production: [{ type: 'Team', id: 500 }],
      'production-waves': null,
      'production-critical-tenants': [{ type: 'Team', id: 500 }],
    });
    expect(
      Object.values(environments).map(body => body.deployment_branch_policy),
    ).toEqual(
      Array(4).fill({
        protected_branches: true,
        custom_branch_policies: false,
      }),
    );

    // The push reached the git remote, with the token's credentials.
    expect(
      git.requests.some(
        r => r.method === 'POST' && r.path.endsWith('/git-receive-pack'),
      ),
    ).toBe(true);
    const clone = path.join(workDir, 'clone');
    await cloneRepository(`${git.baseUrl}/meridian/${VALUES.name}.git`, clone);
    for (const file of [
      'catalog-info.yaml',
      '.github/workflows/golden-pipeline.yml',
      'scripts/golden-pipeline.sh',
      'package-lock.json',
    ]) {
      expect(fs.existsSync(path.join(clone, file))).toBe(true);
    }
    const entity = parse(
      fs.readFileSync(path.join(clone, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.annotations['github.com/project-slug']).toBe(
      `meridian/${VALUES.name}`,
    );

    // waybill:catalog:register read catalog-info.yaml back through the contents API...
    expect(calls).toContain(
      `GET /repos/meridian/${VALUES.name}/contents/catalog-info.yaml`,
    );
    // ...and the catalog has the new Component.
    const component = await catalogComponent(server, VALUES.name);
    expect(component.spec.owner).toBe(VALUES.owner);
    expect(
      component.metadata.annotations['backstage.io/managed-by-location'],
    ).toBe(
      // As the GitHub integration resolves catalogInfoPath against the repoContentsUrl.
      `url:${github.baseUrl}/meridian/${VALUES.name}/tree/main/catalog-info.yaml`,
    );

    // The links the portal shows: the repository and the entity.
    expectRepositoryAndEntityLinks(
      run,
      `${git.baseUrl}/meridian/${VALUES.name}.git`,
      VALUES.name,
    );
  }, 60_000);

  it('stops at the first step, naming the config key, when the host has no credentials', async () => {
    // github.com is an integration by default, but none with a token is configured for it.
    const { run, requests } = await runTaskCountingRequests(
      server,
      'api-service',
      {
        ...VALUES,
        name: 'no-credentials-api',
        repoUrl: 'github.com?owner=meridian&repo=no-credentials-api',
      },
      [github, git],
    );
    expectStoppedAtRepositoryCheck(run, 'integrations.github');
    // Nothing was asked of GitHub or pushed.
    expect(requests).toEqual([0, 0]);
  }, 60_000);
});
