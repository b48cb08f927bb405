import type { Waiver } from './types';
import { effectiveGates } from './gateOverrides';
import {
  activeWaivers,
  coversSegments,
  coversVersion,
  gateAfterWaivers,
  isVersionRange,
  waiverStatus,
} from './waivers';

const NOW = new Date('2026-12-05T12:00:00Z');

const waiver = (patch: Partial<Waiver> = {}): Waiver => ({
  id: 1,
  entityRef: 'component:default/inventory',
  versionRange: '>=5.2.0 <5.3.0',
  environment: 'production',
  checkId: 'no-critical-vulnerabilities',
  finding: null,
  tenantSegment: null,
  reason: 'Not reachable: the parser is unused',
  expiresAt: '2026-12-08T00:00:00.000Z',
  requestedBy: 'user:default/dev',
  requestedAt: '2026-12-04T00:00:00.000Z',
  approvedBy: 'user:default/manager',
  approvedAt: '2026-12-04T01:00:00.000Z',
  revokedBy: null,
  revokedAt: null,
  revokeReason: null,
  status: 'active',
  ...patch,
});

const reason = (checkId: string, enforcement: 'fail' | 'warn') => ({
  checkId,
  title: checkId,
  status: 'fail' as const,
  enforcement,
  reason: `${checkId} fails`,
  fixHint: 'fix it',
});

describe('waiverStatus', () => {
  it('is pending, active, expired or revoked, in that precedence', () => {
    expect(waiverStatus(waiver({ approvedAt: null }), NOW)).toBe('pending');
    expect(waiverStatus(waiver(), NOW)).toBe('active');
    expect(waiverStatus(waiver({ expiresAt: NOW.toISOString() }), NOW)).toBe(
      'expired',
    );
    expect(
      waiverStatus(
        waiver({ approvedAt: null, expiresAt: '2026-12-01T00:00:00Z' }),
        NOW,
      ),
    ).toBe('expired');
    expect(
      waiverStatus(
        waiver({
          revokedAt: '2026-12-05T00:00:00Z',
          expiresAt: '2026-12-01T00:00:00Z',
        }),
        NOW,
      ),
    ).toBe('revoked');
  });
});

describe('versions', () => {
  it('takes one version or a semver range', () => {
    expect(isVersionRange('5.2.0')).toBe(true);
    expect(isVersionRange('>=5.2.0 <5.3.0')).toBe(true);
    expect(isVersionRange('5.2.x')).toBe(true);
    expect(isVersionRange('latest please')).toBe(false);
    expect(isVersionRange('  ')).toBe(false);
  });

  it('covers the same version as written, and semver versions the range holds', () => {
    expect(coversVersion('5.2.0', '5.2.0')).toBe(true);
    expect(coversVersion('>=5.2.0 <5.3.0', '5.2.7')).toBe(true);
    expect(coversVersion('>=5.2.0 <5.3.0', '5.3.0')).toBe(false);
    expect(coversVersion('>=5.2.0 <5.3.0', '5.2.1-rc.1')).toBe(false);
    expect(coversVersion('2026.12-hotfix', '2026.12-hotfix')).toBe(true);
    expect(coversVersion('*', '2026.12-hotfix')).toBe(false);
  });
});

describe('activeWaivers', () => {
  it('keeps the active waivers of the environment that cover the version', () => {
    const all = [
      waiver({ id: 1 }),
      waiver({ id: 2, environment: 'staging' }),
      waiver({ id: 3, versionRange: '5.1.0' }),
      waiver({ id: 4, approvedAt: null }),
      waiver({ id: 5, revokedAt: '2026-12-05T00:00:00Z' }),
    ];
    expect(
      activeWaivers(
        all,
        { version: '5.2.0', environment: 'production' },
        NOW,
      ).map(w => w.id),
    ).toEqual([1]);
  });
});

