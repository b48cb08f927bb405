import { InputError } from '@backstage/errors';
import {
  Bundle,
  bundleFromJSON,
  isBundleWithDsseEnvelope,
  isBundleWithPublicKey,
} from '@sigstore/bundle';
import {
  Signer,
  toSignedEntity,
  toTrustMaterial,
  Verifier,
} from '@sigstore/verify';
import {
  EvidenceSigner,
  ProvenanceFacts,
  SignatureFacts,
} from '@waybill/plugin-scorecards-common';
import { isJsonObject, parseJson } from '../json';
import { BuildLevel, EvidenceTrust, TrustedIdentity } from './EvidenceTrust';
import {
  readProvenance,
  readStatement,
  repositoryPath,
  requireSubject,
} from './inTotoStatement';

/** What signature or provenance evidence is checked against. */
export interface SupplyChainUpload {
  kind: 'signature' | 'provenance';
  format: 'sigstore-bundle' | 'dsse-envelope';
  body: string;
  /** The release's artifact digest, `sha256:<hex>`; without it nothing can be checked. */
  artifactDigest: string | undefined;
  /** The entity's repository per provider, from its project-slug annotations. */
  repositories: Partial<Record<'github' | 'gitlab', string>>;
}

/** A trust material of keys only: no certificate authority, log or timestamp authority. */
const EMPTY_ROOT = {
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  certificateAuthorities: [],
  timestampAuthorities: [],
  tlogs: [],
  ctlogs: [],
};

/** A bare DSSE envelope as a bundle verified by the configured key its signature names. */
function envelopeBundle(document: unknown, trust: EvidenceTrust): Bundle {
  if (!isJsonObject(document) || !Array.isArray(document.signatures)) {
    throw new InputError(
      'A DSSE envelope needs payloadType, payload and signatures',
    );
  }
  const signatures = document.signatures as Array<{ keyid?: unknown }>;
  const signature = signatures.find(
    s => typeof s.keyid === 'string' && trust.keys.has(s.keyid),
  );
  if (!signature) {
    const named = signatures
      .map(s => (typeof s.keyid === 'string' ? s.keyid : '(no keyid)'))
      .join(', ');
    throw new InputError(
      `The DSSE envelope is signed by ${
        named || 'no one'
      }; none of them is a key of scorecards.trust.keys`,
    );
  }
  return parseBundle({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      publicKey: { hint: signature.keyid },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: { ...document, signatures: [signature] },
  });
}

function parseBundle(document: unknown): Bundle {
  try {
    return bundleFromJSON(document);
  } catch (error) {
    throw new InputError(
      `Not a valid Sigstore bundle: ${(error as Error).message}`,
    );
  }
}

