import { TIERS } from '@waybill/plugin-waybill-common';
import fc from 'fast-check';
import type { ReleaseEvidence, SeverityCounts } from '../evidence';
import { evaluateScorecard } from './evaluate';
import { FACT_NAMES, FACTS, FactName } from './facts';
import { effectiveEnforcement } from './effectiveRules';
import { parsePolicy } from './schema';
import {
  ENFORCEMENTS,
  NUMBER_OPERATORS,
  PolicyCheck,
  ScorecardPolicy,
} from './types';

const ENVIRONMENTS = ['dev', 'staging', 'production', 'qa'];

const count = fc.nat({ max: 40 });
const rate = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), {
  nil: null,
});
const signer = fc.constant({
  kind: 'key' as const,
  keyId: 'release-signer',
  identity: null,
  issuer: null,
});

const severityCounts: fc.Arbitrary<SeverityCounts> = fc.record({
  critical: count,
  high: count,
  medium: count,
  low: count,
  info: count,
});

const evidenceArbitrary: fc.Arbitrary<ReleaseEvidence> = fc.record(
  {
    tests: fc.record({
      kind: fc.constant('tests' as const),
      format: fc.constant('junit' as const),
      total: count,
      passed: count,
      failed: count,
      errored: count,
      skipped: count,
      durationSeconds: fc.constant(null),
      failingTests: fc.constant([]),
    }),
    coverage: fc.record({
      kind: fc.constant('coverage' as const),
      format: fc.constantFrom('cobertura' as const, 'lcov' as const),
      lineRate: rate,
      branchRate: rate,
      linesCovered: count,
      linesValid: count,
      branchesCovered: count,
      branchesValid: count,
    }),
    security: fc.record({
      kind: fc.constant('security' as const),
      format: fc.constant('sarif' as const),
      total: count,
      bySeverity: severityCounts,
      byTool: fc.constant({}),
      newBySeverity: severityCounts,
      suppressed: count,
      worst: fc.constant([]),
    }),
    dependencies: fc.record({
      kind: fc.constant('dependencies' as const),
      format: fc.constant('cyclonedx' as const),
      specVersion: fc.constant('1.5'),
      componentCount: count,
      vulnerabilitiesBySeverity: severityCounts,
      worst: fc.constant([]),
      // With an earlier release to compare with, or without (every vulnerability is new).
      diff: fc.option(
        fc.record({
          againstVersion: fc.constant('1.0.0'),
          addedComponents: fc.constant([]),
          removedComponents: fc.constant([]),
          introducedVulnerabilities: fc.constant([]),
          fixedVulnerabilities: fc.constant([]),
          introducedBySeverity: severityCounts,
        }),
        { nil: null },
      ),
    }),
    readiness: fc.record({
      kind: fc.constant('readiness' as const),
      format: fc.constant('waybill-readiness' as const),
      previousVersionDeployable: fc.boolean(),
      migrationsReversible: fc.boolean(),
      lastRollbackDrill: fc.option(
        fc
          .date({
            min: new Date('2024-01-01T00:00:00Z'),
            max: new Date('2025-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map(date => date.toISOString()),
        { nil: null },
      ),
      killSwitch: fc.boolean(),
    }),
    signature: fc.record({
      kind: fc.constant('signature' as const),
      format: fc.constantFrom(
        'sigstore-bundle' as const,
        'dsse-envelope' as const,
      ),
      subjectDigest: fc.constant(`sha256:${'5f'.repeat(32)}`),
      predicateType: fc.constant('https://slsa.dev/provenance/v1'),
      signer: signer,
      signedAt: fc.constant(null),
    }),
    provenance: fc.record({
      kind: fc.constant('provenance' as const),
      format: fc.constantFrom(
        'sigstore-bundle' as const,
        'dsse-envelope' as const,
      ),
      subjectDigest: fc.constant(`sha256:${'5f'.repeat(32)}`),
      signer: signer,
      signedAt: fc.constant(null),
      builderId: fc.constant('https://github.com/actions/runner/github-hosted'),
      buildType: fc.constant(
        'https://actions.github.io/buildtypes/workflow/v1',
      ),
      sourceRepository: fc.constant(null),
      slsaBuildLevel: fc.constantFrom(1 as const, 2 as const, 3 as const),
    }),
  },
  { requiredKeys: [] },
);

function thresholdFor(fact: FactName): fc.Arbitrary<number | boolean> {
  const definition = FACTS[fact];
  if (definition.type === 'boolean') return fc.boolean();
  return fc.oneof(
    fc.integer({ min: definition.min, max: Math.min(definition.max, 120) }),
    fc.double({
      min: definition.min,
      max: Math.min(definition.max, 120),
      noNaN: true,
    }),
  );
}

const enforcement = fc.constantFrom(...ENFORCEMENTS);

const checkArbitrary = fc.constantFrom(...FACT_NAMES).chain(fact =>
  fc.record(
    {
      fact: fc.constant(fact),
      operator:
        FACTS[fact].type === 'boolean'
          ? fc.constant('==' as const)
          : fc.constantFrom(...NUMBER_OPERATORS),
      threshold: thresholdFor(fact),
      weight: fc.oneof(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.001, max: 50, noNaN: true }),
      ),
      enforcement,
      tiers: fc.record(
        Object.fromEntries(
          TIERS.map(tier => [
            tier,
            fc.record(
              { enforcement, threshold: thresholdFor(fact) },
              { requiredKeys: [] },
            ),
          ]),
        ),
        { requiredKeys: [] },
      ),
      environments: fc.dictionary(
        fc.constantFrom(...ENVIRONMENTS),
        fc.record({ enforcement }),
      ),
    },
    {
      requiredKeys: ['fact', 'operator', 'threshold', 'weight', 'enforcement'],
    },
  ),
);

// Checks are generated loosely and put through parsePolicy, which also shows the schema accepts
// every policy of this shape.
const policyArbitrary: fc.Arbitrary<ScorecardPolicy> = fc
  .array(checkArbitrary, { minLength: 1, maxLength: 12 })
  .map(checks =>
    parsePolicy({
      checks: checks.map((check, index) => ({
        ...check,
        id: `check-${index}`,
        title: `Check ${index}`,
        fixHint: 'Fix it.',
      })),
    }),
  );

describe('evaluateScorecard properties', () => {
  it('scores 0..100 in whole numbers and passes a gate exactly when nothing enforced there fails', () => {
    fc.assert(
      fc.property(
        policyArbitrary,
        evidenceArbitrary,
        fc.constantFrom(...TIERS),
        fc.array(fc.constantFrom(...ENVIRONMENTS), { maxLength: 5 }),
        fc.date({
          min: new Date('2025-01-01T00:00:00Z'),
          max: new Date('2026-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (policy, evidence, tier, environments, now) => {
          const evaluation = evaluateScorecard({
            policy,
            evidence,
            tier,
            environments,
            now,
          });
          expect(Number.isInteger(evaluation.score)).toBe(true);
          expect(evaluation.score).toBeGreaterThanOrEqual(0);
          expect(evaluation.score).toBeLessThanOrEqual(100);

          for (const gate of evaluation.gates) {
            const holdsUp = (check: PolicyCheck, index: number) =>
              evaluation.checks[index].status !== 'pass' &&
              effectiveEnforcement(check, tier, gate.environment) !== 'off';
            const enforcedFailures = policy.checks.filter(holdsUp);
            expect(gate.decision === 'pass').toBe(
              enforcedFailures.length === 0,
            );
            expect(gate.decision === 'fail').toBe(
              enforcedFailures.some(
                check =>
                  effectiveEnforcement(check, tier, gate.environment) ===
                  'fail',
              ),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
