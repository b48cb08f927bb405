import { execSync } from 'node:child_process';

/** Writes a progress line, prefixed with the UTC time (`[22:47:52] ...`), to stderr. */
export function logProgress(message: string): void {
  process.stderr.write(
    `[${new Date().toISOString().slice(11, 19)}] ${message}\n`,
  );
}

/**
 * The tree a run measured: the short commit, then ` + uncommitted ` and the names of the `paths`
 * that have uncommitted changes (`git status --porcelain`), e.g.
 * `0c62a73 + uncommitted bench/utils`; `unknown` outside a git checkout. `paths` maps each path,
 * relative to `packageDir`, to the name the answer gives it.
 */
export function describeTree(
  packageDir: string,
  paths: Record<string, string>,
): string {
  const git = (args: string) =>
    execSync(`git ${args}`, { cwd: packageDir, encoding: 'utf8' }).trim();
  try {
    const head = git('rev-parse --short HEAD');
    const dirty = Object.keys(paths).filter(
      path => git(`status --porcelain -- ${path}`).length > 0,
    );
    return dirty.length
      ? `${head} + uncommitted ${dirty.map(p => paths[p]).join(', ')}`
      : head;
  } catch {
    return 'unknown';
  }
}

/**
 * Runs a benchmark's `main` and exits the process: when it resolves, with `process.exitCode` (0
 * unless `main` set it: a phase failed after others were reported), 1 with the error's stack on
 * stderr when it rejects (backends, portals and timers it left behind do not keep it alive).
 */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    error => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
