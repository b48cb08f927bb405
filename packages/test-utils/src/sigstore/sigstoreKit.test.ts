import { createPublicKey } from 'node:crypto';
import {
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  type SerializedBundle,
  type SerializedEnvelope,
} from '@sigstore/bundle';
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import {
  toSignedEntity,
  toTrustMaterial,
  Verifier,
  type VerificationPolicy,
} from '@sigstore/verify';
import {
  createSigningKey,
  createSigstoreAuthority,
  IN_TOTO_PAYLOAD_TYPE,
  slsaProvenance,
  type SigningKey,
} from '.';

const statement = slsaProvenance({
  artifactName: 'inventory-1.4.2.tgz',
  sha256: 'a'.repeat(64),
  builderId: 'https://github.com/actions/runner/github-hosted',
  repository: 'acme/inventory',
  commit: 'c0ffee'.padEnd(40, '0'),
});
const identity = {
  subjectAlternativeName:
    'https://github.com/acme/inventory/.github/workflows/build.yml@refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
};
const EMPTY_ROOT = {
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  certificateAuthorities: [],
  timestampAuthorities: [],
  tlogs: [],
  ctlogs: [],
};

/** Verifies with @sigstore/verify, trusting only `key` under its key id and no log. */
function verifyWithKey(bundle: unknown, key: SigningKey) {
  const publicKey = createPublicKey(key.publicKeyPem);
  const trust = toTrustMaterial(EMPTY_ROOT, {
    [key.keyId]: {
      rawBytes: publicKey.export({ format: 'der', type: 'spki' }),
      keyDetails:
        publicKey.asymmetricKeyType === 'ed25519'
          ? PublicKeyDetails.PKIX_ED25519
          : PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
      validFor: undefined,
    },
  });
  return new Verifier(trust, {
    tlogThreshold: 0,
    ctlogThreshold: 0,
    timestampThreshold: 0,
  }).verify(toSignedEntity(bundleFromJSON(bundle)));
}

/** Verifies with @sigstore/verify against a trusted root JSON, requiring an SCT and a tlog entry. */
function verifyKeyless(
  bundle: unknown,
  trustedRoot: unknown,
  policy: VerificationPolicy,
) {
  const trust = toTrustMaterial(TrustedRoot.fromJSON(trustedRoot));
  return new Verifier(trust, {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    timestampThreshold: 0,
  }).verify(toSignedEntity(bundleFromJSON(bundle)), policy);
}

/** The bundle with the first byte of its DSSE payload changed. */
function withTamperedPayload(bundle: SerializedBundle): SerializedBundle {
  const tampered = structuredClone(bundle);
  const payload = Buffer.from(tampered.dsseEnvelope!.payload, 'base64');
  payload[0] ^= 1;
  tampered.dsseEnvelope!.payload = payload.toString('base64');
  return tampered;
}

/** A v0.3 bundle around a bare envelope signed by a key, as a verifier would wrap it. */
function bundleOfEnvelope(envelope: SerializedEnvelope) {
  return {
    mediaType: BUNDLE_V03_MEDIA_TYPE,
    verificationMaterial: {
      publicKey: { hint: envelope.signatures[0].keyid },
      tlogEntries: [],
    },
    dsseEnvelope: envelope,
  };
}

describe('slsaProvenance', () => {
  it('builds an in-toto Statement v1 with SLSA provenance v1 as GitHub writes it', () => {
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [
        { name: 'inventory-1.4.2.tgz', digest: { sha256: 'a'.repeat(64) } },
      ],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: {
          buildType: 'https://actions.github.io/buildtypes/workflow/v1',
          externalParameters: {
            workflow: { repository: 'https://github.com/acme/inventory' },
          },
        },
        runDetails: {
          builder: { id: 'https://github.com/actions/runner/github-hosted' },
        },
      },
    });
  });
});

