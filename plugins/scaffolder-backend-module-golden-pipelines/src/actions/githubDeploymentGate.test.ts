import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  FakeGithub,
  GitHttpBackend,
  startFakeGithub,
  startGitHttpBackend,
} from '@waybill/golden-path';
import { createGithubDeploymentGateAction } from './githubDeploymentGate';

const TOKEN = 'ghp-test';
const APP_ID = 348282;

describe('waybill:github:deployment-gate', () => {
  let git: GitHttpBackend;
  let github: FakeGithub;
  const repoUrl = () => `${github.host}?owner=meridian&repo=pricing-api`;

  beforeAll(async () => {
    git = await startGitHttpBackend(
      fs.mkdtempSync(path.join(os.tmpdir(), 'waybill-gate-action-')),
    );
    github = await startFakeGithub({
      token: TOKEN,
      git,
      organizations: { meridian: { teams: [] } },
    });
    const api = (method: string, route: string, body?: object) =>
      fetch(`${github.apiBaseUrl}${route}`, {
        method,
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': 'application/json',
        },
        body: body && JSON.stringify(body),
      });
    await api('POST', '/orgs/meridian/repos', { name: 'pricing-api' });
    for (const environment of ['staging', 'production']) {
      await api(
        'PUT',
        `/repos/meridian/pricing-api/environments/${environment}`,
        {},
      );
    }
  });
  afterAll(() => Promise.all([github.close(), git.close()]));

  const run = (environments: string[], scorecards?: object) => {
    const config = new ConfigReader({
      integrations: {
        github: [
          { host: github.host, apiBaseUrl: github.apiBaseUrl, token: TOKEN },
        ],
      },
      ...(scorecards ? { scorecards } : {}),
    });
    const ctx = createMockActionContext({
      input: { repoUrl: repoUrl(), environments } as any,
    });
    return {
      ctx,
      done: createGithubDeploymentGateAction({ config }).handler(ctx),
    };
  };
  const withApp = { enforcement: { github: { appId: APP_ID } } };
  const posts = () =>
    github.requests.filter(
      r =>
        r.method === 'POST' && r.path.endsWith('/deployment_protection_rules'),
    );

  it('enables the App on each environment once, and leaves it enabled on a second run', async () => {
    const first = run(['staging', 'production'], withApp);
    await first.done;
    expect(first.ctx.output).toHaveBeenCalledWith('environments', [
      'staging',
      'production',
    ]);
    expect(
      github.protectionRuleApps('meridian', 'pricing-api', 'production'),
    ).toEqual([APP_ID]);
    expect(posts().map(r => r.body)).toEqual([
      { integration_id: APP_ID },
      { integration_id: APP_ID },
    ]);
    await run(['staging', 'production'], withApp).done;
    expect(posts()).toHaveLength(2);
  });

  it('stops, naming the setting, when no App is configured, before asking GitHub anything', async () => {
    const before = github.requests.length;
    await expect(run(['production']).done).rejects.toThrow(
      "Waybill's gate cannot protect production: no GitHub App is configured for it (scorecards.enforcement.github.appId",
    );
    expect(github.requests.length).toBe(before);
  });

  it("names GitHub's answer for an environment that was not created", async () => {
    await expect(run(['qa'], withApp).done).rejects.toThrow(
      /GitHub answered 404 to GET .*\/environments\/qa\/deployment_protection_rules/,
    );
  });
});
