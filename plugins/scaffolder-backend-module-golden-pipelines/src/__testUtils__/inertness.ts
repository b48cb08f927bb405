/**
 * Whether a form value went into a generated repository as data only: compared with the same
 * template rendered from a benign form, the same files, every YAML and JSON file of the same
 * structure (keys, list lengths, value types), the same shell in the pipeline and its scripts,
 * and no new GitHub expression.
 */
import { parseAllDocuments } from 'yaml';

type Files = Record<string, string>;

/** Keys, list lengths and value types, without the values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  }
  return typeof value;
}

function parsed(file: string, text: string): unknown {
  if (/\.ya?ml$/.test(file)) {
    const docs = parseAllDocuments(text);
    const errors = docs.flatMap(d => d.errors.map(e => e.message));
    if (errors.length > 0) throw new Error(errors.join('; '));
    return docs.map(d => d.toJS());
  }
  return JSON.parse(text);
}

/** What a pipeline file runs in a shell: every `run` of GitHub, every script line of GitLab. */
function shellOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(shellOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    ['run', 'script', 'before_script', 'after_script'].includes(key)
      ? [v].flat().map(String)
      : shellOf(v),
  );
}

/** Every string in a parsed document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

const expressions = (text: string) =>
  [...new Set(text.match(/\$\{\{.*?\}\}/gs) ?? [])].sort();

const isPipeline = (file: string) =>
  file.startsWith('.github/workflows/') || file === '.gitlab-ci.yml';

/**
 * How `files`, rendered from a form carrying the hostile `value`, differ from `baseline` beyond
 * data, and whether `value` is found as written (not evaluated): empty when it stayed inert.
 */
export function inertnessProblems(
  baseline: Files,
  files: Files,
  value: string,
): string[] {
  const problems: string[] = [];
  let literal = false;
  const names = Object.keys(files).sort();
  const expected = Object.keys(baseline).sort();
  const added = names.filter(n => !expected.includes(n));
  const missing = expected.filter(n => !names.includes(n));
  if (added.length + missing.length > 0) {
    problems.push(`other files: +[${added}] -[${missing}]`);
  }
  for (const file of names.filter(n => expected.includes(n))) {
    const text = files[file];
    literal ||= text.includes(value);
    if (/\.sh$/.test(file) && text !== baseline[file]) {
      problems.push(`${file}: the script changed`);
    }
    if (!/\.(ya?ml|json)$/.test(file)) continue;
    let document: unknown;
    try {
      document = parsed(file, text);
    } catch (e) {
      problems.push(`${file}: does not parse: ${(e as Error).message}`);
      continue;
    }
    literal ||= strings(document).some(s => s.includes(value));
    const before = parsed(file, baseline[file]);
    if (JSON.stringify(shape(document)) !== JSON.stringify(shape(before))) {
      problems.push(`${file}: its structure changed`);
    }
    if (isPipeline(file)) {
      if (
        JSON.stringify(shellOf(document)) !== JSON.stringify(shellOf(before))
      ) {
        problems.push(`${file}: the value reached a shell script`);
      }
      if (
        JSON.stringify(expressions(text)) !==
        JSON.stringify(expressions(baseline[file]))
      ) {
        problems.push(`${file}: new \${{ }} expressions`);
      }
    }
  }
  if (!literal) problems.push('the value is nowhere as written');
  return problems;
}
