import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

/**
 * Parses an action's input with its schema: the scaffolder checks a template's literal values,
 * but values computed by a template expression reach the action unchecked. Every bad field is
 * named in one InputError.
 */
export function parseActionInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}

/**
 * A `repoUrl` input, as the RepoUrlPicker writes it (`github.com?owner=meridian&repo=pricing-api`):
 * one bound for every action that takes it.
 */
export function repoUrlInput(description: string) {
  return z.string().max(300).describe(description);
}

/**
 * A `targetPath` input: the repository's directory inside the workspace, `.` by default. The
 * actions resolve it with resolveSafeChildPath, which refuses one outside the workspace.
 */
export const targetPathInput = z
  .string()
  .regex(/^[A-Za-z0-9._/-]*$/, 'must be a relative path inside the workspace')
  .default('.')
  .describe('Directory of the repository inside the workspace');
