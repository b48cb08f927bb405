/**
 * Evidence facts: what Waybill keeps of each file a pipeline uploads for a release, normalized
 * across producers. The scoring engine reads only these; the original file is kept as a digest.
 */

import {
  EvidenceKindValues,
  SeverityValues,
  type ScorecardsSchemas,
} from './schema/openapi.generated';

/**
 * Severity bands shared by SARIF findings and CycloneDX vulnerabilities (CVSS v3 bands): the
 * spec's `Severity` enum, as generated.
 */
export const SEVERITIES = SeverityValues;

/** A severity band; `info` covers SARIF `note`/`none` and unrated vulnerabilities. */
export type Severity = (typeof SEVERITIES)[number];

/** A count per severity band; every band is present, zero when nothing was found. */
export type SeverityCounts = Record<Severity, number>;

/**
 * The kinds of evidence a release can carry, one current piece of each kind per release: the
 * spec's `EvidenceKind` enum, as generated.
 */
export const EVIDENCE_KINDS = EvidenceKindValues;

/** A kind of evidence. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The formats of signed evidence, which Waybill verifies instead of parsing what it claims. */
export const SUPPLY_CHAIN_FORMATS = [
  'sigstore-bundle',
  'dsse-envelope',
] as const;

/** Whether a format is signed evidence that Waybill verifies (signature, provenance). */
export function isSupplyChainFormat(
  format: string,
): format is (typeof SUPPLY_CHAIN_FORMATS)[number] {
  return (SUPPLY_CHAIN_FORMATS as readonly string[]).includes(format);
}

/** The file formats Waybill parses, by the kind of evidence they give. */
export const EVIDENCE_FORMATS = {
  tests: ['junit'],
  coverage: ['cobertura', 'lcov'],
  security: ['sarif'],
  dependencies: ['cyclonedx'],
  readiness: ['waybill-readiness'],
  signature: SUPPLY_CHAIN_FORMATS,
  provenance: SUPPLY_CHAIN_FORMATS,
} as const satisfies Record<EvidenceKind, readonly string[]>;

/** A file format of one kind of evidence. */
export type EvidenceFormat<K extends EvidenceKind = EvidenceKind> =
  (typeof EVIDENCE_FORMATS)[K][number];

/** Test results from JUnit XML (jest-junit, pytest, Maven Surefire/Failsafe, Gradle). */
export type TestFacts = ScorecardsSchemas['TestFacts'];

/** Line and branch coverage from Cobertura XML or LCOV. Rates are 0..1, null when unmeasured. */
export type CoverageFacts = ScorecardsSchemas['CoverageFacts'];

/** One security finding, as listed among the worst of a release. */
export type SecurityFinding = ScorecardsSchemas['SecurityFinding'];

/** Static analysis findings from SARIF 2.1.0; suppressed results are not counted. */
export type SecurityFacts = ScorecardsSchemas['SecurityFacts'];

/** One known vulnerability of a release's dependencies. */
export type Vulnerability = ScorecardsSchemas['Vulnerability'];

/** Dependency inventory and known vulnerabilities from a CycloneDX 1.4-1.6 JSON SBOM. */
export type DependencyFacts = ScorecardsSchemas['DependencyFacts'];

/** A vulnerability of an SBOM, by id, with its severity. */
export type SbomVulnerability = ScorecardsSchemas['SbomVulnerability'];

/** What a release's SBOM adds and removes against the previous release's. */
export type SbomDiff = ScorecardsSchemas['SbomDiff'];

/** Rollback readiness facts from Waybill's readiness JSON document. */
export type ReadinessFacts = ScorecardsSchemas['ReadinessFacts'];

/** Who signed verified evidence: a configured key, or a Sigstore certificate's identity. */
export type EvidenceSigner = ScorecardsSchemas['EvidenceSigner'];

/** A signed in-toto Statement over the release's artifact, verified by Waybill itself. */
export type SignatureFacts = ScorecardsSchemas['SignatureFacts'];

/** SLSA provenance v1 of the release's artifact, verified by Waybill itself. */
export type ProvenanceFacts = ScorecardsSchemas['ProvenanceFacts'];

/** The facts of any kind of evidence. */
export type EvidenceFacts =
  | TestFacts
  | CoverageFacts
  | SecurityFacts
  | DependencyFacts
  | ReadinessFacts
  | SignatureFacts
  | ProvenanceFacts;

/** The facts of one kind of evidence. */
export type FactsOf<K extends EvidenceKind> = Extract<
  EvidenceFacts,
  { kind: K }
>;

/** The current evidence of a release: at most one piece per kind. */
export type ReleaseEvidence = { [K in EvidenceKind]?: FactsOf<K> };

/** What happened in delivery, for DORA: from Waybill's JSON or from CDEvents. */
export type DeliveryEventType = ScorecardsSchemas['DeliveryEventType'];

/**
 * One delivery event of an entity, normalized: Waybill's JSON event (or a CDEvent read into its
 * terms) with its `id` always present, derived from the content when the producer gave none, so
 * duplicates can be ignored.
 */
export type DeliveryEvent = ScorecardsSchemas['WaybillDeliveryEvent'] & {
  id: string;
};
