import fc from 'fast-check';
import { exampleValue, Operation, Parameter } from './openApi';
import { HOSTILE_JSON_TEXTS, ODD_PATH_SEGMENTS } from './hostileInputs';
import { rarely } from './hostileValues';
import { percentEncode, RawRequest } from './rawHttp';
import {
  GenerationContext,
  KnownValues,
  valueArbitrary,
  withKnown,
} from './schemaArbitraries';

/** A generated request, before a caller's token is added. */
export type GeneratedRequest = Omit<RawRequest, 'token'>;

const asText = (value: unknown) =>
  typeof value === 'string' ? value : String(JSON.stringify(value));

/** A path segment for `parameter`: mostly the spec's example, else generated, or odd when dirty. */
function segmentArbitrary(
  parameter: Parameter,
  context: GenerationContext,
): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constant(
        percentEncode(exampleValue(context.document, parameter)),
      ),
    },
    {
      weight: 1,
      arbitrary: valueArbitrary(parameter.schema, context)
        .map(asText)
        .filter(text => text !== '')
        .map(percentEncode),
    },
    ...(context.dirty
      ? [{ weight: 1, arbitrary: fc.constantFrom(...ODD_PATH_SEGMENTS) }]
      : []),
  );
}

/** `name=value` pairs for a query parameter; an array value repeats the name (form, explode). */
function queryPairsArbitrary(
  parameter: Parameter,
  context: GenerationContext,
): fc.Arbitrary<string[]> {
  const value = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constant(exampleValue(context.document, parameter)),
    },
    {
      weight: 4,
      arbitrary: withKnown(
        context.known,
        parameter.name,
        valueArbitrary(parameter.schema, context),
      ),
    },
  );
  const name = percentEncode(parameter.name);
  return fc
    .option(value, { freq: parameter.required ? 8 : 2 })
    .map(v =>
      v === null
        ? []
        : (Array.isArray(v) ? v : [v]).map(
            item => `${name}=${percentEncode(asText(item))}`,
          ),
    );
}

/** Query strings a parser may read as objects, twice, or not at all. */
function queryTricks(operation: Operation): string[] {
  const names = operation.parameters
    .filter(p => p.in === 'query')
    .map(p => p.name);
  return [
    'unknownParameter=1',
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    '%=&&=&a',
    `${'q'.repeat(4000)}=1`,
    ...names.flatMap(name => [
      `${name}[]=1`,
      `${name}[$gt]=`,
      `${name}[a][b][c][d][e][f]=1`,
      `${name}=1&${name}=2`,
      `${name}=%00`,
    ]),
  ];
}

/** JSON-ish content types a client might send instead of the one the route takes. */
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json, text/plain',
  '',
];

const jsonBody = (value: unknown, contentType = 'application/json') => ({
  contentType,
  body: JSON.stringify(value),
});

function bodyArbitrary(
  operation: Operation,
  context: GenerationContext,
): fc.Arbitrary<Pick<GeneratedRequest, 'contentType' | 'body'>> {
  const { body } = operation;
  if (!body) {
    return rarely(
      fc.jsonValue({ maxDepth: 2 }).map(v => jsonBody(v)),
      4,
    ).map(b => b ?? {});
  }
  const declared = fc
    .constantFrom(...body.content)
    .chain(content =>
      valueArbitrary(content.schema, context).map(value =>
        /json/.test(content.type) || typeof value !== 'string'
          ? jsonBody(value, content.type)
          : { contentType: content.type, body: value },
      ),
    );
  if (!context.dirty) return declared;
  const firstSchema = body.content[0].schema;
  return fc.oneof(
    { weight: 4, arbitrary: declared },
    { weight: 1, arbitrary: fc.jsonValue().map(v => jsonBody(v)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...HOSTILE_JSON_TEXTS)
        .map(text => ({ contentType: 'application/json', body: text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valueArbitrary(firstSchema, context),
          fc.constantFrom(...WRONG_CONTENT_TYPES),
        )
        .map(([value, type]) => jsonBody(value, type)),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/**
 * Requests to `operation`, half clean and half dirty (see {@link GenerationContext}): path parameters
 * mostly from the spec's examples (so that requests reach the route's logic on real entities),
 * else generated, or odd segments; its query parameters generated (or `known` values for their
 * names), some left out, plus tricks a query parser may fall for; a body generated from its
 * request schema (properties named in `known` often get those values), any JSON, malformed
 * JSON or a wrong content type.
 */
export function requestArbitrary(
  operation: Operation,
  known: KnownValues = {},
): fc.Arbitrary<GeneratedRequest> {
  return fc.oneof(
    ...[false, true].map(dirty =>
      requestsOf(operation, { document: operation.document, known, dirty }),
    ),
  );
}

function requestsOf(
  operation: Operation,
  context: GenerationContext,
): fc.Arbitrary<GeneratedRequest> {
  const pathParameters = operation.parameters.filter(p => p.in === 'path');
  const queryParameters = operation.parameters.filter(p => p.in === 'query');
  return fc
    .record({
      segments: fc.tuple(
        ...pathParameters.map(p => segmentArbitrary(p, context)),
      ),
      pairs: fc.tuple(
        ...queryParameters.map(p => queryPairsArbitrary(p, context)),
      ),
      trick: context.dirty
        ? rarely(fc.constantFrom(...queryTricks(operation)), 3)
        : fc.constant(null),
      body: bodyArbitrary(operation, context),
    })
    .map(({ segments, pairs, trick, body }) => {
      const path = pathParameters.reduce(
        (at, p, i) => at.replace(`{${p.name}}`, segments[i]),
        operation.path,
      );
      const query = [...pairs.flat(), ...(trick ? [trick] : [])].join('&');
      return {
        method: operation.method,
        target: query ? `${path}?${query}` : path,
        ...body,
      };
    });
}
