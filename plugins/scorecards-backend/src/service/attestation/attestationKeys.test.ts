import fs from 'fs';
import os from 'os';
import path from 'path';
import { generateKeyPairSync, verify } from 'crypto';
import { ConfigReader } from '@backstage/config';
import { AttestationKeys } from './attestationKeys';

const keysOf = (attestations: object) =>
  AttestationKeys.fromConfig(
    new ConfigReader({ scorecards: { attestations } }),
  );

const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const p256Pem = p256.privateKey.export({ type: 'pkcs8', format: 'pem' });

describe('AttestationKeys', () => {
  it('signs nothing and lists no key without the section', () => {
    const keys = AttestationKeys.fromConfig(new ConfigReader({}));
    expect(keys.signer).toBeUndefined();
    expect(keys.list()).toEqual([]);
  });

  it('signs with ECDSA P-256 as DER over SHA-256, as cosign verifies it', () => {
    const keys = keysOf({
      signingKey: 'p256',
      keys: [{ id: 'p256', privateKey: p256Pem }],
    });
    const data = Buffer.from('DSSEv1 1 t 1 x');
    const signature = keys.signer!.sign(data);
    expect(verify('sha256', data, p256.publicKey, signature)).toBe(true);
    expect(keys.list()).toEqual([
      {
        keyId: 'p256',
        algorithm: 'ecdsa-p256',
        publicKey: p256.publicKey.export({ type: 'spki', format: 'pem' }),
        signing: true,
      },
    ]);
  });

  it('makes a local key once, readable by its owner only, when asked to', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waybill-keys-'));
    const file = path.join(dir, 'nested', 'attestation-key.pem');
    const config = {
      signingKey: 'local',
      keys: [{ id: 'local', privateKeyFile: file, generateIfMissing: true }],
    };
    const first = keysOf(config).list()[0];
    expect(first.algorithm).toBe('ed25519');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(keysOf(config).list()[0].publicKey).toBe(first.publicKey);

    // Without generateIfMissing a missing file fails startup.
    expect(() =>
      keysOf({
        signingKey: 'local',
        keys: [{ id: 'local', privateKeyFile: path.join(dir, 'absent.pem') }],
      }),
    ).toThrow(/keys\[0\]\.privateKeyFile is not a PEM key/);
  });

  it('refuses configurations it cannot sign as asked', () => {
    const ed = generateKeyPairSync('ed25519');
    const edPem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() =>
      keysOf({
        signingKey: 'a',
        keys: [
          { id: 'a', privateKey: edPem },
          { id: 'a', privateKey: p256Pem },
        ],
      }),
    ).toThrow('scorecards.attestations.keys has two keys with id a');
    expect(() =>
      keysOf({ signingKey: 'b', keys: [{ id: 'a', privateKey: edPem }] }),
    ).toThrow('signingKey names b, which is not one of');
    expect(() =>
      keysOf({
        signingKey: 'a',
        keys: [{ id: 'a', privateKey: edPem, publicKey: 'x' }],
      }),
    ).toThrow(
      'must give exactly one of privateKey, privateKeyFile or publicKey',
    );
    const p384 = generateKeyPairSync('ec', {
      namedCurve: 'secp384r1',
    }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() =>
      keysOf({ signingKey: 'a', keys: [{ id: 'a', privateKey: p384 }] }),
    ).toThrow(
      'is a ec secp384r1 key; gate decisions are signed with Ed25519 or ECDSA P-256 keys only',
    );
  });
});
