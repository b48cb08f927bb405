import fs from 'fs';
import os from 'os';
import path from 'path';
import YAML from 'yaml';
import {
  loadOpenApiSpec,
  openApiSpec,
  registeredRoutes,
  toJsonSchema,
} from './openApiSpec';

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Widgets', version: '1.0.0' },
  paths: {
    '/widgets/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      ],
      get: {
        operationId: 'getWidget',
        parameters: [
          {
            name: 'tags',
            in: 'query',
            schema: { type: 'array', items: { type: 'string' } },
          },
        ],
        responses: {
          '200': {
            description: 'The widget',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Widget' },
              },
            },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      put: {
        operationId: 'putWidget',
        requestBody: {
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Widget' },
            },
          },
        },
        responses: { '204': { description: 'Stored' } },
      },
    },
  },
  components: {
    schemas: {
      Widget: {
        type: 'object',
        required: ['id', 'weight', 'parts', 'createdAt'],
        properties: {
          id: { type: 'string' },
          weight: { type: 'number', minimum: 0, exclusiveMinimum: true },
          colour: { type: 'string', nullable: true },
          parts: {
            type: 'array',
            items: {
              type: 'object',
              required: ['count'],
              properties: { count: { type: 'integer' } },
            },
          },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['message'],
            properties: { message: { type: 'string' } },
          },
        },
      },
    },
    responses: {
      NotFound: {
        description: 'No such widget',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
          },
        },
      },
    },
  },
};

const widget = {
  id: 'w1',
  weight: 1.5,
  colour: null,
  parts: [{ count: 2 }],
  createdAt: '2026-11-23T12:00:00Z',
};

const json = (status: number, body: unknown) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
  text: JSON.stringify(body),
});

