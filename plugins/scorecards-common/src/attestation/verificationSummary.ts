import type { GateAnswer } from '../client/types';

/** The in-toto Statement type every Waybill attestation is. */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** The SLSA Verification Summary Attestation predicate. */
export const VERIFICATION_SUMMARY_PREDICATE_TYPE =
  'https://slsa.dev/verification_summary/v1';

/** The DSSE payload type of an in-toto Statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** A digest set, algorithm to lower-case hex, as in-toto writes it. */
export type DigestSet = Record<string, string>;

/** A gate decision as an in-toto Statement with the VSA predicate. */
export interface VerificationSummaryStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: Array<{ name: string; digest: DigestSet }>;
  predicateType: typeof VERIFICATION_SUMMARY_PREDICATE_TYPE;
  predicate: {
    verifier: { id: string };
    timeVerified: string;
    resourceUri: string;
    policy: { uri: string; digest: DigestSet };
    inputAttestations: Array<{ uri: string; digest: DigestSet }>;
    verificationResult: 'PASSED' | 'FAILED';
    verifiedLevels: string[];
    /** What Waybill decided, in its own words: the gate's answer as the gate route gives it. */
    waybill: GateAnswer;
  };
}

/** What a verification summary is made from. */
export interface VerificationSummaryInput {
  gate: GateAnswer;
  /** The artifact the release ships, `sha256:<hex>`. */
  artifactDigest: string;
  /** The evidence the decision was made from: its kind and SHA-256 (hex) of the uploaded file. */
  evidence: Array<{ kind: string; digest: string }>;
  /** The scorecards API's URL (`<backend>/api/scorecards`), which names the verifier. */
  verifierId: string;
  /** SHA-256 (hex) of the policy the release is scored with. */
  policyDigest: string;
  /**
   * The SLSA build level of the release's provenance, when Waybill verified provenance of this
   * artifact itself (`provenance` evidence); undefined otherwise.
   */
  slsaBuildLevel?: number;
  timeVerified: Date;
}

/** The VSA level a passing gate records; custom levels must not start with `SLSA_`. */
function gateLevel(gate: GateAnswer): string {
  const environment = gate.environment.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return `WAYBILL_GATE_${environment}_${gate.decision.toUpperCase()}`;
}

/** `sha256:<hex>` as an in-toto digest set; throws on anything else. */
export function digestSetOf(digest: string): DigestSet {
  const match = /^sha256:([0-9a-f]{64})$/.exec(digest);
  if (!match) {
    throw new Error(`Expected a digest sha256:<64 hex>, got ${digest}`);
  }
  return { sha256: match[1] };
}

/**
 * A release's gate decision as an SLSA verification summary: the subject is the artifact, the
 * result PASSED when the gate lets the release through (`pass` or `warn`, an override included),
 * the verified level names the environment and decision (`WAYBILL_GATE_PRODUCTION_PASS`), and
 * the inputs are the evidence files the score was made from. A passing gate also claims the
 * SLSA build level (`SLSA_BUILD_LEVEL_<n>`) of provenance Waybill verified for this artifact,
 * and none without it.
 */
export function verificationSummary(
  input: VerificationSummaryInput,
): VerificationSummaryStatement {
  const { gate } = input;
  const release = `${gate.entityRef}@${gate.version}`;
  const passed = gate.decision !== 'fail';
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: release, digest: digestSetOf(input.artifactDigest) }],
    predicateType: VERIFICATION_SUMMARY_PREDICATE_TYPE,
    predicate: {
      verifier: { id: input.verifierId },
      timeVerified: input.timeVerified.toISOString(),
      resourceUri: `urn:waybill:release:${release}`,
      policy: {
        uri: `${input.verifierId}#policy`,
        digest: { sha256: input.policyDigest },
      },
      inputAttestations: input.evidence.map(e => ({
        uri: `urn:waybill:evidence:${release}:${e.kind}`,
        digest: { sha256: e.digest },
      })),
      verificationResult: passed ? 'PASSED' : 'FAILED',
      verifiedLevels: passed
        ? [
            gateLevel(gate),
            ...(input.slsaBuildLevel
              ? [`SLSA_BUILD_LEVEL_${input.slsaBuildLevel}`]
              : []),
          ]
        : [],
      waybill: gate,
    },
  };
}

/** DSSE's pre-authentication encoding: what a DSSE signature signs. */
export function preAuthenticationEncoding(
  payloadType: string,
  payload: Uint8Array,
): Uint8Array {
  const header = new TextEncoder().encode(
    `DSSEv1 ${new TextEncoder().encode(payloadType).length} ${payloadType} ${
      payload.length
    } `,
  );
  const encoded = new Uint8Array(header.length + payload.length);
  encoded.set(header, 0);
  encoded.set(payload, header.length);
  return encoded;
}
