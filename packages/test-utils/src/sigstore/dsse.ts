import { sign, type KeyObject } from 'node:crypto';
import { toDSSEBundle, type BundleWithDsseEnvelope } from '@sigstore/bundle';
import { dsse } from '@sigstore/core';
import type { InTotoStatement } from './inToto';

/** The DSSE payload type of an in-toto statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/**
 * Signs the statement's DSSE pre-authentication encoding with the key (Ed25519, or ECDSA
 * over SHA-256 with a DER signature, as sigstore-js signs) and wraps the envelope in a
 * v0.3 bundle whose verification material is the certificate, or else the key hint.
 * The bundle has no transparency log entries yet.
 */
export function signedDsseBundle(
  statement: InTotoStatement,
  privateKey: KeyObject,
  key: { certificate: Buffer } | { keyHint: string },
): BundleWithDsseEnvelope {
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const signature = sign(
    privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256',
    dsse.preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload),
    privateKey,
  );
  return toDSSEBundle({
    artifact: payload,
    artifactType: IN_TOTO_PAYLOAD_TYPE,
    signature,
    ...key,
    certificateChain: false,
  });
}
