import fs from 'fs';
import path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import YAML from 'yaml';
import {
  JsonObject,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
} from './openapi/document';
import { expectRequestMatchesSpec } from './openapi/requests';
import {
  documentedResponses,
  expectResponseMatchesSpec,
  OpenApiResponse,
  unexercisedResponses,
  validateResponse,
} from './openapi/responses';
import { documentedRoutes, routeProblems } from './openapi/routes';
import { schemaPointers, schemaProblems } from './openapi/schemas';

/*
 * One harness for the backends' openapi.test.ts: it keeps an openapi.yaml and its router honest
 * with each other. The spec is a well-formed OpenAPI 3.0 document, it lists exactly the routes
 * the router registers, and every answer the running plugin gives matches the schema the spec
 * gives for it. Its jobs live under ./openapi: the document model (document.ts, with
 * jsonSchema.ts), response checking (responses.ts), request checking (requests.ts), the schema
 * inventory (schemas.ts) and routes (routes.ts); this module puts them together.
 */

export type {
  JsonObject,
  OpenApiOperation,
  OpenApiParameter,
} from './openapi/document';
export { OPENAPI_METHODS, pointer } from './openapi/document';
export { toJsonSchema } from './openapi/jsonSchema';
export type { OpenApiResponse } from './openapi/responses';
export { registeredRoutes } from './openapi/routes';

/** Options of {@link loadOpenApiSpec}. */
export interface OpenApiSpecOptions {
  /** The URI ajv files the whole document under; any absolute URI will do. */
  id?: string;
}

/**
 * An OpenAPI 3.0 document, loaded, with what a test needs to hold answers against it. Its
 * functions do not use `this`: a test may pass them around on their own.
 */
export interface OpenApiSpec {
  /** The parsed document. */
  spec: JsonObject;
  /** The ajv that holds the whole document and compiles its schemas. */
  ajv: Ajv;
  /** Every operation of the document. */
  operations: OpenApiOperation[];
  /** `METHOD /path status` of every answer that passed {@link OpenApiSpec.expectResponseMatchesSpec}. */
  exercised: Set<string>;
  /** The node a local `$ref` names, or undefined. */
  resolveRef: (ref: string) => unknown;
  /** Follows a `$ref`; returns the object and the pointer it lives at. */
  deref: (node: JsonObject, at: string) => { node: JsonObject; at: string };
  /** The schema at a pointer of the spec, compiled (ajv caches it). */
  validatorAt: (at: string) => ValidateFunction;
  /** Fails unless `data` passes `validate`; the deepest errors come first, then the data. */
  assertValid: (
    validate: ValidateFunction,
    data: unknown,
    what: string,
  ) => void;
  /** The operation at a method and path template; fails if the document has none. */
  operation: (method: string, specPath: string) => OpenApiOperation;
  /** The operation's parameters with `$ref`s followed, each with the pointer of its schema. */
  parametersOf: (o: OpenApiOperation) => OpenApiParameter[];
  /** Fails unless the response's status, media type and body are what the spec documents. */
  expectResponseMatchesSpec: (
    method: string,
    specPath: string,
    res: OpenApiResponse,
  ) => void;
  /** {@link OpenApiSpec.expectResponseMatchesSpec} for a JSON body given as its status and value. */
  validateResponse: (
    method: string,
    specPath: string,
    status: number,
    body: unknown,
  ) => void;
  /** Fails unless a request is one the spec admits: its parameters and JSON body. */
  expectRequestMatchesSpec: (
    o: OpenApiOperation,
    params: Record<string, string>,
    query: Record<string, unknown>,
    body: unknown,
    contentType: string | undefined,
  ) => void;
  /** The pointer of every schema in the document: components', parameters', bodies' and answers'. */
  schemaPointers: () => string[];
  /** Each schema that is not valid JSON Schema or does not compile, with why; empty if none. */
  schemaProblems: () => string[];
  /** `METHOD /path` of every operation the document lists. */
  documentedRoutes: () => string[];
  /** `METHOD /path status` of every response the document lists, `default` aside. */
  documentedResponses: () => string[];
  /**
   * What keeps an express router's routes from being exactly the document's: a route it
   * registers twice, one the document does not list, one the document lists that it does not
   * register; empty if nothing.
   */
  routeProblems: (router: { stack: unknown[] }) => string[];
  /**
   * `METHOD /path status` of every response the document lists (`default` aside) that no
   * answer has passed {@link OpenApiSpec.expectResponseMatchesSpec} with, but those named in
   * `untestable`.
   */
  unexercisedResponses: (untestable?: string[]) => string[];
}

/** Reads an OpenAPI 3.0 YAML (or JSON) file and compiles its schemas on demand. */
export function loadOpenApiSpec(
  file: string,
  options: OpenApiSpecOptions = {},
): OpenApiSpec {
  const spec: JsonObject = YAML.parse(fs.readFileSync(file, 'utf8'));
  return openApiSpec(spec, path.basename(file), options);
}

/** {@link loadOpenApiSpec} for a document already parsed; `name` is what errors call it. */
export function openApiSpec(
  spec: JsonObject,
  name = 'openapi.yaml',
  { id = 'https://waybill.dev/openapi.json' }: OpenApiSpecOptions = {},
): OpenApiSpec {
  const doc = new OpenApiDocument(spec, name, id);
  const exercised = new Set<string>();
  return {
    spec,
    ajv: doc.ajv,
    operations: doc.operations,
    exercised,
    resolveRef: ref => doc.resolveRef(ref),
    deref: (node, at) => doc.deref(node, at),
    validatorAt: at => doc.validatorAt(at),
    assertValid: (validate, data, what) =>
      doc.assertValid(validate, data, what),
    operation: (method, specPath) => doc.operation(method, specPath),
    parametersOf: o => doc.parametersOf(o),
    expectResponseMatchesSpec: (method, specPath, res) =>
      expectResponseMatchesSpec(doc, exercised, method, specPath, res),
    validateResponse: (method, specPath, status, body) =>
      validateResponse(doc, exercised, method, specPath, status, body),
    expectRequestMatchesSpec: (o, params, query, body, contentType) =>
      expectRequestMatchesSpec(doc, o, params, query, body, contentType),
    schemaPointers: () => schemaPointers(doc),
    schemaProblems: () => schemaProblems(doc),
    documentedRoutes: () => documentedRoutes(doc),
    documentedResponses: () => documentedResponses(doc),
    routeProblems: router => routeProblems(doc, router),
    unexercisedResponses: untestable =>
      unexercisedResponses(doc, exercised, untestable),
  };
}
