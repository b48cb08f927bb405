import { OpenApiSpec } from './openApiSpec';

/**
 * Registers the two tests of every backend's spec: it is a structurally valid OpenAPI 3.0
 * document, and it has more than `minSchemas` schemas, each valid JSON Schema that compiles.
 */
// eslint-disable-next-line jest/no-export -- a helper that registers tests where it is called
export function itIsAValidOpenApiDocument(
  spec: OpenApiSpec,
  { minSchemas }: { minSchemas: number },
) {
  it('is a structurally valid OpenAPI 3.0 document', () => {
    expect(spec.structuralProblems()).toEqual([]);
  });

  it('has schemas that are valid JSON Schema and compile, components and inline ones alike', () => {
    expect(spec.schemaProblems()).toEqual([]);
    expect(spec.schemaPointers().length).toBeGreaterThan(minSchemas);
  });
}
