import fs from 'fs';
import path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import YAML from 'yaml';

/*
 * One harness for the backends' openapi.test.ts: it keeps an openapi.yaml and its router honest
 * with each other. The spec is a well-formed OpenAPI 3.0 document, it lists exactly the routes
 * the router registers, and every answer the running plugin gives matches the schema the spec
 * gives for it.
 */

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

/** What the harness reads of an HTTP answer (a supertest response will do). */
export interface OpenApiResponse {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
  text: string;
}

/** A JSON pointer as a URI fragment. */
export const pointer = (...parts: string[]) =>
  `#/${parts
    .map(part =>
      encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')),
    )
    .join('/')}`;

/** The pointer of a media type's schema under a response or request body. */
const mediaSchemaAt = (at: string, mediaType: string) =>
  `${at}/content/${encodeURIComponent(mediaType.replace(/\//g, '~1'))}/schema`;

/**
 * OpenAPI 3.0 schemas as JSON Schema draft-07: `nullable: true` becomes a `null` type, and a
 * boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) becomes the numeric form. A
 * discriminator loses its `mapping`, which ajv does not read (it finds each branch's enum).
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as JsonObject;
  const out: JsonObject = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
  if (out.discriminator?.mapping) {
    const { mapping: _, ...discriminator } = out.discriminator;
    out.discriminator = discriminator;
  }
  if (nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
  }
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ]) {
    if (out[exclusive] === true) {
      out[exclusive] = out[bound];
      delete out[bound];
    } else if (out[exclusive] === false) {
      delete out[exclusive];
    }
  }
  return out;
}

function createAjv(): Ajv {
  // `discriminator` makes ajv check a oneOf against the branch its discriminator names only, so
  // that an error names the field at fault instead of listing how it differs from every branch.
  const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
  ajv.addFormat(
    'date-time',
    (s: string) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(s) &&
      !Number.isNaN(Date.parse(s)),
  );
  ajv.addFormat(
    'date',
    (s: string) =>
      /^\d{4}-\d\d-\d\d$/.test(s) &&
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)),
  );
  ajv.addFormat('uri', (s: string) => {
    try {
      return Boolean(new URL(s));
    } catch {
      return false;
    }
  });
  ajv.addFormat('binary', () => true);
  return ajv;
}

/** The route Backstage's validated router serves its own spec at; no spec lists it. */
const SPEC_ROUTE = 'GET /openapi.json';

/**
 * The `METHOD /path` of every route an express router registers, itself or in a router mounted
 * at its root, with `:name` parameters written as OpenAPI's `{name}`; Backstage's validated
 * router's own spec route is left out.
 */
export function registeredRoutes(router: { stack: unknown[] }): string[] {
  return (
    router.stack as Array<{ route?: unknown; handle?: { stack?: unknown[] } }>
  ).flatMap(layer => {
    // A router mounted inside (e.g. the spec-validated one behind body parsing and permissions).
    if (!layer.route) {
      return layer.handle?.stack
        ? registeredRoutes(layer.handle as { stack: unknown[] })
        : [];
    }
    const { path: routePath, methods } = layer.route as {
      path: string;
      methods: Record<string, boolean>;
    };
    return Object.keys(methods)
      .filter(m => methods[m])
      .map(m => `${m.toUpperCase()} ${routePath.replace(/:(\w+)/g, '{$1}')}`)
      .filter(route => route !== SPEC_ROUTE);
  });
}

/** Options of {@link loadOpenApiSpec}. */
export interface OpenApiSpecOptions {
  /** The URI ajv files the whole document under; any absolute URI will do. */
  id?: string;
}

