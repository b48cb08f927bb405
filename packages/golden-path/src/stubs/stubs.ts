import fs from 'node:fs';
import path from 'node:path';

/** Commands that reach a cloud or a cluster, replaced on PATH by recording stubs. */
export const STUBBED_COMMANDS = [
  'kubectl',
  'helm',
  'terraform',
  'aws',
  'az',
  'gcloud',
  'docker',
  'cosign',
  'trivy',
  // GitLab CI's SAST job and its images' package installs.
  'semgrep',
  'apt-get',
  'apk',
  // What gitlab-ci-local starts job services with (--container-executable).
  'container-engine',
] as const;

/** A vulnerability the trivy stub reports in its CycloneDX output. */
export interface StubVulnerability {
  id: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  /** The affected component's name (default: the first component). */
  package?: string;
  score?: number;
  description?: string;
}

/** What the stubs answer; read by every stub call, so a test may change it between jobs. */
export interface StubConfig {
  trivy?: { vulnerabilities?: StubVulnerability[] };
  kubectl?: {
    /** Namespaces (or `namespace/deployment`) whose `rollout status` fails. */
    failRolloutStatus?: string[];
    /** What `get service -o jsonpath={.spec.selector.track}` prints (default `blue`). */
    serviceTrack?: string;
    /** What `get deployment -o jsonpath=...image...` prints before any `set image`. */
    liveImage?: string;
  };
}

/** One recorded call of a stubbed command. */
export interface StubCall {
  command: string;
  args: string[];
  cwd: string;
  /** The CI job that made it (`GITHUB_JOB`, or gitlab-ci-local's `CI_JOB_NAME`). */
  job: string | null;
  at: string;
}

/** The stub directory: put {@link Stubs.binDir} first on PATH. */
export class Stubs {
  private constructor(readonly dir: string) {}

  /**
   * Writes a wrapper per stubbed command into `<dir>/bin`, running stub.cjs with this Node, and
   * `npm`: the machine's npm with a cache for `npm ci` (npmCiCache.cjs), so that the many jobs
   * installing one lockfile copy the first install instead of extracting it again.
   */
  static create(dir: string): Stubs {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    // This package is never built: the stub runs from its source directory.
    // eslint-disable-next-line no-restricted-syntax
    const stub = path.join(__dirname, 'stub.cjs');
    for (const command of STUBBED_COMMANDS) {
      const file = path.join(bin, command);
      fs.writeFileSync(
        file,
        `#!/bin/sh\nexec '${process.execPath}' '${stub}' '${dir}' ${command} "$@"\n`,
      );
      fs.chmodSync(file, 0o755);
    }
    const npm = [
      '/usr/local/bin/npm',
      '/usr/bin/npm',
      path.join(path.dirname(process.execPath), 'npm'),
    ].find(f => fs.existsSync(f));
    if (npm) {
      const cache = path.join(dir, 'npm-ci-cache');
      fs.mkdirSync(cache, { recursive: true });
      // This package is never built: the shim runs from its source directory.
      // eslint-disable-next-line no-restricted-syntax
      const shim = path.join(__dirname, 'npmCiCache.cjs');
      fs.writeFileSync(
        path.join(bin, 'npm'),
        `#!/bin/sh\nexec '${process.execPath}' '${shim}' '${cache}' '${npm}' "$@"\n`,
      );
      fs.chmodSync(path.join(bin, 'npm'), 0o755);
    }
    const stubs = new Stubs(dir);
    stubs.configure({});
    fs.writeFileSync(path.join(dir, 'calls.jsonl'), '');
    return stubs;
  }

  get binDir(): string {
    return path.join(this.dir, 'bin');
  }

  /** Where the cosign stub gets keyless signatures (a {@link TestSigstore}'s URL). */
  useSigstore(url: string): void {
    fs.writeFileSync(
      path.join(this.dir, 'sigstore.json'),
      JSON.stringify({ url }),
    );
  }

  /** Replaces what the stubs answer from now on. */
  configure(config: StubConfig): void {
    fs.writeFileSync(
      path.join(this.dir, 'config.json'),
      JSON.stringify(config, null, 2),
    );
  }

  /** Every call so far, in order; `since` skips the calls before an earlier {@link mark}. */
  calls(since = 0): StubCall[] {
    return fs
      .readFileSync(path.join(this.dir, 'calls.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(since)
      .map(line => JSON.parse(line) as StubCall);
  }

  /** The number of calls so far, for {@link calls}' `since`. */
  mark(): number {
    return this.calls().length;
  }
}

/** A call as one shell-like line, for reports and assertions. */
export function callLine(call: StubCall): string {
  return [call.command, ...call.args].join(' ');
}
