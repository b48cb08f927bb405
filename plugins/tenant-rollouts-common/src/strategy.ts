import { z } from 'zod';
import { parseWithSchema, TENANT_AXES } from '@waybill/plugin-waybill-common';

const labelValues = z
  .array(z.string().min(1).max(100))
  .min(1)
  .max(100)
  .optional();

/** Which tenants a wave takes: every listed axis must match one of its values (AND across axes). */
export const tenantSelectorSchema = z
  .object({
    segment: labelValues,
    region: labelValues,
    tier: labelValues,
    cloud: labelValues,
    tenancy: z
      .array(z.enum(['shared', 'dedicated']))
      .min(1)
      .optional(),
    tenants: z
      .array(z.string().min(1).max(255))
      .min(1)
      .max(1000)
      .optional()
      .describe('Tenant refs or names'),
  })
  .strict();

/** The name of the wave `forceLast` tenants are put in, after the strategy's own waves. */
export const FORCED_LAST_WAVE = 'dedicated-and-critical';

/** One wave of a strategy. */
export const waveSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
      .max(63),
    select: tenantSelectorSchema.default({}),
    percent: z
      .number()
      .gt(0)
      .max(100)
      .optional()
      .describe('Take this share of the tenants the selector matches'),
    bakeMinutes: z.number().int().min(0).max(10080).default(60),
    healthThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe('Share of the wave that must be healthy to advance'),
  })
  .strict();

/** A rollout strategy: ordered waves, and which tenants always go last. */
export const rolloutStrategySchema = z
  .object({
    waves: z.array(waveSchema).min(1).max(50),
    forceLast: z
      .array(z.enum(['dedicated', 'critical']))
      .default([])
      .describe(
        'Dedicated tenants and/or critical-tier tenants go in a final wave of their own',
      ),
  })
  .strict()
  .superRefine((strategy, ctx) => {
    const seen = new Set<string>();
    strategy.waves.forEach((wave, i) => {
      if (seen.has(wave.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['waves', i, 'name'],
          message: `wave name "${wave.name}" is used twice`,
        });
      }
      seen.add(wave.name);
    });
    if (strategy.forceLast.length > 0 && seen.has(FORCED_LAST_WAVE)) {
      ctx.addIssue({
        code: 'custom',
        path: ['waves'],
        message: `"${FORCED_LAST_WAVE}" is the name of the wave forceLast adds; name the strategy's wave otherwise`,
      });
    }
  });

export type TenantSelector = z.infer<typeof tenantSelectorSchema>;
export type WaveDefinition = z.infer<typeof waveSchema>;
export type RolloutStrategy = z.infer<typeof rolloutStrategySchema>;

/** Reads a strategy (from config or a service's YAML file); problems become one InputError naming each. */
export function parseRolloutStrategy(value: unknown): RolloutStrategy {
  return parseWithSchema(
    rolloutStrategySchema,
    value,
    'strategy',
    'rollout strategy',
  );
}

/** The axes a selector may name, for messages and UIs. */
export const SELECTOR_AXES = [...TENANT_AXES, 'tenancy', 'tenants'] as const;
