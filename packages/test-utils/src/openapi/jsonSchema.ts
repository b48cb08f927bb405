import Ajv from 'ajv';
import type { JsonObject } from './document';

/*
 * OpenAPI 3.0's schema dialect as JSON Schema draft-07, and the ajv instance that compiles it
 * with the formats the specs use.
 */

/**
 * OpenAPI 3.0 schemas as JSON Schema draft-07: `nullable: true` becomes a `null` type, and a
 * boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) becomes the numeric form. A
 * discriminator loses its `mapping`, which ajv does not read (it finds each branch's enum).
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as JsonObject;
  const out: JsonObject = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
  if (out.discriminator?.mapping) {
    const { mapping: _, ...discriminator } = out.discriminator;
    out.discriminator = discriminator;
  }
  if (nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
  }
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ]) {
    if (out[exclusive] === true) {
      out[exclusive] = out[bound];
      delete out[bound];
    } else if (out[exclusive] === false) {
      delete out[exclusive];
    }
  }
  return out;
}

/** An ajv for {@link toJsonSchema}'s output, with the formats OpenAPI documents use. */
export function createAjv(): Ajv {
  // `discriminator` makes ajv check a oneOf against the branch its discriminator names only, so
  // that an error names the field at fault instead of listing how it differs from every branch.
  const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
  ajv.addFormat(
    'date-time',
    (s: string) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(s) &&
      !Number.isNaN(Date.parse(s)),
  );
  ajv.addFormat(
    'date',
    (s: string) =>
      /^\d{4}-\d\d-\d\d$/.test(s) &&
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)),
  );
  ajv.addFormat('uri', (s: string) => {
    try {
      return Boolean(new URL(s));
    } catch {
      return false;
    }
  });
  ajv.addFormat('binary', () => true);
  return ajv;
}
