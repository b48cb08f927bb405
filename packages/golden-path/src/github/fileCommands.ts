import fs from 'node:fs';
import path from 'node:path';

/** GitHub's file commands (GITHUB_OUTPUT, GITHUB_ENV): `name=value` and `name<<DELIM` blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq < 0 || eq > line.indexOf('<<'))) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]);
      if (i >= lines.length) {
        throw new Error(
          `Invalid value. Matching delimiter not found '${delimiter}'`,
        );
      }
      out[name] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`Invalid format '${line}'`);
    }
  }
  return out;
}

/** The files of one step's file commands, by the variable naming each. */
export interface FileCommandFiles {
  GITHUB_OUTPUT: string;
  GITHUB_ENV: string;
  GITHUB_PATH: string;
  GITHUB_STEP_SUMMARY: string;
  GITHUB_STATE: string;
}

/** Creates a step's file command files, empty, in `dir`. */
export function createFileCommands(dir: string): FileCommandFiles {
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
  };
  Object.values(files).forEach(f => fs.writeFileSync(f, ''));
  return files;
}

/**
 * What a step wrote to its file commands: its outputs, environment for the later steps, and
 * PATH entries (in the order they go in front of PATH: the last one written first).
 */
export function readFileCommands(files: FileCommandFiles): {
  outputs: Record<string, string>;
  env: Record<string, string>;
  path: string[];
} {
  const outputs = parseFileCommands(
    fs.readFileSync(files.GITHUB_OUTPUT, 'utf8'),
  );
  const env = parseFileCommands(fs.readFileSync(files.GITHUB_ENV, 'utf8'));
  return {
    outputs,
    env,
    path: fs
      .readFileSync(files.GITHUB_PATH, 'utf8')
      .split('\n')
      .filter(Boolean)
      .reverse(),
  };
}