describe.each(['ed25519', 'ecdsa-p256'] as const)(
  'createSigningKey (%s)',
  algorithm => {
    const key = createSigningKey({ algorithm });

    it('signs a v0.3 bundle with a key hint and no tlog entry that verifies with the key', () => {
      const bundle = key.sign(statement);
      expect(bundle.mediaType).toBe(BUNDLE_V03_MEDIA_TYPE);
      expect(bundle.verificationMaterial.publicKey).toEqual({
        hint: key.keyId,
      });
      expect(bundleFromJSON(bundle).verificationMaterial.tlogEntries).toEqual(
        [],
      );
      expect(bundle.dsseEnvelope?.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
      expect(
        JSON.parse(
          Buffer.from(bundle.dsseEnvelope!.payload, 'base64').toString(),
        ),
      ).toEqual(statement);
      expect(() => verifyWithKey(bundle, key)).not.toThrow();
    });

    it('fails with another key and with a changed payload byte', () => {
      const bundle = key.sign(statement);
      const other = createSigningKey({ algorithm, keyId: key.keyId });
      expect(() => verifyWithKey(bundle, other)).toThrow(
        'signature verification failed',
      );
      expect(() => verifyWithKey(withTamperedPayload(bundle), key)).toThrow(
        'signature verification failed',
      );
    });

    it('writes a bare DSSE envelope signed by the key', () => {
      const envelope = key.envelope(statement);
      expect(Object.keys(envelope).sort()).toEqual([
        'payload',
        'payloadType',
        'signatures',
      ]);
      expect(envelope.signatures).toEqual([
        { keyid: key.keyId, sig: expect.any(String) },
      ]);
      expect(() =>
        verifyWithKey(bundleOfEnvelope(envelope), key),
      ).not.toThrow();
      const other = createSigningKey({ algorithm, keyId: key.keyId });
      expect(() => verifyWithKey(bundleOfEnvelope(envelope), other)).toThrow(
        'signature verification failed',
      );
    });
  },
);

describe('createSigstoreAuthority', () => {
  let authority: Awaited<ReturnType<typeof createSigstoreAuthority>>;
  let bundle: SerializedBundle;

  beforeAll(async () => {
    authority = await createSigstoreAuthority();
    bundle = await authority.signKeyless(statement, identity);
  });

  it('signs a v0.3 bundle with a leaf certificate and one dsse tlog entry with promise and proof', () => {
    expect(bundle.mediaType).toBe(BUNDLE_V03_MEDIA_TYPE);
    expect(bundle.verificationMaterial.certificate?.rawBytes).toEqual(
      expect.any(String),
    );
    expect(bundle.verificationMaterial.tlogEntries).toEqual([
      expect.objectContaining({
        kindVersion: { kind: 'dsse', version: '0.0.1' },
        inclusionPromise: { signedEntryTimestamp: expect.any(String) },
        inclusionProof: expect.objectContaining({
          checkpoint: { envelope: expect.any(String) },
        }),
      }),
    ]);
    expect(
      TrustedRoot.toJSON(TrustedRoot.fromJSON(authority.trustedRoot)),
    ).toEqual(authority.trustedRoot);
  });

  it('verifies against its trusted root with the signing identity', () => {
    const signer = verifyKeyless(bundle, authority.trustedRoot, {
      subjectAlternativeName: identity.subjectAlternativeName,
      extensions: { issuer: identity.issuer },
    });
    expect(signer.identity).toMatchObject({
      subjectAlternativeName: identity.subjectAlternativeName,
      extensions: { issuer: identity.issuer },
    });
  });

  it('fails with a wrong SAN or a wrong issuer', () => {
    expect(() =>
      verifyKeyless(bundle, authority.trustedRoot, {
        subjectAlternativeName:
          'https://github.com/acme/other/.github/workflows/build.yml@refs/heads/main',
        extensions: { issuer: identity.issuer },
      }),
    ).toThrow('certificate identity error');
    expect(() =>
      verifyKeyless(bundle, authority.trustedRoot, {
        subjectAlternativeName: identity.subjectAlternativeName,
        extensions: { issuer: 'https://accounts.google.com' },
      }),
    ).toThrow('invalid certificate extension');
  });

  it('fails with a changed payload byte', () => {
    expect(() =>
      verifyKeyless(withTamperedPayload(bundle), authority.trustedRoot, {
        subjectAlternativeName: identity.subjectAlternativeName,
        extensions: { issuer: identity.issuer },
      }),
    ).toThrow('DSSE payload hash mismatch');
  });

  it('stamps the certificate, SCT and tlog entry at the given clock', async () => {
    const clock = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
    const later = await createSigstoreAuthority({ clock });
    const laterBundle = await later.signKeyless(statement, identity);
    expect(laterBundle.verificationMaterial.tlogEntries[0].integratedTime).toBe(
      String(clock.getTime() / 1000),
    );
    expect(() =>
      verifyKeyless(laterBundle, later.trustedRoot, {
        subjectAlternativeName: identity.subjectAlternativeName,
        extensions: { issuer: identity.issuer },
      }),
    ).not.toThrow();
  });

  it("fails against another authority's trusted root", async () => {
    const other = await createSigstoreAuthority();
    expect(() =>
      verifyKeyless(bundle, other.trustedRoot, {
        subjectAlternativeName: identity.subjectAlternativeName,
        extensions: { issuer: identity.issuer },
      }),
    ).toThrow('Failed to verify certificate chain');
  });
});
