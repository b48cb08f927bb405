import fs from 'fs';
import path from 'path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_MAX_NODES,
  DEFAULT_NEIGHBOURHOOD_DEPTH,
  DEPENDENCY_DIRECTIONS,
  DEPENDENCY_EDGE_TYPES,
  MAX_NEIGHBOURHOOD_DEPTH,
  MAX_NODES_LIMIT,
  MAX_RELEASE_TRAIN_CHANGES,
} from '@waybill/plugin-dependency-map-common';
import Ajv, { ValidateFunction } from 'ajv';
import request from 'supertest';
import YAML from 'yaml';
import { loadDemoEntities } from '../__testUtils__/demoEstate';
import { dependencyMapPlugin } from '../plugin';
import { CatalogDependencyGraph } from '../service/CatalogDependencyGraph';
import { createRouter } from '../service/router';

/*
 * Keeps openapi.yaml and the router honest with each other: the spec is a well-formed
 * OpenAPI 3.0 document, it lists exactly the routes the router registers, and every answer the
 * running plugin gives (successes and errors) matches the schema the spec gives for it.
 */

type JsonObject = { [key: string]: any };

const SPEC_ID = 'https://waybill.dev/dependency-map/openapi.json';
const BASE = '/api/dependency-map';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

const spec: JsonObject = YAML.parse(
  fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
);

/**
 * OpenAPI 3.0 schemas as JSON Schema draft-07: `nullable: true` becomes a `null` type, and a
 * boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) becomes the numeric form.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as JsonObject;
  const out: JsonObject = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
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

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat(
  'date-time',
  (s: string) =>
    /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(s) &&
    !Number.isNaN(Date.parse(s)),
);
// The whole document, so that `$ref: '#/components/schemas/X'` resolves inside any schema in it.
ajv.addSchema(toJsonSchema(spec) as JsonObject, SPEC_ID);

/** A JSON pointer as a URI fragment. */
const pointer = (...parts: string[]) =>
  `#/${parts
    .map(part =>
      encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')),
    )
    .join('/')}`;

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
function deref(node: JsonObject, at: string): { node: JsonObject; at: string } {
  if (typeof node.$ref === 'string') {
    const target = resolveRef(node.$ref);
    if (!target) throw new Error(`${at}: $ref ${node.$ref} does not resolve`);
    return { node: target as JsonObject, at: node.$ref };
  }
  return { node, at };
}

/** The schema at a pointer of the spec, compiled (ajv caches it). */
function validatorAt(at: string): ValidateFunction {
  const validate = ajv.getSchema(`${SPEC_ID}${at}`);
  if (!validate) throw new Error(`No schema at ${at} in openapi.yaml`);
  return validate;
}

function assertValid(validate: ValidateFunction, data: unknown, what: string) {
  if (!validate(data)) {
    // Deepest first: the mismatch itself comes before what it makes of the oneOfs around it.
    const depth = (e: { instancePath: string }) =>
      e.instancePath.split('/').length;
    const errors = [...validate.errors!].sort((a, b) => depth(b) - depth(a));
    throw new Error(
      `${what} does not match openapi.yaml: ${ajv.errorsText(
        errors.slice(0, 20),
        {
          dataVar: 'body',
          separator: '\n  ',
        },
      )}\n${JSON.stringify(data, null, 2)?.slice(0, 3000)}`,
    );
  }
}

interface Operation {
  method: string;
  path: string;
  op: JsonObject;
  at: string;
}

const operations: Operation[] = Object.entries(
  spec.paths as Record<string, JsonObject>,
).flatMap(([p, item]) =>
  METHODS.filter(m => item[m]).map(method => ({
    method,
    path: p,
    op: item[method],
    at: pointer('paths', p, method),
  })),
);

function operation(method: string, specPath: string): Operation {
  const found = operations.find(
    o => o.method === method && o.path === specPath,
  );
  if (!found) {
    throw new Error(
      `${method.toUpperCase()} ${specPath} is not in openapi.yaml`,
    );
  }
  return found;
}

