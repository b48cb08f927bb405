import { GateAnswer } from '@waybill/plugin-scorecards-common';
import { approvalComment, reviewComment } from './gateSummary';

const URL =
  'https://portal.example.com/catalog/default/component/inventory/scorecards?release=4.2.0';

function gate(overrides: Partial<GateAnswer> = {}): GateAnswer {
  return {
    entityRef: 'component:default/inventory',
    version: '4.2.0',
    environment: 'production',
    decision: 'fail',
    policyDecision: 'fail',
    reasons: [
      {
        checkId: 'tests-pass',
        title: 'No failing tests',
        enforcement: 'fail',
        reason: '1 failing test',
        fixHint: 'Fix the failing test.',
      },
      {
        checkId: 'coverage',
        title: 'Line coverage at least 80%',
        enforcement: 'warn',
        reason: '72%',
        fixHint: 'Cover more lines.',
      },
    ] as GateAnswer['reasons'],
    override: null,
    waivers: [],
    score: 50,
    grade: 'F',
    ...overrides,
  };
}

describe('approvalComment', () => {
  it('names the verdict, the release, the blocking checks and the scorecard', () => {
    expect(
      approvalComment({ approve: false, gate: gate(), scorecardUrl: URL }),
    ).toBe(
      `Blocked by Waybill's gate for production: component:default/inventory 4.2.0 (score 50, F); blocking: No failing tests. ${URL}`,
    );
  });

  it('lists warnings when nothing blocks, and says what was waived or overridden', () => {
    const allowed = gate({
      decision: 'warn',
      reasons: gate().reasons.filter(r => r.enforcement === 'warn'),
      waivers: [{ id: 1 }, { id: 2 }] as GateAnswer['waivers'],
      override: {
        actor: 'user:default/r.okafor',
      } as GateAnswer['override'],
    });
    expect(
      approvalComment({
        approve: true,
        gate: allowed,
        scorecardUrl: 'https://portal.example.com/s',
      }),
    ).toBe(
      "Allowed by Waybill's gate for production: component:default/inventory 4.2.0 (score 50, F, 2 waivers, overridden by user:default/r.okafor); warnings: Line coverage at least 80%. https://portal.example.com/s",
    );
  });

  it("cuts the checks' titles first, so the link survives within GitLab's 255 characters", () => {
    const many = gate({
      reasons: Array.from({ length: 12 }, (_, i) => ({
        ...gate().reasons[0],
        checkId: `check-${i}`,
        title: `Blocking check number ${i} with a long title`,
      })),
    });
    const comment = approvalComment({
      approve: false,
      gate: many,
      scorecardUrl: URL,
    });
    expect(comment).toHaveLength(255);
    expect(comment).toContain('blocking: Blocking check number 0');
    expect(comment.endsWith(`…. ${URL}`)).toBe(true);
  });

  it('cuts a held deployment to the limit, with an ellipsis', () => {
    const held = `Waybill holds this deployment: ${'x'.repeat(400)}`;
    const comment = approvalComment({ approve: false, held }, 100);
    expect(comment).toHaveLength(100);
    expect(comment.endsWith('x…')).toBe(true);
    expect(reviewComment({ approve: false, held })).toBe(held);
  });
});
