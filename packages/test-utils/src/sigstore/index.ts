/** An offline Sigstore signing kit for tests: statements, key-signed and keyless bundles. */
export {
  inTotoStatement,
  IN_TOTO_STATEMENT_TYPE,
  SLSA_PROVENANCE_V1,
  slsaProvenance,
} from './inToto';
export type {
  InTotoStatement,
  InTotoSubject,
  SlsaProvenanceOptions,
} from './inToto';
export { IN_TOTO_PAYLOAD_TYPE } from './dsse';
export { createSigningKey } from './signingKey';
export type { SigningKey } from './signingKey';
export { createSigstoreAuthority } from './sigstoreAuthority';
export type { KeylessIdentity, SigstoreAuthority } from './sigstoreAuthority';
