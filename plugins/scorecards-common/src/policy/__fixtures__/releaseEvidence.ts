import type { ReleaseEvidence, SeverityCounts } from '../../evidence';
import type { PolicyCheck } from '../types';

/** The evaluation time the fixtures are written against. */
export const NOW = new Date('2025-06-30T12:00:00Z');

/** Severity counts, zero unless given. */
export function severities(
  counts: Partial<SeverityCounts> = {},
): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0, ...counts };
}

/** Evidence of a release that a platform team would happily promote. */
export function passingEvidence(): Required<ReleaseEvidence> {
  return {
    tests: {
      kind: 'tests',
      format: 'junit',
      total: 1240,
      passed: 1228,
      failed: 0,
      errored: 0,
      skipped: 12,
      durationSeconds: 312.4,
      failingTests: [],
    },
    coverage: {
      kind: 'coverage',
      format: 'cobertura',
      lineRate: 0.834,
      branchRate: 0.712,
      linesCovered: 8340,
      linesValid: 10000,
      branchesCovered: 1424,
      branchesValid: 2000,
    },
    security: {
      kind: 'security',
      format: 'sarif',
      total: 3,
      bySeverity: severities({ medium: 1, low: 2 }),
      byTool: { CodeQL: severities({ medium: 1, low: 2 }) },
      newBySeverity: severities({ medium: 1 }),
      suppressed: 1,
      worst: [
        {
          tool: 'CodeQL',
          ruleId: 'js/log-injection',
          severity: 'medium',
          message: 'Log entry depends on a user-provided value.',
          location: 'src/orders/audit.ts:42',
          baselineState: 'new',
        },
      ],
    },
    dependencies: {
      kind: 'dependencies',
      format: 'cyclonedx',
      specVersion: '1.5',
      componentCount: 412,
      vulnerabilitiesBySeverity: severities({ medium: 2, low: 1 }),
      worst: [
        {
          id: 'CVE-2024-4067',
          severity: 'medium',
          score: 5.3,
          affects: ['pkg:npm/micromatch@4.0.5'],
        },
      ],
      // A few of the 412, as an SBOM lists them.
      components: [
        'pkg:npm/braces@3.0.3',
        'pkg:npm/express@4.19.2',
        'pkg:npm/micromatch@4.0.5',
      ],
      componentsTruncated: false,
      vulnerabilities: [
        { id: 'CVE-2024-4067', severity: 'medium' },
        { id: 'CVE-2024-43796', severity: 'low' },
        { id: 'CVE-2024-45296', severity: 'medium' },
      ],
      // 2.3.0 had micromatch's vulnerability already; express 4.19.2 brings one.
      diff: {
        againstVersion: '2.3.0',
        addedComponents: ['pkg:npm/express@4.19.2'],
        removedComponents: ['pkg:npm/express@4.18.2'],
        introducedVulnerabilities: [
          { id: 'CVE-2024-43796', severity: 'low' },
          { id: 'CVE-2024-45296', severity: 'medium' },
        ],
        fixedVulnerabilities: [{ id: 'CVE-2024-29041', severity: 'medium' }],
        introducedBySeverity: severities({ medium: 1, low: 1 }),
      },
    },
    readiness: {
      kind: 'readiness',
      format: 'waybill-readiness',
      previousVersionDeployable: true,
      migrationsReversible: true,
      lastRollbackDrill: '2025-05-20',
      killSwitch: true,
    },
    signature: {
      kind: 'signature',
      format: 'sigstore-bundle',
      subjectDigest: `sha256:${'5f'.repeat(32)}`,
      predicateType: 'https://slsa.dev/provenance/v1',
      signer: {
        kind: 'certificate',
        keyId: null,
        identity:
          'https://github.com/acme/inventory/.github/workflows/release.yml@refs/heads/main',
        issuer: 'https://token.actions.githubusercontent.com',
      },
      signedAt: '2025-06-01T09:00:00.000Z',
    },
    provenance: {
      kind: 'provenance',
      format: 'sigstore-bundle',
      subjectDigest: `sha256:${'5f'.repeat(32)}`,
      signer: {
        kind: 'certificate',
        keyId: null,
        identity:
          'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0',
        issuer: 'https://token.actions.githubusercontent.com',
      },
      signedAt: '2025-06-01T09:00:00.000Z',
      builderId:
        'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0',
      buildType:
        'https://github.com/slsa-framework/slsa-github-generator/generic@v1',
      sourceRepository: 'https://github.com/acme/inventory',
      slsaBuildLevel: 3,
    },
  };
}

/** A `fail`-enforced check of `tests.failed == 0` with weight 1, changed by `overrides`. */
export function aCheck(overrides: Partial<PolicyCheck> = {}): PolicyCheck {
  return {
    id: 'no-failing-tests',
    title: 'No failing tests',
    fixHint: 'Fix the failing tests.',
    fact: 'tests.failed',
    operator: '==',
    threshold: 0,
    weight: 1,
    enforcement: 'fail',
    ...overrides,
  } as PolicyCheck;
}
