import { AddViolation } from '../pipelineYaml';

/** Predefined variables whose value a merge request or commit author chooses. */
const UNTRUSTED_VARIABLES =
  /^\$\{?(CI_COMMIT_(?:MESSAGE|TITLE|DESCRIPTION|BRANCH|REF_NAME|REF_SLUG|TAG|TAG_MESSAGE|AUTHOR)|CI_MERGE_REQUEST_(?:TITLE|DESCRIPTION|SOURCE_BRANCH_NAME)|CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME)\b/;

/**
 * Occurrences of untrusted variables that the shell would split, glob or execute: outside
 * double quotes, or anywhere on a line that evaluates text as code.
 */
export function unsafeVariableUses(line: string): string[] {
  const found: string[] = [];
  const evaluates = /(?:^|[;&|\s])(?:eval|sh\s+-c|bash\s+-c)\s/.test(line);
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && quote !== "'") {
      i++;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = undefined;
      continue;
    }
    if (c === '"') {
      quote = quote === '"' ? undefined : '"';
      continue;
    }
    if (c === "'" && !quote) {
      quote = "'";
      continue;
    }
    if (c === '$') {
      const m = UNTRUSTED_VARIABLES.exec(line.slice(i));
      if (m && (!quote || evaluates)) found.push(m[1]);
    }
  }
  return found;
}

/** untrusted-input: no line of a job's scripts lets the shell split, glob or run an untrusted variable. */
export function checkUntrustedVariables(
  add: AddViolation,
  id: string,
  scripts: string[],
): void {
  scripts.forEach(text =>
    text.split('\n').forEach(line => {
      for (const variable of unsafeVariableUses(line)) {
        add(
          'untrusted-input',
          `${id}.script`,
          `$${variable} is chosen by whoever pushes the commit or opens the merge request; it appears unquoted or evaluated in "${line.trim()}"; quote it ("$${variable}") and never eval it`,
        );
      }
    }),
  );
}
