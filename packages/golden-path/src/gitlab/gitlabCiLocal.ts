import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { machineNetworkEnv } from '../github/contexts';
import { git } from '../scaffold';
import { Stubs } from '../stubs/stubs';

/** A job of the pipeline as gitlab-ci-local lists it (`--list-json`). */
export interface GitlabJob {
  name: string;
  stage: string;
  when: string;
  allow_failure: boolean;
  needs: Array<{ job: string; artifacts?: boolean; optional?: boolean }> | null;
}

/** A job's outcome. */
export type GitlabResult = 'success' | 'failure' | 'warning' | 'skipped';

/** One gitlab-ci-local invocation. */
export interface GitlabInvocation {
  jobs: string[];
  code: number;
  /** Each job's outcome from gitlab-ci-local's summary (PASS, FAIL, WARN). */
  results: Record<string, 'success' | 'failure' | 'warning'>;
  output: string;
  durationMs: number;
}

const SYSTEM_PATH =
  '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function gitlabCiLocalBin(): string {
  const require = createRequire(__filename);
  return path.join(
    path.dirname(require.resolve('gitlab-ci-local/package.json')),
    'dist',
    'index.js',
  );
}

/**
 * Runs a repository's `.gitlab-ci.yml` with gitlab-ci-local, GitLab's pipeline semantics on this
 * machine: every job with the shell executor (`--force-shell-executor`: the jobs' images are
 * not pulled; the tools are this machine's and the stubs), each job in its own copy of the
 * repository (`--shell-isolation`), artifacts and dotenv reports passed along `needs`. The
 * repository is cloned into `dir` with its GitLab remote (`https://gitlab.com/<project>.git`),
 * which is where gitlab-ci-local reads CI_PROJECT_PATH from; main is the default branch.
 * gitlab-ci-local does not mint `id_tokens`: {@link idTokens} reads which tokens each job
 * declares, and the caller passes them as variables.
 */
export class GitlabCiLocal {
  readonly invocations: GitlabInvocation[] = [];

  private constructor(readonly dir: string, private readonly stubs: Stubs) {}

