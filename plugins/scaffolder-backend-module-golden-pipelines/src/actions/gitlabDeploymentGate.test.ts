import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  FakeGitlab,
  GitHttpBackend,
  startFakeGitlab,
  startGitHttpBackend,
} from '@waybill/golden-path';
import { createGitlabDeploymentGateAction } from './gitlabDeploymentGate';

/** The integration's token: the user who creates the projects (a Maintainer of each). */
const TOKEN = 'glpat-integration';
/** Waybill's approver user, and its own token. */
const APPROVER = { id: 77, username: 'waybill-approver', name: 'Waybill' };
const APPROVER_TOKEN = 'glpat-waybill-approver';

describe('waybill:gitlab:deployment-gate', () => {
  let workDir: string;
  let git: GitHttpBackend;
  let gitlab: FakeGitlab;

  /** A GitLab API call with the integration's token, as a test sets a project up. */
  const api = async (method: string, route: string, body?: object) => {
    const res = await fetch(`${gitlab.apiBaseUrl}${route}`, {
      method,
      headers: {
        'PRIVATE-TOKEN': TOKEN,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body && JSON.stringify(body),
    });
    expect(res.ok).toBe(true);
    return res.json();
  };
  const createProject = (name: string) =>
    api('POST', '/projects', { namespace_id: 'meridian', name });

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waybill-gitlab-gate-'));
    git = await startGitHttpBackend(workDir);
    gitlab = await startFakeGitlab({
      token: TOKEN,
      git,
      groups: { meridian: { id: 42 } },
      users: [{ ...APPROVER, token: APPROVER_TOKEN }],
    });
  });
  afterAll(async () => {
    await gitlab?.close();
    await git?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  const withApprover = (overrides: object = {}) => ({
    enforcement: {
      gitlab: {
        apiBaseUrl: gitlab.apiBaseUrl,
        token: APPROVER_TOKEN,
        ...overrides,
      },
    },
  });
  const run = (repo: string, environments: string[], scorecards?: object) => {
    const config = new ConfigReader({
      integrations: {
        gitlab: [
          {
            host: gitlab.host,
            apiBaseUrl: gitlab.apiBaseUrl,
            baseUrl: gitlab.baseUrl,
            token: TOKEN,
          },
        ],
      },
      ...(scorecards ? { scorecards } : {}),
    });
    const ctx = createMockActionContext({
      input: {
        repoUrl: `${gitlab.host}?owner=meridian&repo=${repo}`,
        environments,
      } as any,
    });
    jest.spyOn(ctx.logger, 'info');
    return {
      ctx,
      done: createGitlabDeploymentGateAction({ config }).handler(ctx),
    };
  };
  /** The requests since `from`, as `METHOD path`. */
  const callsSince = (from: number) =>
    gitlab.requests.slice(from).map(r => `${r.method} ${r.path}`);
  const waybillRule = {
    id: expect.any(Number),
    userId: APPROVER.id,
    groupId: null,
    accessLevel: null,
    groupInheritanceType: 0,
    requiredApprovals: 1,
  };

  it("creates the environments, protects them with Waybill's approval rule and makes Waybill a Developer, once", async () => {
    await createProject('pricing-api');
    const project = 'meridian/pricing-api';
    const encoded = encodeURIComponent(project);
    const before = gitlab.requests.length;
    const first = run('pricing-api', ['staging', 'production'], withApprover());
    await first.done;
    expect(first.ctx.output).toHaveBeenCalledWith('environments', [
      'staging',
      'production',
    ]);
    expect(callsSince(before)).toEqual([
      'GET /user',
      `GET /projects/${encoded}`,
      `GET /projects/${encoded}/members/all/77`,
      `POST /projects/${encoded}/members`,
      `GET /projects/${encoded}/environments`,
      `POST /projects/${encoded}/environments`,
      `GET /projects/${encoded}/protected_environments/staging`,
      `POST /projects/${encoded}/protected_environments`,
      `GET /projects/${encoded}/environments`,
      `POST /projects/${encoded}/environments`,
      `GET /projects/${encoded}/protected_environments/production`,
      `POST /projects/${encoded}/protected_environments`,
    ]);
    // GET /user answered Waybill's user (id 77), not the integration's (id 1): its own token.

    expect(gitlab.members(project)).toEqual([
      expect.objectContaining({ username: 'waybill-bot', accessLevel: 40 }),
      {
        id: APPROVER.id,
        username: APPROVER.username,
        name: APPROVER.name,
        accessLevel: 30,
      },
    ]);
    expect(
      gitlab.environments(project)?.map(e => ({ name: e.name, tier: e.tier })),
    ).toEqual([
      { name: 'staging', tier: 'staging' },
      { name: 'production', tier: 'production' },
    ]);
    for (const environment of ['staging', 'production']) {
      expect(gitlab.protectedEnvironment(project, environment)).toEqual({
        name: environment,
        // Maintainers deploy; Waybill's user approves.
        deployAccessLevels: [
          {
            id: expect.any(Number),
            accessLevel: 40,
            userId: null,
            groupId: null,
            groupInheritanceType: 0,
          },
        ],
        approvalRules: [waybillRule],
      });
    }
    expect(first.ctx.logger.info).toHaveBeenCalledWith(
      "meridian/pricing-api: deployments to production wait for the approval of Waybill's GitLab user @waybill-approver (protected it, with its approval rule)",
    );

    // A second run finds everything in place: no member, environment, protection or rule added.
    const again = gitlab.requests.length;
    await run('pricing-api', ['staging', 'production'], withApprover()).done;
    expect(callsSince(again).filter(c => !c.startsWith('GET '))).toEqual([]);
    expect(gitlab.members(project)).toHaveLength(2);
    expect(
      gitlab.protectedEnvironment(project, 'staging')?.approvalRules,
    ).toEqual([waybillRule]);
  });

  it('adds its rule to an environment protected before, keeping the rules there', async () => {
    await createProject('orders-api');
    const project = 'meridian/orders-api';
    const encoded = encodeURIComponent(project);
    await api('POST', `/projects/${encoded}/environments`, {
      name: 'production',
      tier: 'production',
    });
    await api('POST', `/projects/${encoded}/protected_environments`, {
      name: 'production',
      deploy_access_levels: [{ access_level: 30 }],
      approval_rules: [{ access_level: 40, required_approvals: 2 }],
    });
    const existing = gitlab.protectedEnvironment(project, 'production')!;

    const before = gitlab.requests.length;
    await run('orders-api', ['production'], withApprover()).done;
    expect(
      gitlab.requests
        .slice(before)
        .filter(r => r.method !== 'GET')
        .map(r => [r.method, r.path, r.body]),
    ).toEqual([
      [
        'POST',
        `/projects/${encoded}/members`,
        { user_id: APPROVER.id, access_level: 30 },
      ],
      [
        'PUT',
        `/projects/${encoded}/protected_environments/production`,
        { approval_rules: [{ user_id: APPROVER.id, required_approvals: 1 }] },
      ],
    ]);
    expect(gitlab.protectedEnvironment(project, 'production')).toEqual({
      ...existing,
      approvalRules: [...existing.approvalRules, waybillRule],
    });
    expect(existing.approvalRules).toEqual([
      expect.objectContaining({ accessLevel: 40, requiredApprovals: 2 }),
    ]);
  });

  it('lets Waybill deploy where it starts the jobs it approves (startAfterApproval), and only there', async () => {
    await createProject('stock-sync');
    const project = 'meridian/stock-sync';
    const encoded = encodeURIComponent(project);
    // Staging was protected before, for Maintainers, with Waybill's rule but no deploy access.
    await api('POST', `/projects/${encoded}/environments`, { name: 'staging' });
    await api('POST', `/projects/${encoded}/protected_environments`, {
      name: 'staging',
      deploy_access_levels: [{ access_level: 40 }],
      approval_rules: [{ user_id: APPROVER.id, required_approvals: 1 }],
    });
    const before = gitlab.requests.length;
    const gate = withApprover({ startAfterApproval: ['staging'] });
    await run('stock-sync', ['staging', 'production'], gate).done;
    expect(
      gitlab.requests
        .slice(before)
        .filter(r => r.method === 'PUT')
        .map(r => r.body),
    ).toEqual([{ deploy_access_levels: [{ user_id: APPROVER.id }] }]);
    const deployers = (environment: string) =>
      gitlab
        .protectedEnvironment(project, environment)
        ?.deployAccessLevels.map(l => l.userId ?? `level ${l.accessLevel}`);
    expect(deployers('staging')).toEqual(['level 40', APPROVER.id]);
    expect(deployers('production')).toEqual(['level 40']);

    // Once in place, a second run changes nothing.
    const again = gitlab.requests.length;
    await run('stock-sync', ['staging', 'production'], gate).done;
    expect(callsSince(again).filter(c => !c.startsWith('GET '))).toEqual([]);
  });

  it('stops, naming the setting, when no approver is configured, before asking GitLab anything', async () => {
    const before = gitlab.requests.length;
    await expect(run('pricing-api', ['production']).done).rejects.toThrow(
      "Waybill's gate cannot protect production: no GitLab approver is configured for it (scorecards.enforcement.gitlab",
    );
    expect(gitlab.requests.length).toBe(before);
  });

  it("says so when GitLab refuses Waybill's token, before touching the project", async () => {
    await createProject('refused-api');
    const before = gitlab.requests.length;
    await expect(
      run('refused-api', ['production'], withApprover({ token: 'glpat-wrong' }))
        .done,
    ).rejects.toThrow(
      `${gitlab.apiBaseUrl} refused Waybill's GitLab approver token (scorecards.enforcement.gitlab.token): GitLab answered 401 to GET ${gitlab.apiBaseUrl}/user: 401 Unauthorized`,
    );
    expect(callsSince(before)).toEqual(['GET /user']);
    expect(gitlab.members('meridian/refused-api')).toHaveLength(1);
  });

  it("refuses a project on another GitLab than Waybill's approver, asking nothing", async () => {
    const before = gitlab.requests.length;
    await expect(
      run(
        'pricing-api',
        ['production'],
        withApprover({ apiBaseUrl: 'https://gitlab.com/api/v4' }),
      ).done,
    ).rejects.toThrow(
      `Waybill's GitLab approver is a user of https://gitlab.com/api/v4 (scorecards.enforcement.gitlab.apiBaseUrl), but meridian/pricing-api is on ${gitlab.apiBaseUrl}`,
    );
    expect(gitlab.requests.length).toBe(before);
    // The same instance written with a trailing slash is the same instance.
    await run(
      'pricing-api',
      ['production'],
      withApprover({ apiBaseUrl: `${gitlab.apiBaseUrl}/` }),
    ).done;
  });

  it('refuses to leave Waybill a member below Developer, who could not approve', async () => {
    await createProject('reporter-api');
    await api(
      'POST',
      `/projects/${encodeURIComponent('meridian/reporter-api')}/members`,
      { user_id: APPROVER.id, access_level: 20 },
    );
    await expect(
      run('reporter-api', ['production'], withApprover()).done,
    ).rejects.toThrow(
      "Waybill's GitLab user @waybill-approver is a member of meridian/reporter-api with access level 20, below Developer (30)",
    );
    expect(
      gitlab.protectedEnvironment('meridian/reporter-api', 'production'),
    ).toBeUndefined();
  });

  it("names GitLab's answer for a project that is not there", async () => {
    await expect(
      run('missing-api', ['production'], withApprover()).done,
    ).rejects.toThrow(
      `GitLab answered 404 to GET ${
        gitlab.apiBaseUrl
      }/projects/${encodeURIComponent(
        'meridian/missing-api',
      )}: 404 Project Not Found`,
    );
  });

  it('refuses an environment name GitLab would not take, before asking GitLab anything', async () => {
    const before = gitlab.requests.length;
    await expect(
      run('pricing-api', ['/production', 'production:eu'], withApprover()).done,
    ).rejects.toThrow(
      /environments\.0: a GitLab environment name.*environments\.1/,
    );
    expect(gitlab.requests.length).toBe(before);
  });
});