/** The operation's parameters with `$ref`s followed, each with the pointer of its schema. */
function parametersOf({ path: specPath, op, at }: Operation) {
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

/** `METHOD status` pairs the running plugin answered with, per operation. */
const exercised = new Set<string>();

/** Fails unless the response's status, media type and body are what the spec documents. */
function expectResponseMatchesSpec(
  method: string,
  specPath: string,
  res: request.Response,
) {
  const what = `${method.toUpperCase()} ${specPath} → ${res.status}`;
  const { op, at } = operation(method, specPath);
  const documented = op.responses[String(res.status)];
  if (!documented) {
    throw new Error(
      `${what}, a status openapi.yaml does not document for it: ${res.text.slice(
        0,
        1000,
      )}`,
    );
  }
  const response = deref(documented, `${at}/responses/${res.status}`);
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0];
  if (!response.node.content?.[mediaType]) {
    throw new Error(
      `${what} is ${mediaType}; openapi.yaml documents ${Object.keys(
        response.node.content ?? {},
      ).join(', ')}`,
    );
  }
  const validate = validatorAt(
    `${response.at}/content/${encodeURIComponent(
      mediaType.replace(/\//g, '~1'),
    )}/schema`,
  );
  assertValid(
    validate,
    mediaType === 'application/json' ? res.body : res.text,
    what,
  );
  exercised.add(`${method.toUpperCase()} ${specPath} ${res.status}`);
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
  o: Operation,
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
    for (const name of Object.keys(values)) {
      if (!declared.some(p => p.in === location && p.name === name)) {
        throw new Error(
          `${what}: ${location} parameter ${name} is not declared`,
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
  const requestBody = deref(o.op.requestBody, `${o.at}/requestBody`);
  const type = contentType ?? 'application/json';
  if (!requestBody.node.content?.[type]) {
    throw new Error(`${what}: request body type ${type} is not declared`);
  }
  if (type === 'application/json' && !Buffer.isBuffer(body)) {
    assertValid(
      validatorAt(
        `${requestBody.at}/content/${encodeURIComponent(
          type.replace(/\//g, '~1'),
        )}/schema`,
      ),
      typeof body === 'string' ? JSON.parse(body) : body,
      `${what} body`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

describe('openapi.yaml', () => {
  it('is a structurally valid OpenAPI 3.0 document', () => {
    const problems: string[] = [];
    const check = (ok: unknown, problem: string) => {
      if (!ok) problems.push(problem);
    };
    check(/^3\.0\.\d+$/.test(spec.openapi), 'openapi must be 3.0.x');
    check(typeof spec.info?.title === 'string', 'info.title is required');
    check(typeof spec.info?.version === 'string', 'info.version is required');
    check(spec.paths && typeof spec.paths === 'object', 'paths is required');

    // Every $ref anywhere resolves.
    const walk = (node: unknown, at: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}/${i}`));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref') {
            check(
              typeof value === 'string' && resolveRef(value) !== undefined,
              `${at}: $ref ${value} does not resolve`,
            );
          } else walk(value, `${at}/${key}`);
        }
      }
    };
    walk(spec, '#');

    const schemes = Object.keys(spec.components?.securitySchemes ?? {});
    const tags = (spec.tags ?? []).map((t: JsonObject) => t.name);
    const requirements = (list: JsonObject[] | undefined, at: string) =>
      (list ?? []).forEach(r =>
        Object.keys(r).forEach(name =>
          check(
            schemes.includes(name),
            `${at}: unknown security scheme ${name}`,
          ),
        ),
      );
    requirements(spec.security, 'security');

    const operationIds = new Set<string>();
    for (const [p, item] of Object.entries(spec.paths as JsonObject)) {
      check(p.startsWith('/'), `path ${p} must start with /`);
      for (const key of Object.keys(item)) {
        check(
          [
            ...METHODS,
            'parameters',
            'summary',
            'description',
            'servers',
            'trace',
          ].includes(key),
          `${p}: unknown key ${key}`,
        );
      }
    }
    for (const o of operations) {
      const where = `${o.method.toUpperCase()} ${o.path}`;
      check(typeof o.op.operationId === 'string', `${where}: no operationId`);
      check(
        !operationIds.has(o.op.operationId),
        `${where}: operationId repeats`,
      );
      operationIds.add(o.op.operationId);
      (o.op.tags ?? []).forEach((t: string) =>
        check(tags.includes(t), `${where}: undeclared tag ${t}`),
      );
      requirements(o.op.security, where);

      const params = parametersOf(o);
      const templated = [...o.path.matchAll(/\{([^}]+)\}/g)].map(m => m[1]);
      const inPath = params.filter(p => p.in === 'path').map(p => p.name);
      check(
        JSON.stringify([...templated].sort()) ===
          JSON.stringify([...inPath].sort()),
        `${where}: path parameters ${inPath} differ from the template's ${templated}`,
      );
      const seen = new Set<string>();
      for (const p of params) {
        check(typeof p.name === 'string', `${where}: a parameter has no name`);
        check(
          ['path', 'query', 'header', 'cookie'].includes(p.in),
          `${where}: parameter ${p.name} is in ${p.in}`,
        );
        check(
          p.in !== 'path' || p.required === true,
          `${where}: path parameter ${p.name} must be required`,
        );
        check(
          !seen.has(`${p.in} ${p.name}`),
          `${where}: parameter ${p.name} repeats`,
        );
        seen.add(`${p.in} ${p.name}`);
        check(
          resolveRef(p.schemaAt) !== undefined,
          `${where}: parameter ${p.name} has no schema`,
        );
      }

      if (o.op.requestBody) {
        const body = deref(o.op.requestBody, `${o.at}/requestBody`).node;
        check(
          body.content && Object.keys(body.content).length > 0,
          `${where}: request body without content`,
        );
      }
      const responses = Object.entries((o.op.responses ?? {}) as JsonObject);
      check(responses.length > 0, `${where}: no responses`);
      check(
        responses.some(([status]) => /^2\d\d$/.test(status)),
        `${where}: no success response`,
      );
      for (const [status, raw] of responses) {
        check(
          /^(default|[1-5](\d\d|XX))$/.test(status),
          `${where}: status ${status}`,
        );
        const response = deref(raw, `${o.at}/responses/${status}`).node;
        check(
          typeof response.description === 'string',
          `${where} ${status}: no description`,
        );
        for (const [type, media] of Object.entries(
          (response.content ?? {}) as JsonObject,
        )) {
          check(media.schema, `${where} ${status} ${type}: no schema`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has schemas that are valid JSON Schema and compile, components and inline ones alike', () => {
    const schemaPointers: string[] = [];
    for (const name of Object.keys(spec.components.schemas)) {
      schemaPointers.push(pointer('components', 'schemas', name));
    }
    for (const section of ['parameters', 'responses', 'requestBodies']) {
      for (const [name, item] of Object.entries(
        (spec.components[section] ?? {}) as JsonObject,
      )) {
        if (item.schema)
          schemaPointers.push(`${pointer('components', section, name)}/schema`);
        for (const type of Object.keys(item.content ?? {})) {
          schemaPointers.push(
            `${pointer('components', section, name, 'content', type)}/schema`,
          );
        }
      }
    }
    for (const o of operations) {
      for (const p of parametersOf(o)) schemaPointers.push(p.schemaAt);
      for (const [kind, holder] of [
        ['requestBody', o.op.requestBody],
        ...Object.entries((o.op.responses ?? {}) as JsonObject).map(
          ([s, r]) => [`responses/${s}`, r],
        ),
      ] as Array<[string, JsonObject | undefined]>) {
        if (!holder || holder.$ref) continue;
        for (const type of Object.keys(holder.content ?? {})) {
          schemaPointers.push(
            `${o.at}/${kind}/content/${encodeURIComponent(
              type.replace(/\//g, '~1'),
            )}/schema`,
          );
        }
      }
    }
    const problems: string[] = [];
    for (const at of new Set(schemaPointers)) {
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
    expect(problems).toEqual([]);
    expect(schemaPointers.length).toBeGreaterThan(30);
  });

  it('names the same enumerations and limits as the code', () => {
    const schemas = spec.components.schemas;
    const parameters = spec.components.parameters;
    expect(schemas.EdgeType.enum).toEqual([...DEPENDENCY_EDGE_TYPES]);
    expect(schemas.Direction.enum).toEqual([...DEPENDENCY_DIRECTIONS]);
    expect(parameters.MaxNodes.schema).toMatchObject({
      maximum: MAX_NODES_LIMIT,
      default: DEFAULT_MAX_NODES,
    });
    const depth = operation(
      'get',
      '/entities/{kind}/{namespace}/{name}/neighbourhood',
    ).op.parameters.find((p: JsonObject) => p.name === 'depth');
    expect(depth.schema).toMatchObject({
      maximum: MAX_NEIGHBOURHOOD_DEPTH,
      default: DEFAULT_NEIGHBOURHOOD_DEPTH,
    });
    expect(schemas.ReleaseTrainRequest.properties.changes.maxItems).toBe(
      MAX_RELEASE_TRAIN_CHANGES,
    );
  });

  it('documents exactly the routes the router registers', async () => {
    const router = await createRouter({
      graph: {} as CatalogDependencyGraph,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
    });
    const registered = router.stack.flatMap(layer => {
      if (!layer.route) return [];
      const { path: routePath, methods } = layer.route as unknown as {
        path: string;
        methods: Record<string, boolean>;
      };
      return Object.keys(methods)
        .filter(m => methods[m])
        .map(m => `${m.toUpperCase()} ${routePath.replace(/:(\w+)/g, '{$1}')}`);
    });
    const documented = operations.map(
      o => `${o.method.toUpperCase()} ${o.path}`,
    );
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...documented].sort());
  });

  it('fails a response that does not match, with ajv’s error text', () => {
    const wrong = {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { waves: [{ index: -1, entityRefs: [], blockers: [] }] },
      text: '',
    } as unknown as request.Response;
    const check = () =>
      expectResponseMatchesSpec('get', '/deploy-order', wrong);
    expect(check).toThrow('body/waves/0/index must be >= 0');
    expect(check).toThrow("body must have required property 'sequence'");
    expect(() =>
      expectResponseMatchesSpec('get', '/estate', {
        ...wrong,
        status: 418,
      } as request.Response),
    ).toThrow(/a status openapi.yaml does not document/);
  });
});

// ---------------------------------------------------------------------------------------------

jest.setTimeout(60_000);

const user = mockCredentials.user.header('user:default/release-manager');
const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('ci-pipelines'),
  targetPluginId: 'dependency-map',
});

const P = {
  estate: '/estate',
  process: '/business-processes/{process}',
  neighbourhood: '/entities/{kind}/{namespace}/{name}/neighbourhood',
  impact: '/entities/{kind}/{namespace}/{name}/impact',
  deployOrder: '/deploy-order',
  releaseTrain: '/release-train',
  status: '/status',
};
const inventory = {
  kind: 'component',
  namespace: 'default',
  name: 'inventory',
};
const pricingTrain = {
  changes: [
    { entityRef: 'api:pricing-api', version: '3.0.0' },
    { entityRef: 'pricing-api', version: '3.0.0' },
    { entityRef: 'customer-portal', version: '5.0.0' },
  ],
};

describe('the running plugin answers as openapi.yaml says', () => {
  type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];
  let servers: Record<'allowed' | 'denied' | 'catalogDown', Server>;

  async function startBackend(
    permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
    catalogDown = false,
  ) {
    const catalog = catalogServiceMock({ entities: loadDemoEntities() });
    if (catalogDown) {
      jest
        .spyOn(catalog, 'queryEntities')
        .mockRejectedValue(new Error('connect ECONNREFUSED catalog'));
    }
    const { server } = await startTestBackend({
      features: [
        dependencyMapPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.permissions.factory({ result: permission }),
      ],
    });
    return server;
  }

  beforeAll(async () => {
    servers = {
      allowed: await startBackend(AuthorizeResult.ALLOW),
      denied: await startBackend(AuthorizeResult.DENY),
      catalogDown: await startBackend(AuthorizeResult.ALLOW, true),
    };
  });

  interface Call {
    method: 'get' | 'post';
    path: string;
    params?: Record<string, string>;
    query?: Record<string, string | number | string[]>;
    body?: string | object;
    type?: string;
    auth?: string;
    server?: keyof typeof servers;
    /** The request breaks the spec on purpose, to see the error answer. */
    invalid?: boolean;
  }

  /** Sends a request built from the spec's path template and checks the answer against the spec. */
  async function call(c: Call): Promise<request.Response> {
    const o = operation(c.method, c.path);
    const params = c.params ?? {};
    const query = c.query ?? {};
    if (!c.invalid) {
      expectRequestMatchesSpec(o, params, query, c.body, c.type);
    }
    const url = `${BASE}${c.path.replace(/\{(\w+)\}/g, (_, name) =>
      encodeURIComponent(params[name]),
    )}`;
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      for (const v of [value].flat()) search.append(name, String(v));
    }
    let req = request(servers[c.server ?? 'allowed'])[c.method](
      search.size > 0 ? `${url}?${search}` : url,
    );
    req = req.set('Authorization', c.auth ?? user);
    if (c.body !== undefined) {
      req = req.type(c.type ?? 'application/json').send(c.body);
    }
    const res = await req;
    expectResponseMatchesSpec(c.method, c.path, res);
    return res;
  }

  /** A request each route answers with 200 on the demo estate. */
  function minimalCall(o: Operation): Call {
    const names = [...o.path.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
    const values: Record<string, string> = {
      ...inventory,
      process: 'order-to-cash',
    };
    return {
      method: o.method as Call['method'],
      path: o.path,
      params: Object.fromEntries(names.map(n => [n, values[n]])),
      body: o.method === 'post' ? pricingTrain : undefined,
    };
  }

  it('answers every view of the demo estate', async () => {
    const estate = await call({
      method: 'get',
      path: P.estate,
      query: { maxNodes: 10000 },
    });
    expect(estate.status).toBe(200);
    expect(estate.body.edges.some((e: JsonObject) => e.inCycle)).toBe(true);
    await call({
      method: 'get',
      path: P.estate,
      query: {
        kind: ['component', 'resource'],
        type: 'erp-module,database',
        owner: 'warehouse-systems',
        businessProcess: 'order-to-cash',
        relation: ['dependsOn', 'usesApi'],
        maxNodes: 3,
      },
    });
    const process = await call({
      method: 'get',
      path: P.process,
      params: { process: 'order-to-cash' },
      query: { kind: 'component', relation: 'usesApi' },
    });
    expect(process.status).toBe(200);
    const hood = await call({
      method: 'get',
      path: P.neighbourhood,
      params: inventory,
      query: { depth: 3, direction: 'both', maxNodes: 100 },
    });
    expect(hood.body.nodes.length).toBeGreaterThan(10);
    // The tenants inventory serves, with their labels.
    await call({
      method: 'get',
      path: P.neighbourhood,
      params: inventory,
      query: { depth: 1, direction: 'downstream', kind: 'resource' },
    });
    const impact = await call({
      method: 'get',
      path: P.impact,
      params: inventory,
    });
    expect(impact.body.tenants).toHaveLength(44);
    await call({
      method: 'get',
      path: P.impact,
      params: { kind: 'api', namespace: 'default', name: 'pricing-api' },
      query: { maxDepth: 1 },
    });
    const order = await call({ method: 'get', path: P.deployOrder });
    expect(order.body.blockers).toHaveLength(1);
    await call({
      method: 'get',
      path: P.deployOrder,
      query: { entityRef: ['inventory', 'purchase', 'sales'] },
    });
    const train = await call({
      method: 'post',
      path: P.releaseTrain,
      body: pricingTrain,
      auth: ci,
    });
    expect(train.body.safe).toBe(true);
    const unsafe = await call({
      method: 'post',
      path: P.releaseTrain,
      body: {
        changes: [
          { entityRef: 'customer-portal', version: '5.0.0' },
          { entityRef: 'inventory', version: '4.3.0' },
          { entityRef: 'purchase', version: '2.1.0' },
        ],
      },
    });
    expect(unsafe.body.blockers).toHaveLength(1);
    expect(unsafe.body.incompatibilities).toHaveLength(1);
    const status = await call({ method: 'get', path: P.status });
    expect(status.body.current.catalogRequests).toBe(1);
  });

  it('answers bad requests with 400, 404, 413 and 503 error bodies', async () => {
    const cases: Array<[Call, number]> = [
      [
        {
          method: 'get',
          path: P.estate,
          query: { maxNodes: 0 },
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.process,
          params: { process: 'component:' },
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.neighbourhood,
          params: inventory,
          query: { direction: 'sideways' },
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.impact,
          params: inventory,
          query: { maxDepth: -1 },
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.deployOrder,
          query: { entityRef: 'x/' },
        },
        400,
      ],
      [
        {
          method: 'post',
          path: P.releaseTrain,
          body: { changes: [] },
          invalid: true,
        },
        400,
      ],
      [
        {
          method: 'get',
          path: P.process,
          params: { process: 'hire-to-retire' },
        },
        404,
      ],
      [
        {
          method: 'get',
          path: P.neighbourhood,
          params: { ...inventory, name: 'billing' },
        },
        404,
      ],
      [
        {
          method: 'get',
          path: P.impact,
          params: { ...inventory, name: 'billing' },
        },
        404,
      ],
      [
        {
          method: 'get',
          path: P.deployOrder,
          query: { entityRef: 'billing' },
        },
        404,
      ],
      [
        {
          method: 'post',
          path: P.releaseTrain,
          body: { changes: [{ entityRef: 'billing', version: '1.0.0' }] },
        },
        404,
      ],
      [
        {
          method: 'post',
          path: P.releaseTrain,
          body: {
            changes: Array.from({ length: 500 }, (_, i) => ({
              entityRef: `component:default/${'x'.repeat(500)}-${i}`,
              version: '1.0.0',
            })),
          },
        },
        413,
      ],
    ];
    for (const [c, status] of cases) {
      const res = await call(c);
      expect({ ...c, body: undefined, status: res.status }).toEqual({
        ...c,
        body: undefined,
        status,
      });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    for (const o of operations.filter(op => op.op.responses['503'])) {
      const res = await call({
        ...minimalCall(o),
        server: 'catalogDown',
      });
      expect([o.path, res.status]).toEqual([o.path, 503]);
      expect(res.body.error.message).toContain('ECONNREFUSED');
    }
  });

  it('answers 401 without a token and 403 without the permission, on every route', async () => {
    for (const o of operations) {
      const c = minimalCall(o);
      const anonymous = await call({
        ...c,
        auth: mockCredentials.none.header(),
      });
      const forbidden = await call({ ...c, server: 'denied' });
      expect([o.path, anonymous.status, forbidden.status]).toEqual([
        o.path,
        401,
        403,
      ]);
    }
  });

  it('has exercised every response openapi.yaml documents', () => {
    const documented = operations.flatMap(o =>
      Object.keys(o.op.responses)
        .filter(status => status !== 'default')
        .map(status => `${o.method.toUpperCase()} ${o.path} ${status}`),
    );
    expect(documented.filter(r => !exercised.has(r))).toEqual([]);
  });
});
