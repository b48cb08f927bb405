import {
  JsonObject,
  mediaSchemaAt,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
} from './document';

/*
 * Request checking: a request is one the document admits when it sends only declared path and
 * query parameters, every required one, each valid by its schema, and a body of a declared
 * media type that (if JSON) is valid by its schema.
 */

/**
 * A query value as the schema sees it: list parameters (`style: form`, `explode: true`) may
 * be repeated or comma-separated, so a string becomes the list it spells.
 */
function asParameterValue(
  doc: OpenApiDocument,
  schemaAt: string,
  value: unknown,
): unknown {
  const schema = doc.deref(
    doc.resolveRef(schemaAt) as JsonObject,
    schemaAt,
  ).node;
  if (schema.type === 'array') {
    return [value].flat().flatMap(v => String(v).split(','));
  }
  return value;
}

/** Fails unless the `location` parameters sent are declared, the required ones there, all valid. */
function expectParametersMatch(
  doc: OpenApiDocument,
  what: string,
  declared: OpenApiParameter[],
  location: 'path' | 'query',
  values: Record<string, unknown>,
): void {
  for (const key of Object.keys(values)) {
    if (!declared.some(p => p.in === location && p.name === key)) {
      throw new Error(`${what}: ${location} parameter ${key} is not declared`);
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
    doc.assertValid(
      doc.validatorAt(p.schemaAt),
      asParameterValue(doc, p.schemaAt, value),
      `${what} ${location} parameter ${p.name}`,
    );
  }
}

/** Fails unless a body, if any, is of a type the operation declares and, if JSON, valid. */
function expectBodyMatches(
  doc: OpenApiDocument,
  what: string,
  o: OpenApiOperation,
  body: unknown,
  contentType: string | undefined,
): void {
  if (body === undefined) return;
  if (!o.op.requestBody) {
    throw new Error(`${what}: takes no request body`);
  }
  const requestBody = doc.deref(o.op.requestBody, `${o.at}/requestBody`);
  const type = contentType ?? 'application/json';
  if (!requestBody.node.content?.[type]) {
    throw new Error(`${what}: request body type ${type} is not declared`);
  }
  if (type === 'application/json' && !Buffer.isBuffer(body)) {
    doc.assertValid(
      doc.validatorAt(mediaSchemaAt(requestBody.at, type)),
      typeof body === 'string' ? JSON.parse(body) : body,
      `${what} body`,
    );
  }
}

/** Fails unless a request is one the document admits: its parameters and JSON body. */
export function expectRequestMatchesSpec(
  doc: OpenApiDocument,
  o: OpenApiOperation,
  params: Record<string, string>,
  query: Record<string, unknown>,
  body: unknown,
  contentType: string | undefined,
): void {
  const what = `request ${o.method.toUpperCase()} ${o.path}`;
  const declared = doc.parametersOf(o);
  expectParametersMatch(doc, what, declared, 'path', params);
  expectParametersMatch(doc, what, declared, 'query', query);
  expectBodyMatches(doc, what, o, body, contentType);
}
