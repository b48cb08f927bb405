import type { ReleaseEvidence } from '../evidence';
import {
  aCheck,
  NOW,
  passingEvidence,
  severities,
} from './__fixtures__/releaseEvidence';
import { evaluateScorecard, EvaluateScorecardInput } from './evaluate';
import { Tier } from '@waybill/plugin-waybill-common';
import { ComparisonOperator, PolicyCheck } from './types';

function evaluate(
  checks: PolicyCheck[],
  {
    evidence = passingEvidence(),
    tier = 'standard',
    environments = ['staging', 'production'],
    now = NOW,
  }: Partial<Omit<EvaluateScorecardInput, 'policy'>> = {},
) {
  return evaluateScorecard({
    policy: { checks },
    evidence,
    tier,
    environments,
    now,
  });
}

function withTests(counts: {
  failed?: number;
  errored?: number;
  skipped?: number;
}): ReleaseEvidence {
  const evidence = passingEvidence();
  const tests = { ...evidence.tests, ...counts };
  tests.passed = tests.total - tests.failed - tests.errored - tests.skipped;
  return { ...evidence, tests };
}

describe('evaluateScorecard', () => {
  describe('check status', () => {
    it('passes a check whose fact meets the threshold', () => {
      const [result] = evaluate([aCheck()]).checks;
      expect(result).toMatchObject({
        id: 'no-failing-tests',
        status: 'pass',
        observed: 0,
        observedText: '0',
        threshold: 0,
        thresholdText: '0',
        reason: '0 failed tests (required: 0)',
        fixHint: 'Fix the failing tests.',
      });
    });

    it('fails a check whose fact misses the threshold', () => {
      const [result] = evaluate([aCheck()], {
        evidence: withTests({ failed: 1 }),
      }).checks;
      expect(result).toMatchObject({
        status: 'fail',
        observed: 1,
        reason: '1 failed test (required: 0)',
      });
    });

    it('reports missing evidence as missing, never as a pass', () => {
      const { tests, ...withoutTests } = passingEvidence();
      const evaluation = evaluate([aCheck()], { evidence: withoutTests });
      expect(evaluation.checks[0]).toMatchObject({
        status: 'missing',
        observed: null,
        observedText: null,
        reason: 'No test results uploaded for this release',
      });
      expect(evaluation.score).toBe(0);
      expect(evaluation.gates.map(gate => gate.decision)).toEqual([
        'fail',
        'fail',
      ]);
      expect(evaluation.gates[0].reasons[0]).toMatchObject({
        status: 'missing',
        enforcement: 'fail',
      });
    });

    it.each([
      ['tests', 'No test results uploaded for this release'],
      ['coverage', 'No coverage report uploaded for this release'],
      [
        'security',
        'No code scanning results (SARIF) uploaded for this release',
      ],
      ['dependencies', 'No SBOM uploaded for this release'],
      ['readiness', 'No readiness document uploaded for this release'],
      ['signature', 'No verified signature uploaded for this release'],
      ['provenance', 'No verified provenance uploaded for this release'],
    ] as const)('says which evidence is missing: %s', (kind, reason) => {
      const fact = {
        tests: 'tests.total',
        coverage: 'coverage.branchRate',
        security: 'security.newBySeverity.high',
        dependencies: 'dependencies.vulnerabilitiesBySeverity.low',
        readiness: 'readiness.rollbackDrillAgeDays',
        signature: 'signature.verified',
        provenance: 'provenance.slsaBuildLevel',
      } as const;
      const evidence: ReleaseEvidence = { ...passingEvidence() };
      delete evidence[kind];
      const [result] = evaluate(
        [
          fact[kind] === 'signature.verified'
            ? aCheck({ fact: fact[kind], threshold: true })
            : aCheck({ fact: fact[kind], operator: '>=', threshold: 0 }),
        ],
        { evidence },
      ).checks;
      expect(result).toMatchObject({ status: 'missing', reason });
    });

    it('fails, rather than misses, a value the evidence does not measure', () => {
      const evidence = passingEvidence();
      evidence.coverage.lineRate = null;
      const [result] = evaluate(
        [aCheck({ fact: 'coverage.lineRate', operator: '>=', threshold: 0.7 })],
        { evidence },
      ).checks;
      expect(result).toMatchObject({
        status: 'fail',
        observed: null,
        reason:
          'The coverage report does not measure line coverage (required: at least 70%)',
      });
    });

    it('derives the pass rate from the tests that ran, and fails it when none ran', () => {
      const passRate = aCheck({
        fact: 'tests.passRate',
        operator: '>=',
        threshold: 0.995,
      });
      const ran = evaluate([passRate], {
        evidence: withTests({ failed: 8, skipped: 40 }),
      }).checks[0];
      expect(ran).toMatchObject({
        status: 'fail',
        observedText: '99.3%',
        reason: 'Test pass rate 99.3% (required: at least 99.5%)',
      });
      expect(ran.observed).toBeCloseTo(1192 / 1200);

      const evidence = passingEvidence();
      evidence.tests = {
        ...evidence.tests,
        total: 5,
        passed: 0,
        skipped: 5,
      };
      expect(evaluate([passRate], { evidence }).checks[0]).toMatchObject({
        status: 'fail',
        reason:
          'No test ran: every test case was skipped (required: at least 99.5%)',
      });
    });

    it('words boolean facts', () => {
      const evidence = passingEvidence();
      evidence.readiness.killSwitch = false;
      const [result] = evaluate(
        [aCheck({ fact: 'readiness.killSwitch', threshold: true })],
        { evidence },
      ).checks;
      expect(result).toMatchObject({
        status: 'fail',
        observed: false,
        observedText: 'absent',
        thresholdText: 'present',
        reason: 'Kill switch absent (required: present)',
      });
    });

    it('reads a verified signature as verified, and no signature as missing rather than failed', () => {
      const check = aCheck({ fact: 'signature.verified', threshold: true });
      expect(
        evaluate([check], { evidence: passingEvidence() }).checks[0],
      ).toMatchObject({ status: 'pass', observedText: 'verified' });
      const { signature: _dropped, ...unsigned } = passingEvidence();
      expect(evaluate([check], { evidence: unsigned }).checks[0]).toMatchObject(
        {
          status: 'missing',
          reason: 'No verified signature uploaded for this release',
        },
      );
    });

    it('reads the build level Waybill established from verified provenance', () => {
      const evidence = passingEvidence();
      evidence.provenance.slsaBuildLevel = 1;
      const [result] = evaluate(
        [
          aCheck({
            fact: 'provenance.slsaBuildLevel',
            operator: '>=',
            threshold: 2,
          }),
        ],
        { evidence },
      ).checks;
      expect(result).toMatchObject({
        status: 'fail',
        reason: 'SLSA build level 1 (required: at least 2)',
      });
    });

    it('words a vulnerability count the way a developer reads it', () => {
      const evidence = passingEvidence();
      evidence.dependencies.vulnerabilitiesBySeverity = severities({
        critical: 2,
      });
      const [result] = evaluate(
        [
          aCheck({
            fact: 'dependencies.vulnerabilitiesBySeverity.critical',
            operator: '<=',
          }),
        ],
        { evidence },
      ).checks;
      expect(result.reason).toBe(
        '2 critical dependency vulnerabilities (allowed: 0)',
      );
    });

    it('lists the findings a failing count check counted, only when they account for the count', () => {
      const evidence = passingEvidence();
      evidence.dependencies.vulnerabilitiesBySeverity = severities({
        critical: 2,
      });
      evidence.dependencies.vulnerabilities = [
        { id: 'CVE-2025-29927', severity: 'critical' },
        { id: 'CVE-2025-00001', severity: 'critical' },
        { id: 'CVE-2024-4067', severity: 'medium' },
      ];
      const check = aCheck({
        fact: 'dependencies.vulnerabilitiesBySeverity.critical',
        operator: '<',
        threshold: 1,
      });
      const [result] = evaluate([check], { evidence }).checks;
      expect(result.findings).toEqual({
        counted: [
          { id: 'CVE-2025-29927', count: 1 },
          { id: 'CVE-2025-00001', count: 1 },
        ],
        allowed: 0,
      });
      // A list that does not add up to the count could let a waiver pass too much: none then.
      evidence.dependencies.vulnerabilities = [
        { id: 'CVE-2025-29927', severity: 'critical' },
      ];
      expect(
        evaluate([check], { evidence }).checks[0].findings,
      ).toBeUndefined();
      // A check that passes, or does not count findings, lists none.
      expect(
        evaluate([aCheck({ fact: 'tests.failed' })], {
          evidence: withTests({ failed: 2 }),
        }).checks[0].findings,
      ).toBeUndefined();
    });

    describe('a "no new critical" dependency check', () => {
      const noNewCritical = aCheck({
        id: 'no-new-critical-dependency-vulnerabilities',
        title: 'No new critical vulnerabilities',
        fixHint: 'Upgrade or remove the dependency that brings it.',
        fact: 'dependencies.newVulnerabilitiesBySeverity.critical',
        operator: '<=',
        threshold: 0,
      });
      /** Evidence whose SBOM has a critical vulnerability, introduced by it or not. */
      const withCritical = (introduced: boolean) => {
        const evidence = passingEvidence();
        const { dependencies } = evidence;
        dependencies.vulnerabilitiesBySeverity.critical = 1;
        dependencies.vulnerabilities = [
          ...(dependencies.vulnerabilities ?? []),
          { id: 'CVE-2024-21538', severity: 'critical' },
        ];
        if (introduced && dependencies.diff) {
          dependencies.diff.introducedVulnerabilities.push({
            id: 'CVE-2024-21538',
            severity: 'critical',
          });
          dependencies.diff.introducedBySeverity.critical = 1;
        }
        return evidence;
      };

      it('passes a release that keeps a critical vulnerability it already had', () => {
        const evaluation = evaluate([noNewCritical], {
          evidence: withCritical(false),
        });
        expect(evaluation.checks[0]).toMatchObject({
          status: 'pass',
          reason: '0 new critical dependency vulnerabilities (allowed: 0)',
        });
        expect(evaluation.gates.map(g => g.decision)).toEqual(['pass', 'pass']);
      });

      it('fails a release that introduces one', () => {
        const evaluation = evaluate([noNewCritical], {
          evidence: withCritical(true),
        });
        expect(evaluation.checks[0]).toMatchObject({
          status: 'fail',
          observed: 1,
          reason: '1 new critical dependency vulnerability (allowed: 0)',
        });
        expect(evaluation.gates.map(g => g.decision)).toEqual(['fail', 'fail']);
      });

      it('counts every vulnerability as new when there is no earlier SBOM', () => {
        const evidence = withCritical(false);
        evidence.dependencies.diff = null;
        expect(evaluate([noNewCritical], { evidence }).checks[0]).toMatchObject(
          { status: 'fail', observed: 1 },
        );
      });
    });
  });

  describe('operators', () => {
    it.each<[ComparisonOperator, number, 'pass' | 'fail', string]>([
      ['<=', 2, 'pass', '2 failed tests (allowed: 2)'],
      ['<=', 1, 'fail', '2 failed tests (allowed: 1)'],
      ['<', 3, 'pass', '2 failed tests (allowed: less than 3)'],
      ['<', 2, 'fail', '2 failed tests (allowed: less than 2)'],
      ['>=', 2, 'pass', '2 failed tests (required: at least 2)'],
      ['>=', 3, 'fail', '2 failed tests (required: at least 3)'],
      ['>', 1, 'pass', '2 failed tests (required: more than 1)'],
      ['>', 2, 'fail', '2 failed tests (required: more than 2)'],
      ['==', 2, 'pass', '2 failed tests (required: 2)'],
      ['==', 1, 'fail', '2 failed tests (required: 1)'],
    ])('2 %s %d: %s', (operator, threshold, status, reason) => {
      const [result] = evaluate(
        [aCheck({ operator, threshold } as Partial<PolicyCheck>)],
        { evidence: withTests({ failed: 2 }) },
      ).checks;
      expect(result).toMatchObject({ status, reason });
    });

    it.each<[boolean, boolean, 'pass' | 'fail']>([
      [true, true, 'pass'],
      [true, false, 'fail'],
      [false, false, 'pass'],
      [false, true, 'fail'],
    ])('kill switch %s == %s: %s', (present, threshold, status) => {
      const evidence = passingEvidence();
      evidence.readiness.killSwitch = present;
      const [result] = evaluate(
        [aCheck({ fact: 'readiness.killSwitch', threshold })],
        { evidence },
      ).checks;
      expect(result.status).toBe(status);
    });
  });

  describe('tiers', () => {
    const coverageFloor = aCheck({
      id: 'line-coverage',
      fact: 'coverage.lineRate',
      operator: '>=',
      threshold: 0.7,
      tiers: { critical: { threshold: 0.8 }, internal: { threshold: 0.5 } },
    });

    it.each<[Tier, number, 'pass' | 'fail', string]>([
      ['critical', 0.8, 'fail', 'Line coverage 75% (required: at least 80%)'],
      ['standard', 0.7, 'pass', 'Line coverage 75% (required: at least 70%)'],
      ['internal', 0.5, 'pass', 'Line coverage 75% (required: at least 50%)'],
    ])(
      'holds a %s release to its own threshold',
      (tier, threshold, status, reason) => {
        const evidence = passingEvidence();
        evidence.coverage.lineRate = 0.75;
        const [result] = evaluate([coverageFloor], { evidence, tier }).checks;
        expect(result).toMatchObject({ status, threshold, reason });
      },
    );
  });

  describe('environment gates', () => {
    const failingEvidence = withTests({ failed: 3 });

    it('blocks production and warns in staging where staging is relaxed', () => {
      const evaluation = evaluate(
        [
          aCheck({
            environments: { staging: { enforcement: 'warn' } },
          }),
        ],
        { evidence: failingEvidence },
      );
      expect(evaluation.checks[0].enforcement).toEqual({
        staging: 'warn',
        production: 'fail',
      });
      expect(evaluation.gates).toEqual([
        {
          environment: 'staging',
          decision: 'warn',
          reasons: [
            {
              checkId: 'no-failing-tests',
              title: 'No failing tests',
              status: 'fail',
              enforcement: 'warn',
              reason: '3 failed tests (required: 0)',
              fixHint: 'Fix the failing tests.',
            },
          ],
        },
        {
          environment: 'production',
          decision: 'fail',
          reasons: [
            expect.objectContaining({
              checkId: 'no-failing-tests',
              enforcement: 'fail',
            }),
          ],
        },
      ]);
    });

    it('ignores a failing check that is off in an environment', () => {
      const evaluation = evaluate(
        [aCheck({ environments: { staging: { enforcement: 'off' } } })],
        { evidence: failingEvidence },
      );
      expect(evaluation.gates[0]).toEqual({
        environment: 'staging',
        decision: 'pass',
        reasons: [],
      });
    });

    it('lists blocking reasons before warnings', () => {
      const evidence = withTests({ failed: 1, errored: 1 });
      const evaluation = evaluate(
        [
          aCheck({ id: 'a-warning', enforcement: 'warn' }),
          aCheck({ id: 'a-blocker', fact: 'tests.errored' }),
        ],
        { evidence, environments: ['production'] },
      );
      expect(evaluation.gates[0].decision).toBe('fail');
      expect(evaluation.gates[0].reasons.map(reason => reason.checkId)).toEqual(
        ['a-blocker', 'a-warning'],
      );
    });

    it('gives an environment the policy names nowhere the default enforcement', () => {
      const evaluation = evaluate(
        [aCheck({ environments: { staging: { enforcement: 'warn' } } })],
        { evidence: failingEvidence, environments: ['qa', 'qa'] },
      );
      expect(evaluation.environments).toEqual(['qa']);
      expect(evaluation.gates).toEqual([
        expect.objectContaining({ environment: 'qa', decision: 'fail' }),
      ]);
    });
  });

  describe('rollback drill age', () => {
    const drillCheck = aCheck({
      id: 'rollback-drill-recent',
      fact: 'readiness.rollbackDrillAgeDays',
      operator: '<=',
      threshold: 90,
    });

    function drillResult(lastRollbackDrill: string | null, now: Date) {
      const evidence = passingEvidence();
      evidence.readiness.lastRollbackDrill = lastRollbackDrill;
      return evaluate([drillCheck], { evidence, now }).checks[0];
    }

    it.each([
      ['exactly 90 days after', '2025-06-30T00:00:00Z', 90, 'pass'],
      ['a minute short of 91 days after', '2025-06-30T23:59:00Z', 90, 'pass'],
      ['91 days after', '2025-07-01T00:00:00Z', 91, 'fail'],
    ] as const)('counts whole days: %s', (_, now, days, status) => {
      expect(drillResult('2025-04-01', new Date(now))).toMatchObject({
        observed: days,
        status,
        reason: `Last rollback drill ${days} days ago (allowed: 90 days)`,
      });
    });

    it('counts from a drill time when the document gives one', () => {
      expect(
        drillResult('2025-04-01T18:00:00Z', new Date('2025-06-30T17:59:59Z'))
          .observed,
      ).toBe(89);
    });

    it('treats a drill stamped slightly in the future as today', () => {
      expect(drillResult('2025-06-30T12:05:00Z', NOW).reason).toBe(
        'Last rollback drill 0 days ago (allowed: 90 days)',
      );
    });

    it('fails, not misses, when there never was a drill', () => {
      expect(drillResult(null, NOW)).toMatchObject({
        status: 'fail',
        observed: null,
        reason: 'No rollback drill on record (allowed: 90 days)',
      });
    });
  });

  describe('score and grade', () => {
    function scoreWith(passing: number, failing: number) {
      return evaluate(
        [
          aCheck({ id: 'passes', weight: passing }),
          aCheck({ id: 'fails', fact: 'tests.errored', weight: failing }),
        ],
        { evidence: withTests({ errored: 1 }) },
      );
    }

    it.each([
      [100, 0, 100, 'A'],
      [90, 10, 90, 'A'],
      [89, 11, 89, 'B'],
      [80, 20, 80, 'B'],
      [79, 21, 79, 'C'],
      [70, 30, 70, 'C'],
      [69, 31, 69, 'D'],
      [60, 40, 60, 'D'],
      [59, 41, 59, 'F'],
      [0.1, 99.9, 0, 'F'],
    ])(
      'passing %d of %d+%d weight scores %d, grade %s',
      (passing, failing, score, grade) => {
        const evaluation =
          failing === 0
            ? evaluate([aCheck({ weight: passing })])
            : scoreWith(passing, failing);
        expect(evaluation).toMatchObject({ score, grade });
      },
    );

    it('rounds down, so only a clean sweep scores 100', () => {
      expect(scoreWith(999, 1).score).toBe(99);
      expect(scoreWith(2, 1).score).toBe(66);
    });

    it('gives missing evidence no weight', () => {
      const { coverage, ...evidence } = passingEvidence();
      const evaluation = evaluate(
        [
          aCheck({ weight: 3 }),
          aCheck({
            id: 'coverage',
            fact: 'coverage.lineRate',
            operator: '>=',
            threshold: 0.5,
            weight: 1,
          }),
        ],
        { evidence },
      );
      expect(evaluation.score).toBe(75);
    });

    it('leaves out checks that are off in every listed environment, keeps those on in any', () => {
      const checks = [
        aCheck({ id: 'passes', weight: 1 }),
        aCheck({
          id: 'off-everywhere',
          fact: 'tests.errored',
          weight: 1,
          enforcement: 'off',
        }),
        aCheck({
          id: 'production-only',
          fact: 'tests.skipped',
          weight: 2,
          enforcement: 'off',
          environments: { production: { enforcement: 'warn' } },
        }),
      ];
      const evidence = withTests({ errored: 1, skipped: 1 });
      const both = evaluate(checks, { evidence });
      expect(both.checks.map(check => check.scored)).toEqual([
        true,
        false,
        true,
      ]);
      expect(both.score).toBe(33);
      expect(
        evaluate(checks, { evidence, environments: ['staging'] }).score,
      ).toBe(100);
    });

    it('scores by tier enforcement alone when no environment is listed', () => {
      const checks = [
        aCheck({ id: 'passes', weight: 1 }),
        aCheck({
          id: 'critical-only',
          fact: 'tests.errored',
          weight: 1,
          enforcement: 'off',
          tiers: { critical: { enforcement: 'fail' } },
        }),
      ];
      const evidence = withTests({ errored: 1 });
      expect(
        evaluate(checks, { evidence, tier: 'critical', environments: [] }),
      ).toMatchObject({ score: 50, gates: [] });
      expect(
        evaluate(checks, { evidence, tier: 'internal', environments: [] })
          .score,
      ).toBe(100);
    });

    it('scores 100 when no check counts', () => {
      expect(
        evaluate([aCheck({ enforcement: 'off' })], {
          evidence: withTests({ failed: 1 }),
        }),
      ).toMatchObject({ score: 100, grade: 'A' });
    });

    it('keeps an exact score under fractional weights', () => {
      const checks = [0.1, 0.2, 0.3, 0.3].map((weight, index) =>
        aCheck({ id: `passes-${index}`, weight }),
      );
      checks.push(aCheck({ id: 'fails', fact: 'tests.errored', weight: 0.1 }));
      expect(
        evaluate(checks, { evidence: withTests({ errored: 1 }) }).score,
      ).toBe(90);
    });
  });

  it('is deterministic and records the evaluation time', () => {
    const input = {
      policy: { checks: [aCheck()] },
      evidence: passingEvidence(),
      tier: 'critical' as const,
      environments: ['production'],
      now: NOW,
    };
    expect(evaluateScorecard(input)).toEqual(evaluateScorecard(input));
    expect(evaluateScorecard(input)).toMatchObject({
      tier: 'critical',
      environments: ['production'],
      evaluatedAt: '2025-06-30T12:00:00.000Z',
    });
  });
});
