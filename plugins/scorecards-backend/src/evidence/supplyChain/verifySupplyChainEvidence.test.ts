import { ConfigReader, JsonValue } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  createSigningKey,
  createSigstoreAuthority,
  inTotoStatement,
  slsaProvenance,
  SigstoreAuthority,
} from '@waybill/test-utils';
import { EvidenceTrust } from './EvidenceTrust';
import {
  SupplyChainUpload,
  verifySupplyChainEvidence,
} from './verifySupplyChainEvidence';

const ARTIFACT = 'ab'.repeat(32);
const DIGEST = `sha256:${ARTIFACT}`;
const REPOSITORY = 'acme/inventory';
const GITHUB = 'https://token.actions.githubusercontent.com';
const WORKFLOW = `https://github.com/${REPOSITORY}/.github/workflows/release.yml@refs/heads/main`;

const provenanceOf = (
  options: { sha256?: string; repository?: string; builderId?: string } = {},
) =>
  slsaProvenance({
    artifactName: 'ghcr.io/acme/inventory',
    sha256: options.sha256 ?? ARTIFACT,
    builderId:
      options.builderId ?? 'https://github.com/actions/runner/github-hosted',
    repository: options.repository ?? REPOSITORY,
    commit: 'c0ffee'.padEnd(40, '0'),
  });

const releaseKey = createSigningKey({
  algorithm: 'ecdsa-p256',
  keyId: 'release-signer',
});
const strangerKey = createSigningKey({
  algorithm: 'ed25519',
  keyId: 'release-signer',
});

let authority: SigstoreAuthority;
let otherAuthority: SigstoreAuthority;
beforeAll(async () => {
  authority = await createSigstoreAuthority();
  otherAuthority = await createSigstoreAuthority();
});

/** Trust as an operator configures it: the release key, and keyless GitHub workflows of the entity's repository. */
function trust(root = authority.trustedRoot) {
  return EvidenceTrust.fromConfig(
    new ConfigReader({
      scorecards: {
        trust: {
          keys: [{ id: 'release-signer', publicKey: releaseKey.publicKeyPem }],
          sigstore: {
            trustedRoot: JSON.stringify(root),
            identities: [
              {
                issuer: GITHUB,
                subjectPattern:
                  '^https://github\\.com/{repository}/\\.github/workflows/',
                provider: 'github',
              },
              {
                issuer: GITHUB,
                subjectPattern:
                  '^https://github\\.com/slsa-framework/slsa-github-generator/\\.github/workflows/generator_generic_slsa3\\.yml@refs/tags/v2\\.',
                buildLevel: 3,
              },
            ],
          },
        },
      },
    }),
  );
}

