import { parse } from 'yaml';
import { generateApi } from './generate';
import { operationsOf, OpenApiDocument } from './operations';
import { renderEnumValues } from './renderEnums';

const SPEC = `
openapi: 3.0.3
info: { title: Things, version: 1.0.0 }
security: [{ bearerAuth: [] }]
servers:
  - url: '{backendBaseUrl}/api/things'
    variables: { backendBaseUrl: { default: http://localhost:7007 } }
paths:
  /things/{id}:
    parameters:
      - { $ref: '#/components/parameters/id' }
    get:
      operationId: getThing
      summary: One thing
      parameters:
        - { name: fields, in: query, schema: { type: string, default: all } }
        - name: tag
          in: query
          schema: { type: array, items: { type: string } }
        - name: kind
          in: query
          style: form
          explode: false
          schema: { $ref: '#/components/schemas/Kinds' }
      responses:
        '200':
          description: The thing.
          content:
            application/json: { schema: { $ref: '#/components/schemas/Thing' } }
  /things:
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json: { schema: { $ref: '#/components/schemas/Thing' } }
      responses:
        '201':
          description: Created.
          content:
            application/json: { schema: { $ref: '#/components/schemas/Thing' } }
  /things.csv:
    get:
      operationId: exportThings
      responses:
        '200':
          description: CSV.
          content: { text/csv: { schema: { type: string } } }
  /uploads:
    post:
      operationId: upload
      requestBody:
        content:
          application/xml: { schema: { type: string } }
      responses:
        '204': { description: Stored. }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  parameters:
    id: { name: id, in: path, required: true, schema: { type: integer } }
  schemas:
    Kinds: { type: array, items: { type: string } }
    Colour: { type: string, enum: [red, green, blue-ish] }
    Thing:
      type: object
      required: [name]
      properties: { name: { type: string } }
`;

describe('operationsOf', () => {
  it('reads each operation with its parameters (shared and referenced), body and answer', () => {
    const ops = operationsOf(parse(SPEC) as OpenApiDocument);
    expect(ops).toEqual([
      {
        operationId: 'getThing',
        method: 'get',
        path: '/things/{id}',
        summary: 'One thing',
        pathParams: ['id'],
        queryParams: ['fields', 'tag', 'kind'],
        commaSeparatedQueryParams: ['kind'],
        defaultedQueryParams: ['fields'],
        body: undefined,
        jsonResponse: true,
      },
      {
        operationId: 'createThing',
        method: 'post',
        path: '/things',
        summary: undefined,
        pathParams: [],
        queryParams: [],
        commaSeparatedQueryParams: [],
        defaultedQueryParams: [],
        body: { required: true, json: true },
        jsonResponse: true,
      },
      expect.objectContaining({
        operationId: 'exportThings',
        jsonResponse: false,
      }),
      expect.objectContaining({
        operationId: 'upload',
        body: { required: false, json: false },
      }),
    ]);
  });

  it('refuses a list in the query in a style the client does not send', () => {
    expect(() =>
      operationsOf({
        openapi: '3.0.3',
        paths: {
          '/x': {
            get: {
              operationId: 'getX',
              parameters: [
                {
                  name: 'ids',
                  in: 'query',
                  style: 'pipeDelimited',
                  schema: { type: 'array', items: { type: 'string' } },
                },
              ],
            },
          },
        },
      }),
    ).toThrow('GET /x: query parameter ids has style pipeDelimited');
  });

  it('refuses an operation without an operationId', () => {
    expect(() =>
      operationsOf({
        openapi: '3.0.3',
        paths: { '/x': { get: { responses: {} } } },
      }),
    ).toThrow('GET /x has no operationId');
  });
});

