import {
  normalizeEntityRef,
  parseWithSchema,
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

const entityRefParams = z.object({
  kind: z.string().min(1).max(253),
  namespace: z.string().min(1).max(253),
  name: z.string().min(1).max(253),
});

/**
 * The entity a route's `:kind/:namespace/:name` path names, as its normalized ref
 * (`component:default/sales`); a missing or overlong part is a 400 naming it.
 */
export function entityRefFromParams(params: unknown): string {
  return normalizeEntityRef(parseInput(entityRefParams, params, 'path'));
}
