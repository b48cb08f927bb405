/**
 * Generates each Waybill backend's request validation and its typed client from its OpenAPI
 * spec; `yarn openapi:generate` (src/cli.ts) runs it over the repository.
 *
 * @packageDocumentation
 */
export { generateApi, type GeneratedApi } from './generate';
export {
  operationsOf,
  type Operation,
  type OpenApiDocument,
} from './operations';
export type { ApiNames } from './renderClient';
export { redoclyConfig, specProblems } from './lint';