  static async clone(options: {
    repoDir: string;
    project: string;
    dir: string;
    stubs: Stubs;
  }): Promise<GitlabCiLocal> {
    fs.rmSync(options.dir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(options.dir), { recursive: true });
    await git(
      path.dirname(options.dir),
      'clone',
      '--quiet',
      options.repoDir,
      options.dir,
    );
    await git(
      options.dir,
      'remote',
      'set-url',
      'origin',
      `https://gitlab.com/${options.project}.git`,
    );
    await git(options.dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    await git(
      options.dir,
      'symbolic-ref',
      'refs/remotes/origin/HEAD',
      'refs/remotes/origin/main',
    );
    return new GitlabCiLocal(options.dir, options.stubs);
  }

  /** The jobs, stages and needs, as gitlab-ci-local reads them. */
  async list(): Promise<GitlabJob[]> {
    const { code, output } = await this.exec(['--list-json']);
    if (code !== 0)
      throw new Error(`gitlab-ci-local --list-json failed:\n${output}`);
    const start = output.indexOf('[');
    return JSON.parse(output.slice(start)) as GitlabJob[];
  }

  /** Each job's `id_tokens`: variable name → audience. */
  idTokens(): Record<string, Record<string, string>> {
    const pipeline = parse(
      fs.readFileSync(path.join(this.dir, '.gitlab-ci.yml'), 'utf8'),
    ) as Record<string, { id_tokens?: Record<string, { aud: string }> }>;
    const out: Record<string, Record<string, string>> = {};
    for (const [name, job] of Object.entries(pipeline)) {
      if (job && typeof job === 'object' && job.id_tokens) {
        out[name] = Object.fromEntries(
          Object.entries(job.id_tokens).map(([k, v]) => [k, v.aud]),
        );
      }
    }
    return out;
  }

  /**
   * Runs `jobs` (with `needs`: also every job they need, first), starting the named manual
   * jobs as their approvers would.
   */
  async run(options: {
    jobs: string[];
    needs?: boolean;
    manual?: string[];
    variables: Record<string, string>;
  }): Promise<GitlabInvocation> {
    const args = [
      '--shell-isolation',
      '--force-shell-executor',
      '--no-artifacts-to-source',
      '--no-color',
      '--max-job-name-padding',
      '0',
      '--container-executable',
      path.join(this.stubs.binDir, 'container-engine'),
      ...(options.needs ? ['--needs'] : []),
      ...(options.manual ?? []).flatMap(m => ['--manual', m]),
      // gitlab-ci-local gives jobs with an `image:` CI_PROJECT_DIR=/builds/<project> even with
      // --force-shell-executor, where they run in .gitlab-ci-local/builds/<job>: a directory the
      // jobs can write their files to (ID token files) stands in for it.
      '--ignore-predefined-vars',
      'CI_PROJECT_DIR',
      '--variable',
      `CI_PROJECT_DIR=${this.projectDir()}`,
      ...Object.entries(options.variables).flatMap(([k, v]) => [
        '--variable',
        `${k}=${v}`,
      ]),
      ...options.jobs,
    ];
    const started = Date.now();
    const { code, output } = await this.exec(args);
    const results: GitlabInvocation['results'] = {};
    for (const match of output.matchAll(
      /^\s*(PASS|FAIL|WARN)\s+(\S.*?)\s*$/gm,
    )) {
      const [, outcome, job] = match;
      results[job] = { PASS: 'success', FAIL: 'failure', WARN: 'warning' }[
        outcome
      ] as 'success' | 'failure' | 'warning';
    }
    const invocation = {
      jobs: options.jobs,
      code,
      results,
      output,
      durationMs: Date.now() - started,
    };
    this.invocations.push(invocation);
    return invocation;
  }

  /**
   * Runs the whole pipeline as a push to main, its manual jobs started, in GitLab's order
   * (stages, and `needs` where a job has them). Jobs run in groups, one gitlab-ci-local
   * invocation each: a group ends before every job `isolate` names, and `beforeJob` is called
   * before each job's group, so that the test can act between jobs (start the service, let time
   * pass). Each invocation gets the `id_tokens` its jobs declare from `tokensFor`. A job whose
   * needs failed or were skipped is skipped.
   */
  async runPipeline(options: {
    variables: Record<string, string>;
    tokensFor: (
      job: string,
      audiences: Record<string, string>,
    ) => Promise<Record<string, string>>;
    isolate?: (job: string) => boolean;
    beforeJob?: (job: string) => Promise<void>;
    /**
     * A retry, as GitLab's "Retry" on a failed job: the earlier results stand except for the
     * failed and skipped jobs, which run (again).
     */
    retryOf?: Record<string, GitlabResult>;
  }): Promise<Record<string, GitlabResult>> {
    const jobs = await this.list();
    const stages = [...new Set(jobs.map(j => j.stage))];
    const manual = jobs.filter(j => j.when === 'manual').map(j => j.name);
    const idTokens = this.idTokens();
    const needsOf = (job: GitlabJob) =>
      job.needs?.map(n => n.job) ??
      jobs
        .filter(j => stages.indexOf(j.stage) < stages.indexOf(job.stage))
        .map(j => j.name);
    const order = [...jobs].sort(
      (a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage),
    );
    const results: Record<string, GitlabResult> = Object.fromEntries(
      Object.entries(options.retryOf ?? {}).filter(
        ([, result]) => result === 'success' || result === 'warning',
      ),
    );
    const groups: GitlabJob[][] = [];
    for (const job of order.filter(j => !(j.name in results))) {
      if (groups.length === 0 || options.isolate?.(job.name)) groups.push([]);
      groups[groups.length - 1].push(job);
    }
    const ok = (name: string) =>
      results[name] === 'success' || results[name] === 'warning';
    for (const group of groups) {
      const runnable = group.filter(job => {
        const blocked = needsOf(job).some(n => n in results && !ok(n));
        if (blocked) results[job.name] = 'skipped';
        return !blocked;
      });
      if (runnable.length === 0) continue;
      for (const job of runnable) await options.beforeJob?.(job.name);
      const tokens: Record<string, string> = {};
      for (const job of runnable) {
        Object.assign(
          tokens,
          await options.tokensFor(job.name, idTokens[job.name] ?? {}),
        );
      }
      const invocation = await this.run({
        jobs: runnable.map(j => j.name),
        manual,
        variables: { ...options.variables, ...tokens },
      });
      for (const job of runnable) {
        results[job.name] = invocation.results[job.name] ?? 'skipped';
      }
    }
    return results;
  }

  private home(): string {
    const dir = path.join(this.dir, '.gitlab-ci-local', 'runner-home');
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, '.gitconfig'),
        '[user]\n\tname = GitLab Runner\n\temail = runner@example.com\n',
      );
    }
    return dir;
  }

  private projectDir(): string {
    const dir = path.join(this.dir, '.gitlab-ci-local', 'project-dir');
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Where a job ran (its copy of the repository, as the job left it). */
  buildDir(job: string): string {
    return path.join(this.dir, '.gitlab-ci-local', 'builds', job);
  }

  /** A job's log, as gitlab-ci-local saved it. */
  log(job: string): string {
    const file = path.join(
      this.dir,
      '.gitlab-ci-local',
      'output',
      `${job}.log`,
    );
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }

  private exec(args: string[]): Promise<{ code: number; output: string }> {
    return new Promise(resolve => {
      const child = spawn(process.execPath, [gitlabCiLocalBin(), ...args], {
        cwd: this.dir,
        env: {
          PATH: [
            this.stubs.binDir,
            path.dirname(process.execPath),
            SYSTEM_PATH,
          ].join(':'),
          // A runner account's home: the jobs' shells must not read this machine's ~/.bashrc
          // (which puts pyenv's real `aws` before the stubs); npm keeps the machine's cache.
          HOME: this.home(),
          npm_config_cache: path.join(process.env.HOME ?? '/root', '.npm'),
          LANG: 'C.UTF-8',
          ...machineNetworkEnv(),
          ...(process.env.npm_config_nodedir
            ? { npm_config_nodedir: process.env.npm_config_nodedir }
            : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', c => (output = (output + c).slice(-400_000)));
      child.stderr.on('data', c => (output = (output + c).slice(-400_000)));
      child.on('exit', code => resolve({ code: code ?? 1, output }));
    });
  }
}
