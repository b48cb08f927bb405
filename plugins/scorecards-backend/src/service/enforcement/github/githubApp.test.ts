import { generateKeyPairSync } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { FakeGithub } from './__testUtils__/fakeGithub';
import { DeploymentReview, GithubApiError, GithubApp } from './githubApp';

/*
 * The GitHub App client against a fake GitHub API on loopback that checks the App's JWT with the
 * App's public key and takes reviews only with an installation token it issued.
 */

const APP_ID = '123456';
const INSTALLATION = 7;
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = keys.privateKey
  .export({ type: 'pkcs1', format: 'pem' })
  .toString();
const start = new Date('2025-06-02T10:00:00Z');
const approve: DeploymentReview = {
  environment_name: 'production',
  state: 'approved',
  comment: 'All checks pass.',
};

describe('GithubApp', () => {
  let clock: Date;
  const now = () => clock;
  let github: FakeGithub;
  let ghes: FakeGithub;
  let foreign: FakeGithub;

  beforeAll(async () => {
    const options = {
      appId: APP_ID,
      publicKey: keys.publicKey,
      installations: [INSTALLATION, 8],
      now,
    };
    github = await FakeGithub.start(options);
    ghes = await FakeGithub.start({ ...options, prefix: '/api/v3' });
    foreign = await FakeGithub.start(options);
  });
  afterAll(async () => {
    await Promise.all([github.close(), ghes.close(), foreign.close()]);
  });
  beforeEach(() => {
    clock = start;
    [github, ghes, foreign].forEach(fake => fake.reset());
  });

  const app = (apiBaseUrl = github.apiBaseUrl, privateKey = privateKeyPem) =>
    new GithubApp({ appId: Number(APP_ID), privateKey, apiBaseUrl, now });

  it('authenticates as the App with a JWT and reviews through the callback URL', async () => {
    await app().reviewDeployment(
      github.callbackUrl('octo-org', 'inventory', 4242),
      INSTALLATION,
      approve,
    );
    const seconds = start.getTime() / 1000;
    expect(github.jwtClaims).toEqual([
      { iat: seconds - 60, exp: seconds + 540, iss: APP_ID },
    ]);
    expect(github.reviews).toEqual([
      {
        owner: 'octo-org',
        repo: 'inventory',
        runId: 4242,
        body: approve,
        accept: 'application/vnd.github+json',
        apiVersion: '2022-11-28',
      },
    ]);
    expect(github.requests.map(r => r.path)).toEqual([
      `/app/installations/${INSTALLATION}/access_tokens`,
      '/repos/octo-org/inventory/actions/runs/4242/deployment_protection_rule',
    ]);
  });

  it('keeps an installation token until a minute before it expires, per installation', async () => {
    const client = app();
    const review = (installation = INSTALLATION) =>
      client.reviewDeployment(
        github.callbackUrl('octo-org', 'inventory', 1),
        installation,
        approve,
      );
    await review();
    await review();
    expect(github.tokenRequests).toBe(1);
    // GitHub's tokens last an hour: renewed from 59 minutes on.
    clock = new Date(start.getTime() + 59 * 60_000 - 1000);
    await review();
    expect(github.tokenRequests).toBe(1);
    clock = new Date(start.getTime() + 59 * 60_000 + 1000);
    await review();
    expect(github.tokenRequests).toBe(2);
    await review(8);
    expect(github.tokenRequests).toBe(3);
    expect(github.reviews).toHaveLength(5);
  });

  it('asks for a new token once GitHub no longer takes the cached one', async () => {
    const client = app();
    const callback = github.callbackUrl('octo-org', 'inventory', 1);
    await client.reviewDeployment(callback, INSTALLATION, approve);
    github.revokeTokens();
    await expect(
      client.reviewDeployment(callback, INSTALLATION, approve),
    ).rejects.toThrow('GitHub answered 401');
    await client.reviewDeployment(callback, INSTALLATION, approve);
    expect(github.tokenRequests).toBe(2);
    expect(github.reviews).toHaveLength(2);
  });

  it("names GitHub's status and body when it does not take a review", async () => {
    github.failReviews(503, '{"message":"Service Unavailable"}');
    const review = app().reviewDeployment(
      github.callbackUrl('octo-org', 'inventory', 1),
      INSTALLATION,
      approve,
    );
    await expect(review).rejects.toThrow(GithubApiError);
    await expect(review).rejects.toThrow(
      'GitHub answered 503 to POST /repos/octo-org/inventory/actions/runs/1/deployment_protection_rule: {"message":"Service Unavailable"}',
    );
    expect(github.reviews).toEqual([]);
  });

  it('is refused a token with a JWT signed by another key, or for an unknown installation', async () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const callback = github.callbackUrl('octo-org', 'inventory', 1);
    await expect(
      app(github.apiBaseUrl, otherKey).reviewDeployment(
        callback,
        INSTALLATION,
        approve,
      ),
    ).rejects.toThrow(
      `GitHub answered 401 to POST /app/installations/${INSTALLATION}/access_tokens: {"message":"A JSON web token could not be decoded"}`,
    );
    await expect(app().reviewDeployment(callback, 99, approve)).rejects.toThrow(
      'GitHub answered 404',
    );
    expect(github.reviews).toEqual([]);
  });

  it("works under a GitHub Enterprise Server's /api/v3 prefix, and only under it", async () => {
    const client = app(ghes.apiBaseUrl);
    expect(ghes.apiBaseUrl).toMatch(/\/api\/v3$/);
    await client.reviewDeployment(
      ghes.callbackUrl('octo-org', 'inventory', 9),
      INSTALLATION,
      approve,
    );
    expect(ghes.requests.map(r => r.path)).toEqual([
      `/api/v3/app/installations/${INSTALLATION}/access_tokens`,
      '/api/v3/repos/octo-org/inventory/actions/runs/9/deployment_protection_rule',
    ]);
    const withoutPrefix = ghes
      .callbackUrl('octo-org', 'inventory', 9)
      .replace('/api/v3', '');
    await expect(
      client.reviewDeployment(withoutPrefix, INSTALLATION, approve),
    ).rejects.toThrow(InputError);
    expect(ghes.requests).toHaveLength(2);
  });

  it('refuses a callback URL outside the API before asking for or sending any token', async () => {
    const good = github.callbackUrl('octo-org', 'inventory', 42);
    const refused = [
      foreign.callbackUrl('octo-org', 'inventory', 42),
      good.replace('http://', 'https://'),
      good.replace('127.0.0.1', 'localhost'),
      good.replace('deployment_protection_rule', 'pending_deployments'),
      good.replace('/runs/42/', '/runs/abc/'),
      good.replace('/repos/octo-org/', '/repos/octo-org/extra/'),
      `${good}?next=https://evil.example`,
      `${good}#fragment`,
      good.replace('http://', 'http://user:pass@'),
      `${github.apiBaseUrl}/repos/o/r/actions/runs/1/deployment_protection_rule/../../../../../../app/installations/7/access_tokens`,
      'not a url',
    ];
    const client = app();
    for (const url of refused) {
      await expect(
        client.reviewDeployment(url, INSTALLATION, approve),
      ).rejects.toThrow(InputError);
    }
    expect(github.requests).toEqual([]);
    expect(foreign.requests).toEqual([]);
  });
});
