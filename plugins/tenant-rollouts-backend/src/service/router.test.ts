import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import type { Blocker } from '@waybill/plugin-tenant-rollouts-common';
import { RolloutConflictError } from './errors';
import { createRouter } from './router';
import { TenantRollouts } from './TenantRollouts';

/*
 * The router audits every action at its edge (the domain never sees the request or the
 * auditor): one event per action, at the action's severity, failed when the action fails.
 */

/** The rollout's record after the action, as the service answers it (its plan left out). */
const record = {
  id: 7,
  entityRef: 'component:default/inventory',
  version: '4.2.0',
  environment: 'production',
  state: 'running',
  currentWave: 1,
  lockVersion: 3,
  createdBy: 'user:default/release-manager',
  createdAt: '2026-11-24T09:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
};

async function app(act: TenantRollouts['act']) {
  const events: Array<Record<string, unknown>> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: Record<string, unknown> = {
        eventId: options.eventId,
        severityLevel: options.severityLevel,
        meta: options.meta,
        hasRequest: options.request !== undefined,
      };
      events.push(event);
      return {
        success: async (o?: { meta?: unknown }) => {
          event.outcome = 'success';
          event.result = o?.meta;
        },
        fail: async () => {
          event.outcome = 'fail';
        },
      };
    },
  });
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    rollouts: { act } as unknown as TenantRollouts,
    httpAuth: mockServices.httpAuth(),
    auth: mockServices.auth(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock(),
    auditor,
  });
  return { server: express().use(router).use(mockErrorHandler()), events };
}

const user = mockCredentials.user.header('user:default/release-manager');

describe('the router audits actions at its edge', () => {
  it('records an override as high, with the blockers it went past', async () => {
    const act = jest.fn(async () => ({
      record,
      overridden: ['gate: the scorecards gate is fail'],
    })) as unknown as TenantRollouts['act'];
    const { server, events } = await app(act);
    const response = await request(server)
      .post('/rollouts/7/actions/advance')
      .set('authorization', user)
      .send({ override: true, reason: 'hotfix for the outage' });
    expect(response.status).toBe(200);
    // The rollout's position after the action, not its record or its board.
    expect(response.body).toEqual({
      rollout: {
        id: 7,
        state: 'running',
        currentWave: 1,
        lockVersion: 3,
        updatedAt: '2026-11-24T10:00:00.000Z',
      },
      action: 'advance',
      overridden: ['gate: the scorecards gate is fail'],
    });
    expect(events).toEqual([
      {
        eventId: 'rollout-advance',
        severityLevel: 'high',
        hasRequest: true,
        meta: {
          rolloutId: 7,
          actor: 'user:default/release-manager',
          reason: 'hotfix for the outage',
          override: true,
        },
        outcome: 'success',
        result: {
          entityRef: record.entityRef,
          version: record.version,
          environment: record.environment,
          state: 'running',
          currentWave: 1,
          overridden: ['gate: the scorecards gate is fail'],
        },
      },
    ]);
  });

  it('records a refused action as failed and answers its 409', async () => {
    const HELD: Blocker = {
      kind: 'bake',
      message: 'held',
      wave: { index: 0, name: 'canary' },
      bakeMinutes: 60,
      lastChangeAt: '2026-11-24T10:00:00.000Z',
      until: '2026-11-24T11:00:00.000Z',
    };
    const act = jest.fn(async () => {
      throw new RolloutConflictError(
        'Cannot advance rollout 7: held',
        { id: 7, state: 'running', currentWave: 0, lockVersion: 1 },
        [HELD],
      );
    }) as unknown as TenantRollouts['act'];
    const { server, events } = await app(act);
    const response = await request(server)
      .post('/rollouts/7/actions/advance')
      .set('authorization', user)
      .send({});
    expect(response.status).toBe(409);
    expect(response.body.blockers).toEqual([HELD]);
    expect(events).toMatchObject([
      { eventId: 'rollout-advance', severityLevel: 'low', outcome: 'fail' },
    ]);
  });

  it('audits nothing that is refused before the action runs', async () => {
    const act = jest.fn() as unknown as TenantRollouts['act'];
    const { server, events } = await app(act);
    const response = await request(server)
      .post('/rollouts/7/actions/rollback')
      .set('authorization', user)
      .send({});
    expect(response.status).toBe(400);
    expect(act).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });
});
