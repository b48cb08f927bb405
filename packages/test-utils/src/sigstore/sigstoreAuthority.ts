import { createHash, generateKeyPairSync } from 'node:crypto';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { initializeCA, initializeCTLog } from '@sigstore/mock/dist/fulcio';
import { initializeTLog } from '@sigstore/mock/dist/rekor';
import {
  HashAlgorithm,
  PublicKeyDetails,
  TrustedRoot,
} from '@sigstore/protobuf-specs';
import { signedDsseBundle } from './dsse';
import type { InTotoStatement } from './inToto';
import {
  dsseEntryBody,
  toTransparencyLogEntry,
  type RekorLogEntry,
} from './rekorEntry';

const TRUSTED_ROOT_MEDIA_TYPE =
  'application/vnd.dev.sigstore.trustedroot+json;version=0.1';
const REKOR_URL = 'https://rekor.sigstore.mock';
const FULCIO_URL = 'https://fulcio.sigstore.mock';
const CTLOG_URL = 'https://ctfe.sigstore.mock';
/** Fulcio's OIDC issuer extensions: legacy raw string, and DER UTF8String. */
const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';

/** The identity Fulcio would certify from a CI job's OIDC token. */
export interface KeylessIdentity {
  /** The certificate's SAN, encoded as a URI, e.g. a GitHub workflow ref URL. */
  subjectAlternativeName: string;
  /** The OIDC issuer, e.g. `https://token.actions.githubusercontent.com`. */
  issuer: string;
}

/** A private Sigstore instance (Fulcio CA, CT log, Rekor) that lives in memory. */
export interface SigstoreAuthority {
  /** The trusted root, as `TrustedRoot.toJSON` prints it: one CA, one tlog, one CT log. */
  trustedRoot: Record<string, unknown>;
  /**
   * Signs as `actions/attest-build-provenance` does: an ephemeral P-256 key certified for
   * the identity (the certificate embeds an SCT), a DSSE envelope, and a `dsse` v0.0.1
   * Rekor entry with inclusion promise and proof. Returns the v0.3 bundle JSON.
   */
  signKeyless(
    statement: InTotoStatement,
    identity: KeylessIdentity,
  ): Promise<SerializedBundle>;
}

/**
 * Creates a Sigstore instance with fresh keys, fully offline (the `@sigstore/mock` CA, CT
 * log and Rekor are called directly). `clock` fixes the signing time (certificate
 * `notBefore`, SCT, Rekor integrated time); by default each signing uses the wall clock.
 * The mock root certificate is valid for a year from now, so a `clock` before now makes
 * bundles that do not verify.
 */
export async function createSigstoreAuthority(
  options: { clock?: Date } = {},
): Promise<SigstoreAuthority> {
  const { clock } = options;
  const ctLog = await initializeCTLog(ecKeyPair(), clock);
  const ca = await initializeCA(ecKeyPair(), ctLog, clock);
  const tlog = await initializeTLog(REKOR_URL, ecKeyPair(), clock);
  const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  const logKey = (publicKey: Buffer) => ({
    rawBytes: publicKey,
    keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
    validFor: { start },
  });
  const trustedRoot = TrustedRoot.toJSON({
    mediaType: TRUSTED_ROOT_MEDIA_TYPE,
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: FULCIO_URL,
        certChain: {
          certificates: [{ rawBytes: toBuffer(ca.rootCertificate) }],
        },
        validFor: { start },
        operator: 'sigstore.mock',
      },
    ],
    tlogs: [
      {
        baseUrl: REKOR_URL,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: logKey(tlog.publicKey),
        logId: {
          keyId: createHash('sha256').update(tlog.publicKey).digest(),
        },
        checkpointKeyId: undefined,
        operator: 'sigstore.mock',
      },
    ],
    ctlogs: [
      {
        baseUrl: CTLOG_URL,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: logKey(ctLog.publicKey),
        logId: { keyId: toBuffer(ctLog.logID) },
        checkpointKeyId: undefined,
        operator: 'sigstore.mock',
      },
    ],
    timestampAuthorities: [],
  }) as Record<string, unknown>;

  return {
    trustedRoot,
    async signKeyless(statement, identity) {
      const signer = ecKeyPair();
      const certificate = toBuffer(
        await ca.issueCertificate({
          publicKey: signer.publicKey.export({ format: 'der', type: 'spki' }),
          subjectAltName: identity.subjectAlternativeName,
          extensions: [
            { oid: OID_ISSUER_V1, value: identity.issuer, legacy: true },
            { oid: OID_ISSUER_V2, value: identity.issuer },
          ],
        }),
      );
      const bundle = signedDsseBundle(statement, signer.privateKey, {
        certificate,
      });
      const logEntry: RekorLogEntry = await tlog.log(
        dsseEntryBody(bundle.content.dsseEnvelope, certificate),
      );
      bundle.verificationMaterial.tlogEntries.push(
        toTransparencyLogEntry(logEntry),
      );
      return bundleToJSON(bundle);
    },
  };
}

function ecKeyPair() {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

function toBuffer(view: ArrayBufferView) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
