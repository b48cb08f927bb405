import { createPublicKey, KeyObject } from 'crypto';
import { readFileSync } from 'fs';
import { Config } from '@backstage/config';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, TrustMaterial } from '@sigstore/verify';
import {
  PIPELINE_PROVIDERS,
  PipelineProvider,
} from '@waybill/plugin-waybill-node';

const CONFIG_KEY = 'scorecards.trust';

const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot';

/** An SLSA v1 build level a signer can vouch for. */
export type BuildLevel = 1 | 2 | 3;

/** A public key evidence may be signed with, and the build level its provenance counts for. */
export interface TrustedKey {
  id: string;
  key: KeyObject;
  buildLevel: BuildLevel;
}

/**
 * A certificate identity Sigstore evidence may be signed with: the OIDC issuer exactly, and the
 * subject (the certificate's SAN) by a pattern in which `{repository}` stands for the entity's
 * repository, as its `provider` annotation names it.
 */
export interface TrustedIdentity {
  issuer: string;
  subjectPattern: string;
  provider?: PipelineProvider;
  buildLevel: BuildLevel;
}

/** A Sigstore trusted root (Fulcio CAs, Rekor and CT logs) and the identities it may vouch for. */
export interface TrustedSigstore {
  material: TrustMaterial;
  identities: TrustedIdentity[];
  tlogThreshold: number;
  ctlogThreshold: number;
}

function readBuildLevel(config: Config, where: string): BuildLevel {
  const level = config.getOptionalNumber('buildLevel') ?? 2;
  if (level !== 1 && level !== 2 && level !== 3) {
    throw new Error(`${where}.buildLevel must be 1, 2 or 3; got ${level}`);
  }
  return level;
}

/** Exactly one of `inline` and `file`, read as text; `what` names the pair for the error. */
function readInlineOrFile(config: Config, inline: string, file: string) {
  const text = config.getOptionalString(inline);
  const path = config.getOptionalString(file);
  if ((text === undefined) === (path === undefined)) {
    return { error: `exactly one of ${inline} or ${file}` } as const;
  }
  return { text: text ?? readFileSync(path!, 'utf8') } as const;
}

function readKey(config: Config, index: number): TrustedKey {
  const where = `${CONFIG_KEY}.keys[${index}]`;
  const id = config.getString('id');
  const pem = readInlineOrFile(config, 'publicKey', 'publicKeyFile');
  if ('error' in pem)
    throw new Error(`${where} (${id}) must give ${pem.error}`);
  let key: KeyObject;
  try {
    key = createPublicKey(pem.text);
  } catch (error) {
    throw new Error(
      `${where} (${id}) is not a PEM public key that node can read: ${
        (error as Error).message
      }`,
    );
  }
  return { id, key, buildLevel: readBuildLevel(config, where) };
}

function readIdentity(config: Config, index: number): TrustedIdentity {
  const where = `${CONFIG_KEY}.sigstore.identities[${index}]`;
  const subjectPattern = config.getString('subjectPattern');
  const provider = config.getOptionalString('provider');
  if (
    provider !== undefined &&
    !(PIPELINE_PROVIDERS as readonly string[]).includes(provider)
  ) {
    throw new Error(
      `${where}.provider must be one of ${PIPELINE_PROVIDERS.join(
        ', ',
      )}; got ${provider}`,
    );
  }
  if (subjectPattern.includes('{repository}') && provider === undefined) {
    throw new Error(
      `${where}.subjectPattern uses {repository}; say whose repository with provider (${PIPELINE_PROVIDERS.join(
        ' or ',
      )})`,
    );
  }
  try {
    RegExp(subjectPattern.replaceAll('{repository}', 'x'));
  } catch (error) {
    throw new Error(
      `${where}.subjectPattern is not a regular expression: ${
        (error as Error).message
      }`,
    );
  }
  return {
    issuer: config.getString('issuer'),
    subjectPattern,
    provider: provider as PipelineProvider | undefined,
    buildLevel: readBuildLevel(config, where),
  };
}

function readThreshold(config: Config, key: string): number {
  const value = config.getOptionalNumber(key) ?? 1;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `${CONFIG_KEY}.sigstore.${key} must be a whole number, at least 0; got ${value}`,
    );
  }
  return value;
}

function readSigstore(config: Config): TrustedSigstore {
  const where = `${CONFIG_KEY}.sigstore`;
  const root = readInlineOrFile(config, 'trustedRoot', 'trustedRootFile');
  if ('error' in root) throw new Error(`${where} must give ${root.error}`);
  let material: TrustMaterial;
  try {
    const trustedRoot = TrustedRoot.fromJSON(JSON.parse(root.text));
    if (!trustedRoot.mediaType.startsWith(TRUSTED_ROOT_MEDIA_TYPE)) {
      throw new Error(
        `its mediaType is ${JSON.stringify(
          trustedRoot.mediaType,
        )}, not ${TRUSTED_ROOT_MEDIA_TYPE}`,
      );
    }
    if (trustedRoot.certificateAuthorities.length === 0) {
      throw new Error('it names no certificate authority');
    }
    material = toTrustMaterial(trustedRoot);
  } catch (error) {
    throw new Error(
      `${where}: the trusted root is not a Sigstore trusted-root JSON document: ${
        (error as Error).message
      }`,
    );
  }
  const identities = config.getConfigArray('identities').map(readIdentity);
  if (identities.length === 0) {
    throw new Error(
      `${where}.identities is empty: name the certificate identities evidence may be signed by`,
    );
  }
  return {
    material,
    identities,
    tlogThreshold: readThreshold(config, 'tlogThreshold'),
    ctlogThreshold: readThreshold(config, 'ctlogThreshold'),
  };
}

/**
 * Who Waybill believes when it verifies signature and provenance evidence (`scorecards.trust`):
 * public keys by id, and a Sigstore trusted root with the certificate identities it may vouch
 * for. Without any, no signature or provenance evidence can be accepted. A setting that cannot
 * be read fails startup, naming it.
 */
export class EvidenceTrust {
  static fromConfig(config: Config): EvidenceTrust {
    const section = config.getOptionalConfig(CONFIG_KEY);
    const keys = section?.getOptionalConfigArray('keys')?.map(readKey) ?? [];
    const ids = new Set<string>();
    for (const { id } of keys) {
      if (ids.has(id)) {
        throw new Error(`${CONFIG_KEY}.keys has two keys with id ${id}`);
      }
      ids.add(id);
    }
    const sigstore = section?.getOptionalConfig('sigstore');
    return new EvidenceTrust(
      new Map(keys.map(k => [k.id, k])),
      sigstore ? readSigstore(sigstore) : undefined,
    );
  }

  constructor(
    readonly keys: ReadonlyMap<string, TrustedKey>,
    readonly sigstore: TrustedSigstore | undefined,
  ) {}

  /** Whether anything is trusted at all. */
  get configured(): boolean {
    return this.keys.size > 0 || this.sigstore !== undefined;
  }
}
