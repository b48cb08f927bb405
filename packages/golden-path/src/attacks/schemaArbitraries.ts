/*
 * fast-check arbitraries of values for an OpenAPI schema: shaped like the schema, at and past its
 * bounds, and, for dirty requests, with hostile values, stray keys and missing ones.
 */
import fc from 'fast-check';
import { OpenApiDocument, resolve, Schema } from './openApi';
import { HOSTILE_XML } from './hostileInputs';
import { hostileValue, rarely, withOwnKey } from './hostileValues';

/**
 * Real values for properties and query parameters of a name (e.g. `entityRef`), which a spec
 * cannot give as examples everywhere; generated values take their place at times.
 */
export type KnownValues = Readonly<Record<string, readonly string[]>>;

/** `values` for a slot named `name` when known, else `values` alone. */
export function withKnown(
  known: KnownValues,
  name: string,
  values: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const real = known[name];
  return real
    ? fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...real) },
        { weight: 1, arbitrary: values },
      )
    : values;
}

/**
 * What the generator reads besides a schema: the document its `$ref`s point into, known values,
 * and whether the request is dirty (hostile values at any level, stray and missing keys, odd
 * path segments, query tricks, malformed bodies) or clean (shaped like the spec, boundaries
 * included, so that it gets past validation to the route's logic and its writes).
 */
export interface GenerationContext {
  document: OpenApiDocument;
  known: KnownValues;
  dirty: boolean;
}

/** Nested schemas deeper than this get hostile values only. */
const MAX_DEPTH = 5;

const isoTimestamp = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(date => date.toISOString());

/** Timestamps that look right and are not: impossible days, no zone, out of Date's range. */
const oddTimestamps = fc.constantFrom(
  '2026-02-30T00:00:00Z',
  '2026-12-01T24:00:00Z',
  '2026-12-01T00:00:00',
  '2026-12-01T00:00:00+25:00',
  '+275760-09-13T00:00:00.001Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '2026-12-01',
  '1733011200',
);

function stringArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const minLength = schema.minLength ?? 0;
  const { maxLength } = schema;
  let shaped: fc.Arbitrary<string>;
  if (schema.format === 'date-time') {
    shaped = fc.oneof({ weight: 3, arbitrary: isoTimestamp }, oddTimestamps);
  } else if (schema.format === 'date') {
    shaped = isoTimestamp.map(t => t.slice(0, 10));
  } else if (schema.format === 'uri') {
    shaped = fc.oneof(
      fc.webUrl(),
      fc.constantFrom(
        // A hostile value sent to the backend, never run here.
        // eslint-disable-next-line no-script-url
        'javascript:alert(1)',
        'file:///etc/passwd',
        '//x',
      ),
    );
  } else if (schema.format === 'binary') {
    shaped = fc.oneof(
      fc.constantFrom(...HOSTILE_XML),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
  } else if (schema.pattern) {
    shaped = fc.stringMatching(new RegExp(schema.pattern));
  } else {
    shaped = fc.string({
      unit: 'grapheme',
      minLength,
      maxLength: Math.max(minLength, Math.min(maxLength ?? 40, 40)),
    });
  }
  const boundaries = [
    ...(minLength > 0 ? ['x'.repeat(minLength - 1)] : []),
    ...(maxLength !== undefined
      ? ['x'.repeat(maxLength), 'x'.repeat(maxLength + 1)]
      : []),
  ];
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    ...(boundaries.length > 0
      ? [{ weight: 1, arbitrary: fc.constantFrom(...boundaries) }]
      : []),
    ...(schema.example !== undefined
      ? [{ weight: 2, arbitrary: fc.constant(schema.example) }]
      : []),
  );
}

function numberArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const { minimum, maximum } = schema;
  const shaped =
    schema.type === 'integer'
      ? fc.integer({ min: minimum ?? -(2 ** 31), max: maximum ?? 2 ** 31 - 1 })
      : fc.double({
          min: minimum,
          max: maximum,
          noNaN: true,
          noDefaultInfinity: true,
        });
  const outside = [
    ...(minimum !== undefined ? [minimum - 1] : []),
    ...(maximum !== undefined ? [maximum + 1] : []),
  ];
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    ...(outside.length > 0
      ? [{ weight: 1, arbitrary: fc.constantFrom(...outside) }]
      : []),
  );
}

/** Arrays of at most this many items get one more than their maximum as a boundary case. */
const MAX_ITEMS_BOUNDARY = 500;

function arrayArbitrary(
  schema: Schema,
  context: GenerationContext,
  depth: number,
): fc.Arbitrary<unknown> {
  const items = valueArbitrary(schema.items ?? {}, context, depth + 1);
  const minLength = schema.minItems ?? 0;
  const shaped = fc.array(items, {
    minLength,
    maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 6, 6)),
  });
  const { maxItems } = schema;
  if (maxItems === undefined || maxItems > MAX_ITEMS_BOUNDARY) return shaped;
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    items.map(item => Array.from({ length: maxItems + 1 }, () => item)),
  );
}

const STRAY_KEYS = ['__proto__', 'constructor', 'prototype', 'extra', ''];

function objectArbitrary(
  schema: Schema,
  context: GenerationContext,
  depth: number,
): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length === 0) {
    return fc.dictionary(
      fc.string({ maxLength: 12 }),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 5 },
    );
  }
  const required = (schema.required ?? []).filter(k => keys.includes(k));
  const record = fc.record(
    Object.fromEntries(
      keys.map(k => [
        k,
        withKnown(
          context.known,
          k,
          valueArbitrary(properties[k], context, depth + 1),
        ),
      ]),
    ),
    { requiredKeys: required },
  );
  if (!context.dirty) return record;
  return fc
    .tuple(
      record,
      rarely(fc.tuple(fc.constantFrom(...STRAY_KEYS), hostileValue), 4),
      required.length > 0
        ? rarely(fc.constantFrom(...required), 4)
        : fc.constant(null),
    )
    .map(([value, stray, dropped]) => {
      const object: Record<string, unknown> = { ...value };
      if (dropped !== null) delete object[dropped];
      return stray ? withOwnKey(object, stray[0], stray[1]) : object;
    });
}

/** The object schemas of an `allOf`, merged into one. */
function mergeAllOf(schema: Schema, document: OpenApiDocument): Schema {
  const parts = (schema.allOf ?? []).map(part => resolve(document, part));
  return parts.reduce<Schema>(
    (merged, part) => ({
      ...merged,
      ...part,
      properties: { ...merged.properties, ...part.properties },
      required: [...(merged.required ?? []), ...(part.required ?? [])],
    }),
    { ...schema, allOf: undefined },
  );
}

function shapedArbitrary(
  schema: Schema,
  context: GenerationContext,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.allOf) {
    return shapedArbitrary(
      mergeAllOf(schema, context.document),
      context,
      depth,
    );
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    return fc.oneof(
      ...alternatives.map(a => valueArbitrary(a, context, depth + 1)),
    );
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return arrayArbitrary(schema, context, depth);
    case 'object':
      return objectArbitrary(schema, context, depth);
    default:
      return schema.properties
        ? objectArbitrary(schema, context, depth)
        : fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Values for `schema`: shaped like it (its example, its enum, lengths and ranges at and just
 * past their bounds); when dirty, required keys sometimes dropped, stray keys such as
 * `__proto__` sometimes added, and at every level sometimes a hostile value of any type.
 */
export function valueArbitrary(
  schema: Schema,
  context: GenerationContext,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return hostileValue;
  const resolved = resolve(context.document, schema);
  const shaped = shapedArbitrary(resolved, context, depth);
  const value = resolved.nullable
    ? fc.option(shaped, { nil: null, freq: 8 })
    : shaped;
  return context.dirty
    ? fc.oneof(
        { weight: 5, arbitrary: value },
        { weight: 1, arbitrary: hostileValue },
      )
    : value;
}
