import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  bundleToJSON,
  envelopeToJSON,
  type SerializedBundle,
  type SerializedEnvelope,
} from '@sigstore/bundle';
import { signedDsseBundle } from './dsse';
import type { InTotoStatement } from './inToto';

/** A key pair that signs in-toto statements as `cosign attest-blob --key` does, offline. */
export interface SigningKey {
  /** The hint the bundles and envelopes carry (`publicKey.hint`, `signatures[].keyid`). */
  keyId: string;
  /** The public key, SPKI PEM, as a trust set lists it. */
  publicKeyPem: string;
  /** A v0.3 bundle: `publicKey` hint, DSSE envelope, no transparency log entry. */
  sign(statement: InTotoStatement): SerializedBundle;
  /** The bare DSSE envelope `{ payloadType, payload, signatures: [{ keyid, sig }] }`. */
  envelope(statement: InTotoStatement): SerializedEnvelope;
}

/**
 * Creates a fresh key pair for signing test attestations. The key id defaults to the
 * base64 SHA-256 of the DER public key.
 */
export function createSigningKey(options: {
  algorithm: 'ed25519' | 'ecdsa-p256';
  keyId?: string;
}): SigningKey {
  const { privateKey, publicKey } =
    options.algorithm === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyId =
    options.keyId ??
    createHash('sha256')
      .update(publicKey.export({ format: 'der', type: 'spki' }))
      .digest('base64');
  const bundle = (statement: InTotoStatement) =>
    signedDsseBundle(statement, privateKey, { keyHint: keyId });
  return {
    keyId,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: statement => bundleToJSON(bundle(statement)),
    envelope: statement =>
      envelopeToJSON(bundle(statement).content.dsseEnvelope),
  };
}
