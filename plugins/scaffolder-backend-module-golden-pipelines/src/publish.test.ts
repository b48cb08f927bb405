/**
 * The real create flow, as the portal runs it: a task for the API service template (a Template
 * entity in a real catalog) through the scaffolder's task API, with publish:github and
 * github:environment:create talking to a fake of the GitHub REST API on loopback, a real git
 * remote (`git http-backend`) receiving the push, and waybill:catalog:register registering the
 * pushed catalog-info.yaml in the real catalog, which reads it back through the GitHub URL
 * reader; as in the portal, the person creating may not register catalog locations.
 */
import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleGoldenPipelines } from './module';
import {
  FakeGithub,
  GitHttpBackend,
  startFakeGithub,
  startGitHttpBackend,
} from '@waybill/golden-path';
import { TEMPLATES_DIR } from './__testUtils__/templateFiles';

const TOKEN = 'test-token';
const OWNER_TEAM = 'digital-channels';

const VALUES = {
  name: 'pricing-quotes-api',
  description: 'Quotes contract prices for trade customers (order-to-cash).',
  owner: `group:default/${OWNER_TEAM}`,
  tier: 'critical',
  businessProcesses: ['order-to-cash'],
  clouds: ['aws'],
  ciProvider: 'github-actions',
  deployStrategy: 'rolling',
  tenancy: 'shared',
};

/**
 * The portal's decision on catalog registration (packages/backend's WaybillPermissionPolicy):
 * a person may not register a location, platform teams curate the catalog; the scaffolder's
 * own service credentials may. Everything else is allowed.
 */
const portalPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    async authorize(requests, { credentials }) {
      return requests.map(r => ({
        result:
          (credentials.principal as { type: string }).type === 'user' &&
          r.permission.name === 'catalog.location.create'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Creates a task through the task API and waits for it to finish. */
async function runTask(server: Server, values: Record<string, unknown>) {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', mockCredentials.user.header())
    .send({ templateRef: 'template:default/api-service', values });
  if (created.status !== 201) {
    throw new Error(
      `task creation answered ${created.status}: ${JSON.stringify(
        created.body,
      )}`,
    );
  }
  const id: string = created.body.id;
  const task = await waitFor(
    'the task to finish',
    async () => {
      const res = await request(server)
        .get(`/api/scaffolder/v2/tasks/${id}`)
        .set('Authorization', mockCredentials.user.header());
      return ['completed', 'failed', 'cancelled'].includes(res.body.status)
        ? res.body
        : undefined;
    },
    50_000,
  );
  const events = await request(server)
    .get(`/api/scaffolder/v2/tasks/${id}/events`)
    .set('Authorization', mockCredentials.user.header());
  const log = events.body as Array<{
    type: string;
    body: {
      message: string;
      stepId?: string;
      status?: string;
      output?: { links?: Array<Record<string, string>> };
    };
  }>;
  // The task's output (its links) comes with the completion event, as the portal reads it.
  const completion = log.find(e => e.type === 'completion');
  return { task, events: log, output: completion?.body.output };
}

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
    // The owner team, as the org's catalog has it (the environments' reviewers are its slug).
    const groupFile = path.join(workDir, 'groups.yaml');
    fs.writeFileSync(
      groupFile,
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        `  name: ${OWNER_TEAM}`,
        'spec:',
        '  type: team',
        '  children: []',
        '',
      ].join('\n'),
    );
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        githubModule,
        scaffolderModuleGoldenPipelines,
        portalPermissions,
        mockServices.rootConfig.factory({
          data: {
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
            catalog: {
              locations: [
                {
                  type: 'file',
                  target: path.join(TEMPLATES_DIR, 'api-service/template.yaml'),
                  rules: [{ allow: ['Template'] }],
                },
                {
                  type: 'file',
                  target: groupFile,
                  rules: [{ allow: ['Group'] }],
                },
              ],
            },
            scaffolder: {
              defaultAuthor: { name: 'Waybill', email: 'waybill@example.com' },
            },
          },
        }),
      ],
    }));
    await waitFor(
      'the template and the owner team in the catalog',
      async () => {
        const refs = [
          'template/default/api-service',
          `group/default/${OWNER_TEAM}`,
        ];
        for (const ref of refs) {
          const res = await request(server)
            .get(`/api/catalog/entities/by-name/${ref}`)
            .set('Authorization', mockCredentials.user.header());
          if (res.status !== 200) return undefined;
        }
        return true;
      },
    );
  }, 60_000);

  afterAll(async () => {
    await server?.close?.();
    await github?.close();
    await git?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('creates the repository, pushes the service, protects it and registers it', async () => {
    const { task, events, output } = await runTask(server, {
      ...VALUES,
      repoUrl: `${github.host}?owner=meridian&repo=${VALUES.name}`,
    });
    const failed = events.filter(e => e.body.status === 'failed');
    expect(failed.map(e => e.body.message)).toEqual([]);
    expect(task.status).toBe('completed');

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
    // Asynchronously: the git remote is served from this process.
    await promisify(execFile)('git', [
      'clone',
      '--quiet',
      `${git.baseUrl}/meridian/${VALUES.name}.git`,
      clone,
    ]);
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
    const component = await waitFor(
      'the component in the catalog',
      async () => {
        const res = await request(server)
          .get(`/api/catalog/entities/by-name/component/default/${VALUES.name}`)
          .set('Authorization', mockCredentials.user.header());
        return res.status === 200 ? res.body : undefined;
      },
    );
    expect(component.spec.owner).toBe(VALUES.owner);
    expect(
      component.metadata.annotations['backstage.io/managed-by-location'],
    ).toBe(
      // As the GitHub integration resolves catalogInfoPath against the repoContentsUrl.
      `url:${github.baseUrl}/meridian/${VALUES.name}/tree/main/catalog-info.yaml`,
    );

    // The links the portal shows: the repository and the entity.
    expect(output?.links ?? []).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: 'Repository',
          url: `${git.baseUrl}/meridian/${VALUES.name}.git`,
        }),
        expect.objectContaining({
          entityRef: `component:default/${VALUES.name}`,
        }),
      ]),
    );
  }, 60_000);

  it('stops at the first step, naming the config key, when the host has no credentials', async () => {
    const before = github.requests.length;
    const pushesBefore = git.requests.length;
    // github.com is an integration by default, but none with a token is configured for it.
    const { task, events } = await runTask(server, {
      ...VALUES,
      name: 'no-credentials-api',
      repoUrl: 'github.com?owner=meridian&repo=no-credentials-api',
    });
    expect(task.status).toBe('failed');
    const failed = events.filter(e => e.body.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].body.stepId).toBe('repository');
    expect(failed.map(e => e.body.message).join('\n')).toContain(
      'integrations.github',
    );
    // No other step ran, and nothing was asked of GitHub or pushed.
    const started = new Set(
      events
        .filter(e => e.body.stepId && e.body.status === 'processing')
        .map(e => e.body.stepId),
    );
    expect([...started]).toEqual(['repository']);
    expect(github.requests.length).toBe(before);
    expect(git.requests.length).toBe(pushesBefore);
  }, 60_000);
});
