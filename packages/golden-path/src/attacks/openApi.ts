import fs from 'node:fs';
import { parse } from 'yaml';

/** An OpenAPI 3.0 schema object, as far as the generator reads it. */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

/** An OpenAPI 3.0 document, as far as the attacks read it. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: Record<string, Record<string, unknown>>;
}

interface RawParameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

interface RawOperation {
  operationId: string;
  parameters?: RawParameter[];
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema?: Schema }>;
  };
  responses: Record<string, unknown>;
}

/** A path or query parameter, `$ref`s resolved. */
export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
  example?: unknown;
}

/** One operation of a plugin's spec, with what a request to it needs. */
export interface Operation {
  pluginId: string;
  operationId: string;
  method: string;
  /** The full path template, e.g. `/api/scorecards/entities/{kind}/{namespace}/{name}/releases`. */
  path: string;
  parameters: Parameter[];
  body?: {
    required: boolean;
    content: Array<{ type: string; schema: Schema }>;
  };
  /** The response statuses the spec declares, e.g. `['200', '400', '401']`. */
  statuses: string[];
  /** The document, for the `$ref`s of the operation's schemas. */
  document: OpenApiDocument;
}

/** Follows a local `$ref` (`#/components/...`) until the target is not one. */
export function resolve<T extends { $ref?: string }>(
  document: OpenApiDocument,
  node: T,
): T {
  let current: T = node;
  while (current.$ref) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) {
      throw new Error(`Only local $refs are supported, not ${ref}`);
    }
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (at, key) => (at as Record<string, unknown> | undefined)?.[key],
        document,
      );
    if (!target) throw new Error(`$ref ${ref} points at nothing`);
    current = target as T;
  }
  return current;
}

/**
 * Every operation of the OpenAPI document in `file`, the plugin mounted at
 * `/api/<pluginId>` (where the backend serves every plugin's router).
 */
export function loadOperations(pluginId: string, file: string): Operation[] {
  const document = parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      pluginId,
      operationId: operation.operationId,
      method: method.toUpperCase(),
      path: `/api/${pluginId}${path}`,
      parameters: (operation.parameters ?? [])
        .map(p => resolve(document, p))
        .filter(
          (p): p is RawParameter & { in: 'path' | 'query' } =>
            p.in === 'path' || p.in === 'query',
        )
        .map(p => ({
          name: p.name,
          in: p.in,
          required: p.in === 'path' || Boolean(p.required),
          schema: p.schema ?? {},
          example: p.example,
        })),
      body: operation.requestBody && {
        required: Boolean(operation.requestBody.required),
        content: Object.entries(operation.requestBody.content).map(
          ([type, media]) => ({ type, schema: media.schema ?? {} }),
        ),
      },
      statuses: Object.keys(operation.responses),
      document,
    })),
  );
}

/**
 * A value the spec offers for a parameter, for requests that must reach the route's logic: its
 * example, else its schema's example, first enum value, default, or smallest allowed integer.
 */
export function exampleValue(
  document: OpenApiDocument,
  parameter: Parameter,
): string {
  const schema = resolve(document, parameter.schema);
  const value =
    parameter.example ??
    schema.example ??
    schema.enum?.[0] ??
    schema.default ??
    (schema.type === 'integer' ? Math.max(schema.minimum ?? 1, 1) : 'x');
  return String(value);
}

/** The request target of `operation` with the parameters' example values. */
export function exampleTarget(
  operation: Operation,
  overrides: Record<string, string> = {},
): string {
  const value = (p: Parameter) =>
    overrides[p.name] ??
    encodeURIComponent(exampleValue(operation.document, p));
  const path = operation.parameters
    .filter(p => p.in === 'path')
    .reduce((at, p) => at.replace(`{${p.name}}`, value(p)), operation.path);
  const query = operation.parameters
    .filter(p => p.in === 'query' && p.required)
    .map(p => `${p.name}=${value(p)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}
