import Ajv, { ValidateFunction } from 'ajv';
import { createAjv, toJsonSchema } from './jsonSchema';

/** A parsed JSON or YAML object. */
export type JsonObject = { [key: string]: any };

/** The methods an OpenAPI path item may hold. */
export const OPENAPI_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
];

/** One operation of the spec: its method, path template, object and JSON pointer. */
export interface OpenApiOperation {
  method: string;
  path: string;
  op: JsonObject;
  at: string;
}

/** A parameter with `$ref`s followed, and the pointer of its schema. */
export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schemaAt: string;
  [key: string]: unknown;
}

/** A JSON pointer as a URI fragment. */
export const pointer = (...parts: string[]) =>
  `#/${parts
    .map(part =>
      encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')),
    )
    .join('/')}`;

/** The pointer of a media type's schema under a response or request body. */
export const mediaSchemaAt = (at: string, mediaType: string) =>
  `${at}/content/${encodeURIComponent(mediaType.replace(/\//g, '~1'))}/schema`;

/** Every operation of the document, in the order its paths and methods come. */
function operationsOf(spec: JsonObject): OpenApiOperation[] {
  return Object.entries(
    (spec.paths ?? {}) as Record<string, JsonObject>,
  ).flatMap(([p, item]) =>
    OPENAPI_METHODS.filter(m => item[m]).map(method => ({
      method,
      path: p,
      op: item[method],
      at: pointer('paths', p, method),
    })),
  );
}

/**
 * The document model the checks read: a parsed OpenAPI 3.0 document, its operations, its
 * `$ref`s followed, and its schemas compiled by ajv on demand. `name` is what errors call it;
 * `id` is the URI ajv files the whole document under.
 */
export class OpenApiDocument {
  readonly ajv: Ajv;
  readonly operations: OpenApiOperation[];

  constructor(
    readonly spec: JsonObject,
    readonly name: string,
    readonly id: string,
  ) {
    this.ajv = createAjv();
    // The whole document, so that `$ref: '#/components/schemas/X'` resolves inside any schema.
    this.ajv.addSchema(toJsonSchema(spec) as JsonObject, id);
    this.operations = operationsOf(spec);
  }

  /** The node a local `$ref` names, or undefined. */
  resolveRef(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.spec;
    for (const raw of ref.slice(2).split('/')) {
      const part = decodeURIComponent(raw)
        .replace(/~1/g, '/')
        .replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || !(part in node)) {
        return undefined;
      }
      node = (node as JsonObject)[part];
    }
    return node;
  }

  /** Follows a `$ref`; returns the object and the pointer it lives at. */
  deref(node: JsonObject, at: string): { node: JsonObject; at: string } {
    if (typeof node.$ref === 'string') {
      const target = this.resolveRef(node.$ref);
      if (!target) throw new Error(`${at}: $ref ${node.$ref} does not resolve`);
      return { node: target as JsonObject, at: node.$ref };
    }
    return { node, at };
  }

  /** The schema at a pointer of the spec, compiled (ajv caches it). */
  validatorAt(at: string): ValidateFunction {
    const validate = this.ajv.getSchema(`${this.id}${at}`);
    if (!validate) throw new Error(`No schema at ${at} in ${this.name}`);
    return validate;
  }

  /** Fails unless `data` passes `validate`; the deepest errors come first, then the data. */
  assertValid(validate: ValidateFunction, data: unknown, what: string): void {
    if (!validate(data)) {
      // Deepest first: the mismatch itself comes before what it makes of the oneOfs around it.
      const depth = (e: { instancePath: string }) =>
        e.instancePath.split('/').length;
      const errors = [...validate.errors!].sort((a, b) => depth(b) - depth(a));
      throw new Error(
        `${what} does not match ${this.name}: ${this.ajv.errorsText(
          errors.slice(0, 20),
          { dataVar: 'body', separator: '\n  ' },
        )}\n${JSON.stringify(data, null, 2)?.slice(0, 3000)}`,
      );
    }
  }

  /** The operation at a method and path template; fails if the document has none. */
  operation(method: string, specPath: string): OpenApiOperation {
    const found = this.operations.find(
      o => o.method === method && o.path === specPath,
    );
    if (!found) {
      throw new Error(
        `${method.toUpperCase()} ${specPath} is not in ${this.name}`,
      );
    }
    return found;
  }

  /** The operation's parameters with `$ref`s followed, each with the pointer of its schema. */
  parametersOf({
    path: specPath,
    op,
    at,
  }: OpenApiOperation): OpenApiParameter[] {
    const shared = (this.spec.paths[specPath].parameters ?? []) as JsonObject[];
    return [
      ...shared.map((p, i) =>
        this.deref(p, pointer('paths', specPath, 'parameters', String(i))),
      ),
      ...((op.parameters ?? []) as JsonObject[]).map((p, i) =>
        this.deref(p, `${at}/parameters/${i}`),
      ),
    ].map(({ node, at: paramAt }) => ({
      ...(node as { name: string; in: string; required?: boolean }),
      schemaAt: `${paramAt}/schema`,
    }));
  }
}
