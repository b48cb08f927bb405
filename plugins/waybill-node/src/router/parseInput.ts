import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  EntityRefContext,
  normalizeEntityRef,
  parseWithSchema,
  tryNormalizeEntityRef,
} from '@waybill/plugin-waybill-common';
import { z } from 'zod';

/**
 * Parses a request part with a zod schema. A failure is an InputError (400) naming each bad
 * field from the part down, e.g. `body.reason: Too small` or `query.limit: Expected number`.
 *
 * @param what - the part of the request: `body`, `query`, `path`, or a field within one
 */
export function parseInput<T>(
  schema: z.ZodType<T, any>,
  value: unknown,
  what: string,
): T {
  return parseWithSchema(schema, value, what);
}

/** The catalog's own rules for the parts of an entity ref. */
const catalogRules = makeValidator();

const entityRefParams = z.object({
  kind: z
    .string()
    .min(1)
    .max(253)
    .refine(kind => catalogRules.isValidKind(kind), 'not an entity kind'),
  namespace: z
    .string()
    .min(1)
    .max(253)
    .refine(
      namespace => catalogRules.isValidNamespace(namespace.toLowerCase()),
      'not an entity namespace',
    ),
  name: z
    .string()
    .min(1)
    .max(253)
    .refine(name => catalogRules.isValidEntityName(name), 'not an entity name'),
});

/**
 * The entity a route's `:kind/:namespace/:name` path names, as its normalized ref
 * (`component:default/sales`); a missing or overlong part, or one the catalog could not hold
 * (`..`, a slash, a space), is a 400 naming it.
 */
export function entityRefFromParams(params: unknown): string {
  return normalizeEntityRef(parseInput(entityRefParams, params, 'path'));
}

/**
 * An entity ref a request gives in its body or query (`sales`, `component:default/sales`), as its
 * normalized ref; one that cannot be read is a 400 naming the field, e.g. `body.entityRef`.
 */
export function entityRefInput(
  ref: string,
  field: string,
  context: EntityRefContext = { defaultKind: 'component' },
): string {
  const normalized = tryNormalizeEntityRef(ref, context);
  if (normalized === undefined) {
    throw new InputError(`${field}: "${ref}" is not an entity ref`);
  }
  return normalized;
}
