import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign,
} from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { Config } from '@backstage/config';

/** The algorithms a gate decision is signed with: what cosign and sigstore verify. */
export type AttestationAlgorithm = 'ed25519' | 'ecdsa-p256';

/** A public key signed gate decisions verify with, as `/attestation/keys` lists it. */
export interface AttestationPublicKey {
  keyId: string;
  algorithm: AttestationAlgorithm;
  /** SubjectPublicKeyInfo, PEM. */
  publicKey: string;
  signing: boolean;
}

/** The key that signs: its id, and a signature over bytes (Ed25519, or ECDSA P-256 DER over SHA-256). */
export interface AttestationSigner {
  keyId: string;
  sign(data: Uint8Array): Buffer;
}

const CONFIG_KEY = 'scorecards.attestations';

function algorithmOf(key: KeyObject, where: string): AttestationAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (
    key.asymmetricKeyType === 'ec' &&
    key.asymmetricKeyDetails?.namedCurve === 'prime256v1'
  ) {
    return 'ecdsa-p256';
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  throw new Error(
    `${where} is a ${key.asymmetricKeyType}${
      curve ? ` ${curve}` : ''
    } key; gate decisions are signed with Ed25519 or ECDSA P-256 keys only`,
  );
}

function parseKey<T>(where: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new Error(
      `${where} is not a PEM key that node can read: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * A new Ed25519 private key in a PEM file only its owner reads: for a local portal, whose
 * configuration opts in with `generateIfMissing` (a deployed one names a key it was given).
 */
function generateKeyFile(file: string): void {
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    { mode: 0o600, flag: 'wx' },
  );
}

/** One configured key: a private key (PEM, or a PEM file) that can sign, or a retired public key. */
function readKey(config: Config, index: number) {
  const where = `${CONFIG_KEY}.keys[${index}]`;
  const keyId = config.getString('id');
  const privatePem = config.getOptionalString('privateKey');
  const privateFile = config.getOptionalString('privateKeyFile');
  const publicPem = config.getOptionalString('publicKey');
  const given = [privatePem, privateFile, publicPem].filter(
    v => v !== undefined,
  );
  if (given.length !== 1) {
    throw new Error(
      `${where} (${keyId}) must give exactly one of privateKey, privateKeyFile or publicKey`,
    );
  }
  if (publicPem !== undefined) {
    const publicKey = parseKey(`${where}.publicKey`, () =>
      createPublicKey(publicPem),
    );
    return {
      keyId,
      algorithm: algorithmOf(publicKey, `${where}.publicKey`),
      publicKey,
    };
  }
  if (
    privateFile !== undefined &&
    config.getOptionalBoolean('generateIfMissing') &&
    !existsSync(privateFile)
  ) {
    generateKeyFile(privateFile);
  }
  const field = privatePem !== undefined ? 'privateKey' : 'privateKeyFile';
  const privateKey = parseKey(`${where}.${field}`, () =>
    createPrivateKey(privatePem ?? readFileSync(privateFile!, 'utf8')),
  );
  return {
    keyId,
    algorithm: algorithmOf(privateKey, `${where}.${field}`),
    publicKey: createPublicKey(privateKey),
    privateKey,
  };
}

/**
 * The keys of `scorecards.attestations`: one signs new gate decisions (`signingKey`), all are
 * served for verifying, so a key can be rotated out while what it signed still verifies. A
 * configuration that cannot sign as asked (an unknown `signingKey`, a signing key without its
 * private half, an RSA key, two keys with one id) fails startup, naming the setting.
 */
export class AttestationKeys {
  static fromConfig(config: Config): AttestationKeys {
    const section = config.getOptionalConfig(CONFIG_KEY);
    if (!section) return new AttestationKeys([], undefined);
    const keys = section.getConfigArray('keys').map(readKey);
    const ids = new Set<string>();
    for (const { keyId } of keys) {
      if (ids.has(keyId)) {
        throw new Error(`${CONFIG_KEY}.keys has two keys with id ${keyId}`);
      }
      ids.add(keyId);
    }
    const signingId = section.getString('signingKey');
    const signing = keys.find(k => k.keyId === signingId);
    if (!signing) {
      throw new Error(
        `${CONFIG_KEY}.signingKey names ${signingId}, which is not one of ${CONFIG_KEY}.keys (${[
          ...ids,
        ].join(', ')})`,
      );
    }
    if (!signing.privateKey) {
      throw new Error(
        `${CONFIG_KEY}.signingKey names ${signingId}, which has a public key only; give its privateKey or privateKeyFile`,
      );
    }
    const privateKey = signing.privateKey;
    const digest = signing.algorithm === 'ed25519' ? null : 'sha256';
    return new AttestationKeys(
      keys.map(k => ({
        keyId: k.keyId,
        algorithm: k.algorithm,
        publicKey: k.publicKey.export({
          type: 'spki',
          format: 'pem',
        }) as string,
        signing: k.keyId === signingId,
      })),
      { keyId: signingId, sign: data => sign(digest, data, privateKey) },
    );
  }

  private constructor(
    private readonly publicKeys: AttestationPublicKey[],
    /** Undefined when no key is configured: nothing is signed. */
    readonly signer: AttestationSigner | undefined,
  ) {}

  /** Every configured public key, the signing one marked. */
  list(): AttestationPublicKey[] {
    return this.publicKeys;
  }
}
