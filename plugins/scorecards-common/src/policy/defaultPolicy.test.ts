import {
  NOW,
  passingEvidence,
  severities,
} from './__fixtures__/releaseEvidence';
import { DEFAULT_POLICY } from './defaultPolicy';
import { evaluateScorecard } from './evaluate';
import { parsePolicy } from './schema';
import { ReleaseEvidence } from '../evidence';
import { Tier } from '@waybill/plugin-waybill-common';

function evaluateDefault(evidence: ReleaseEvidence, tier: Tier = 'critical') {
  return evaluateScorecard({
    policy: DEFAULT_POLICY,
    evidence,
    tier,
    environments: ['staging', 'production'],
    now: NOW,
  });
}

function decisions(evaluation: ReturnType<typeof evaluateDefault>) {
  return Object.fromEntries(
    evaluation.gates.map(gate => [gate.environment, gate.decision]),
  );
}

describe('DEFAULT_POLICY', () => {
  it('is a valid policy whose checks all carry a fix hint', () => {
    expect(parsePolicy(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    for (const check of DEFAULT_POLICY.checks) {
      expect(check.fixHint.length).toBeGreaterThan(40);
    }
    const weights = DEFAULT_POLICY.checks.map(check => check.weight);
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBe(100);
  });

  it('passes a realistic clean release everywhere with full marks', () => {
    for (const tier of ['critical', 'standard', 'internal'] as const) {
      const evaluation = evaluateDefault(passingEvidence(), tier);
      expect(
        evaluation.checks.filter(check => check.status !== 'pass'),
      ).toEqual([]);
      expect(evaluation).toMatchObject({ score: 100, grade: 'A' });
      expect(decisions(evaluation)).toEqual({
        staging: 'pass',
        production: 'pass',
      });
    }
  });

  it('blocks a release with a critical dependency vulnerability in every environment', () => {
    const evidence = passingEvidence();
    evidence.dependencies.vulnerabilitiesBySeverity = severities({
      critical: 2,
      medium: 2,
    });
    const evaluation = evaluateDefault(evidence, 'standard');
    expect(decisions(evaluation)).toEqual({
      staging: 'fail',
      production: 'fail',
    });
    expect(evaluation.gates[1].reasons).toEqual([
      {
        checkId: 'no-critical-dependency-vulnerabilities',
        title: 'No critical dependency vulnerabilities',
        status: 'fail',
        enforcement: 'fail',
        reason: '2 critical dependency vulnerabilities (allowed: 0)',
        fixHint: expect.stringContaining('npm audit fix'),
      },
    ]);
    // 15 of the 95 points a standard release is scored on (no migrations check).
    expect(evaluation).toMatchObject({ score: 84, grade: 'B' });
  });

  it('blocks a critical release without a rollback drill from production only', () => {
    const evidence = passingEvidence();
    evidence.readiness.lastRollbackDrill = null;
    const critical = evaluateDefault(evidence, 'critical');
    expect(decisions(critical)).toEqual({
      staging: 'warn',
      production: 'fail',
    });
    expect(critical.gates[1].reasons).toEqual([
      expect.objectContaining({
        checkId: 'rollback-drill-recent',
        status: 'fail',
        enforcement: 'fail',
        reason: 'No rollback drill on record (allowed: 90 days)',
      }),
    ]);
    expect(critical).toMatchObject({ score: 95, grade: 'A' });

    expect(decisions(evaluateDefault(evidence, 'standard'))).toEqual({
      staging: 'warn',
      production: 'warn',
    });
  });

  it('blocks an outdated rollback drill the same way', () => {
    const evidence = passingEvidence();
    evidence.readiness.lastRollbackDrill = '2025-03-01';
    expect(decisions(evaluateDefault(evidence))).toEqual({
      staging: 'warn',
      production: 'fail',
    });
  });

  it('holds coverage to the tier floor, and only warns in staging', () => {
    const evidence = passingEvidence();
    evidence.coverage.lineRate = 0.72;
    expect(decisions(evaluateDefault(evidence, 'critical'))).toEqual({
      staging: 'warn',
      production: 'fail',
    });
    expect(decisions(evaluateDefault(evidence, 'standard'))).toEqual({
      staging: 'pass',
      production: 'pass',
    });
  });

  it('requires reversible migrations of critical releases only', () => {
    const evidence = passingEvidence();
    evidence.readiness.migrationsReversible = false;
    expect(decisions(evaluateDefault(evidence, 'critical'))).toEqual({
      staging: 'fail',
      production: 'fail',
    });
    const internal = evaluateDefault(evidence, 'internal');
    expect(decisions(internal)).toEqual({
      staging: 'pass',
      production: 'pass',
    });
    expect(internal.score).toBe(100);
  });

  it('blocks high code scanning findings in production and warns elsewhere', () => {
    const evidence = passingEvidence();
    evidence.security.bySeverity = severities({ high: 1 });
    expect(decisions(evaluateDefault(evidence))).toEqual({
      staging: 'warn',
      production: 'fail',
    });
  });

  it('fails every gate when evidence is missing', () => {
    const { readiness, signature, provenance, ...evidence } = passingEvidence();
    const evaluation = evaluateDefault(evidence);
    expect(decisions(evaluation)).toEqual({
      staging: 'fail',
      production: 'fail',
    });
    expect(
      evaluation.checks
        .filter(check => check.status === 'missing')
        .map(check => check.id),
    ).toEqual([
      'signature-verified',
      'provenance-slsa-2',
      'rollback-drill-recent',
      'migrations-reversible',
      'previous-version-deployable',
      'kill-switch',
    ]);
  });
});
