import { specProblems } from '@waybill/openapi-codegen';
import { OpenApiSpec } from './openApiSpec';

/**
 * Registers the two tests of every backend's spec: it passes the lint rules the generator holds
 * it to (`specProblems` of `@waybill/openapi-codegen`: Redocly's structural check and more), and it has more than `minSchemas` schemas, each valid JSON Schema that compiles.
 */
// eslint-disable-next-line jest/no-export -- a helper that registers tests where it is called
export function itIsAValidOpenApiDocument(
  spec: OpenApiSpec,
  { minSchemas }: { minSchemas: number },
) {
  it('is a valid OpenAPI 3.0 document by the rules the generator holds it to', async () => {
    expect(await specProblems(spec.spec)).toEqual([]);
  });

  it('has schemas that are valid JSON Schema and compile, components and inline ones alike', () => {
    expect(spec.schemaProblems()).toEqual([]);
    expect(spec.schemaPointers().length).toBeGreaterThan(minSchemas);
  });
}
