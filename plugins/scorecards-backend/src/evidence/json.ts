import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** How many validation issues an error message lists before it stops. */
const MAX_ISSUES = 10;

/** Parses a JSON document, naming the format when it is not JSON. */
export function parseJson(label: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    // JSON.parse throws SyntaxError, or RangeError on absurd nesting: both mean bad input.
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${label} is not valid JSON: ${reason}`);
  }
}

/** Whether a value is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes a path as `root.key[0].other`, the way a person would look it up in the file. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') {
      return `${text}[${key}]`;
    }
    const name = String(key);
    return /^[A-Za-z_$][\w$-]*$/.test(name)
      ? `${text}.${name}`
      : `${text}[${JSON.stringify(name)}]`;
  }, root);
}

/** Lists zod issues as `path: message; path: message`, each path under `root`. */
export function formatIssues(
  root: string,
  issues: readonly z.core.$ZodIssue[],
): string {
  const listed = issues
    .slice(0, MAX_ISSUES)
    .map(issue => `${formatPath(root, issue.path)}: ${issue.message}`);
  if (issues.length > MAX_ISSUES) {
    listed.push(`and ${issues.length - MAX_ISSUES} more`);
  }
  return listed.join('; ');
}

/** Validates `value` with `schema`, or throws an InputError listing each issue with its path. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  label: string,
  root: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      `${label} is invalid: ${formatIssues(root, result.error.issues)}`,
    );
  }
  return result.data;
}
