import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import { Random } from '@waybill/bench-utils';
import {
  diffSbom,
  EvidenceFacts,
  ProvenanceFacts,
  ReadinessFacts,
  SignatureFacts,
  SecurityFacts,
  Severity,
  SeverityCounts,
  TestFacts,
} from '@waybill/plugin-scorecards-common';
import { Tier, WAYBILL_ANNOTATIONS } from '@waybill/plugin-waybill-common';
import { dependencyFacts } from './dependencies';

/** The evaluation clock of the whole benchmark, so both systems derive the same facts. */
export const BENCH_NOW = new Date('2025-11-23T12:00:00Z');

/** Size of the data set the brief asks for. */
export const DATASET = {
  entities: 10_000,
  releasesPerEntity: 5,
  owners: 100,
  systems: 400,
  businessProcesses: 20,
} as const;

/** Versions of an entity's releases, oldest first. */
export const VERSIONS = Array.from(
  { length: DATASET.releasesPerEntity },
  (_, i) => `1.${i}.0`,
);

/** The kinds of evidence every release carries, in upload order. */
export const UPLOAD_KINDS = [
  'tests',
  'coverage',
  'dependencies',
  'security',
  'readiness',
  'signature',
  'provenance',
] as const;

/** A kind of evidence the data set's releases carry. */
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** What a release's evidence was generated to look like. */
export type ReleaseProfile = 'healthy' | 'warning' | 'failing';

/** One catalog entity of the data set. */
export interface BenchEntity {
  index: number;
  /** Full, lower-case entity ref. */
  ref: string;
  tier: Tier;
  owner: string;
  businessProcesses: string[];
  entity: Entity;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The owner group refs of the data set. */
export const OWNERS = Array.from(
  { length: DATASET.owners },
  (_, i) => `group:default/team-${pad(i, 3)}`,
);

/** The business process names of the data set. */
export const BUSINESS_PROCESSES = Array.from(
  { length: DATASET.businessProcesses },
  (_, i) => `process-${pad(i, 2)}`,
);

/** Builds the catalog of the data set: 10,000 components with tier, owner, system and processes. */
export function buildEntities(count: number = DATASET.entities): BenchEntity[] {
  const random = new Random(20251123);
  return Array.from({ length: count }, (_, index) => {
    const name = `svc-${pad(index, 5)}`;
    const roll = random.next();
    let tier: Tier = 'standard';
    if (roll < 0.2) tier = 'critical';
    else if (roll >= 0.8) tier = 'internal';
    const owner = random.pick(OWNERS);
    const system = `system:default/sys-${pad(
      random.int(0, DATASET.systems - 1),
      3,
    )}`;
    const processes = new Set<string>();
    const processCount = random.int(0, 3);
    while (processes.size < processCount) {
      processes.add(random.pick(BUSINESS_PROCESSES));
    }
    const businessProcesses = [...processes].sort();
    return {
      index,
      ref: `component:default/${name}`,
      tier,
      owner,
      businessProcesses,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name,
          namespace: 'default',
          title: `Service ${pad(index, 5)}`,
          annotations: {
            [WAYBILL_ANNOTATIONS.tier]: tier,
            'waybill.dev/business-processes': businessProcesses.join(','),
          },
        },
        spec: { type: 'service', lifecycle: 'production', owner, system },
      },
    };
  });
}

function severities(counts: Partial<SeverityCounts> = {}): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0, ...counts };
}

function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Problems a release can have, split by what the default policy does with them in production. */
const WARNING_PROBLEMS = [
  'high-dependency-vulnerabilities',
  'no-kill-switch',
  'low-provenance',
] as const;
const FAILING_PROBLEMS = [
  'failed-tests',
  'errored-tests',
  'low-coverage',
  'critical-dependency-vulnerabilities',
  'critical-code-findings',
  'high-code-findings',
  'unsigned',
  'previous-not-deployable',
  'irreversible-migrations',
  'no-rollback-drill',
] as const;
type Problem =
  | (typeof WARNING_PROBLEMS)[number]
  | (typeof FAILING_PROBLEMS)[number];

