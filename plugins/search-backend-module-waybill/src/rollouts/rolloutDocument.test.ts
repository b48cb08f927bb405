import type { RolloutSummary } from '@waybill/plugin-tenant-rollouts-common';
import { rolloutDocument, wavesText } from './rolloutDocument';

const rollout: RolloutSummary = {
  id: 7,
  entityRef: 'component:default/inventory',
  version: '5.2.0',
  environment: 'production',
  state: 'running',
  currentWave: 1,
  waveCount: 4,
  tenantCount: 12,
  lockVersion: 3,
  createdBy: 'user:default/release-manager',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T11:00:00.000Z',
};

describe('rolloutDocument', () => {
  it('names the rollout, says where its waves are and whom it reaches, and links its board', () => {
    expect(rolloutDocument(rollout)).toEqual({
      title: 'inventory 5.2.0 rollout',
      text:
        'Rollout of inventory 5.2.0 to production: running, wave 2 of 4. ' +
        '12 tenants. Planned by release-manager.',
      location: '/tenant-rollouts/rollouts/7',
      authorization: { resourceRef: 'component:default/inventory' },
      rolloutId: 7,
      entityRef: 'component:default/inventory',
      version: '5.2.0',
      environment: 'production',
      status: 'running',
    });
  });

  it('names a pipeline or service that planned it by its subject', () => {
    expect(
      rolloutDocument({
        ...rollout,
        tenantCount: 1,
        createdBy: 'pipeline:github:meridian/inventory',
      }).text,
    ).toBe(
      'Rollout of inventory 5.2.0 to production: running, wave 2 of 4. ' +
        '1 tenant. Planned by pipeline:github:meridian/inventory.',
    );
  });
});

describe('wavesText', () => {
  it.each([
    ['planned', 0, 'planned, 4 waves'],
    ['running', 0, 'running, wave 1 of 4'],
    ['paused', 2, 'paused, wave 3 of 4'],
    ['rolled-back', 1, 'rolled-back at wave 2 of 4'],
    ['completed', 3, 'completed, 4 waves'],
  ] as const)('%s at wave index %d: %s', (state, currentWave, text) => {
    expect(wavesText({ ...rollout, state, currentWave })).toBe(text);
  });

  it('counts one wave as one', () => {
    expect(
      wavesText({
        ...rollout,
        state: 'completed',
        currentWave: 0,
        waveCount: 1,
      }),
    ).toBe('completed, 1 wave');
  });
});
