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
import path from 'node:path';
import { parse } from 'yaml';
import { FakeGithub, startFakeGithub } from '@waybill/golden-path';
import {
  cloneRepository,
  WAYBILL_GITHUB_APP_ID,
} from './__testUtils__/scaffolderTasks';
import {
  expectRegistered,
  itStopsWithoutCredentials,
  runCreateTask,
  setUpPublishFlow,
} from './__testUtils__/publishFlow';

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
  const flow = setUpPublishFlow<FakeGithub>({
    workDirPrefix: 'waybill-publish-',
    template: 'api-service',
    // In the catalog: the environments' reviewers are its slug.
    ownerTeam: OWNER_TEAM,
    feature: githubModule,
    startScm: git =>
      startFakeGithub({
        token: TOKEN,
        git,
        organizations: { meridian: { teams: [OWNER_TEAM] } },
      }),
    integrations: github => ({
      github: [
        {
          host: github.host,
          apiBaseUrl: github.apiBaseUrl,
          rawBaseUrl: `${github.baseUrl}/raw`,
          token: TOKEN,
        },
      ],
    }),
  });

  it('creates the repository, pushes the service, protects it and registers it', async () => {
    const { scm: github, git, workDir } = flow;
    const run = await runCreateTask(flow, 'api-service', VALUES);

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
    // Staging and production wait for Waybill's gate: its GitHub App is their protection rule.
    expect(
      Object.fromEntries(
        Object.keys(environments).map(name => [
          name,
          github.protectionRuleApps('meridian', VALUES.name, name),
        ]),
      ),
    ).toEqual({
      staging: [WAYBILL_GITHUB_APP_ID],
      production: [WAYBILL_GITHUB_APP_ID],
      'production-waves': [],
      'production-critical-tenants': [],
    });

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
    // ...and the catalog has the new Component; the portal links the repository and the entity.
    await expectRegistered(flow, run, VALUES, {
      // As the GitHub integration resolves catalogInfoPath against the repoContentsUrl.
      catalogInfoUrl: `${github.baseUrl}/meridian/${VALUES.name}/tree/main/catalog-info.yaml`,
      repositoryUrl: `${git.baseUrl}/meridian/${VALUES.name}.git`,
    });
  }, 60_000);

  // github.com is an integration by default, but none with a token is configured for it.
  itStopsWithoutCredentials(flow, {
    template: 'api-service',
    values: VALUES,
    kind: 'github',
    host: 'github.com',
    name: 'no-credentials-api',
  });
});
