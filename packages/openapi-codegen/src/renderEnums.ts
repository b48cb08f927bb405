import type { OpenApiDocument } from './operations';

/** A named schema that is an enumeration: its values, exactly as the spec lists them. */
function enumValues(schema: unknown): unknown[] | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const values = (schema as { enum?: unknown }).enum;
  return Array.isArray(values) ? values : undefined;
}

/**
 * A runtime list of each named enum schema's values, in the spec's order: the generated types
 * carry an enum as a union only, and code that iterates over its values (a select's options, a
 * check that a stored string is one of them) reads this list instead of restating it. Each is
 * held to its schema's type by `satisfies`.
 */
export function renderEnumValues(doc: OpenApiDocument): string {
  return Object.entries(doc.components?.schemas ?? {})
    .flatMap(([name, schema]) => {
      const values = enumValues(schema);
      if (!values) return [];
      return [
        `/** The values of the spec's \`${name}\`, in its order. */`,
        `export const ${name}Values = ${JSON.stringify(
          values,
        )} as const satisfies readonly components['schemas']['${name}'][];\n`,
      ];
    })
    .join('\n');
}
