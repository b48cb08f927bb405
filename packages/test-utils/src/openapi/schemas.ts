import {
  JsonObject,
  mediaSchemaAt,
  OpenApiDocument,
  pointer,
} from './document';
import { toJsonSchema } from './jsonSchema';

/*
 * The schema inventory: where the document holds a schema, and which of them are not JSON
 * Schema that compiles.
 */

/** The pointers of the schemas under `components`: its schemas', parameters', bodies' and answers'. */
function componentSchemaPointers(spec: JsonObject): string[] {
  const found = Object.keys(spec.components?.schemas ?? {}).map(key =>
    pointer('components', 'schemas', key),
  );
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
  return found;
}

/** The pointers of the schemas the operations hold: their parameters', bodies' and answers'. */
function operationSchemaPointers(doc: OpenApiDocument): string[] {
  const found: string[] = [];
  for (const o of doc.operations) {
    for (const p of doc.parametersOf(o)) found.push(p.schemaAt);
    for (const [kind, holder] of [
      ['requestBody', o.op.requestBody],
      ...Object.entries((o.op.responses ?? {}) as JsonObject).map(([s, r]) => [
        `responses/${s}`,
        r,
      ]),
    ] as Array<[string, JsonObject | undefined]>) {
      if (!holder || holder.$ref) continue;
      for (const type of Object.keys(holder.content ?? {})) {
        found.push(mediaSchemaAt(`${o.at}/${kind}`, type));
      }
    }
  }
  return found;
}

/** The pointer of every schema in the document: components', parameters', bodies' and answers'. */
export const schemaPointers = (doc: OpenApiDocument): string[] => [
  ...new Set([
    ...componentSchemaPointers(doc.spec),
    ...operationSchemaPointers(doc),
  ]),
];

/** Each schema that is not valid JSON Schema or does not compile, with why; empty if none. */
export function schemaProblems(doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  for (const at of schemaPointers(doc)) {
    const schema = toJsonSchema(doc.resolveRef(at));
    if (!doc.ajv.validateSchema(schema as JsonObject)) {
      problems.push(`${at}: ${doc.ajv.errorsText(doc.ajv.errors)}`);
      continue;
    }
    try {
      doc.validatorAt(at);
    } catch (error) {
      problems.push(`${at}: ${(error as Error).message}`);
    }
  }
  return problems;
}
