import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/**
 * Parses `value` with a zod schema. A failure is an InputError naming each problem by its path
 * under `root`, e.g. `strategy.waves.0.name: Too small; strategy.forceLast: Invalid input`,
 * after `Invalid <label>: ` when a label is given.
 */
export function parseWithSchema<T>(
  schema: z.ZodType<T, any>,
  value: unknown,
  root: string,
  label?: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .map(issue => `${[root, ...issue.path].join('.')}: ${issue.message}`)
      .join('; ');
    throw new InputError(label ? `Invalid ${label}: ${issues}` : issues);
  }
  return result.data;
}
