import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createCheckRepositoryAction } from './checkRepository';

const withIntegrations = (integrations: object) =>
  new ConfigReader({ integrations });

async function check(
  config: ConfigReader,
  input: { repoUrl: string; ciProvider: string },
  isDryRun = false,
) {
  // The mock context drops isDryRun; set it as the scaffolder does.
  const ctx = { ...createMockActionContext({ input: input as any }), isDryRun };
  jest.spyOn(ctx.logger, 'warn');
  await createCheckRepositoryAction({ config }).handler(ctx);
  return ctx;
}

describe('waybill:repository:check', () => {
  it('passes with a GitHub integration that has a token, and names the repository', async () => {
    const ctx = await check(
      withIntegrations({ github: [{ host: 'github.com', token: 'ghp_x' }] }),
      {
        repoUrl: 'github.com?owner=meridian&repo=pricing-quotes-api',
        ciProvider: 'github-actions',
      },
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'project',
      'meridian/pricing-quotes-api',
    );
    expect(ctx.output).toHaveBeenCalledWith('host', 'github.com');
  });

  it('accepts a GitHub App instead of a token, and GitLab subgroups', async () => {
    await check(
      withIntegrations({
        github: [
          {
            host: 'github.com',
            apps: [
              {
                appId: 1,
                clientId: 'c',
                clientSecret: 's',
                webhookSecret: 'w',
                privateKey: 'k',
              },
            ],
          },
        ],
      }),
      {
        repoUrl: 'github.com?owner=meridian&repo=pricing-quotes-api',
        ciProvider: 'github-actions',
      },
    );
    const gitlab = await check(
      withIntegrations({
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: 'https://gitlab.example.com/api/v4',
            token: 'glpat-x',
          },
        ],
      }),
      {
        repoUrl:
          'gitlab.example.com?owner=erp%2Fintegrations&repo=invoice-sync',
        ciProvider: 'gitlab-ci',
      },
    );
    expect(gitlab.output).toHaveBeenCalledWith(
      'project',
      'erp/integrations/invoice-sync',
    );
  });

  it.each([
    [
      'no credentials for github.com',
      {},
      'github.com?owner=meridian&repo=x',
      'github-actions',
      'set integrations.github[host github.com].token or .apps (a GitHub App) in app-config.yaml',
    ],
    [
      'no integration for the host',
      {},
      'git.meridian.example?owner=meridian&repo=x',
      'gitlab-ci',
      'No SCM integration is configured for git.meridian.example: add integrations.gitlab with host: git.meridian.example',
    ],
    [
      'a host of the other provider',
      { gitlab: [{ host: 'gitlab.com', token: 'glpat-x' }] },
      'gitlab.com?owner=meridian&repo=x',
      'github-actions',
      'gitlab.com is a gitlab host, and the pipeline is for github-actions',
    ],
  ])(
    'refuses %s, naming the config key',
    async (_, integrations, repoUrl, ciProvider, message) => {
      await expect(
        check(withIntegrations(integrations), { repoUrl, ciProvider }),
      ).rejects.toThrow(message);
    },
  );

  it.each([
    'github.com?owner=meridian&repo=x%24%7B%7B%20secrets.X%20%7D%7D',
    'github.com?owner=a%0Arun%3A%20curl%20evil&repo=x',
  ])('refuses %s, even in a dry run, naming repoUrl', async repoUrl => {
    await expect(
      check(
        withIntegrations({ github: [{ host: 'github.com', token: 'ghp_x' }] }),
        { repoUrl, ciProvider: 'github-actions' },
        true,
      ),
    ).rejects.toThrow(/^repoUrl .* must be owner\/name \(GitHub\)/);
  });

  it('only warns in a dry run', async () => {
    const ctx = await check(
      withIntegrations({}),
      {
        repoUrl: 'github.com?owner=meridian&repo=x',
        ciProvider: 'github-actions',
      },
      true,
    );
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('A real run would stop here'),
    );
    expect(ctx.output).toHaveBeenCalledWith('project', 'meridian/x');
  });
});