describe('renderEnumValues', () => {
  it('lists the values of each named enum schema, exactly as the spec has them, and nothing else', () => {
    const doc: OpenApiDocument = {
      openapi: '3.0.3',
      paths: {},
      components: {
        schemas: {
          State: { type: 'string', enum: ['planned', 'rolled-back'] },
          Grade: { type: 'string', nullable: true, enum: ['A', 'F', null] },
          Level: { type: 'integer', enum: [1, 2] },
          Thing: {
            type: 'object',
            properties: { state: { type: 'string', enum: ['inline'] } },
          },
          Tags: { type: 'array', items: { type: 'string', enum: ['x'] } },
        },
      },
    };
    const rendered = renderEnumValues(doc);
    expect(rendered).toContain(
      `export const StateValues = ["planned","rolled-back"] as const satisfies readonly components['schemas']['State'][];`,
    );
    expect(rendered).toContain(
      `export const GradeValues = ["A","F",null] as const satisfies readonly components['schemas']['Grade'][];`,
    );
    expect(rendered).toContain(
      `export const LevelValues = [1,2] as const satisfies readonly components['schemas']['Level'][];`,
    );
    expect(rendered.match(/export const/g)).toHaveLength(3);
    expect(
      renderEnumValues({ openapi: '3.0.3', paths: {}, components: {} }),
    ).toBe('');
  });
});

describe('generateApi', () => {
  // Each call lints the spec with Redocly and formats the output with Prettier: a few seconds on
  // a busy 2-core machine, more than Jest's 5 s default.
  jest.setTimeout(60_000);

  it('refuses a spec its lint rules refuse, naming the problem', async () => {
    await expect(
      generateApi(
        SPEC.replace('security: [{ bearerAuth: [] }]\n', ''),
        { pluginId: 'things', prefix: 'Things', commonPackage: 'x' },
        { spec: 'x.yaml', common: 'a.ts', backend: 'b.ts' },
      ),
    ).rejects.toThrow('security defined');
  });

  it('generates the types, the endpoint map and the client for -common, and the validating router for the backend', async () => {
    const { common, backend } = await generateApi(
      SPEC,
      {
        pluginId: 'things',
        prefix: 'Things',
        commonPackage: '@example/plugin-things-common',
      },
      {
        spec: 'plugins/things-backend/src/schema/openapi.yaml',
        common: 'plugins/things-common/src/schema/openapi.generated.ts',
        backend: 'plugins/things-backend/src/schema/openapi.generated.ts',
      },
    );
    expect(common).toContain(
      '// Generated from plugins/things-backend/src/schema/openapi.yaml',
    );
    expect(common).toMatch(/Thing: \{\s+name: string;\s+\};/);
    // Each named enum's values, as a list the code can iterate, held to the schema's type.
    expect(common).toContain(
      "export const ColourValues = [\n  'red',\n  'green',\n  'blue-ish',\n] as const satisfies readonly components['schemas']['Colour'][];",
    );
    expect(common).toContain('export class ThingsApiClient');
    expect(common).toContain("new PluginHttpClient('things', options)");
    expect(common).toContain(
      "'#get|/things/{id}': {\n    response: ResponseOf<operations['getThing']>;\n    path: PathOf<operations['getThing']>;\n    query: WithDefaults<QueryOf<operations['getThing']>, 'fields'>;\n  };",
    );
    // The handler of a non-JSON answer writes it itself.
    expect(common).toContain("'#get|/things.csv': { response: string };");
    expect(common).toContain(
      '`/things/${encodeURIComponent(String(request.path.id))}`',
    );
    // A list the spec sends comma-separated is joined; others are repeated by the HTTP client.
    expect(common).toContain(
      "import {\n  commaJoined,\n  jsonBody,\n  PluginClientOptions,\n  PluginHttpClient,\n  QueryValue,\n} from '@waybill/http-client';",
    );
    expect(common).toContain(
      "commaJoined(request.query as Record<string, QueryValue> | undefined, [\n        'kind',\n      ]),",
    );
    // A non-JSON answer is handed back as the Response; a raw body names its content type.
    expect(common).toMatch(/exportThings\([^)]*\): Promise<Response>/s);
    expect(common).toContain("'Content-Type': request.contentType");

    expect(backend).toContain(
      "import type { ThingsEndpointMap } from '@example/plugin-things-common';",
    );
    // The router validates paths relative to where it is mounted.
    expect(backend).toContain("servers: [\n    {\n      url: '/',");
    expect(backend).toContain(
      'createValidatedOpenApiRouterFromGeneratedEndpointMap<ThingsEndpointMap>',
    );
  });
});