/** The generated evidence of one release, one piece of facts per kind. */
export interface GeneratedRelease {
  entity: BenchEntity;
  version: string;
  profile: ReleaseProfile;
  /** The facts of each kind; an unsigned release has no signature. */
  facts: Partial<Record<UploadKind, EvidenceFacts>>;
}

/**
 * The evidence of release `releaseIndex` of an entity: ~80% healthy, ~10% with warnings only,
 * ~10% with a problem the default policy blocks in production. Deterministic per release. Its
 * SBOM is compared with the previous version's, which the bench stores before it, as the backend
 * compares it on upload.
 */
export function generateRelease(
  entity: BenchEntity,
  releaseIndex: number,
  now: Date = BENCH_NOW,
): GeneratedRelease {
  const { profile, facts, dependencies } = releaseFacts(
    entity,
    releaseIndex,
    now,
  );
  const diff =
    releaseIndex > 0
      ? diffSbom(
          {
            version: VERSIONS[releaseIndex - 1],
            facts: releaseFacts(entity, releaseIndex - 1, now).dependencies,
          },
          dependencies,
        )
      : null;
  return {
    entity,
    version: VERSIONS[releaseIndex],
    profile,
    facts: { ...facts, dependencies: { ...dependencies, diff } },
  };
}

/** A release's profile and facts, its SBOM not yet compared with another. */
function releaseFacts(entity: BenchEntity, releaseIndex: number, now: Date) {
  const random = new Random(entity.index * 7919 + releaseIndex * 104_729 + 1);
  const roll = random.next();
  let profile: ReleaseProfile = 'healthy';
  const problems = new Set<Problem>();
  if (roll >= 0.9) {
    profile = 'failing';
    problems.add(random.pick(FAILING_PROBLEMS));
    if (random.chance(0.3)) problems.add(random.pick(FAILING_PROBLEMS));
  } else if (roll >= 0.8) {
    profile = 'warning';
    problems.add(random.pick(WARNING_PROBLEMS));
    if (random.chance(0.3)) problems.add(random.pick(WARNING_PROBLEMS));
  }
  const tests = testFacts(random, problems);
  const coverage = coverageFacts(random, problems, entity.tier);
  const dependencies = dependencyFacts(entity, releaseIndex, random, {
    critical: problems.has('critical-dependency-vulnerabilities'),
    high: problems.has('high-dependency-vulnerabilities'),
  });
  return {
    profile,
    dependencies,
    facts: {
      tests,
      coverage,
      dependencies,
      security: securityFacts(random, problems),
      readiness: readinessFacts(random, problems, now),
      ...supplyChainFacts(entity, random, problems),
    },
  };
}

function testFacts(random: Random, problems: Set<Problem>): TestFacts {
  const total = random.int(200, 3000);
  const skipped = random.int(0, 20);
  const failed = problems.has('failed-tests') ? random.int(1, 6) : 0;
  const errored = problems.has('errored-tests') ? random.int(1, 3) : 0;
  const failingTests: TestFacts['failingTests'] = [];
  for (let i = 0; i < failed + errored; i++) {
    failingTests.push({
      suite: `com.acme.Suite${random.int(1, 40)}Test`,
      name: `handles case ${random.int(1, 500)}`,
      outcome: i < failed ? 'failed' : 'errored',
      message:
        i < failed
          ? `expected ${random.int(1, 99)} but was ${random.int(100, 199)}`
          : 'Connection refused: localhost:5432',
    });
  }
  return {
    kind: 'tests',
    format: 'junit',
    total,
    passed: total - skipped - failed - errored,
    failed,
    errored,
    skipped,
    durationSeconds: Math.round(random.next() * 60_000) / 100,
    failingTests,
  };
}

