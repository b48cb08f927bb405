import {
  DEFAULT_POLICY,
  PortfolioItem,
  ReleaseEvidence,
  ReleaseRecord,
  StoredEvidence,
  Waiver,
  evaluateScorecard,
} from '@waybill/plugin-scorecards-common';

const severities = (critical = 0, high = 0) => ({
  critical,
  high,
  medium: 0,
  low: 0,
  info: 0,
});

/** The artifact the fixture release ships, as its signature and provenance name it. */
const ARTIFACT_DIGEST = `sha256:${'5f'.repeat(32)}`;

/** The CI workflow identity that signed the fixture release keylessly. */
const CI_SIGNER = {
  kind: 'certificate' as const,
  keyId: null,
  identity:
    'https://github.com/acme/inventory/.github/workflows/release.yml@refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
};

/** Evidence of a healthy release; tests break one fact at a time. */
export function releaseEvidence(
  options: { criticalVulnerabilities?: number } = {},
): Required<ReleaseEvidence> {
  const critical = options.criticalVulnerabilities ?? 0;
  return {
    tests: {
      kind: 'tests',
      format: 'junit',
      total: 120,
      passed: 119,
      failed: 0,
      errored: 0,
      skipped: 1,
      durationSeconds: 42,
      failingTests: [],
    },
    coverage: {
      kind: 'coverage',
      format: 'cobertura',
      lineRate: 0.86,
      branchRate: 0.74,
      linesCovered: 860,
      linesValid: 1000,
      branchesCovered: 74,
      branchesValid: 100,
    },
    security: {
      kind: 'security',
      format: 'sarif',
      total: 1,
      bySeverity: { ...severities(), medium: 1 },
      byTool: { CodeQL: { ...severities(), medium: 1 } },
      newBySeverity: severities(),
      suppressed: 0,
      worst: [
        {
          tool: 'CodeQL',
          ruleId: 'js/log-injection',
          severity: 'medium',
          message: 'Log entry depends on a user-provided value.',
          location: 'src/orders.ts:42',
        },
      ],
    },
    dependencies: {
      kind: 'dependencies',
      format: 'cyclonedx',
      specVersion: '1.6',
      componentCount: 412,
      vulnerabilitiesBySeverity: severities(critical),
      worst:
        critical > 0
          ? [
              {
                id: 'CVE-2026-41234',
                severity: 'critical',
                score: 9.8,
                affects: ['pkg:npm/fast-xml-parser@4.2.4'],
              },
            ]
          : [],
      // A few of the 412 components; the critical vulnerability came with fast-xml-parser 4.2.4.
      components: [
        'pkg:npm/express@4.21.1',
        'pkg:npm/fast-xml-parser@4.2.4',
        'pkg:npm/pg@8.13.1',
      ],
      componentsTruncated: false,
      vulnerabilities:
        critical > 0 ? [{ id: 'CVE-2026-41234', severity: 'critical' }] : [],
      diff: {
        againstVersion: '5.1.0',
        addedComponents: ['pkg:npm/fast-xml-parser@4.2.4'],
        removedComponents: ['pkg:npm/fast-xml-parser@4.2.0'],
        introducedVulnerabilities:
          critical > 0 ? [{ id: 'CVE-2026-41234', severity: 'critical' }] : [],
        fixedVulnerabilities: [],
        introducedBySeverity: severities(critical),
      },
    },
    readiness: {
      kind: 'readiness',
      format: 'waybill-readiness',
      previousVersionDeployable: true,
      migrationsReversible: true,
      lastRollbackDrill: '2026-11-01',
      killSwitch: true,
    },
    signature: {
      kind: 'signature',
      format: 'sigstore-bundle',
      subjectDigest: ARTIFACT_DIGEST,
      predicateType: 'https://slsa.dev/provenance/v1',
      signer: CI_SIGNER,
      signedAt: '2026-11-20T09:29:00.000Z',
    },
    provenance: {
      kind: 'provenance',
      format: 'sigstore-bundle',
      subjectDigest: ARTIFACT_DIGEST,
      signer: CI_SIGNER,
      signedAt: '2026-11-20T09:29:00.000Z',
      builderId: 'https://github.com/actions/runner/github-hosted',
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      sourceRepository: 'https://github.com/acme/inventory',
      slsaBuildLevel: 2,
    },
  };
}

