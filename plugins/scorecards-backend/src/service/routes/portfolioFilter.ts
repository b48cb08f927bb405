import { GRADES } from '@waybill/plugin-scorecards-common';
import { TIERS, tryNormalizeEntityRef } from '@waybill/plugin-waybill-common';
import { z } from 'zod';

/**
 * A ref filter given as `name`, `namespace/name` or a full ref, compared as a normalized full ref
 * (`kind` defaults to `defaultKind`, the namespace to `default`).
 */
const refFilter = (defaultKind: string, message?: (ref: string) => string) =>
  z
    .string()
    .min(1)
    .transform((ref, ctx) => {
      const normalized = tryNormalizeEntityRef(ref, { defaultKind });
      if (normalized === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: message?.(ref) ?? `"${ref}" is not an entity ref`,
        });
        return z.NEVER;
      }
      return normalized;
    });

/**
 * The portfolio's filters. A business process is the Domain the dependency map resolves it to:
 * a name (`order-to-cash`) is `domain:default/order-to-cash`, a full ref is taken as it is.
 */
export const portfolioFilter = z.object({
  owner: refFilter('group').optional(),
  system: refFilter('system').optional(),
  tier: z.enum(TIERS).optional(),
  businessProcess: refFilter(
    'domain',
    ref =>
      `"${ref}" is not a business process: expected a name such as order-to-cash or a ref such as domain:default/order-to-cash`,
  ).optional(),
  grade: z.enum(GRADES).optional(),
  gate: z
    .string()
    .regex(
      /^[^:]+:(pass|warn|fail)$/,
      'expected environment:decision, e.g. production:fail',
    )
    .transform(value => {
      const [environment, decision] = value.split(':');
      return { environment, decision: decision as 'pass' | 'warn' | 'fail' };
    })
    .optional(),
});

/** DORA's scope: one entity, or the entities matching the portfolio filters, over `[from, to)`. */
export const doraQuery = portfolioFilter
  .extend({
    entityRef: refFilter('component').optional(),
    from: z.coerce.date(),
    to: z.coerce.date(),
  })
  .strict();
