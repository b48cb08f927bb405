import { createHash } from 'node:crypto';
import {
  envelopeToJSON,
  type Envelope,
  type TransparencyLogEntry,
} from '@sigstore/bundle';
import { pem } from '@sigstore/core';

/** One entry as Rekor v1 answers `POST /api/v1/log/entries`, keyed by its UUID. */
export type RekorLogEntry = Record<
  string,
  {
    body: string;
    integratedTime: number;
    logID: string;
    logIndex: number;
    verification: {
      signedEntryTimestamp: string;
      inclusionProof: {
        logIndex: number;
        treeSize: number;
        rootHash: string;
        hashes: string[];
        checkpoint: string;
      };
    };
  }
>;

const sha256Hex = (data: Buffer | string) =>
  createHash('sha256').update(data).digest('hex');

/**
 * The body Rekor stores for a `dsse` v0.0.1 entry (what it canonicalizes, signs in the SET
 * and hashes into the tree): hashes of the envelope and payload, and the signature with
 * its verifier (the base64 of the signing certificate's PEM).
 */
export function dsseEntryBody(envelope: Envelope, certificate: Buffer) {
  const envelopeJson = JSON.stringify(envelopeToJSON(envelope));
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256Hex(envelopeJson) },
      payloadHash: {
        algorithm: 'sha256',
        value: sha256Hex(envelope.payload),
      },
      signatures: envelope.signatures.map(({ sig }) => ({
        signature: sig.toString('base64'),
        verifier: Buffer.from(pem.fromDER(certificate)).toString('base64'),
      })),
    },
  };
}

/**
 * Turns Rekor's answer into the bundle's transparency log entry, with the inclusion
 * promise (SET) and the inclusion proof, as `@sigstore/sign`'s RekorWitness does.
 */
export function toTransparencyLogEntry(
  logEntry: RekorLogEntry,
): TransparencyLogEntry {
  const [entry] = Object.values(logEntry);
  const body = Buffer.from(entry.body, 'base64');
  const { kind, apiVersion } = JSON.parse(body.toString('utf8'));
  const proof = entry.verification.inclusionProof;
  return {
    logIndex: entry.logIndex.toString(),
    logId: { keyId: Buffer.from(entry.logID, 'hex') },
    integratedTime: entry.integratedTime.toString(),
    kindVersion: { kind, version: apiVersion },
    inclusionPromise: {
      signedEntryTimestamp: Buffer.from(
        entry.verification.signedEntryTimestamp,
        'base64',
      ),
    },
    inclusionProof: {
      logIndex: proof.logIndex.toString(),
      treeSize: proof.treeSize.toString(),
      rootHash: Buffer.from(proof.rootHash, 'hex'),
      hashes: proof.hashes.map(hash => Buffer.from(hash, 'hex')),
      checkpoint: { envelope: proof.checkpoint },
    },
    canonicalizedBody: body,
  };
}