/** A release as `GET .../releases/{version}` answers it, scored by the real engine. */
export function releaseRecord(
  options: {
    version?: string;
    criticalVulnerabilities?: number;
    overrides?: ReleaseRecord['overrides'];
    waivers?: ReleaseRecord['waivers'];
  } = {},
): ReleaseRecord {
  const evidence = releaseEvidence(options);
  const evaluation = evaluateScorecard({
    policy: DEFAULT_POLICY,
    evidence,
    tier: 'critical',
    environments: ['staging', 'production'],
    now: new Date('2026-11-23T12:00:00Z'),
  });
  return {
    id: 7,
    entityRef: 'component:default/inventory',
    version: options.version ?? '5.2.0',
    commit: '3f2a9c1d4e5b6a7980aa',
    pipelineUrl: 'https://ci.example.com/runs/981',
    artifactDigest: ARTIFACT_DIGEST,
    createdAt: '2026-11-20T09:30:00.000Z',
    evidence: Object.values(evidence).map(
      (facts, i): StoredEvidence => ({
        id: i + 1,
        kind: facts.kind,
        format: facts.format,
        digest: String(i).repeat(64),
        sizeBytes: 2048,
        environment: null,
        uploadedBy: 'ci-pipelines',
        uploadedAt: '2026-11-20T09:31:00.000Z',
        facts,
      }),
    ),
    evaluation,
    overrides: options.overrides ?? [],
    maxOverrideDays: 14,
    waivers: options.waivers ?? [],
    maxWaiverDays: 30,
  };
}

/**
 * A waiver as the backend answers it: by default, pending, of inventory 5.2.0's critical
 * vulnerability check in production, asked for by a developer an hour ago, ending in a day.
 */
export function waiverRecord(fields: Partial<Waiver> = {}): Waiver {
  const id = fields.id ?? 1;
  return {
    id,
    entityRef: 'component:default/inventory',
    versionRange: '5.2.0',
    environment: 'production',
    checkId: 'no-critical-dependency-vulnerabilities',
    finding: null,
    tenantSegment: null,
    reason: `Waiver ${id}: CVE not reachable from our code paths`,
    expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    requestedBy: 'user:default/developer',
    requestedAt: new Date(Date.now() - 3600_000).toISOString(),
    approvedBy: null,
    approvedAt: null,
    revokedBy: null,
    revokedAt: null,
    revokeReason: null,
    status: 'pending',
    ...fields,
  };
}

/** The fields of a waiver approved by the release manager half an hour ago. */
export const approvedWaiver = () => ({
  approvedBy: 'user:default/release-manager',
  approvedAt: new Date(Date.now() - 1800_000).toISOString(),
  status: 'active' as const,
});

/** A portfolio line for service `n`, without overrides. */
export function portfolioItem(n: number): PortfolioItem {
  const name = `service-${String(n).padStart(4, '0')}`;
  const gates: PortfolioItem['gates'] = {
    staging: 'pass',
    production: n % 2 === 0 ? 'pass' : 'fail',
  };
  return {
    entityRef: `component:default/${name}`,
    title: `Service ${n}`,
    owner: 'group:default/warehouse-systems',
    system: 'system:default/erp-core',
    tier: 'standard',
    businessProcesses: ['domain:default/order-to-cash'],
    version: `1.${n}.0`,
    releasedAt: '2026-11-20T09:30:00.000Z',
    score: 60 + (n % 40),
    grade: n % 2 === 0 ? 'B' : 'F',
    gates,
    effectiveGates: gates,
    gateAdjustments: {},
    failingChecks:
      n % 2 === 0
        ? []
        : [
            {
              id: 'no-critical-dependency-vulnerabilities',
              title: 'No critical dependency vulnerabilities',
              status: 'fail',
            },
          ],
  };
}

/** A portfolio line's gate adjustments when its effective gates differ by overrides alone. */
export function overriddenWhereChanged(
  gates: PortfolioItem['gates'],
  effectiveGates: PortfolioItem['effectiveGates'],
): PortfolioItem['gateAdjustments'] {
  return Object.fromEntries(
    Object.keys(effectiveGates)
      .filter(environment => effectiveGates[environment] !== gates[environment])
      .map(environment => [environment, { overridden: true, waivers: 0 }]),
  );
}