/** Verifies with sigstore-js; a signature that does not verify is bad input, named as such. */
function verified(verify: () => Signer): Signer {
  try {
    return verify();
  } catch (error) {
    throw new InputError(
      `The signature does not verify: ${(error as Error).message}`,
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The configured identity a certificate's SAN and issuer fit, for this entity's repository. */
function matchIdentity(
  identities: TrustedIdentity[],
  signer: Signer,
  repositories: SupplyChainUpload['repositories'],
): TrustedIdentity {
  const san = signer.identity?.subjectAlternativeName ?? '';
  const issuer = signer.identity?.extensions?.issuer ?? '';
  const match = identities.find(identity => {
    if (identity.issuer !== issuer) return false;
    let pattern = identity.subjectPattern;
    if (pattern.includes('{repository}')) {
      const repository = repositories[identity.provider!];
      if (!repository) return false;
      pattern = pattern.replaceAll('{repository}', escapeRegExp(repository));
    }
    return new RegExp(pattern).test(san);
  });
  if (!match) {
    const known = Object.values(repositories).join(', ') || 'none';
    throw new InputError(
      `The signing certificate's identity ${JSON.stringify(
        san,
      )} (issuer ${JSON.stringify(
        issuer,
      )}) is not one scorecards.trust.sigstore.identities trusts for this entity (its repositories: ${known})`,
    );
  }
  return match;
}

/** Verifies the bundle's signature against the trust, and says who signed and what it vouches. */
function verifySigner(
  bundle: Bundle,
  trust: EvidenceTrust,
  repositories: SupplyChainUpload['repositories'],
): { signer: EvidenceSigner; buildLevel: BuildLevel } {
  const entity = toSignedEntity(bundle);
  if (isBundleWithPublicKey(bundle)) {
    const keyId = bundle.verificationMaterial.content.publicKey.hint;
    const trusted = trust.keys.get(keyId);
    if (!trusted) {
      throw new InputError(
        `The bundle is signed with key ${JSON.stringify(
          keyId,
        )}, which scorecards.trust.keys does not list`,
      );
    }
    const material = toTrustMaterial(EMPTY_ROOT, () => ({
      publicKey: trusted.key,
      validFor: () => true,
    }));
    verified(() =>
      new Verifier(material, {
        tlogThreshold: 0,
        ctlogThreshold: 0,
        timestampThreshold: 0,
      }).verify(entity),
    );
    return {
      signer: { kind: 'key', keyId, identity: null, issuer: null },
      buildLevel: trusted.buildLevel,
    };
  }
  const sigstore = trust.sigstore;
  if (!sigstore) {
    throw new InputError(
      'The bundle is signed with a Sigstore certificate, but no Sigstore trusted root is configured (scorecards.trust.sigstore)',
    );
  }
  const signer = verified(() =>
    new Verifier(sigstore.material, {
      tlogThreshold: sigstore.tlogThreshold,
      ctlogThreshold: sigstore.ctlogThreshold,
    }).verify(entity),
  );
  const identity = matchIdentity(sigstore.identities, signer, repositories);
  return {
    signer: {
      kind: 'certificate',
      keyId: null,
      identity: signer.identity?.subjectAlternativeName ?? null,
      issuer: identity.issuer,
    },
    buildLevel: identity.buildLevel,
  };
}

/** When a transparency log first recorded the signature, if one did. */
function signedAt(bundle: Bundle): string | null {
  const times = bundle.verificationMaterial.tlogEntries
    .map(entry => Number(entry.integratedTime))
    .filter(t => Number.isFinite(t) && t > 0);
  return times.length
    ? new Date(Math.min(...times) * 1000).toISOString()
    : null;
}

/**
 * Verifies signature or provenance evidence itself, so the policy decides from what Waybill
 * established and not from what the pipeline says: the bundle (or bare DSSE envelope) must be
 * signed by a trusted key or Sigstore identity (for certificates: with the configured
 * transparency-log and CT-log evidence), hold an in-toto Statement whose subject is the release's
 * artifact and, for provenance, SLSA provenance v1 of this entity's repository. Anything it
 * cannot establish is refused with an InputError that names what failed; nothing partial is
 * returned.
 */
export function verifySupplyChainEvidence(
  upload: SupplyChainUpload,
  trust: EvidenceTrust,
): SignatureFacts | ProvenanceFacts {
  const { kind, format, artifactDigest, repositories } = upload;
  if (!trust.configured) {
    throw new InputError(
      `${kind} evidence cannot be verified: nothing is trusted yet (configure scorecards.trust with public keys or a Sigstore trusted root)`,
    );
  }
  if (!artifactDigest) {
    throw new InputError(
      `${kind} evidence needs the release's artifact digest to check what was signed: pass artifactDigest=sha256:<hex> with this upload or an earlier one`,
    );
  }
  const document = parseJson(`The ${format}`, upload.body);
  const bundle =
    format === 'dsse-envelope'
      ? envelopeBundle(document, trust)
      : parseBundle(document);
  if (!isBundleWithDsseEnvelope(bundle)) {
    throw new InputError(
      'The bundle holds a message signature, which signs a file Waybill does not have; upload an attestation bundle instead (cosign attest-blob --new-bundle-format, actions/attest-build-provenance)',
    );
  }
  const { signer, buildLevel } = verifySigner(bundle, trust, repositories);
  const envelope = bundle.content.dsseEnvelope;
  const statement = readStatement(envelope.payloadType, envelope.payload);
  requireSubject(statement, artifactDigest);
  const common = {
    format,
    subjectDigest: artifactDigest,
    signer,
    signedAt: signedAt(bundle),
  };
  if (kind === 'signature') {
    return {
      kind,
      ...common,
      predicateType: statement.predicateType,
    };
  }
  const provenance = readProvenance(statement);
  const built = provenance.sourceRepository
    ? repositoryPath(provenance.sourceRepository)
    : undefined;
  const own = Object.values(repositories).map(r => r.toLowerCase());
  if (built !== undefined && own.length > 0 && !own.includes(built)) {
    throw new InputError(
      `The provenance says ${
        provenance.sourceRepository
      } was built, but the entity's repository is ${own.join(' or ')}`,
    );
  }
  return {
    kind,
    ...common,
    ...provenance,
    slsaBuildLevel: buildLevel,
  };
}