function coverageFacts(
  random: Random,
  problems: Set<Problem>,
  tier: Tier,
): EvidenceFacts {
  const floor = { critical: 0.8, standard: 0.7, internal: 0.5 }[tier];
  const lineRate = problems.has('low-coverage')
    ? floor - 0.02 - random.next() * 0.2
    : 0.82 + random.next() * 0.15;
  const linesValid = random.int(2_000, 60_000);
  const branchesValid = Math.round(linesValid / 4);
  const branchRate = Math.max(0, lineRate - random.next() * 0.15);
  return {
    kind: 'coverage',
    format: random.chance(0.5) ? 'cobertura' : 'lcov',
    lineRate: Math.round(lineRate * 10_000) / 10_000,
    branchRate: Math.round(branchRate * 10_000) / 10_000,
    linesCovered: Math.round(linesValid * lineRate),
    linesValid,
    branchesCovered: Math.round(branchesValid * branchRate),
    branchesValid,
  };
}

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

function securityFacts(random: Random, problems: Set<Problem>): SecurityFacts {
  const counts = severities({
    critical: problems.has('critical-code-findings') ? random.int(1, 2) : 0,
    high: problems.has('high-code-findings') ? random.int(1, 3) : 0,
    medium: random.int(0, 5),
    low: random.int(0, 10),
    info: random.int(0, 4),
  });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const worst: SecurityFacts['worst'] = [];
  for (const severity of SEVERITY_ORDER) {
    for (let i = 0; i < counts[severity] && worst.length < 20; i++) {
      worst.push({
        tool: 'CodeQL',
        ruleId: `js/rule-${random.int(1, 80)}`,
        severity,
        message: 'Data flows from a user-provided value to a sensitive sink.',
        location: `src/module${random.int(1, 30)}/file${random.int(
          1,
          50,
        )}.ts:${random.int(1, 400)}`,
        baselineState: random.chance(0.3) ? 'new' : 'unchanged',
      });
    }
  }
  return {
    kind: 'security',
    format: 'sarif',
    total,
    bySeverity: counts,
    byTool: { CodeQL: counts },
    newBySeverity: severities({ medium: Math.min(counts.medium, 1) }),
    suppressed: random.int(0, 3),
    worst,
  };
}

function readinessFacts(
  random: Random,
  problems: Set<Problem>,
  now: Date,
): ReadinessFacts {
  return {
    kind: 'readiness',
    format: 'waybill-readiness',
    previousVersionDeployable: !problems.has('previous-not-deployable'),
    migrationsReversible: !problems.has('irreversible-migrations'),
    lastRollbackDrill: problems.has('no-rollback-drill')
      ? null
      : daysBefore(now, random.int(3, 85)),
    killSwitch: !problems.has('no-kill-switch'),
  };
}

/** The verified signature (absent when unsigned) and provenance, as Waybill stores them. */
function supplyChainFacts(
  entity: BenchEntity,
  random: Random,
  problems: Set<Problem>,
): { signature?: SignatureFacts; provenance: ProvenanceFacts } {
  const subjectDigest = `sha256:${createHash('sha256')
    .update(`${entity.ref}:${random.next()}`)
    .digest('hex')}`;
  const signer = {
    kind: 'certificate' as const,
    keyId: null,
    identity: `https://github.com/acme/${entity.entity.metadata.name}/.github/workflows/release.yml@refs/heads/main`,
    issuer: 'https://token.actions.githubusercontent.com',
  };
  const signed = {
    format: 'sigstore-bundle' as const,
    subjectDigest,
    signer,
    signedAt: null,
  };
  return {
    ...(problems.has('unsigned')
      ? {}
      : {
          signature: {
            kind: 'signature',
            ...signed,
            predicateType: 'https://slsa.dev/provenance/v1',
          },
        }),
    provenance: {
      kind: 'provenance',
      ...signed,
      builderId: 'https://github.com/actions/runner/github-hosted',
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      sourceRepository: `https://github.com/acme/${entity.entity.metadata.name}`,
      slsaBuildLevel: problems.has('low-provenance')
        ? 1
        : random.pick([2, 3, 3] as const),
    },
  };
}

/** SHA-256 of an upload's content, as the backend computes it from the uploaded bytes. */
export function digestOf(
  release: GeneratedRelease,
  facts: EvidenceFacts,
): string {
  return createHash('sha256')
    .update(`${release.entity.ref}@${release.version}:`)
    .update(JSON.stringify(facts))
    .digest('hex');
}
