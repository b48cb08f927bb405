import { parseDocument } from 'yaml';
import { PolicyViolation } from './rules';

/** A YAML mapping, as the validators walk it. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds a violation of a rule at a location of the file. */
export type AddViolation = (
  rule: PolicyViolation['rule'],
  location: string,
  message: string,
) => void;

/** The violations found in one file, and how the rules add to them. */
export function violationsOf(file: string): {
  violations: PolicyViolation[];
  add: AddViolation;
} {
  const violations: PolicyViolation[] = [];
  const add = (
    rule: PolicyViolation['rule'],
    location: string,
    message: string,
  ) => {
    violations.push({ rule, file, location, message });
  };
  return { violations, add };
}

/**
 * Parses a pipeline file (duplicate keys are errors, aliases bounded). Syntax errors are added as
 * `syntax` violations and give `undefined`; an empty file gives `null`.
 */
export function parsePipelineYaml(content: string, add: AddViolation): unknown {
  const doc = parseDocument(content, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      add('syntax', `line ${e.linePos?.[0]?.line ?? '?'}`, e.message);
    }
    return undefined;
  }
  return doc.toJS({ maxAliasCount: 100 });
}
