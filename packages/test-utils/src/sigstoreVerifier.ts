import { createPublicKey } from 'crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import {
  toSignedEntity,
  toTrustMaterial,
  VerificationError,
  Verifier,
} from '@sigstore/verify';

/** A Sigstore bundle as Waybill serves a signed gate decision (`?format=sigstore-bundle`). */
type SigstoreBundleJson = Parameters<typeof bundleFromJSON>[0];

/**
 * Verifies a signed gate decision with sigstore-js (`@sigstore/verify`, the verifier npm itself
 * uses), offline, trusting one public key and no transparency log, as
 * `cosign verify-blob-attestation --key ... --insecure-ignore-tlog` does. Throws when the
 * signature does not verify with that key. Not Waybill's code: the test's independent check.
 */
export function verifyWithSigstore(
  bundle: SigstoreBundleJson,
  publicKeyPem: string,
): void {
  const parsed = bundleFromJSON(bundle);
  const trust = toTrustMaterial(
    {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      certificateAuthorities: [],
      timestampAuthorities: [],
      tlogs: [],
      ctlogs: [],
    },
    () => ({ publicKey: createPublicKey(publicKeyPem), validFor: () => true }),
  );
  try {
    new Verifier(trust, {
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 0,
    }).verify(toSignedEntity(parsed));
  } catch (error) {
    if (error instanceof VerificationError) throw error;
    throw new Error(`Not a valid Sigstore bundle: ${(error as Error).message}`);
  }
}
