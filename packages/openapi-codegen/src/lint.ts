import {
  BaseResolver,
  createConfig,
  lintDocument,
  Source,
} from '@redocly/openapi-core';

/**
 * The rules a Waybill spec is held to, all errors: Redocly's structural check of OpenAPI 3.0
 * (`struct`), references that resolve, one operationId per operation, path parameters that match
 * their template, a success answer per operation, security schemes that are declared,
 * enums, required properties and examples that agree with their schemas.
 */
const RULES = [
  'struct',
  'no-unresolved-refs',
  'operation-operationId',
  'operation-operationId-unique',
  'operation-parameters-unique',
  'path-parameters-defined',
  'operation-2xx-response',
  'security-defined',
  'no-identical-paths',
  'no-ambiguous-paths',
  'no-enum-type-mismatch',
  'no-required-schema-properties-undefined',
  'no-invalid-media-type-examples',
  'no-invalid-schema-examples',
  'no-invalid-parameter-examples',
];

/** Redocly's config of {@link RULES}, which the generator also lints with before generating. */
export const redoclyConfig = () =>
  createConfig({
    rules: Object.fromEntries(RULES.map(rule => [rule, 'error'])),
  });

/**
 * What keeps a spec (its parsed document) from being a valid Waybill OpenAPI 3.0 document, as
 * `message at #/pointer`; empty if nothing.
 */
export async function specProblems(
  document: object,
  name = 'openapi.yaml',
): Promise<string[]> {
  const config = await redoclyConfig();
  const problems = await lintDocument({
    document: {
      source: new Source(name, JSON.stringify(document), 'application/json'),
      parsed: document,
    },
    config: config.styleguide,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  return problems.map(
    p => `${p.message} at ${p.location?.[0]?.pointer ?? '#'} (${p.ruleId})`,
  );
}