function verify(
  body: unknown,
  overrides: Partial<SupplyChainUpload> = {},
  trusted = trust(),
) {
  return verifySupplyChainEvidence(
    {
      kind: 'provenance',
      format: 'sigstore-bundle',
      body: JSON.stringify(body),
      artifactDigest: DIGEST,
      repositories: { github: REPOSITORY },
      ...overrides,
    },
    trusted,
  );
}

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('verifySupplyChainEvidence', () => {
  it('verifies keyless provenance from the entity’s own workflow, at the build level its identity vouches for', async () => {
    const bundle = await authority.signKeyless(provenanceOf(), {
      subjectAlternativeName: WORKFLOW,
      issuer: GITHUB,
    });
    expect(verify(bundle)).toEqual({
      kind: 'provenance',
      format: 'sigstore-bundle',
      subjectDigest: DIGEST,
      signer: {
        kind: 'certificate',
        keyId: null,
        identity: WORKFLOW,
        issuer: GITHUB,
      },
      signedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      builderId: 'https://github.com/actions/runner/github-hosted',
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      sourceRepository: `https://github.com/${REPOSITORY}`,
      slsaBuildLevel: 2,
    });
  });

  it('gives build level 3 only to the identity configured for it (the isolated SLSA generator)', async () => {
    const generator =
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0';
    const bundle = await authority.signKeyless(
      provenanceOf({ builderId: generator }),
      { subjectAlternativeName: generator, issuer: GITHUB },
    );
    expect(verify(bundle)).toMatchObject({ slsaBuildLevel: 3 });
  });

  it('verifies a key-signed bundle and a bare DSSE envelope as signatures, without a log', () => {
    const statement = inTotoStatement({
      subjects: [{ name: 'inventory', digest: { sha256: ARTIFACT } }],
      predicateType: 'https://cosign.sigstore.dev/attestation/v1',
      predicate: { Data: 'signed by the release signer' },
    });
    const signer = {
      kind: 'key',
      keyId: 'release-signer',
      identity: null,
      issuer: null,
    };
    expect(verify(releaseKey.sign(statement), { kind: 'signature' })).toEqual({
      kind: 'signature',
      format: 'sigstore-bundle',
      subjectDigest: DIGEST,
      predicateType: 'https://cosign.sigstore.dev/attestation/v1',
      signer,
      signedAt: null,
    });
    expect(
      verify(releaseKey.envelope(statement), {
        kind: 'signature',
        format: 'dsse-envelope',
      }),
    ).toMatchObject({ format: 'dsse-envelope', signer });
  });

  it('refuses a signature it cannot verify: a changed byte, a stranger’s key under a trusted id, an unknown key, another root', async () => {
    const bundle = releaseKey.sign(provenanceOf()) as any;
    const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
    payload[payload.length - 2] ^= 1;
    expect(
      refusal(() =>
        verify({
          ...bundle,
          dsseEnvelope: {
            ...bundle.dsseEnvelope,
            payload: payload.toString('base64'),
          },
        }),
      ),
    ).toMatch(/^The signature does not verify/);
    expect(refusal(() => verify(strangerKey.sign(provenanceOf())))).toMatch(
      /^The signature does not verify/,
    );
    expect(
      refusal(() =>
        verify(
          createSigningKey({ algorithm: 'ed25519', keyId: 'laptop' }).sign(
            provenanceOf(),
          ),
        ),
      ),
    ).toBe(
      'The bundle is signed with key "laptop", which scorecards.trust.keys does not list',
    );
    const foreign = await otherAuthority.signKeyless(provenanceOf(), {
      subjectAlternativeName: WORKFLOW,
      issuer: GITHUB,
    });
    expect(refusal(() => verify(foreign))).toMatch(
      /^The signature does not verify: .*certificate chain/,
    );
  });

  it('refuses a certificate identity it does not trust for this entity', async () => {
    const elsewhere = await authority.signKeyless(provenanceOf(), {
      subjectAlternativeName:
        'https://github.com/mallory/inventory/.github/workflows/release.yml@refs/heads/main',
      issuer: GITHUB,
    });
    expect(refusal(() => verify(elsewhere))).toBe(
      'The signing certificate\'s identity "https://github.com/mallory/inventory/.github/workflows/release.yml@refs/heads/main" (issuer "https://token.actions.githubusercontent.com") is not one scorecards.trust.sigstore.identities trusts for this entity (its repositories: acme/inventory)',
    );
    const otherIssuer = await authority.signKeyless(provenanceOf(), {
      subjectAlternativeName: WORKFLOW,
      issuer: 'https://accounts.example.com',
    });
    expect(refusal(() => verify(otherIssuer))).toMatch(
      /^The signing certificate's identity .* is not one/,
    );
    const own = await authority.signKeyless(provenanceOf(), {
      subjectAlternativeName: WORKFLOW,
      issuer: GITHUB,
    });
    expect(refusal(() => verify(own, { repositories: {} }))).toMatch(
      /its repositories: none\)$/,
    );
  });

  it('refuses a statement about another artifact, and provenance of another repository', async () => {
    expect(
      refusal(() =>
        verify(releaseKey.sign(provenanceOf({ sha256: 'cd'.repeat(32) }))),
      ),
    ).toBe(
      `The statement is signed for sha256:${'cd'.repeat(
        32,
      )}, not for the release's artifact ${DIGEST}`,
    );
    expect(
      refusal(() =>
        verify(releaseKey.sign(provenanceOf({ repository: 'acme/billing' }))),
      ),
    ).toBe(
      "The provenance says https://github.com/acme/billing was built, but the entity's repository is acme/inventory",
    );
  });

  it('refuses provenance that is not SLSA provenance v1', () => {
    const statement = inTotoStatement({
      subjects: [{ name: 'inventory', digest: { sha256: ARTIFACT } }],
      predicateType: 'https://slsa.dev/provenance/v0.2',
      predicate: {},
    });
    expect(refusal(() => verify(releaseKey.sign(statement)))).toBe(
      "provenance evidence must be SLSA provenance v1 (predicateType https://slsa.dev/provenance/v1); the statement's is https://slsa.dev/provenance/v0.2",
    );
  });

  it('refuses what it has nothing to check against: no artifact digest, no trust', () => {
    const bundle = releaseKey.sign(provenanceOf());
    expect(
      refusal(() => verify(bundle, { artifactDigest: undefined })),
    ).toMatch(/^provenance evidence needs the release's artifact digest/);
    expect(
      refusal(() =>
        verify(bundle, {}, EvidenceTrust.fromConfig(new ConfigReader({}))),
      ),
    ).toMatch(/^provenance evidence cannot be verified: nothing is trusted/);
  });

  it('refuses a message-signature bundle, whose signed file Waybill does not hold', () => {
    const bundle = releaseKey.sign(provenanceOf()) as any;
    const { dsseEnvelope: _envelope, ...rest } = bundle;
    expect(
      refusal(() =>
        verify(
          {
            ...rest,
            messageSignature: {
              messageDigest: {
                algorithm: 'SHA2_256',
                digest: Buffer.from(ARTIFACT, 'hex').toString('base64'),
              },
              signature: bundle.dsseEnvelope.signatures[0].sig,
            },
          },
          { kind: 'signature' },
        ),
      ),
    ).toMatch(/^The bundle holds a message signature/);
  });

  it('refuses a bare envelope signed by no trusted key, and malformed bundles', () => {
    expect(
      refusal(() =>
        verify(strangerKey.envelope(provenanceOf()), {
          format: 'dsse-envelope',
        }),
      ),
    ).toMatch(/^The signature does not verify/);
    expect(
      refusal(() =>
        verify(
          createSigningKey({ algorithm: 'ed25519', keyId: 'laptop' }).envelope(
            provenanceOf(),
          ),
          { format: 'dsse-envelope' },
        ),
      ),
    ).toBe(
      'The DSSE envelope is signed by laptop; none of them is a key of scorecards.trust.keys',
    );
    expect(
      refusal(() =>
        verify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }),
      ),
    ).toMatch(/^Not a valid Sigstore bundle/);
  });
});

