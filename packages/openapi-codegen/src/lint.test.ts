import { specProblems } from './lint';

const WELL_FORMED = {
  openapi: '3.0.3',
  info: { title: 'Widgets', version: '1' },
  security: [{ bearerAuth: [] }],
  paths: {
    '/widgets/{id}': {
      get: {
        operationId: 'getWidget',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string' },
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
        },
      },
    },
  },
  components: {
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Widget: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' } },
      },
    },
  },
};

describe('specProblems', () => {
  it('finds nothing wrong with a well-formed document', async () => {
    expect(await specProblems(WELL_FORMED)).toEqual([]);
  });

  it('names what makes a document malformed, and where', async () => {
    const problems = await specProblems({
      ...WELL_FORMED,
      paths: {
        '/widgets/{id}': {
          get: {
            responses: {
              '404': {
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/Gone' },
                  },
                },
              },
            },
          },
        },
      },
    });
    const expected = [
      // a response without a description
      /description.*#\/paths\/~1widgets~1\{id\}\/get\/responses\/404 \(struct\)/,
      /Can't resolve \$ref.* \(no-unresolved-refs\)/,
      /operationId.* \(operation-operationId\)/,
      /path parameter.*id.* \(path-parameters-defined\)/,
      /2XX.* \(operation-2xx-response\)/,
    ];
    for (const pattern of expected) {
      expect(problems).toContainEqual(expect.stringMatching(pattern));
    }
  });

  it('holds examples and required properties to their schemas', async () => {
    const widget = WELL_FORMED.components.schemas.Widget;
    const problems = await specProblems({
      ...WELL_FORMED,
      components: {
        ...WELL_FORMED.components,
        schemas: {
          Widget: { ...widget, required: ['id', 'name'], example: { id: 7 } },
        },
      },
    });
    expect(problems).toContainEqual(
      expect.stringContaining('(no-required-schema-properties-undefined)'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining('(no-invalid-schema-examples)'),
    );
  });
});
