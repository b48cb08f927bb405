import { createHash } from 'crypto';
import type { DeliveryEventInput } from '@waybill/plugin-scorecards-common';
import { DemoRelease } from './demoReleases';
import { DEMO_SIGNERS, signDemoStatement } from './demoSigners';

const DAY_MS = 24 * 60 * 60 * 1000;

const xmlEscape = (text: string) =>
  text.replace(/[<>&"']/g, c => `&#${c.charCodeAt(0)};`);

/**
 * What a demo release was built from and what it ships, as its pipeline reports them with each
 * upload: a commit made up from the version, and a digest standing for its image.
 */
export function demoBuild(release: DemoRelease): {
  commit: string;
  artifactDigest: string;
} {
  return {
    commit: `${release.version.replace(/\./g, '')}0f3c`,
    artifactDigest: `sha256:${createHash('sha256')
      .update(`${release.entity}@${release.version}`)
      .digest('hex')}`,
  };
}

/** JUnit XML as jest-junit writes it. */
export function renderJUnit(release: DemoRelease): string {
  const { passed, failed, errored, skipped } = release.tests;
  const cases: string[] = [];
  const add = (n: number, body: string, label: string) => {
    for (let i = 0; i < n; i++) {
      cases.push(
        `    <testcase classname="${xmlEscape(
          release.entity,
        )}" name="${label} ${i + 1}" time="0.012">${body}</testcase>`,
      );
    }
  };
  add(passed, '', 'behaves');
  add(
    failed,
    '<failure message="expected 200, received 503">AssertionError: expected 200, received 503</failure>',
    'fails',
  );
  add(
    errored,
    '<error message="ECONNREFUSED 127.0.0.1:5432">Error: connect ECONNREFUSED</error>',
    'errors',
  );
  add(skipped, '<skipped/>', 'is pending');
  const total = passed + failed + errored + skipped;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="jest tests" tests="${total}" failures="${failed}" errors="${errored}" time="${(
      total * 0.012
    ).toFixed(3)}">`,
    `  <testsuite name="${xmlEscape(
      release.entity,
    )}" tests="${total}" failures="${failed}" errors="${errored}" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** LCOV with per-file summaries, as istanbul writes it (one synthetic file of 1,000 lines). */
export function renderLcov(release: DemoRelease): string {
  const lines = 1000;
  const branches = 200;
  return [
    'TN:',
    'SF:src/index.ts',
    `LF:${lines}`,
    `LH:${Math.round(release.coverage.lines * lines)}`,
    `BRF:${branches}`,
    `BRH:${Math.round(release.coverage.branches * branches)}`,
    'end_of_record',
    '',
  ].join('\n');
}

const SARIF_LEVEL = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
} as const;
const SECURITY_SEVERITY = {
  critical: '9.5',
  high: '7.5',
  medium: '5.0',
  low: '2.0',
} as const;

/** SARIF 2.1.0 as CodeQL writes it, rules carrying `security-severity`. */
export function renderSarif(release: DemoRelease): string {
  const rules = release.findings.map(f => ({
    id: f.rule,
    shortDescription: { text: f.message },
    defaultConfiguration: { level: SARIF_LEVEL[f.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[f.severity],
      tags: ['security'],
    },
  }));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'CodeQL', semanticVersion: '2.20.1', rules } },
        results: release.findings.map((f, ruleIndex) => ({
          ruleId: f.rule,
          ruleIndex,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: { startLine: f.line },
              },
            },
          ],
        })),
      },
    ],
  });
}

/** A CycloneDX 1.6 JSON SBOM with its known vulnerabilities, as Trivy writes it. */
export function renderCycloneDx(release: DemoRelease): string {
  const name = release.entity.split('/').pop();
  const components = [
    ...release.vulnerabilities.map(v => v.package),
    'express@4.21.2',
    'knex@3.1.0',
    'zod@3.24.1',
  ].map(pkg => {
    const [pkgName, version] = pkg.split('@');
    return {
      type: 'library',
      'bom-ref': `pkg:npm/${pkgName}@${version}`,
      name: pkgName,
      version,
    };
  });
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      component: { type: 'application', name, version: release.version },
    },
    components,
    vulnerabilities: release.vulnerabilities.map(v => ({
      id: v.id,
      ratings: [{ severity: v.severity, method: 'CVSSv31' }],
      affects: [{ ref: `pkg:npm/${v.package}` }],
    })),
  });
}

/** Waybill's readiness JSON document. */
export function renderReadiness(release: DemoRelease, now: Date): string {
  const { rollbackDrillDaysAgo, ...flags } = release.readiness;
  return JSON.stringify({
    ...flags,
    lastRollbackDrill:
      rollbackDrillDaysAgo === null
        ? null
        : new Date(now.getTime() - rollbackDrillDaysAgo * DAY_MS)
            .toISOString()
            .slice(0, 10),
  });
}

/** The repository a demo entity is built from. */
const repositoryOf = (release: DemoRelease) =>
  `https://github.com/meridian-supply/${release.entity.split('/').pop()}`;

/** The in-toto subject of the release's image: its name and digest. */
function subjectOf(release: DemoRelease) {
  const { artifactDigest } = demoBuild(release);
  return {
    name: `registry.meridian.example/${release.entity.split('/').pop()}`,
    digest: { sha256: artifactDigest.replace('sha256:', '') },
  };
}

/**
 * SLSA provenance v1 of the release's image, signed by the demo signer of its build level, as a
 * Sigstore bundle; undefined for a release built without provenance.
 */
export function renderProvenance(release: DemoRelease): string | undefined {
  const level = release.supplyChain.provenanceLevel;
  if (level === 0) return undefined;
  const builder = DEMO_SIGNERS[level];
  return signDemoStatement(builder, {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [subjectOf(release)],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: {
            ref: 'refs/heads/main',
            repository: repositoryOf(release),
            path: '.github/workflows/release.yml',
          },
        },
        resolvedDependencies: [
          {
            uri: `git+${repositoryOf(release)}@refs/heads/main`,
            digest: { gitCommit: demoBuild(release).commit },
          },
        ],
      },
      runDetails: {
        builder: { id: `https://builders.meridian.example/${builder}` },
      },
    },
  });
}