describe('coversSegments', () => {
  it('applies a segment waiver only to deliveries to that segment alone', () => {
    const retail = waiver({ tenantSegment: 'retail' });
    expect(coversSegments(retail, ['retail'])).toBe(true);
    expect(coversSegments(retail, [])).toBe(false);
    expect(coversSegments(retail)).toBe(false);
    expect(coversSegments(retail, ['retail', 'wholesale'])).toBe(false);
    expect(coversSegments(waiver(), ['wholesale'])).toBe(true);
    expect(coversSegments(waiver(), [])).toBe(true);
  });
});

describe('gateAfterWaivers', () => {
  it('weighs finding waivers against what the check allows, counting each finding as often as it occurs', () => {
    const counted = {
      ...reason('no-high-code-findings', 'fail'),
      findings: {
        counted: [
          { id: 'no-eval', count: 3 },
          { id: 'xss', count: 1 },
        ],
        allowed: 1,
      },
    };
    const gate = { decision: 'fail' as const, reasons: [counted] };
    const findingWaiver = (id: number, finding: string) =>
      waiver({ id, checkId: 'no-high-code-findings', finding });
    // Waiving the single xss leaves 3 no-eval findings, more than the 1 allowed.
    expect(gateAfterWaivers(gate, [findingWaiver(1, 'xss')])).toMatchObject({
      decision: 'fail',
      waivers: [],
    });
    // Waiving no-eval leaves one xss finding, which the check allows.
    expect(gateAfterWaivers(gate, [findingWaiver(2, 'no-eval')])).toMatchObject(
      { decision: 'pass', reasons: [], waivers: [{ id: 2 }] },
    );
    // A finding the check did not count changes nothing; neither does a waiver of another check.
    expect(
      gateAfterWaivers(gate, [
        findingWaiver(3, 'sql-injection'),
        waiver({ id: 4, checkId: 'other', finding: 'no-eval' }),
      ]),
    ).toMatchObject({ decision: 'fail', waivers: [] });
    // Without counted findings (evidence stored before Waybill kept them) nothing can be weighed.
    expect(
      gateAfterWaivers(
        {
          decision: 'fail',
          reasons: [reason('no-high-code-findings', 'fail')],
        },
        [findingWaiver(5, 'no-eval')],
      ),
    ).toMatchObject({ decision: 'fail' });
  });

  it('leaves the waived checks out and decides from what remains', () => {
    const gate = {
      decision: 'fail' as const,
      reasons: [
        reason('no-critical-vulnerabilities', 'fail'),
        reason('branch-coverage', 'warn'),
      ],
    };
    const after = gateAfterWaivers(gate, [waiver()]);
    expect(after.decision).toBe('warn');
    expect(after.reasons.map(r => r.checkId)).toEqual(['branch-coverage']);
    expect(after.waivers.map(w => w.id)).toEqual([1]);
    expect(
      gateAfterWaivers(gate, [
        waiver(),
        waiver({ id: 2, checkId: 'branch-coverage' }),
      ]).decision,
    ).toBe('pass');
  });

  it('lists only the waivers that changed something, and keeps the decision without them', () => {
    const gate = { decision: 'warn' as const, reasons: [reason('x', 'warn')] };
    expect(gateAfterWaivers(gate, [waiver()])).toEqual({
      decision: 'warn',
      reasons: gate.reasons,
      waivers: [],
    });
  });
});

describe('effectiveGates with waivers', () => {
  it('applies waivers where the gates carry reasons, and an override on top', () => {
    const evaluation = {
      gates: [
        {
          environment: 'production',
          decision: 'fail' as const,
          reasons: [reason('no-critical-vulnerabilities', 'fail')],
        },
      ],
    };
    const [gate] = effectiveGates(
      { version: '5.2.0', evaluation, overrides: [], waivers: [waiver()] },
      NOW,
    );
    expect(gate).toMatchObject({
      decision: 'pass',
      policyDecision: 'fail',
      override: null,
    });
    expect(gate.waivers.map(w => w.id)).toEqual([1]);
    const [expired] = effectiveGates(
      { version: '5.2.0', evaluation, overrides: [], waivers: [waiver()] },
      new Date('2026-12-09T00:00:00Z'),
    );
    expect(expired.decision).toBe('fail');
  });
});
