import {
  EvidenceKind,
  FactsOf,
  ReleaseEvidence,
  SEVERITIES,
  Severity,
  SeverityCounts,
} from '../evidence';
import { newVulnerabilitiesBySeverity } from '../sbom';
import { FindingCount, ruleFindings, vulnerabilityFindings } from './findings';

/** What reading a fact gives: no evidence of its kind, or its value (null when the evidence does not measure it). */
export type FactReading<V> =
  | { present: false }
  | { present: true; value: V | null };

/** How a numeric fact reads: a count, a 0..1 ratio shown as a percentage, whole days, or a level. */
export type NumberFactUnit = 'count' | 'ratio' | 'days' | 'level';

interface FactDefinitionBase {
  /** The kind of evidence the fact comes from. */
  kind: EvidenceKind;
  /** Short name for display, e.g. `Line coverage`. */
  label: string;
  /** One sentence on what the fact measures. */
  description: string;
  /** The reason given when the evidence is there but does not measure this fact. */
  unmeasured?: string;
}

/** A fact whose value is a number, compared with `<=, <, >=, >, ==`. */
export interface NumberFactDefinition extends FactDefinitionBase {
  type: 'number';
  unit: NumberFactUnit;
  /** The range a threshold must lie in, so `80` for a 0..1 rate fails at load. */
  min: number;
  max: number;
  /** The value on its own, e.g. `80%` or `90 days`. */
  format(value: number): string;
  /** The value as a phrase, e.g. `2 critical dependency vulnerabilities`. */
  describe(value: number): string;
  read(evidence: ReleaseEvidence, now: Date): FactReading<number>;
  /**
   * For a count of findings: which findings it counts, so one can be waived; undefined when the
   * fact counts no findings, or the evidence was stored before Waybill kept them.
   */
  findings?(evidence: ReleaseEvidence): FindingCount[] | undefined;
}

/** A fact whose value is true or false, compared with `==`. */
export interface BooleanFactDefinition extends FactDefinitionBase {
  type: 'boolean';
  /** The value on its own, e.g. `verified` or `not verified`. */
  format(value: boolean): string;
  /** The value as a phrase, e.g. `Release signature not verified`. */
  describe(value: boolean): string;
  read(evidence: ReleaseEvidence, now: Date): FactReading<boolean>;
}

/** The definition of one fact a policy check can test. */
export type FactDefinition = NumberFactDefinition | BooleanFactDefinition;

const DAY_MS = 24 * 60 * 60 * 1000;

function reader<K extends EvidenceKind, V>(
  kind: K,
  read: (facts: FactsOf<K>, now: Date) => V | null,
): (evidence: ReleaseEvidence, now: Date) => FactReading<V> {
  return (evidence, now) => {
    const facts: FactsOf<K> | undefined = evidence[kind];
    return facts === undefined
      ? { present: false }
      : { present: true, value: read(facts, now) };
  };
}

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

type NumberFactSpec<K extends EvidenceKind> = Pick<
  FactDefinitionBase,
  'description' | 'unmeasured'
> & { read: (facts: FactsOf<K>, now: Date) => number | null };

/** A numeric fact of `kind` evidence: `spec` says what it measures, `shows` its unit, range and wording. */
function numberFact<K extends EvidenceKind>(
  kind: K,
  spec: NumberFactSpec<K>,
  shows: Pick<
    NumberFactDefinition,
    'unit' | 'label' | 'min' | 'max' | 'format' | 'describe'
  >,
): NumberFactDefinition {
  return {
    ...spec,
    kind,
    type: 'number',
    ...shows,
    read: reader(kind, spec.read),
  };
}

function countFact<K extends EvidenceKind>(
  kind: K,
  [one, other]: [string, string],
  spec: NumberFactSpec<K>,
): NumberFactDefinition {
  return numberFact(kind, spec, {
    unit: 'count',
    label: other.charAt(0).toUpperCase() + other.slice(1),
    min: 0,
    max: Infinity,
    format: String,
    describe: n => plural(n, one, other),
  });
}

function ratioFact<K extends EvidenceKind>(
  kind: K,
  label: string,
  spec: NumberFactSpec<K>,
): NumberFactDefinition {
  return numberFact(kind, spec, {
    unit: 'ratio',
    label,
    min: 0,
    max: 1,
    format: percent,
    describe: rate => `${label} ${percent(rate)}`,
  });
}

