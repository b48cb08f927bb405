import { createHash, createPrivateKey, createPublicKey, sign } from 'crypto';
import {
  IN_TOTO_PAYLOAD_TYPE,
  preAuthenticationEncoding,
} from '@waybill/plugin-scorecards-common';

/** The SLSA build level a demo release's provenance is signed for. */
export type DemoBuildLevel = 1 | 2 | 3;

/** PKCS#8 DER of an Ed25519 private key, up to its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from(
  '302e020100300506032b657004220420',
  'hex',
);

/**
 * The demo's signers, one per build level, as app-config.yaml trusts them
 * (`scorecards.trust.keys`): a self-hosted runner (1), the hosted CI (2), the SLSA generator
 * (3). Their keys are derived from their names, so the demo needs no key files; they sign
 * nothing but demo releases, and no deployed configuration trusts them.
 */
export const DEMO_SIGNERS: Record<DemoBuildLevel, string> = {
  1: 'waybill-demo-self-hosted-runner',
  2: 'waybill-demo-hosted-ci',
  3: 'waybill-demo-slsa-generator',
};

function privateKeyOf(keyId: string) {
  const seed = createHash('sha256').update(keyId).digest();
  return createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

/** A demo signer's public key, PEM, as app-config.yaml lists it. */
export function demoPublicKey(keyId: string): string {
  return createPublicKey(privateKeyOf(keyId))
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

/**
 * An in-toto statement signed by a demo signer, as a Sigstore bundle v0.3 verified by its key
 * (what `cosign attest-blob --key ... --new-bundle-format` writes, without a log entry).
 */
export function signDemoStatement(keyId: string, statement: object): string {
  const payload = Buffer.from(JSON.stringify(statement));
  const sig = sign(
    null,
    preAuthenticationEncoding(IN_TOTO_PAYLOAD_TYPE, payload),
    privateKeyOf(keyId),
  );
  return JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: keyId } },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      signatures: [{ sig: sig.toString('base64'), keyid: keyId }],
    },
  });
}