describe('openApiSpec', () => {
  const api = openApiSpec(SPEC);

  it('finds its schemas compiling, and lists its routes and answers', () => {
    expect(api.schemaProblems()).toEqual([]);
    expect(api.schemaPointers()).toContain('#/components/schemas/Widget');
    expect(api.documentedRoutes()).toEqual([
      'GET /widgets/{id}',
      'PUT /widgets/{id}',
    ]);
    expect(api.documentedResponses()).toEqual([
      'GET /widgets/{id} 200',
      'GET /widgets/{id} 404',
      'PUT /widgets/{id} 204',
    ]);
  });

  it('passes a valid body, a nullable field and a $ref’d response', () => {
    api.validateResponse('get', '/widgets/{id}', 200, widget);
    api.validateResponse('get', '/widgets/{id}', 200, {
      ...widget,
      colour: 'red',
    });
    api.expectResponseMatchesSpec(
      'get',
      '/widgets/{id}',
      json(404, { error: { message: 'No widget w2' } }),
    );
    expect([...api.exercised]).toEqual([
      'GET /widgets/{id} 200',
      'GET /widgets/{id} 404',
    ]);
    expect(api.unexercisedResponses()).toEqual(['PUT /widgets/{id} 204']);
    expect(api.unexercisedResponses(['PUT /widgets/{id} 204'])).toEqual([]);
  });

  it('fails an invalid body, deepest errors first, with the body', () => {
    const check = () =>
      api.validateResponse('get', '/widgets/{id}', 200, {
        ...widget,
        weight: 0,
        parts: [{ count: 'two' }],
        createdAt: 'yesterday',
      });
    expect(check).toThrow(/^GET \/widgets\/\{id\} → 200 does not match/);
    let message = '';
    try {
      check();
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe(
      'GET /widgets/{id} → 200 does not match openapi.yaml: body/parts/0/count must be integer',
    );
    expect(message).toContain('body/weight must be > 0');
    expect(message).toContain('body/createdAt must match format "date-time"');
    expect(message).toContain('"count": "two"');
    expect(() =>
      api.expectResponseMatchesSpec(
        'get',
        '/widgets/{id}',
        json(404, { message: 'flat' }),
      ),
    ).toThrow("body must have required property 'error'");
  });

  it('fails a status, media type or route the spec does not document', () => {
    expect(() =>
      api.expectResponseMatchesSpec('get', '/widgets/{id}', {
        ...json(418, {}),
        text: "I'm a teapot",
      }),
    ).toThrow(
      "GET /widgets/{id} → 418, a status openapi.yaml does not document for it: I'm a teapot",
    );
    expect(() =>
      api.expectResponseMatchesSpec('get', '/widgets/{id}', {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: {},
        text: '<p>',
      }),
    ).toThrow('GET /widgets/{id} → 200 is text/html; openapi.yaml documents');
    expect(() => api.validateResponse('get', '/gadgets', 200, {})).toThrow(
      'GET /gadgets is not in openapi.yaml',
    );
  });

  it('checks requests: parameters, lists spelt with commas, and JSON bodies', () => {
    const get = api.operation('get', '/widgets/{id}');
    const put = api.operation('put', '/widgets/{id}');
    api.expectRequestMatchesSpec(
      get,
      { id: 'w1' },
      { tags: 'a,b' },
      undefined,
      undefined,
    );
    api.expectRequestMatchesSpec(put, { id: 'w1' }, {}, widget, undefined);
    expect(() =>
      api.expectRequestMatchesSpec(get, {}, {}, undefined, undefined),
    ).toThrow('required path parameter id missing');
    expect(() =>
      api.expectRequestMatchesSpec(
        get,
        { id: 'w1' },
        { colour: 'red' },
        undefined,
        undefined,
      ),
    ).toThrow('query parameter colour is not declared');
    expect(() =>
      api.expectRequestMatchesSpec(
        put,
        { id: 'w1' },
        {},
        { id: 'w1' },
        undefined,
      ),
    ).toThrow('request PUT /widgets/{id} body does not match openapi.yaml');
  });
});

describe('toJsonSchema', () => {
  it('turns OpenAPI 3.0 schema words into JSON Schema ones', () => {
    expect(
      toJsonSchema({
        type: 'object',
        properties: {
          a: { type: 'string', nullable: true },
          b: { type: 'integer', minimum: 1, exclusiveMinimum: true },
          c: { type: 'integer', maximum: 9, exclusiveMaximum: false },
        },
        discriminator: { propertyName: 'kind', mapping: { x: '#/X' } },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { type: ['string', 'null'] },
        b: { type: 'integer', exclusiveMinimum: 1 },
        c: { type: 'integer', maximum: 9 },
      },
      discriminator: { propertyName: 'kind' },
    });
  });
});

describe('loadOpenApiSpec', () => {
  it('reads a YAML file, and names it in errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
    try {
      const file = path.join(dir, 'widgets.yaml');
      fs.writeFileSync(file, YAML.stringify(SPEC));
      const api = loadOpenApiSpec(file, { id: 'https://example.test/w.json' });
      expect(() =>
        api.validateResponse('get', '/widgets/{id}', 200, {}),
      ).toThrow('does not match widgets.yaml');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('routeProblems', () => {
  const route = (routePath: string, ...methods: string[]) => ({
    route: {
      path: routePath,
      methods: Object.fromEntries(methods.map(m => [m, true])),
    },
  });

  it('finds nothing when a router registers exactly the documented routes', () => {
    expect(
      openApiSpec(SPEC).routeProblems({
        stack: [route('/widgets/:id', 'get'), route('/widgets/:id', 'put')],
      }),
    ).toEqual([]);
  });

  it('names a route registered twice, one not documented and one not registered', () => {
    expect(
      openApiSpec(SPEC).routeProblems({
        stack: [
          route('/widgets/:id', 'get'),
          route('/widgets/:id', 'get'),
          route('/health', 'get'),
        ],
      }),
    ).toEqual([
      'GET /widgets/{id} is registered twice',
      'GET /health is registered but not in openapi.yaml',
      'PUT /widgets/{id} is in openapi.yaml but not registered',
    ]);
  });
});

describe('registeredRoutes', () => {
  it('lists an express router’s routes in OpenAPI form', () => {
    const router = {
      stack: [
        { route: { path: '/widgets/:id', methods: { get: true, put: true } } },
        { route: { path: '/health', methods: { get: true, post: false } } },
        { name: 'middleware' },
      ],
    };
    expect(registeredRoutes(router)).toEqual([
      'GET /widgets/{id}',
      'PUT /widgets/{id}',
      'GET /health',
    ]);
  });
});