function booleanFact<K extends EvidenceKind>(
  kind: K,
  label: string,
  [yes, no]: [string, string],
  spec: Pick<FactDefinitionBase, 'description'> & {
    read: (facts: FactsOf<K>) => boolean;
  },
): BooleanFactDefinition {
  const format = (value: boolean) => (value ? yes : no);
  return {
    ...spec,
    kind,
    type: 'boolean',
    label,
    format,
    describe: value => `${label} ${format(value)}`,
    read: reader(kind, spec.read),
  };
}

/** One count fact per severity band, e.g. `security.bySeverity.critical` .. `security.bySeverity.info`. */
function severityFacts<P extends string, K extends EvidenceKind>(
  prefix: P,
  kind: K,
  noun: (severity: Severity) => [string, string],
  counts: (facts: FactsOf<K>) => SeverityCounts,
  description: (severity: Severity) => string,
  findings: (
    facts: FactsOf<K>,
    severity: Severity,
  ) => FindingCount[] | undefined,
): Record<`${P}.${Severity}`, NumberFactDefinition> {
  // Built from SEVERITIES so a new band in evidence.ts gets its facts; the key type follows.
  return Object.fromEntries(
    SEVERITIES.map(severity => [
      `${prefix}.${severity}`,
      {
        ...countFact(kind, noun(severity), {
          description: description(severity),
          read: facts => counts(facts)[severity],
        }),
        findings: (evidence: ReleaseEvidence) => {
          const facts: FactsOf<K> | undefined = evidence[kind];
          return facts && findings(facts, severity);
        },
      },
    ]),
  ) as Record<`${P}.${Severity}`, NumberFactDefinition>;
}

/**
 * Every fact a policy check can test, by the path a policy names it with. A closed list, so a
 * typo in a policy fails when the policy loads rather than when a release is scored.
 */
