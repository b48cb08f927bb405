import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it. */
export function walk(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, base));
    else if (entry.isFile()) out.push(path.relative(base, full));
  }
  return out;
}

const GLOB = /[*?[]/;

function globRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The directory part of a search path before its first glob character. */
function searchRoot(workspace: string, pattern: string): string {
  const absolute = path.resolve(workspace, pattern);
  if (!GLOB.test(pattern)) {
    return fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()
      ? absolute
      : path.dirname(absolute);
  }
  const parts = absolute.split(path.sep);
  const index = parts.findIndex(p => GLOB.test(p));
  return parts.slice(0, index).join(path.sep) || path.sep;
}

/**
 * The files `actions/upload-artifact@v4` uploads for a `path` input (one search path per line,
 * `!` excludes), and the root they are stored relative to: the deepest directory common to
 * every search path (a file's own directory, a directory itself, or a glob's fixed prefix).
 * Hidden files are left out, as `include-hidden-files: false` does.
 */
export function resolveUploadPaths(
  workspace: string,
  input: string,
  includeHidden = false,
): { root: string; files: string[] } {
  const lines = input
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean);
  const includes = lines.filter(l => !l.startsWith('!'));
  const excludes = lines
    .filter(l => l.startsWith('!'))
    .map(l => globRegex(path.resolve(workspace, l.slice(1))));
  const files = new Set<string>();
  for (const pattern of includes) {
    const absolute = path.resolve(workspace, pattern);
    if (!GLOB.test(pattern)) {
      if (!fs.existsSync(absolute)) continue;
      if (fs.statSync(absolute).isDirectory()) {
        for (const f of walk(absolute)) files.add(path.join(absolute, f));
      } else files.add(absolute);
      continue;
    }
    const root = searchRoot(workspace, pattern);
    const re = globRegex(absolute);
    for (const f of walk(root)) {
      const full = path.join(root, f);
      if (re.test(full)) files.add(full);
    }
  }
  const kept = [...files].filter(
    f =>
      !excludes.some(re => re.test(f)) &&
      (includeHidden ||
        !path
          .relative(workspace, f)
          .split(path.sep)
          .some(p => p.startsWith('.'))),
  );
  const roots = includes.map(p => searchRoot(workspace, p));
  let root = roots[0] ?? workspace;
  for (const r of roots.slice(1)) {
    while (r !== root && !r.startsWith(`${root}${path.sep}`)) {
      root = path.dirname(root);
    }
  }
  return { root, files: kept.sort() };
}

/** One run's artifacts, per attempt, in a directory: what upload- and download-artifact share. */
export class ArtifactStore {
  constructor(private readonly dir: string) {}

  private attemptDir(attempt: number) {
    return path.join(this.dir, `attempt-${attempt}`);
  }

  /** Names of the artifacts visible to `attempt` (its own and earlier attempts'). */
  names(attempt: number): string[] {
    const names = new Set<string>();
    for (let a = 1; a <= attempt; a++) {
      const d = this.attemptDir(a);
      if (fs.existsSync(d)) fs.readdirSync(d).forEach(n => names.add(n));
    }
    return [...names].sort();
  }

  /** Where the newest upload of `name` lives, as seen from `attempt`. */
  find(name: string, attempt: number): string | undefined {
    for (let a = attempt; a >= 1; a--) {
      const d = path.join(this.attemptDir(a), name);
      if (fs.existsSync(d)) return d;
    }
    return undefined;
  }

  /**
   * Stores files under `root` as artifact `name`. A second upload of a name in the same attempt
   * fails as GitHub's API answers it (409), unless `overwrite`.
   */
  upload(
    name: string,
    attempt: number,
    root: string,
    files: string[],
    overwrite: boolean,
  ): void {
    const target = path.join(this.attemptDir(attempt), name);
    if (fs.existsSync(target)) {
      if (!overwrite) {
        throw new Error(
          `Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run (${name})`,
        );
      }
      fs.rmSync(target, { recursive: true });
    }
    for (const file of files) {
      const destination = path.join(target, path.relative(root, file));
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.copyFileSync(file, destination);
    }
    fs.mkdirSync(target, { recursive: true });
  }

  /** Copies artifact `name` into `destination`. */
  download(name: string, attempt: number, destination: string): string[] {
    const source = this.find(name, attempt);
    if (!source) {
      throw new Error(
        `Unable to download artifact(s): Artifact not found for name: ${name}. Please ensure that your artifact is not expired and the artifact was uploaded using a compatible version of toolkit/upload-artifact.`,
      );
    }
    const files = walk(source);
    for (const f of files) {
      const to = path.join(destination, f);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(source, f), to);
    }
    return files;
  }
}
