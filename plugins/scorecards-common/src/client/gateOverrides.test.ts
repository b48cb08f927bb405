import {
  activeGateOverride,
  effectiveGates,
  isOverrideActive,
} from './gateOverrides';
import type { GateOverride } from './types';

const override = (
  id: number,
  environment: string,
  createdAt: string,
  expiresAt: string,
): GateOverride => ({
  id,
  environment,
  reason: `override ${id}`,
  actor: 'user:default/guest',
  createdAt,
  expiresAt,
  revokedAt: null,
  revokedBy: null,
  revokeReason: null,
});

const now = new Date('2026-11-23T12:00:00Z');

describe('activeGateOverride', () => {
  const overrides = [
    override(1, 'production', '2026-11-20T00:00:00Z', '2026-11-30T00:00:00Z'),
    override(2, 'production', '2026-11-22T00:00:00Z', '2026-11-24T00:00:00Z'),
    override(3, 'production', '2026-11-23T00:00:00Z', '2026-11-23T11:59:59Z'),
    override(4, 'staging', '2026-11-23T00:00:00Z', '2026-11-25T00:00:00Z'),
  ];

  it('picks the newest unexpired override of the environment', () => {
    expect(activeGateOverride(overrides, 'production', now)?.id).toBe(2);
    expect(activeGateOverride(overrides, 'staging', now)?.id).toBe(4);
  });

  it('ignores expired overrides, and an override expiring exactly now', () => {
    expect(
      activeGateOverride(
        overrides,
        'production',
        new Date('2026-11-30T00:00:00Z'),
      ),
    ).toBeNull();
    expect(activeGateOverride(overrides, 'qa', now)).toBeNull();
  });

  it('ignores a revoked override, falling back to an older active one', () => {
    const revoked = overrides.map(o =>
      o.id === 2
        ? {
            ...o,
            revokedAt: '2026-11-23T11:00:00Z',
            revokedBy: 'user:default/guest',
            revokeReason: 'fixed in 4.2.1',
          }
        : o,
    );
    expect(activeGateOverride(revoked, 'production', now)?.id).toBe(1);
    expect(isOverrideActive(revoked[1], now)).toBe(false);
  });
});

describe('effectiveGates', () => {
  it('passes a failing gate with an active override and keeps the policy decision', () => {
    const gates = effectiveGates(
      {
        evaluation: {
          gates: [
            { environment: 'staging', decision: 'warn', reasons: [] },
            { environment: 'production', decision: 'fail', reasons: [] },
          ],
        } as any,
        overrides: [
          override(
            9,
            'production',
            '2026-11-23T10:00:00Z',
            '2026-11-24T10:00:00Z',
          ),
        ],
      },
      now,
    );
    expect(gates).toEqual([
      {
        environment: 'staging',
        decision: 'warn',
        policyDecision: 'warn',
        override: null,
        waivers: [],
      },
      {
        environment: 'production',
        decision: 'pass',
        policyDecision: 'fail',
        override: expect.objectContaining({ id: 9 }),
        waivers: [],
      },
    ]);
  });

  it('has no gates before the release is evaluated', () => {
    expect(effectiveGates({ evaluation: null, overrides: [] }, now)).toEqual(
      [],
    );
  });
});
