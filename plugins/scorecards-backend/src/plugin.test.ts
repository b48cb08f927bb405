import fs from 'fs';
import type { Server } from 'http';
import path from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases, expectErrorAnswer } from '@waybill/test-utils';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';
import { ci, inventory } from './__testUtils__/releaseFixtures';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, 'evidence/__fixtures__', name));

const release =
  '/api/scorecards/entities/component/default/inventory/releases/4.2.0';
/** Delivery event d1: inventory 4.2.0 (commit abc) deployed to production. */
const inventoryDeployed = (occurredAt: string) => ({
  id: 'd1',
  type: 'deployment',
  entityRef: 'component:default/inventory',
  environment: 'production',
  version: '4.2.0',
  commit: 'abc',
  occurredAt,
});
/** An ISO time `days` from now. */
const inDays = (days: number) =>
  new Date(Date.now() + days * 24 * 3600_000).toISOString();

describe.each(databases.eachSupportedId())(
  'scorecards API on %s',
  databaseId => {
    async function startBackend(
      permission:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          scorecardsPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [inventory] }),
          mockServices.permissions.factory({ result: permission }),
          mockServices.rootConfig.factory({
            data: { scorecards: { maxUploadBytes: 64 * 1024 } },
          }),
        ],
      });
      return { server, knex };
    }

    /** Uploads jest-junit.xml as the test results of inventory 4.2.0. */
    const uploadTests = (server: Server, auth = ci) =>
      request(server)
        .post(`${release}/evidence/tests`)
        .set('Authorization', auth)
        .type('application/xml')
        .send(fixture('jest-junit.xml'));
    /** Asks for a production gate override of inventory 4.2.0, for a day unless `body` says otherwise. */
    const postOverride = (
      server: Server,
      auth: string,
      body: { reason?: string; expiresAt?: string } = {},
    ) =>
      request(server)
        .post(`${release}/gates/production/overrides`)
        .set('Authorization', auth)
        .send({
          reason: 'EDI outage hotfix, drill booked',
          expiresAt: inDays(1),
          ...body,
        });
    /** A backend with tests uploaded for inventory 4.2.0, and a person signed in to the portal. */
    const startWithRelease = async () => {
      const { server } = await startBackend();
      await uploadTests(server);
      return {
        server,
        user: mockCredentials.user.header('user:default/guest'),
      };
    };

    it('refuses requests without a user or service principal', async () => {
      const { server } = await startBackend();
      const res = await uploadTests(server, mockCredentials.none.header());
      expect(res.status).toBe(401);
    });

    it('stores a pipeline upload once, scores it, and answers the gate from the stored result', async () => {
      const { server } = await startBackend();
      const upload = () =>
        request(server)
          .post(`${release}/evidence/tests?commit=4f2a9c1`)
          .set('Authorization', ci)
          .type('application/xml')
          .send(fixture('jest-junit.xml'));

      const first = await upload();
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ duplicate: false });
      const again = await upload();
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        duplicate: true,
        evidenceId: first.body.evidenceId,
      });

      const scorecard = await request(server)
        .get(release)
        .set('Authorization', ci);
      expect(scorecard.status).toBe(200);
      expect(scorecard.body).toMatchObject({
        version: '4.2.0',
        commit: '4f2a9c1',
      });
      expect(scorecard.body.evidence).toHaveLength(1);

      // Only test results so far: the production gate fails on the missing evidence, with reasons.
      const gate = await request(server)
        .get(`${release}/gates/production`)
        .set('Authorization', ci);
      expect(gate.status).toBe(200);
      expect(gate.body.decision).toBe('fail');
      expect(gate.body.reasons.some((r: any) => r.status === 'missing')).toBe(
        true,
      );

      const unknownEnv = await request(server)
        .get(`${release}/gates/moon`)
        .set('Authorization', ci);
      expectErrorAnswer(unknownEnv, 400, /Unknown environment "moon"/);
    });

    it('lets a pipeline calling with its OIDC token act only for its own repository', async () => {
      const { server } = await startBackend();
      const service = (subject: string) =>
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service(subject),
          targetPluginId: 'scorecards',
        });
      const pipeline = (repository: string) =>
        service(`pipeline:github:${repository}`);
      const upload = (repository: string) =>
        uploadTests(server, pipeline(repository));

      expect((await upload('meridian/inventory')).status).toBe(201);
      const fork = await upload('someone/inventory-fork');
      expect(fork.status).toBe(403);
      expect(fork.body.error.message).toBe(
        'The pipeline of someone/inventory-fork may not act for component:default/inventory, whose repository is meridian/inventory (github.com/project-slug)',
      );
      const events = await request(server)
        .post('/api/scorecards/events')
        .set('Authorization', pipeline('someone/inventory-fork'))
        .send({
          events: [inventoryDeployed('2026-11-20T10:00:00Z')],
        });
      expectErrorAnswer(
        events,
        403,
        /^The pipeline of someone\/inventory-fork may not act for component:default\/inventory/,
      );

      // Fail closed: a non-pipeline issuer's token (a customised subject) and a pipeline token
      // that named no repository upload nothing.
      for (const [subject, reason] of [
        [
          'external:github-actions:repository_owner:meridian',
          'not a pipeline issuer',
        ],
        ['pipeline:github', 'names no repository'],
      ]) {
        const refused = await uploadTests(server, service(subject));
        expectErrorAnswer(refused, 403, reason);
      }
    });

    it('rejects bad input with a 4xx naming the problem and stores nothing', async () => {
      const { server } = await startBackend();
      const post = (
        url: string,
        body: string | Buffer,
        type = 'application/xml',
      ) =>
        request(server)
          .post(url)
          .set('Authorization', ci)
          .type(type)
          .send(body);

      const unknownEntity = await post(
        '/api/scorecards/entities/component/default/nope/releases/1.0.0/evidence/tests',
        fixture('jest-junit.xml'),
      );
      expectErrorAnswer(unknownEntity, 400, /component:default\/nope/);

      // The portal links to the pipeline run: only http(s) URLs are accepted.
      const scriptUrl = await post(
        `${release}/evidence/tests?pipelineUrl=${encodeURIComponent(
          // eslint-disable-next-line no-script-url -- the hostile value under test
          'javascript:alert(1)',
        )}`,
        fixture('jest-junit.xml'),
      );
      expectErrorAnswer(scriptUrl, 400, /query.pipelineUrl must match pattern/);

      const entities = await post(
        `${release}/evidence/tests`,
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><testsuite>&a;</testsuite>',
      );
      expectErrorAnswer(entities, 400, /entit/i);

      const truncated = await post(
        `${release}/evidence/tests`,
        '<testsuites><testsuite name="a">',
      );
      expect(truncated.status).toBe(400);

      const noRuns = await post(
        `${release}/evidence/security`,
        JSON.stringify({ version: '2.1.0' }),
        'application/json',
      );
      expectErrorAnswer(noRuns, 400, /runs/);

      const formEncoded = await post(
        `${release}/evidence/tests`,
        fixture('jest-junit.xml').toString('utf8'),
        'application/x-www-form-urlencoded',
      );
      expectErrorAnswer(
        formEncoded,
        400,
        /Content-Type application\/x-www-form-urlencoded/,
      );

      const unknownEnvironment = await post(
        `${release}/evidence/tests?environment=moon`,
        fixture('jest-junit.xml'),
      );
      expectErrorAnswer(unknownEnvironment, 400, /Unknown environment "moon"/);

      const eventsAsText = await post(
        '/api/scorecards/events',
        '{}',
        'text/plain',
      );
      expectErrorAnswer(
        eventsAsText,
        400,
        /unsupported media type text\/plain/,
      );

      const brokenJson = await post(
        '/api/scorecards/events',
        '{"events": [',
        'application/json',
      );
      expectErrorAnswer(brokenJson, 400, /not valid JSON/);
      expect(JSON.stringify(brokenJson.body)).not.toContain('"events": [');

      const unknownKind = await post(
        `${release}/evidence/vibes`,
        fixture('jest-junit.xml'),
      );
      expect(unknownKind.status).toBe(400);

      const tooLarge = await post(
        `${release}/evidence/tests`,
        Buffer.alloc(65 * 1024, 'a'),
      );
      expect(tooLarge.status).toBe(413);

      const nothing = await request(server)
        .get(release)
        .set('Authorization', ci);
      expect(nothing.status).toBe(404);
    });

    it('stores every one of many concurrent uploads exactly once', async () => {
      const { server, knex } = await startBackend();
      const junit = fixture('jest-junit.xml').toString('utf8');
      // 8 clients x 200 uploads; every file is distinct (a comment makes its digest unique).
      const clients = Array.from({ length: 8 }, (_, client) =>
        (async () => {
          for (let i = 0; i < 200; i++) {
            const res = await request(server)
              .post(`${release}/evidence/tests`)
              .set('Authorization', ci)
              .type('application/xml')
              .send(`${junit}\n<!-- client ${client} upload ${i} -->`);
            expect(res.status).toBe(201);
          }
        })(),
      );
      await Promise.all(clients);
      const history = await request(server)
        .get('/api/scorecards/entities/component/default/inventory/releases')
        .set('Authorization', ci);
      expect(history.body.items).toHaveLength(1);
      const [{ n }] = await knex('scorecards_evidence').count({ n: '*' });
      expect(Number(n)).toBe(8 * 200);
    });

    it('lets only holders of the override permission override a gate, with a reason and an expiry', async () => {
      const { server: allowed, user } = await startWithRelease();

      const noReason = await postOverride(allowed, user, { reason: 'ok' });
      expectErrorAnswer(noReason, 400, /body.reason/);

      const override = await postOverride(allowed, user);
      expect(override.status).toBe(201);
      expect(override.body.actor).toBe('user:default/guest');

      const gate = await request(allowed)
        .get(`${release}/gates/production`)
        .set('Authorization', ci);
      expect(gate.body).toMatchObject({
        decision: 'pass',
        policyDecision: 'fail',
      });

      const looseDate = await postOverride(allowed, user, {
        expiresAt: 'Jan 1 2099',
      });
      expectErrorAnswer(
        looseDate,
        400,
        /body.expiresAt must match format "date-time"/,
      );

      // Overrides and policy re-evaluation are for people, whatever a token may do.
      for (const auth of [ci, mockCredentials.service.header()]) {
        const byService = await postOverride(allowed, auth);
        expectErrorAnswer(
          byService,
          403,
          /^A gate override needs a person signed in to the portal/,
        );
        const reevaluate = await request(allowed)
          .post('/api/scorecards/policy/reevaluate')
          .set('Authorization', auth);
        expectErrorAnswer(
          reevaluate,
          403,
          /^Re-evaluating the policy needs a person/,
        );
      }

      const { server: denied } = await startBackend(AuthorizeResult.DENY);
      const forbidden = await postOverride(denied, user);
      expect(forbidden.status).toBe(403);
    });

    it('caps an override at scorecards.overrides.maxDurationDays, and lets a person revoke one, once', async () => {
      const { server, user } = await startWithRelease();
      const tooLong = await postOverride(server, user, {
        expiresAt: inDays(365),
      });
      expectErrorAnswer(
        tooLong,
        400,
        /an override may last at most 14 days \(scorecards.overrides.maxDurationDays\)/,
      );
      const release_ = await request(server)
        .get(release)
        .set('Authorization', user);
      expect(release_.body.maxOverrideDays).toBe(14);

      const override = await postOverride(server, user, {
        expiresAt: inDays(13.9),
      });
      expect(override.status).toBe(201);
      const revoke = (
        id: number,
        auth = user,
        reason = '  Fixed in 4.2.1, gate passes  ',
      ) =>
        request(server)
          .post(`${release}/gates/production/overrides/${id}/revoke`)
          .set('Authorization', auth)
          .send({ reason });
      const gate = async () =>
        (
          await request(server)
            .get(`${release}/gates/production`)
            .set('Authorization', ci)
        ).body;
      expect((await gate()).decision).toBe('pass');

      expect((await revoke(override.body.id, ci)).status).toBe(403);
      expect((await revoke(override.body.id, user, ' too short ')).status).toBe(
        400,
      );
      expect((await gate()).decision).toBe('pass');

      const revoked = await revoke(override.body.id);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        id: override.body.id,
        revokedBy: 'user:default/guest',
        revokeReason: 'Fixed in 4.2.1, gate passes',
      });
      expect(await gate()).toMatchObject({ decision: 'fail', override: null });
      const [stored] = (
        await request(server).get(release).set('Authorization', user)
      ).body.overrides;
      expect(stored).toEqual(revoked.body);

      const twice = await revoke(override.body.id);
      expectErrorAnswer(
        twice,
        409,
        /was already revoked by user:default\/guest/,
      );
      const unknown = await revoke(override.body.id + 100);
      expect(unknown.status).toBe(404);
      const otherGate = await request(server)
        .post(`${release}/gates/staging/overrides/${override.body.id}/revoke`)
        .set('Authorization', user)
        .send({ reason: 'Fixed in 4.2.1, gate passes' });
      expect(otherGate.status).toBe(404);
    });

    it('serves the portfolio with filters, as JSON and CSV, and DORA figures from delivery events', async () => {
      const { server } = await startBackend();
      await uploadTests(server);

      const page = await request(server)
        .get('/api/scorecards/portfolio')
        .query({
          owner: 'warehouse-systems',
          tier: 'critical',
          gate: 'production:fail',
          sort: '-score',
        })
        .set('Authorization', ci);
      expect(page.status).toBe(200);
      expect(page.body.totalCount).toBe(1);
      expect(page.body.items[0]).toMatchObject({
        entityRef: 'component:default/inventory',
        owner: 'group:default/warehouse-systems',
        version: '4.2.0',
        gates: { production: 'fail' },
      });

      const none = await request(server)
        .get('/api/scorecards/portfolio?businessProcess=order-to-cash')
        .set('Authorization', ci);
      expect(none.body).toEqual({ items: [], totalCount: 0 });

      const bad = await request(server)
        .get('/api/scorecards/portfolio?gate=production&sort=random')
        .set('Authorization', ci);
      expectErrorAnswer(bad, 400, /query.gate.*query.sort/s);

      const csv = await request(server)
        .get('/api/scorecards/portfolio.csv')
        .set('Authorization', ci);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toMatch(/^entity,title,owner/);
      expect(lines[1]).toMatch(
        /^component:default\/inventory,inventory,group:default\/warehouse-systems/,
      );

      const events = await request(server)
        .post('/api/scorecards/events')
        .set('Authorization', ci)
        .send({
          events: [
            {
              id: 'm1',
              type: 'change-merged',
              entityRef: 'component:default/inventory',
              commit: 'abc',
              occurredAt: '2026-11-02T08:00:00Z',
            },
            inventoryDeployed('2026-11-02T12:00:00Z'),
            {
              id: 'd2',
              type: 'deployment',
              entityRef: 'component:default/inventory',
              environment: 'production',
              version: '4.2.1',
              occurredAt: '2026-11-09T12:00:00Z',
            },
          ],
        });
      expect(events.status).toBe(201);
      expect(events.body).toEqual({ stored: 3, duplicates: 0 });

      const dora = await request(server)
        .get('/api/scorecards/dora')
        .query({
          entityRef: 'component:default/inventory',
          from: '2026-11-01T00:00:00Z',
          to: '2026-11-15T00:00:00Z',
        })
        .set('Authorization', ci);
      expect(dora.status).toBe(200);
      expect(dora.body.current.deploymentFrequency).toMatchObject({
        deployments: 2,
      });
      expect(dora.body.current.leadTimeForChanges).toMatchObject({
        medianHours: 4,
      });
    });
  },
);
