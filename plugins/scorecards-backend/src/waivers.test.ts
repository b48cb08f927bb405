import type { Server } from 'http';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases, expectErrorAnswer } from '@waybill/test-utils';
import request from 'supertest';
import { scorecardsPlugin } from './plugin';
import {
  ci,
  inventory,
  junit,
  testsPolicy,
  onlyApprovedBy,
} from './__testUtils__/releaseFixtures';

const databases = createTestDatabases();
jest.setTimeout(120_000);

const DEV = 'user:default/dev';
const MANAGER = 'user:default/release-manager';
const STRANGER = 'user:default/stranger';
const as = (user: string) => mockCredentials.user.header(user);
const inSeconds = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString();
const release =
  '/api/scorecards/entities/component/default/inventory/releases/4.2.0';

describe.each(databases.eachSupportedId())('waivers on %s', databaseId => {
  let server: Server;
  const audit: Array<{ eventId: string; status: string }> = [];

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    ({ server } = await startTestBackend({
      features: [
        scorecardsPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: [inventory] }),
        // Everyone may ask; only the release manager may approve.
        onlyApprovedBy(MANAGER),
        mockServices.auditor.mock({
          createEvent: async ({ eventId }) => ({
            success: async () => {
              audit.push({ eventId, status: 'succeeded' });
            },
            fail: async () => {
              audit.push({ eventId, status: 'failed' });
            },
          }),
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            scorecards: {
              policy: testsPolicy,
              waivers: { maxDurationDays: 7 },
            },
          },
        }),
      ],
    }));
    await request(server)
      .post(`${release}/evidence/tests`)
      .set('Authorization', ci)
      .type('application/xml')
      .send(junit)
      .expect(201);
  });

  const ask = (user: string, body: Record<string, unknown> = {}) =>
    request(server)
      .post('/api/scorecards/waivers')
      .set('Authorization', as(user))
      .send({
        entityRef: 'component:default/inventory',
        versionRange: '>=4.2.0 <4.3.0',
        environment: 'production',
        checkId: 'no-failing-tests',
        reason: 'Flaky carrier sandbox test, fix in 4.2.1',
        expiresAt: inSeconds(2 * 24 * 3600),
        ...body,
      });
  const approve = (user: string, id: number) =>
    request(server)
      .post(`/api/scorecards/waivers/${id}/approve`)
      .set('Authorization', as(user));
  const revoke = (user: string, id: number) =>
    request(server)
      .post(`/api/scorecards/waivers/${id}/revoke`)
      .set('Authorization', as(user))
      .send({ reason: 'The test was fixed in 4.2.1' });
  const gate = async () =>
    (
      await request(server)
        .get(`${release}/gates/production`)
        .set('Authorization', ci)
    ).body;

  it('applies a waiver approved by another person, and not before', async () => {
    audit.length = 0;
    const asked = await ask(DEV);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      requestedBy: DEV,
      approvedBy: null,
    });
    const id = asked.body.id;
    expect((await gate()).decision).toBe('fail');
    // The portfolio's waived filter: only releases an active waiver covers.
    const waived = async (value = 'true') =>
      (
        await request(server)
          .get(`/api/scorecards/portfolio?waived=${value}`)
          .set('Authorization', ci)
      ).body.items.map((i: { entityRef: string }) => i.entityRef);
    expect(await waived()).toEqual([]);

    expectErrorAnswer(
      await approve(DEV, id),
      403,
      'Missing permission scorecards.waiver.approve',
    );
    expect((await gate()).decision).toBe('fail');

    const approved = await approve(MANAGER, id);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'active',
      approvedBy: MANAGER,
    });
    expect(await gate()).toMatchObject({
      decision: 'pass',
      policyDecision: 'fail',
      reasons: [],
      waivers: [expect.objectContaining({ id, checkId: 'no-failing-tests' })],
    });
    expectErrorAnswer(await approve(MANAGER, id), 409, 'is active');

    // One verdict everywhere: the release, its history and the portfolio.
    const record = await request(server).get(release).set('Authorization', ci);
    expect(record.body.waivers).toEqual([
      expect.objectContaining({ id, status: 'active' }),
    ]);
    expect(record.body.maxWaiverDays).toBe(7);
    const history = await request(server)
      .get('/api/scorecards/entities/component/default/inventory/releases')
      .set('Authorization', ci);
    expect(history.body.items[0].gates).toContainEqual({
      environment: 'production',
      decision: 'pass',
      policyDecision: 'fail',
    });
    const portfolio = await request(server)
      .get('/api/scorecards/portfolio')
      .set('Authorization', ci);
    expect(portfolio.body.items[0]).toMatchObject({
      gates: { production: 'fail' },
      effectiveGates: { production: 'pass' },
      gateAdjustments: { production: { overridden: false, waivers: 1 } },
    });
    expect(await waived()).toEqual(['component:default/inventory']);
    const summary = await request(server)
      .get('/api/scorecards/portfolio/summary?waived=true')
      .set('Authorization', ci);
    expect(summary.body.totalCount).toBe(1);
    const csv = await request(server)
      .get('/api/scorecards/portfolio.csv?waived=true')
      .set('Authorization', ci);
    expect(csv.text).toContain('component:default/inventory');

    // Revoked by the person who asked: the gate is what the evidence says again.
    expectErrorAnswer(await revoke(STRANGER, id), 403, 'may be revoked by');
    const revoked = await revoke(DEV, id);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedBy: DEV });
    expect((await gate()).decision).toBe('fail');
    expectErrorAnswer(await revoke(MANAGER, id), 409, 'is revoked');
    expect(await waived()).toEqual([]);
    expect(await waived('false')).toEqual(['component:default/inventory']);

    const listed = await request(server)
      .get('/api/scorecards/waivers?entityRef=component:default/inventory')
      .set('Authorization', ci);
    expect(listed.body.items.map((w: any) => [w.id, w.status])).toContainEqual([
      id,
      'revoked',
    ]);
    const byStatus = async (status: string) =>
      (
        await request(server)
          .get(`/api/scorecards/waivers?status=${status}`)
          .set('Authorization', ci)
      ).body.items.map((w: any) => w.id);
    expect(await byStatus('revoked')).toContain(id);
    expect(await byStatus('active')).not.toContain(id);
    expect(await byStatus('pending')).not.toContain(id);
    expect(audit).toEqual([
      { eventId: 'waiver-request', status: 'succeeded' },
      { eventId: 'waiver-approve', status: 'succeeded' },
      { eventId: 'waiver-approve', status: 'failed' },
      { eventId: 'waiver-revoke', status: 'failed' },
      { eventId: 'waiver-revoke', status: 'succeeded' },
      { eventId: 'waiver-revoke', status: 'failed' },
    ]);
  });

  it('refuses an approval by the person who asked, even one who may approve', async () => {
    const id = (await ask(MANAGER)).body.id;
    expectErrorAnswer(
      await approve(MANAGER, id),
      403,
      `Waiver ${id} was asked for by ${MANAGER}, who may not approve it`,
    );
    expect((await gate()).decision).toBe('fail');
    expect((await revoke(MANAGER, id)).status).toBe(200);
  });

  it('stops applying by itself when it expires, and lists those about to', async () => {
    const id = (await ask(DEV, { expiresAt: inSeconds(3) })).body.id;
    expect((await approve(MANAGER, id)).status).toBe(200);
    const expiring = await request(server)
      .get('/api/scorecards/waivers?expiringWithinDays=1')
      .set('Authorization', ci);
    expect(expiring.body.items.map((w: any) => w.id)).toEqual([id]);
    expect((await gate()).decision).toBe('pass');
    await new Promise(resolve => setTimeout(resolve, 3500));
    expect(await gate()).toMatchObject({ decision: 'fail', waivers: [] });
    const record = await request(server).get(release).set('Authorization', ci);
    expect(record.body.waivers.find((w: any) => w.id === id).status).toBe(
      'expired',
    );
    expectErrorAnswer(await revoke(DEV, id), 409, 'is expired');
  });

  it('applies only to the environment and versions it names', async () => {
    const id = (await ask(DEV, { versionRange: '4.1.0' })).body.id;
    await approve(MANAGER, id);
    expect((await gate()).decision).toBe('fail');
    await revoke(MANAGER, id);
  });

  it('refuses a request it cannot honour, naming the field', async () => {
    expectErrorAnswer(
      await ask(DEV, { checkId: 'no-such-check' }),
      400,
      'body.checkId: no-such-check is not a check of the policy (tests-ran, no-failing-tests)',
    );
    expectErrorAnswer(
      await ask(DEV, { versionRange: 'latest please' }),
      400,
      'body.versionRange',
    );
    expectErrorAnswer(
      await ask(DEV, { expiresAt: inSeconds(8 * 24 * 3600) }),
      400,
      'a waiver may last at most 7 days (scorecards.waivers.maxDurationDays)',
    );
    expectErrorAnswer(
      await ask(DEV, { environment: 'moon' }),
      400,
      'Unknown environment "moon"',
    );
    expectErrorAnswer(await ask(DEV, { reason: '  short   ' }), 400, 'reason');
    const service = await request(server)
      .post('/api/scorecards/waivers')
      .set('Authorization', ci)
      .send({
        entityRef: 'component:default/inventory',
        versionRange: '4.2.0',
        environment: 'production',
        checkId: 'no-failing-tests',
        reason: 'A pipeline may not waive its own checks',
        expiresAt: inSeconds(3600),
      });
    expect(service.status).toBe(403);
  });

  it('applies a waiver scoped to a tenant segment only to deliveries to that segment alone', async () => {
    const asked = await ask(DEV, { tenantSegment: 'retail' });
    expect(asked.body).toMatchObject({ tenantSegment: 'retail' });
    expect((await approve(MANAGER, asked.body.id)).status).toBe(200);
    const gateFor = async (query: string) =>
      (
        await request(server)
          .get(`${release}/gates/production${query}`)
          .set('Authorization', ci)
      ).body.decision;
    // The pipeline's own gate call names no segment: the waiver does not apply.
    expect(await gateFor('')).toBe('fail');
    expect(await gateFor('?segment=retail')).toBe('pass');
    expect(await gateFor('?segment=wholesale')).toBe('fail');
    expect(await gateFor('?segment=retail&segment=wholesale')).toBe('fail');
    expect((await revoke(DEV, asked.body.id)).status).toBe(200);
    expect(await gateFor('?segment=retail')).toBe('fail');
  });
});