export const FACTS = {
  'tests.total': countFact('tests', ['test', 'tests'], {
    description: 'Test cases in the JUnit report, skipped ones included.',
    read: facts => facts.total,
  }),
  'tests.failed': countFact('tests', ['failed test', 'failed tests'], {
    description: 'Test cases whose assertions failed.',
    read: facts => facts.failed,
  }),
  'tests.errored': countFact('tests', ['erroring test', 'erroring tests'], {
    description:
      'Test cases that errored (crashed or could not run) rather than failed.',
    read: facts => facts.errored,
  }),
  'tests.skipped': countFact('tests', ['skipped test', 'skipped tests'], {
    description: 'Test cases that were skipped.',
    read: facts => facts.skipped,
  }),
  'tests.passRate': ratioFact('tests', 'Test pass rate', {
    description:
      'Passed test cases over those that ran: passed / (total - skipped), 0..1.',
    unmeasured: 'No test ran: every test case was skipped',
    read: facts =>
      facts.total - facts.skipped > 0
        ? facts.passed / (facts.total - facts.skipped)
        : null,
  }),
  'coverage.lineRate': ratioFact('coverage', 'Line coverage', {
    description: 'Covered lines over valid lines, 0..1.',
    unmeasured: 'The coverage report does not measure line coverage',
    read: facts => facts.lineRate,
  }),
  'coverage.branchRate': ratioFact('coverage', 'Branch coverage', {
    description: 'Covered branches over valid branches, 0..1.',
    unmeasured: 'The coverage report does not measure branch coverage',
    read: facts => facts.branchRate,
  }),
  ...severityFacts(
    'security.bySeverity',
    'security',
    severity => [
      `${severity} code scanning finding`,
      `${severity} code scanning findings`,
    ],
    facts => facts.bySeverity,
    severity =>
      `Unsuppressed SARIF findings of ${severity} severity, from every tool in the file.`,
    (facts, severity) => ruleFindings(facts, severity, 'count'),
  ),
  ...severityFacts(
    'security.newBySeverity',
    'security',
    severity => [
      `new ${severity} code scanning finding`,
      `new ${severity} code scanning findings`,
    ],
    facts => facts.newBySeverity,
    severity =>
      `SARIF findings of ${severity} severity that are new against the baseline (all of them when there is no baseline).`,
    (facts, severity) => ruleFindings(facts, severity, 'newCount'),
  ),
  ...severityFacts(
    'dependencies.vulnerabilitiesBySeverity',
    'dependencies',
    severity => [
      `${severity} dependency vulnerability`,
      `${severity} dependency vulnerabilities`,
    ],
    facts => facts.vulnerabilitiesBySeverity,
    severity =>
      `Known vulnerabilities of ${severity} severity in the components of the CycloneDX SBOM.`,
    (facts, severity) => vulnerabilityFindings(facts.vulnerabilities, severity),
  ),
  ...severityFacts(
    'dependencies.newVulnerabilitiesBySeverity',
    'dependencies',
    severity => [
      `new ${severity} dependency vulnerability`,
      `new ${severity} dependency vulnerabilities`,
    ],
    newVulnerabilitiesBySeverity,
    severity =>
      `Known vulnerabilities of ${severity} severity that the SBOM introduces against the previous release's (all of them when no earlier release has an SBOM).`,
    (facts, severity) =>
      vulnerabilityFindings(
        facts.diff
          ? facts.diff.introducedVulnerabilities
          : facts.vulnerabilities,
        severity,
      ),
  ),
  'readiness.previousVersionDeployable': booleanFact(
    'readiness',
    'Previous version',
    ['deployable', 'not deployable'],
    {
      description:
        'Whether the previous release can be deployed again to roll back.',
      read: facts => facts.previousVersionDeployable,
    },
  ),
  'readiness.migrationsReversible': booleanFact(
    'readiness',
    'Database migrations',
    ['reversible', 'not reversible'],
    {
      description:
        'Whether every database migration in the release has a tested down migration.',
      read: facts => facts.migrationsReversible,
    },
  ),
  'readiness.killSwitch': booleanFact(
    'readiness',
    'Kill switch',
    ['present', 'absent'],
    {
      description:
        'Whether the release ships behind a feature flag or kill switch that turns it off without a deployment.',
      read: facts => facts.killSwitch,
    },
  ),
  'readiness.rollbackDrillAgeDays': {
    kind: 'readiness',
    type: 'number',
    unit: 'days',
    label: 'Last rollback drill',
    description:
      'Whole days (24 h) from the last rollback drill to the evaluation time.',
    unmeasured: 'No rollback drill on record',
    min: 0,
    max: Infinity,
    format: days => plural(days, 'day', 'days'),
    describe: days => `Last rollback drill ${plural(days, 'day', 'days')} ago`,
    read: reader('readiness', (facts, now) => {
      if (facts.lastRollbackDrill === null) return null;
      const drilledAt = Date.parse(facts.lastRollbackDrill);
      if (Number.isNaN(drilledAt)) return null;
      // A drill stamped slightly ahead of the evaluation clock (skew between CI and the
      // backend) is a drill done today, not one from the future.
      return Math.max(0, Math.floor((now.getTime() - drilledAt) / DAY_MS));
    }),
  } satisfies NumberFactDefinition,
  'signature.verified': booleanFact(
    'signature',
    'Release signature',
    ['verified', 'not verified'],
    {
      description:
        "Whether a signature over the release's artifact verified against the configured trust. Waybill stores only signatures it verified, so the fact is true whenever the evidence is there; without it the check is missing, not failed.",
      read: () => true,
    },
  ),
  'provenance.slsaBuildLevel': {
    kind: 'provenance',
    type: 'number',
    unit: 'level',
    label: 'SLSA build level',
    description:
      "SLSA v1 build level of the release's provenance, as the trust entry that verified its signer vouches (`scorecards.trust`).",
    min: 0,
    max: 3,
    format: String,
    describe: level => `SLSA build level ${level}`,
    read: reader('provenance', facts => facts.slsaBuildLevel),
  } satisfies NumberFactDefinition,
} satisfies Record<string, FactDefinition>;

/** The path of a fact, e.g. `coverage.lineRate`. */
export type FactName = keyof typeof FACTS;

/** The facts whose value is a number. */
export type NumberFactName = {
  [N in FactName]: (typeof FACTS)[N]['type'] extends 'number' ? N : never;
}[FactName];

/** The facts whose value is true or false. */
export type BooleanFactName = Exclude<FactName, NumberFactName>;

/** Every fact name, in the order of {@link FACTS}. */
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

/** Whether a fact counts findings (vulnerabilities, SARIF results), so one of them can be waived. */
export function countsFindings(name: FactName): boolean {
  const definition: FactDefinition = FACTS[name];
  return definition.type === 'number' && definition.findings !== undefined;
}

/** Whether a string names a known fact. */
export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACTS, name);
}

/** Why a check cannot be evaluated when a release has no evidence of a kind. */
export const MISSING_EVIDENCE_REASONS: Record<EvidenceKind, string> = {
  tests: 'No test results uploaded for this release',
  coverage: 'No coverage report uploaded for this release',
  security: 'No code scanning results (SARIF) uploaded for this release',
  dependencies: 'No SBOM uploaded for this release',
  readiness: 'No readiness document uploaded for this release',
  signature: 'No verified signature uploaded for this release',
  provenance: 'No verified provenance uploaded for this release',
};