/** An OpenAPI 3.0 document, loaded, with what a test needs to hold answers against it. */
export type OpenApiSpec = ReturnType<typeof openApiSpec>;

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
) {
  const ajv = createAjv();
  // The whole document, so that `$ref: '#/components/schemas/X'` resolves inside any schema.
  ajv.addSchema(toJsonSchema(spec) as JsonObject, id);

  /** The node a local `$ref` names, or undefined. */
  function resolveRef(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = spec;
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
  function deref(
    node: JsonObject,
    at: string,
  ): { node: JsonObject; at: string } {
    if (typeof node.$ref === 'string') {
      const target = resolveRef(node.$ref);
      if (!target) throw new Error(`${at}: $ref ${node.$ref} does not resolve`);
      return { node: target as JsonObject, at: node.$ref };
    }
    return { node, at };
  }

  /** The schema at a pointer of the spec, compiled (ajv caches it). */
  function validatorAt(at: string): ValidateFunction {
    const validate = ajv.getSchema(`${id}${at}`);
    if (!validate) throw new Error(`No schema at ${at} in ${name}`);
    return validate;
  }

  /** Fails unless `data` passes `validate`; the deepest errors come first, then the data. */
  function assertValid(
    validate: ValidateFunction,
    data: unknown,
    what: string,
  ) {
    if (!validate(data)) {
      // Deepest first: the mismatch itself comes before what it makes of the oneOfs around it.
      const depth = (e: { instancePath: string }) =>
        e.instancePath.split('/').length;
      const errors = [...validate.errors!].sort((a, b) => depth(b) - depth(a));
      throw new Error(
        `${what} does not match ${name}: ${ajv.errorsText(errors.slice(0, 20), {
          dataVar: 'body',
          separator: '\n  ',
        })}\n${JSON.stringify(data, null, 2)?.slice(0, 3000)}`,
      );
    }
  }

  const operations: OpenApiOperation[] = Object.entries(
    (spec.paths ?? {}) as Record<string, JsonObject>,
  ).flatMap(([p, item]) =>
    OPENAPI_METHODS.filter(m => item[m]).map(method => ({
      method,
      path: p,
      op: item[method],
      at: pointer('paths', p, method),
    })),
  );

  function operation(method: string, specPath: string): OpenApiOperation {
    const found = operations.find(
      o => o.method === method && o.path === specPath,
    );
    if (!found) {
      throw new Error(`${method.toUpperCase()} ${specPath} is not in ${name}`);
    }
    return found;
  }

  /** The operation's parameters with `$ref`s followed, each with the pointer of its schema. */
  function parametersOf({
    path: specPath,
    op,
    at,
  }: OpenApiOperation): OpenApiParameter[] {
    const shared = (spec.paths[specPath].parameters ?? []) as JsonObject[];
    return [
      ...shared.map((p, i) =>
        deref(p, pointer('paths', specPath, 'parameters', String(i))),
      ),
      ...((op.parameters ?? []) as JsonObject[]).map((p, i) =>
        deref(p, `${at}/parameters/${i}`),
      ),
    ].map(({ node, at: paramAt }) => ({
      ...(node as { name: string; in: string; required?: boolean }),
      schemaAt: `${paramAt}/schema`,
    }));
  }

  /** `METHOD /path status` of every answer that passed {@link expectResponseMatchesSpec}. */
  const exercised = new Set<string>();

  /** Fails unless the response's status, media type and body are what the spec documents. */
  function expectResponseMatchesSpec(
    method: string,
    specPath: string,
    res: OpenApiResponse,
  ) {
    const what = `${method.toUpperCase()} ${specPath} → ${res.status}`;
    const { op, at } = operation(method, specPath);
    const documented = op.responses?.[String(res.status)];
    if (!documented) {
      throw new Error(
        `${what}, a status ${name} does not document for it: ${String(
          res.text ?? '',
        ).slice(0, 1000)}`,
      );
    }
    const response = deref(documented, `${at}/responses/${res.status}`);
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0];
    if (!response.node.content?.[mediaType]) {
      throw new Error(
        `${what} is ${mediaType}; ${name} documents ${Object.keys(
          response.node.content ?? {},
        ).join(', ')}`,
      );
    }
    assertValid(
      validatorAt(mediaSchemaAt(response.at, mediaType)),
      mediaType === 'application/json' ? res.body : res.text,
      what,
    );
    exercised.add(`${method.toUpperCase()} ${specPath} ${res.status}`);
  }

  /** {@link expectResponseMatchesSpec} for a JSON body given as its status and value. */
  function validateResponse(
    method: string,
    specPath: string,
    status: number,
    body: unknown,
  ) {
    expectResponseMatchesSpec(method, specPath, {
      status,
      headers: { 'content-type': 'application/json' },
      body,
      text: JSON.stringify(body) ?? '',
    });
  }

  /**
   * A query value as the schema sees it: list parameters (`style: form`, `explode: true`) may
   * be repeated or comma-separated, so a string becomes the list it spells.
   */
  function asParameterValue(schemaAt: string, value: unknown): unknown {
    const schema = deref(resolveRef(schemaAt) as JsonObject, schemaAt).node;
    if (schema.type === 'array') {
      return [value].flat().flatMap(v => String(v).split(','));
    }
    return value;
  }

  /** Fails unless a request is one the spec admits: its parameters and JSON body. */
  function expectRequestMatchesSpec(
    o: OpenApiOperation,
    params: Record<string, string>,
    query: Record<string, unknown>,
    body: unknown,
    contentType: string | undefined,
  ) {
    const what = `request ${o.method.toUpperCase()} ${o.path}`;
    const declared = parametersOf(o);
    for (const [location, values] of [
      ['path', params],
      ['query', query],
    ] as const) {
      for (const key of Object.keys(values)) {
        if (!declared.some(p => p.in === location && p.name === key)) {
          throw new Error(
            `${what}: ${location} parameter ${key} is not declared`,
          );
        }
      }
      for (const p of declared.filter(d => d.in === location)) {
        const value = values[p.name];
        if (value === undefined) {
          if (p.required) {
            throw new Error(
              `${what}: required ${location} parameter ${p.name} missing`,
            );
          }
          continue;
        }
        assertValid(
          validatorAt(p.schemaAt),
          asParameterValue(p.schemaAt, value),
          `${what} ${location} parameter ${p.name}`,
        );
      }
    }
    if (body === undefined) return;
    if (!o.op.requestBody) {
      throw new Error(`${what}: takes no request body`);
    }
    const requestBody = deref(o.op.requestBody, `${o.at}/requestBody`);
    const type = contentType ?? 'application/json';
    if (!requestBody.node.content?.[type]) {
      throw new Error(`${what}: request body type ${type} is not declared`);
    }
    if (type === 'application/json' && !Buffer.isBuffer(body)) {
      assertValid(
        validatorAt(mediaSchemaAt(requestBody.at, type)),
        typeof body === 'string' ? JSON.parse(body) : body,
        `${what} body`,
      );
    }
  }

  /** The pointer of every schema in the document: components', parameters', bodies' and answers'. */
  function schemaPointers(): string[] {
    const found: string[] = [];
    for (const key of Object.keys(spec.components?.schemas ?? {})) {
      found.push(pointer('components', 'schemas', key));
    }
    for (const section of ['parameters', 'responses', 'requestBodies']) {
      for (const [key, item] of Object.entries(
        (spec.components?.[section] ?? {}) as JsonObject,
      )) {
        if (item.schema) {
          found.push(`${pointer('components', section, key)}/schema`);
        }
        for (const type of Object.keys(item.content ?? {})) {
          found.push(
            `${pointer('components', section, key, 'content', type)}/schema`,
          );
        }
      }
    }
    for (const o of operations) {
      for (const p of parametersOf(o)) found.push(p.schemaAt);
      for (const [kind, holder] of [
        ['requestBody', o.op.requestBody],
        ...Object.entries((o.op.responses ?? {}) as JsonObject).map(
          ([s, r]) => [`responses/${s}`, r],
        ),
      ] as Array<[string, JsonObject | undefined]>) {
        if (!holder || holder.$ref) continue;
        for (const type of Object.keys(holder.content ?? {})) {
          found.push(mediaSchemaAt(`${o.at}/${kind}`, type));
        }
      }
    }
    return [...new Set(found)];
  }

  /** Each schema that is not valid JSON Schema or does not compile, with why; empty if none. */
  function schemaProblems(): string[] {
    const problems: string[] = [];
    for (const at of schemaPointers()) {
      const schema = toJsonSchema(resolveRef(at));
      if (!ajv.validateSchema(schema as JsonObject)) {
        problems.push(`${at}: ${ajv.errorsText(ajv.errors)}`);
        continue;
      }
      try {
        validatorAt(at);
      } catch (error) {
        problems.push(`${at}: ${(error as Error).message}`);
      }
    }
    return problems;
  }

  /** `METHOD /path` of every operation the document lists. */
  const documentedRoutes = () =>
    operations.map(o => `${o.method.toUpperCase()} ${o.path}`);

  /** `METHOD /path status` of every response the document lists, `default` aside. */
  const documentedResponses = () =>
    operations.flatMap(o =>
      Object.keys(o.op.responses ?? {})
        .filter(status => status !== 'default')
        .map(status => `${o.method.toUpperCase()} ${o.path} ${status}`),
    );

  /**
   * What keeps an express router's routes from being exactly the document's: a route it
   * registers twice, one the document does not list, one the document lists that it does not
   * register; empty if nothing.
   */
  function routeProblems(router: { stack: unknown[] }): string[] {
    const registered = registeredRoutes(router);
    const documented = documentedRoutes();
    return [
      ...registered
        .filter((route, i) => registered.indexOf(route) !== i)
        .map(route => `${route} is registered twice`),
      ...registered
        .filter(route => !documented.includes(route))
        .map(route => `${route} is registered but not in ${name}`),
      ...documented
        .filter(route => !registered.includes(route))
        .map(route => `${route} is in ${name} but not registered`),
    ];
  }

  /**
   * `METHOD /path status` of every response the document lists (`default` aside) that no
   * answer has passed {@link expectResponseMatchesSpec} with, but those named in `untestable`.
   */
  const unexercisedResponses = (untestable: string[] = []) =>
    documentedResponses().filter(
      r => !exercised.has(r) && !untestable.includes(r),
    );

  return {
    /** The parsed document. */
    spec,
    ajv,
    operations,
    exercised,
    resolveRef,
    deref,
    validatorAt,
    assertValid,
    operation,
    parametersOf,
    expectResponseMatchesSpec,
    validateResponse,
    expectRequestMatchesSpec,
    schemaPointers,
    schemaProblems,
    documentedRoutes,
    documentedResponses,
    routeProblems,
    unexercisedResponses,
  };
}
