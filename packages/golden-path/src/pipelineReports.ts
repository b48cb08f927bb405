/*
 * What the golden path tests print about their runs: the timings, what the stubs were asked,
 * and how long each job or gitlab-ci-local invocation took.
 */
import { GitlabCiLocal } from './gitlab/gitlabCiLocal';
import { GithubRun } from './github/runner';
import { callLine, StubCall } from './stubs/stubs';

/** Labelled durations, printed at the end of a test file. */
export class Timings {
  readonly entries: Array<[string, number]> = [];

  async timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      this.entries.push([label, Date.now() - started]);
    }
  }

  toString(): string {
    return this.entries
      .map(([label, ms]) => `${label}: ${(ms / 1000).toFixed(1)} s`)
      .join('\n');
  }
}

/** A stub call with digests, shas and tokens made generic, for a readable summary. */
export function genericCall(call: StubCall): string {
  return callLine(call)
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<digest>')
    .replace(/\b[0-9a-f]{40}\b/g, '<sha>')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<jwt>');
}

/** Which pipeline run a stub call came from: its working directory names it. */
function runOf(call: StubCall): string {
  return /\/(?:runs|gitlab)\/([^/]+)\//.exec(call.cwd)?.[1] ?? 'elsewhere';
}

/**
 * What the stubs were asked, per run, each distinct call once with its count; the container
 * engine's calls (gitlab-ci-local's job services) only counted.
 */
export function stubReport(calls: StubCall[]): string {
  const runs = new Map<string, Map<string, number>>();
  const engine = calls.filter(c => c.command === 'container-engine');
  for (const call of calls.filter(c => c.command !== 'container-engine')) {
    const counts = runs.get(runOf(call)) ?? new Map<string, number>();
    runs.set(runOf(call), counts);
    const line = `[${call.job}] ${genericCall(call)}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return `What the stubs were asked (${calls.length} calls)\n${[...runs]
    .map(
      ([run, counts]) =>
        `${run}:\n${[...counts]
          .map(([line, n]) => `  ${n}x ${line}`)
          .join('\n')}`,
    )
    .join('\n')}\n\ngitlab-ci-local's container engine (job services): ${
    engine.length
  } calls`;
}

/** How long each gitlab-ci-local invocation of a pipeline took, for the timings report. */
export function gitlabInvocationsReport(gitlab: GitlabCiLocal): string {
  return `gitlab-ci-local invocations: ${gitlab.invocations
    .map(i => `${i.jobs.join(',')} ${(i.durationMs / 1000).toFixed(1)} s`)
    .join('; ')}`;
}

/** The jobs of a GitHub run by duration, longest first, for the timings report. */
export function githubJobsReport(run: GithubRun): string {
  return `jobs: ${[...run.jobs.values()]
    .sort((a, b) => b.durationMs - a.durationMs)
    .map(j => `${j.id} ${(j.durationMs / 1000).toFixed(1)} s`)
    .join('; ')}`;
}