describe('EvidenceTrust.fromConfig', () => {
  const fromTrust = (value: JsonValue) => () =>
    EvidenceTrust.fromConfig(
      new ConfigReader({ scorecards: { trust: value } }),
    );

  it('fails startup naming the setting it cannot use', () => {
    expect(fromTrust({ keys: [{ id: 'a', publicKey: 'not a key' }] })).toThrow(
      /^scorecards.trust.keys\[0\] \(a\) is not a PEM public key/,
    );
    expect(fromTrust({ keys: [{ id: 'a' }] })).toThrow(
      'scorecards.trust.keys[0] (a) must give exactly one of publicKey or publicKeyFile',
    );
    expect(
      fromTrust({
        keys: [
          { id: 'a', publicKey: releaseKey.publicKeyPem },
          { id: 'a', publicKey: releaseKey.publicKeyPem },
        ],
      }),
    ).toThrow('scorecards.trust.keys has two keys with id a');
    expect(
      fromTrust({
        keys: [{ id: 'a', publicKey: releaseKey.publicKeyPem, buildLevel: 4 }],
      }),
    ).toThrow('scorecards.trust.keys[0].buildLevel must be 1, 2 or 3; got 4');
    const sigstore = (identity: object) =>
      fromTrust({
        sigstore: {
          trustedRoot: JSON.stringify(authority.trustedRoot),
          identities: [{ issuer: GITHUB, ...identity }],
        },
      });
    expect(
      sigstore({ subjectPattern: '^https://github\\.com/{repository}/' }),
    ).toThrow(
      'scorecards.trust.sigstore.identities[0].subjectPattern uses {repository}; say whose repository with provider (github or gitlab)',
    );
    expect(sigstore({ subjectPattern: '(' })).toThrow(
      /^scorecards.trust.sigstore.identities\[0\].subjectPattern is not a regular expression/,
    );
    expect(
      fromTrust({
        sigstore: { trustedRoot: '{"tlogs": 7}', identities: [] },
      }),
    ).toThrow(/^scorecards.trust.sigstore: the trusted root is not/);
  });
});
