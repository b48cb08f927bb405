import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { mockServices } from '@backstage/backend-test-utils';
import { FakeGithub } from './__testUtils__/fakeGithub';
import {
  Delivery as SignedDelivery,
  deliverGithubWebhook,
  EXAMPLE_INSTALLATION as INSTALLATION,
  EXAMPLE_SHA as SHA,
  requestedPayload,
} from './__testUtils__/githubWebhook';
import { GithubApp } from './githubApp';
import {
  createGithubProtectionRuleRouter,
  DeploymentGateDecision,
  DeploymentGateRequest,
} from './protectionRuleRouter';

/*
 * The webhook endpoint as GitHub uses it: deliveries signed with the webhook secret the way
 * GitHub signs them, sent over loopback to the router on an express app, and reviews taken by a
 * fake GitHub API that checks the App's JWT and installation token.
 */

const SECRET = 'whsec-7d1e0c2b9a';
const APP_ID = '348282';
const MOUNT = '/api/scorecards/enforcement/github/deployment-protection-rule';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const NOW = new Date('2025-06-02T10:00:00Z');

describe('createGithubProtectionRuleRouter', () => {
  let github: FakeGithub;
  let foreign: FakeGithub;
  let server: Server;
  let endpoint: string;
  let decide: (
    request: DeploymentGateRequest,
  ) => Promise<DeploymentGateDecision>;
  const asked: DeploymentGateRequest[] = [];
  const handled = new Map<string, Date>();
  const audit: Array<Record<string, unknown>> = [];
  const now = () => NOW;

  beforeAll(async () => {
    const fakeOptions = {
      appId: APP_ID,
      publicKey: keys.publicKey,
      installations: [INSTALLATION],
      now,
    };
    github = await FakeGithub.start(fakeOptions);
    foreign = await FakeGithub.start(fakeOptions);
    const app = new GithubApp({
      appId: APP_ID,
      privateKey: keys.privateKey
        .export({ type: 'pkcs1', format: 'pem' })
        .toString(),
      apiBaseUrl: github.apiBaseUrl,
      now,
    });
    const auditor = mockServices.auditor.mock({
      createEvent: async options => {
        audit.push({ ...options, request: undefined, status: 'initiated' });
        return {
          success: async params => {
            audit.push({ status: 'succeeded', meta: params?.meta });
          },
          fail: async params => {
            audit.push({ status: 'failed', error: params.error.message });
          },
        };
      },
    });
    const router = createGithubProtectionRuleRouter({
      webhookSecret: SECRET,
      app,
      decide: request => {
        asked.push(request);
        return decide(request);
      },
      deliveries: {
        isHandled: async id => handled.has(id),
        markHandled: async (id, at) => {
          handled.set(id, at);
        },
      },
      logger: mockServices.logger.mock(),
      auditor,
      now,
    });
    server = express().use(MOUNT, router).listen(0, '127.0.0.1');
    await new Promise(resolve => server.once('listening', resolve));
    endpoint = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }${MOUNT}`;
  });
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
    await Promise.all([github.close(), foreign.close()]);
  });
  beforeEach(() => {
    github.reset();
    foreign.reset();
    asked.length = 0;
    audit.length = 0;
    handled.clear();
    decide = async () => ({
      approve: true,
      comment: 'All release checks pass.',
    });
  });

  type Delivery = Omit<SignedDelivery, 'secret' | 'appId'> & {
    secret?: string;
  };
  const deliver = (delivery: Delivery) =>
    deliverGithubWebhook(endpoint, {
      secret: SECRET,
      appId: APP_ID,
      ...delivery,
    });

  const requested = () =>
    requestedPayload(github.callbackUrl('octo-org', 'inventory', 15090883263));

  it('approves a deployment the gate passes, and records the delivery', async () => {
    const answer = await deliver({
      body: requested(),
      deliveryId: 'd-approve',
    });

    expect(answer).toEqual({
      status: 200,
      body: {
        state: 'approved',
        environment: 'production',
        repository: 'octo-org/inventory',
        sha: SHA,
      },
    });
    expect(asked).toEqual([
      {
        repository: 'octo-org/inventory',
        environment: 'production',
        sha: SHA,
        ref: 'main',
      },
    ]);
    expect(github.reviews).toEqual([
      {
        owner: 'octo-org',
        repo: 'inventory',
        runId: 15090883263,
        body: {
          environment_name: 'production',
          state: 'approved',
          comment: 'All release checks pass.',
        },
        accept: 'application/vnd.github+json',
        apiVersion: '2022-11-28',
      },
    ]);
    expect([...handled]).toEqual([['d-approve', NOW]]);
    expect(audit).toEqual([
      expect.objectContaining({
        eventId: 'github-deployment-review',
        severityLevel: 'medium',
        status: 'initiated',
        meta: {
          deliveryId: 'd-approve',
          repository: 'octo-org/inventory',
          environment: 'production',
          sha: SHA,
          ref: 'main',
          event: 'push',
          installationId: INSTALLATION,
        },
      }),
      { status: 'succeeded', meta: { state: 'approved' } },
    ]);
  });

  it('rejects a deployment the gate fails, with its reasons as the comment', async () => {
    decide = async () => ({
      approve: false,
      comment:
        '**Scorecard gate: fail** for production\n\n- line coverage 61% < 80%\n- 2 critical vulnerabilities',
    });
    const answer = await deliver({ body: requested() });

    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe('rejected');
    expect(github.reviews[0].body.state).toBe('rejected');
    expect(github.reviews[0].body.comment).toContain(
      '- line coverage 61% < 80%',
    );
    expect(github.reviews[0].body.comment).toContain(
      '- 2 critical vulnerabilities',
    );
  });

  it('cuts a comment over 60000 characters, and says so', async () => {
    const reasons = '- a failing check\n'.repeat(5000);
    decide = async () => ({ approve: false, comment: reasons });
    expect((await deliver({ body: requested() })).status).toBe(200);

    const comment = github.reviews[0].body.comment!;
    expect(comment.length).toBeLessThanOrEqual(60000);
    expect(comment.length).toBeGreaterThan(59900);
    expect(reasons.startsWith(comment.slice(0, 59000))).toBe(true);
    expect(comment).toMatch(/\(cut to 60000 of 90000 characters\)$/);
  });

  it.each([
    ['unsigned', { signed: false }, 'no single X-Hub-Signature-256'],
    ['signed with another secret', { secret: 'guessed' }, 'does not match'],
    [
      'changed after signing',
      {
        tamper: (raw: string) =>
          raw.replace('"environment":"production"', '"environment":"staging"'),
      },
      'does not match',
    ],
  ])(
    'answers a delivery %s with 401, and does nothing else',
    async (_case, change, message) => {
      const answer = await deliver({ body: requested(), ...change });

      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({ name: 'AuthenticationError' });
      expect(answer.body.error.message).toContain(message);
      expect(asked).toEqual([]);
      expect(github.requests).toEqual([]);
      expect(handled.size).toBe(0);
      expect(audit).toEqual([]);
    },
  );

  it('refuses a replayed delivery with 409', async () => {
    const body = requested();
    expect((await deliver({ body, deliveryId: 'd-replay' })).status).toBe(200);
    const replay = await deliver({ body, deliveryId: 'd-replay' });

    expect(replay.status).toBe(409);
    expect(replay.body.error.message).toBe(
      'Delivery d-replay was handled already',
    );
    expect(asked).toHaveLength(1);
    expect(github.reviews).toHaveLength(1);
  });

  it('refuses the same delivery while it is being handled', async () => {
    let release!: () => void;
    const gateOpen = new Promise<void>(resolve => (release = resolve));
    decide = async () => {
      await gateOpen;
      return { approve: true, comment: 'ok' };
    };
    const body = requested();
    const first = deliver({ body, deliveryId: 'd-twice' });
    await new Promise(resolve => setTimeout(resolve, 100));
    const second = await deliver({ body, deliveryId: 'd-twice' });
    release();

    expect(second.status).toBe(409);
    expect((await first).status).toBe(200);
    expect(github.reviews).toHaveLength(1);
  });

  it('refuses a deployment created more than an hour ago as a stale delivery', async () => {
    const callback = github.callbackUrl('octo-org', 'inventory', 1);
    const stale = await deliver({
      body: requestedPayload(callback, '2025-06-02T08:59:59Z'),
    });

    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe(
      'stale delivery: the deployment was created at 2025-06-02T08:59:59Z, more than 60 minutes ago',
    );
    expect(asked).toEqual([]);
    expect(github.requests).toEqual([]);

    const inTime = await deliver({
      body: requestedPayload(callback, '2025-06-02T09:00:01Z'),
    });
    expect(inTime.status).toBe(200);
  });

  it('refuses a callback URL on another host without sending it a token', async () => {
    const body = requestedPayload(
      foreign.callbackUrl('octo-org', 'inventory', 1),
    );
    const answer = await deliver({ body });

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(
      `is not ${github.apiBaseUrl}/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`,
    );
    expect(foreign.requests).toEqual([]);
    expect(github.requests).toEqual([]);
    expect(handled.size).toBe(0);
    expect(audit.map(e => e.status)).toEqual(['initiated', 'failed']);
  });

  it("answers 502 when GitHub does not take the review, and takes GitHub's redelivery", async () => {
    github.failReviews(500, '{"message":"Server Error"}');
    const body = requested();
    const failed = await deliver({ body, deliveryId: 'd-retry' });

    expect(failed.status).toBe(502);
    expect(failed.body.error).toMatchObject({ name: 'GithubApiError' });
    expect(failed.body.error.message).toBe(
      'GitHub answered 500 to POST /repos/octo-org/inventory/actions/runs/15090883263/deployment_protection_rule: {"message":"Server Error"}',
    );
    expect(handled.size).toBe(0);
    expect(audit.map(e => e.status)).toEqual(['initiated', 'failed']);

    const redelivered = await deliver({ body, deliveryId: 'd-retry' });
    expect(redelivered.status).toBe(200);
    expect(github.reviews).toHaveLength(1);
    expect([...handled.keys()]).toEqual(['d-retry']);
  });

  it('answers a ping', async () => {
    const ping = await deliver({
      event: 'ping',
      body: {
        zen: 'Design for failure.',
        hook_id: 447638117,
        hook: { type: 'App', app_id: 348282 },
      },
    });
    expect(ping).toEqual({ status: 200, body: { ok: true } });
  });

  it('ignores other events and actions with 202', async () => {
    expect(
      await deliver({ event: 'push', body: { ref: 'refs/heads/main' } }),
    ).toEqual({
      status: 202,
      body: { ignored: 'push' },
    });
    expect(
      await deliver({ body: { ...requested(), action: 'dismissed' } }),
    ).toEqual({
      status: 202,
      body: { ignored: 'deployment_protection_rule.dismissed' },
    });
    expect(asked).toEqual([]);
    expect(github.requests).toEqual([]);
  });

  it('answers 400 naming the field for a payload without an environment', async () => {
    const { environment: _dropped, ...body } = requested();
    const answer = await deliver({ body });

    expect(answer.status).toBe(400);
    expect(answer.body.error.name).toBe('InputError');
    expect(answer.body.error.message).toMatch(/^body\.environment: /);
    expect(asked).toEqual([]);
  });

  it('answers 400 for a delivery without X-GitHub-Delivery, or with a body that is not JSON', async () => {
    const noId = await deliver({ body: requested(), deliveryId: '' });
    expect(noId.status).toBe(400);
    expect(noId.body.error.message).toBe(
      'The delivery has no X-GitHub-Delivery header',
    );

    const notJson = await deliver({ body: 'payload=%7B%7D' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe('The delivery body is not JSON');
    expect(asked).toEqual([]);
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const body = { ...requested(), padding: 'x'.repeat(1024 * 1024) };
    const answer = await deliver({ body });

    expect(answer.status).toBe(413);
    expect(answer.body.error.name).toBe('PayloadTooLargeError');
    expect(asked).toEqual([]);
  });
});
