/** Test helpers shared by Waybill's backend packages. */
export {
  assertPostgresWhenRequired,
  createTestDatabases,
  WAYBILL_TEST_DATABASE_IDS,
} from './createTestDatabases';
export {
  loadOpenApiSpec,
  OPENAPI_METHODS,
  openApiSpec,
  pointer,
  registeredRoutes,
  toJsonSchema,
} from './openApiSpec';
export type {
  JsonObject,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
  OpenApiSpec,
  OpenApiSpecOptions,
} from './openApiSpec';
export { hidden, startWithRestrictedCatalog } from './restrictedCatalog';
export { expectErrorAnswer } from './expectErrorAnswer';
export { itIsAValidOpenApiDocument } from './itIsAValidOpenApiDocument';
export { specRequests } from './specRequests';
export type { SpecCall } from './specRequests';
export { verifyWithSigstore } from './sigstoreVerifier';
export {
  createSigningKey,
  createSigstoreAuthority,
  inTotoStatement,
  slsaProvenance,
} from './sigstore';
export type {
  InTotoStatement,
  SigningKey,
  SigstoreAuthority,
} from './sigstore';
export { testsPolicy } from './testsPolicy';
export { recordedNotifications, recordedSignals } from './portalMessages';