/** The hosted CI's signature over the release's image, as a Sigstore bundle; undefined when unsigned. */
export function renderSignature(release: DemoRelease): string | undefined {
  if (!release.supplyChain.signed) return undefined;
  return signDemoStatement(DEMO_SIGNERS[2], {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [subjectOf(release)],
    predicateType: 'https://cosign.sigstore.dev/attestation/v1',
    predicate: { Data: `${release.entity}@${release.version}` },
  });
}

/** Merge, production deployment and, for a failed one, the incident and rollback that followed. */
export function renderDeliveryEvents(
  release: DemoRelease,
  now: Date,
): DeliveryEventInput[] {
  const at = (days: number, hours = 0) =>
    new Date(
      now.getTime() - days * DAY_MS + hours * 60 * 60 * 1000,
    ).toISOString();
  const id = (what: string) =>
    `demo:${release.entity}:${release.version}:${what}`;
  const common = { entityRef: release.entity, source: 'waybill-demo' };
  const { commit } = demoBuild(release);
  const events: DeliveryEventInput[] = [
    {
      ...common,
      id: id('merged'),
      type: 'change-merged',
      commit,
      occurredAt: at(release.daysAgo + 1),
    },
    {
      ...common,
      id: id('deployed'),
      type: 'deployment',
      environment: 'production',
      version: release.version,
      commit,
      occurredAt: at(release.daysAgo - 1),
    },
  ];
  if (release.failedInProduction) {
    events.push(
      {
        ...common,
        id: id('incident'),
        type: 'incident-detected',
        incidentId: id('inc'),
        environment: 'production',
        version: release.version,
        occurredAt: at(release.daysAgo - 1, 2),
      },
      {
        ...common,
        id: id('rollback'),
        type: 'rollback',
        environment: 'production',
        occurredAt: at(release.daysAgo - 1, 3),
      },
      {
        ...common,
        id: id('resolved'),
        type: 'incident-resolved',
        incidentId: id('inc'),
        occurredAt: at(release.daysAgo - 1, 4),
      },
    );
  }
  return events;
}
