/**
 * Release scorecards for Backstage: evidence types, the policy model and scoring engine, DORA
 * figures and permissions, shared by the scorecards backend, frontend and CI callers.
 *
 * @packageDocumentation
 */

export * from './evidence';
export * from './sbom';
export * from './policy';
export * from './dora';
export * from './permissions';
export * from './client';
export * from './attestation';
export * from './signals';
export * from './search';
export {
  ScorecardsApiClient,
  type ScorecardsEndpointMap,
  type ScorecardsOperations,
  type ScorecardsSchemas,
} from './schema/openapi.generated';
