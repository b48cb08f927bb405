/**
 * The portal around a real create flow: a backend with the real catalog and scaffolder, a
 * template and its owner team in the catalog, the portal's permission decision on catalog
 * registration, and tasks run through the scaffolder's task API.
 */
import {
  BackendFeature,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AppConfig } from '@backstage/config';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { scaffolderModuleGoldenPipelines } from '../module';
import {
  BUSINESS_PROCESSES_FILE,
  businessProcessDomains,
} from './businessProcesses';
import { TEMPLATES_DIR } from './templateFiles';

/**
 * The portal's decision on catalog registration (packages/backend's WaybillPermissionPolicy):
 * a person may not register a location, platform teams curate the catalog; the scaffolder's
 * own service credentials may. Everything else is allowed.
 */
export const portalPermissions = createServiceFactory({
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

export type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

/** Polls `fn` every 250 ms until it answers something other than undefined. */
export async function waitFor<T>(
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

/** The id of Waybill's GitHub App in the portal the create flows run in. */
export const WAYBILL_GITHUB_APP_ID = 348282;

/**
 * Starts the portal's backend: the real catalog and scaffolder with Waybill's actions and the
 * `features` given (an SCM module), under the portal's permissions, with `integrations` for the
 * SCM hosts. The catalog holds the template `templates/<template>`, the owner team (a Group) and
 * the demo estate's business processes (Domains); it resolves once they are all in it.
 */
export async function startPortal(options: {
  workDir: string;
  template: string;
  ownerTeam: string;
  /** The `integrations` config */
  integrations: AppConfig['data'];
  /** More of `scorecards.enforcement` than Waybill's GitHub App (its GitLab approver). */
  enforcement?: AppConfig['data'];
  features: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
}): Promise<{ server: Server }> {
  // The owner team, as the org's catalog has it.
  const groupFile = path.join(options.workDir, 'groups.yaml');
  fs.writeFileSync(
    groupFile,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata:',
      `  name: ${options.ownerTeam}`,
      'spec:',
      '  type: team',
      '  children: []',
      '',
    ].join('\n'),
  );
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      scaffolderPlugin,
      ...options.features,
      scaffolderModuleGoldenPipelines,
      portalPermissions,
      mockServices.rootConfig.factory({
        data: {
          integrations: options.integrations,
          catalog: {
            locations: [
              {
                type: 'file',
                target: path.join(
                  TEMPLATES_DIR,
                  options.template,
                  'template.yaml',
                ),
                rules: [{ allow: ['Template'] }],
              },
              {
                type: 'file',
                target: groupFile,
                rules: [{ allow: ['Group'] }],
              },
              // The business processes the templates' annotate step looks up.
              {
                type: 'file',
                target: BUSINESS_PROCESSES_FILE,
                rules: [{ allow: ['Domain'] }],
              },
            ],
          },
          scaffolder: {
            defaultAuthor: { name: 'Waybill', email: 'waybill@example.com' },
          },
          // Waybill's GitHub App, which the templates enable on the new environments.
          scorecards: {
            enforcement: {
              github: { appId: WAYBILL_GITHUB_APP_ID },
              ...options.enforcement,
            },
          },
        },
      }),
    ],
  });
  await waitFor(
    'the template, the owner team and the business processes in the catalog',
    async () => {
      for (const ref of [
        `template/default/${options.template}`,
        `group/default/${options.ownerTeam}`,
        ...businessProcessDomains().map(
          d => `domain/default/${d.metadata.name}`,
        ),
      ]) {
        const res = await request(server)
          .get(`/api/catalog/entities/by-name/${ref}`)
          .set('Authorization', mockCredentials.user.header());
        if (res.status !== 200) return undefined;
      }
      return true;
    },
  );
  return { server };
}

export interface TaskEvent {
  type: string;
  body: {
    message: string;
    stepId?: string;
    status?: string;
    output?: { links?: Array<Record<string, string>> };
  };
}

export interface TaskRun {
  task: { status: string; [key: string]: unknown };
  events: TaskEvent[];
  /** The task's output (its links), from the completion event, as the portal reads it. */
  output?: TaskEvent['body']['output'];
}

/** Creates a task of `template` through the task API, as a person, and waits for it to finish. */
export async function runTask(
  server: Server,
  template: string,
  values: Record<string, unknown>,
): Promise<TaskRun> {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', mockCredentials.user.header())
    .send({ templateRef: `template:default/${template}`, values });
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
  const log = events.body as TaskEvent[];
  const completion = log.find(e => e.type === 'completion');
  return { task, events: log, output: completion?.body.output };
}

/** The failed steps' messages: none when the task went through. */
export function failures(run: TaskRun): string[] {
  return run.events
    .filter(e => e.body.status === 'failed')
    .map(e => e.body.message);
}

/**
 * Expects the task to have stopped at its first step, the repository check, naming the config
 * key to set (`integrations.github`), before any other step started.
 */
export function expectStoppedAtRepositoryCheck(
  run: TaskRun,
  configKey: string,
) {
  expect(run.task.status).toBe('failed');
  const failed = run.events.filter(e => e.body.status === 'failed');
  expect(failed.length).toBeGreaterThan(0);
  expect(failed[0].body.stepId).toBe('repository');
  expect(failed.map(e => e.body.message).join('\n')).toContain(configKey);
  const started = new Set(
    run.events
      .filter(e => e.body.stepId && e.body.status === 'processing')
      .map(e => e.body.stepId),
  );
  expect([...started]).toEqual(['repository']);
}

/**
 * Runs a task like runTask, counting the requests each of `servers` (a fake SCM API, the git
 * remote) receives meanwhile.
 */
export async function runTaskCountingRequests(
  server: Server,
  template: string,
  values: Record<string, unknown>,
  servers: Array<{ requests: unknown[] }>,
): Promise<{ run: TaskRun; requests: number[] }> {
  const before = servers.map(s => s.requests.length);
  const run = await runTask(server, template, values);
  return {
    run,
    requests: servers.map((s, i) => s.requests.length - before[i]),
  };
}

/** The Component `name`, as a person reads it, once the catalog has it. */
export function catalogComponent(server: Server, name: string) {
  return waitFor('the component in the catalog', async () => {
    const res = await request(server)
      .get(`/api/catalog/entities/by-name/component/default/${name}`)
      .set('Authorization', mockCredentials.user.header());
    return res.status === 200 ? res.body : undefined;
  });
}

/** Expects the links the portal shows after the task: the repository and the Component `name`. */
export function expectRepositoryAndEntityLinks(
  run: TaskRun,
  repositoryUrl: string,
  name: string,
) {
  expect(run.output?.links ?? []).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ title: 'Repository', url: repositoryUrl }),
      expect.objectContaining({ entityRef: `component:default/${name}` }),
    ]),
  );
}

/**
 * Clones the repository a task pushed into `dir`, asynchronously: the fake SCM and the git
 * remote answer from this process.
 */
export async function cloneRepository(url: string, dir: string): Promise<void> {
  await promisify(execFile)('git', ['clone', '--quiet', url, dir]);
}
