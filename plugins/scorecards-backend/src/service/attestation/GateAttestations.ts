import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import {
  IN_TOTO_PAYLOAD_TYPE,
  preAuthenticationEncoding,
  StoredEvidence,
  verificationSummary,
} from '@waybill/plugin-scorecards-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { ReleaseKey } from '../../database/types';
import { nowOf, ScorecardsDeps } from '../deps';
import { ReleaseScorecards } from '../ReleaseScorecards';
import { AttestationKeys, AttestationPublicKey } from './attestationKeys';

/** A DSSE envelope, as `getGateAttestation` answers it. */
export interface DsseEnvelope {
  payloadType: typeof IN_TOTO_PAYLOAD_TYPE;
  payload: string;
  signatures: Array<{ keyid: string; sig: string }>;
}

/** A DSSE envelope in a Sigstore bundle v0.3, verified by a public key (no log entries). */
export interface SigstoreBundle {
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json';
  verificationMaterial: {
    publicKey: { hint: string };
    tlogEntries: [];
    timestampVerificationData: { rfc3161Timestamps: [] };
  };
  dsseEnvelope: DsseEnvelope;
}

/** The envelope as cosign and sigstore-js read it: in a bundle, its key named by the hint. */
export function sigstoreBundleOf(envelope: DsseEnvelope): SigstoreBundle {
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      publicKey: { hint: envelope.signatures[0].keyid },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: envelope,
  };
}

/**
 * Signed gate decisions: a release's gate for an environment as an SLSA verification summary in
 * a DSSE envelope, signed with the configured key, so that a deployment engine or an auditor can
 * check what Waybill decided without asking Waybill again.
 */
export class GateAttestations {
  constructor(
    private readonly deps: ScorecardsDeps & {
      keys: AttestationKeys;
      /** The scorecards API's external URL, which names the verifier. */
      verifierId: string;
      scorecards: ReleaseScorecards;
    },
  ) {}

  /** The public keys attestations verify with. */
  keys(): AttestationPublicKey[] {
    return this.deps.keys.list();
  }

  /** The gate's answer, now, signed; 409 when the release has nothing to attest. */
  async attest(
    key: ReleaseKey,
    environment: string,
    access: CatalogReadAccess = CatalogReadAccess.unrestricted,
  ): Promise<DsseEnvelope> {
    const gate = await this.deps.scorecards.gate(key, environment, access);
    const { signer } = this.deps.keys;
    if (!signer) {
      throw new ServiceUnavailableError(
        'Gate decisions are not signed here: no key is configured (scorecards.attestations.signingKey and keys)',
      );
    }
    const release = await this.deps.store.getRelease(key);
    if (!release) {
      throw new ConflictError(
        `No evidence has been uploaded for ${key.entityRef} ${key.version}: there is no decision to attest`,
      );
    }
    if (!release.artifactDigest) {
      throw new ConflictError(
        `${key.entityRef} ${key.version} has no artifact digest, the subject of an attestation: upload its evidence with ?artifactDigest=sha256:<hex>`,
      );
    }
    const statement = verificationSummary({
      gate,
      artifactDigest: release.artifactDigest,
      evidence: release.evidence.map(e => ({ kind: e.kind, digest: e.digest })),
      verifierId: this.deps.verifierId,
      policyDigest: this.deps.config.policyDigest,
      timeVerified: nowOf(this.deps),
      slsaBuildLevel: verifiedBuildLevel(
        release.evidence,
        release.artifactDigest,
      ),
    });
    const payload = Buffer.from(JSON.stringify(statement), 'utf8');
    const signature = signer.sign(
      preAuthenticationEncoding(IN_TOTO_PAYLOAD_TYPE, payload),
    );
    return {
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      payload: payload.toString('base64'),
      signatures: [{ keyid: signer.keyId, sig: signature.toString('base64') }],
    };
  }
}

/** The build level of provenance Waybill verified for the release's current artifact, if any. */
function verifiedBuildLevel(
  evidence: StoredEvidence[],
  artifactDigest: string,
): number | undefined {
  const provenance = evidence.find(e => e.facts.kind === 'provenance')?.facts;
  return provenance?.kind === 'provenance' &&
    provenance.subjectDigest === artifactDigest
    ? provenance.slsaBuildLevel
    : undefined;
}
