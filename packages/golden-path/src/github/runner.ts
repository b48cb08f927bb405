import fs from 'node:fs';
import path from 'node:path';
import { ArtifactStore } from './artifacts';
import { jobOutputs, needsContext, planLegs } from './job';
import { runLeg } from './leg';
import { GithubRunOptions, JobRun, RunAttempt, UsesCall } from './runTypes';
import { WorkflowJob } from './workflow';

/** A small counting semaphore. */
class Slots {
  private waiting: Array<() => void> = [];
  constructor(private free: number) {}
  async take(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>(resolve => this.waiting.push(resolve));
    return () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

/**
 * Runs the jobs of a GitHub Actions workflow on this machine, as GitHub's runner would for one
 * workflow run: in `needs` order (ready jobs side by side), matrix legs expanded, every
 * `${{ }}` evaluated by GitHub's expression engine with the contexts GitHub provides there, each
 * leg in a workspace of its own that starts empty (`actions/checkout` fills it), `run:` steps
 * with `bash --noprofile --norc -eo pipefail {0}`, env layered workflow → job → GITHUB_ENV →
 * step, the file commands, the OIDC request variables only for jobs granted `id-token: write`,
 * and `uses:` steps emulated by the `ACTIONS` of `./actions` (any other action fails the step).
 *
 * Re-runs keep GitHub's meaning: {@link rerun} runs the named jobs again (and, like "Re-run
 * jobs", their dependents) in the next attempt, the other jobs' results and artifacts kept.
 */
export class GithubRun {
  /** Each job's latest result. */
  readonly jobs = new Map<string, JobRun>();
  /** Every emulated `uses:` step, in order. */
  readonly uses: UsesCall[] = [];
  /** `vars.X` / `secrets.X` the workflow read but the run did not set. */
  readonly missing = new Set<string>();
  attempt = 0;
  private readonly artifacts: ArtifactStore;
  private repositorySlug: string;
  private readonly slots: Slots;

  constructor(private readonly options: GithubRunOptions) {
    fs.mkdirSync(options.runDir, { recursive: true });
    this.artifacts = new ArtifactStore(path.join(options.runDir, 'artifacts'));
    this.repositorySlug = options.repository.slug;
    this.slots = new Slots(options.concurrency ?? 2);
  }

  /** Runs every job of the workflow (jobs whose `if` is false are skipped). */
  async run(): Promise<this> {
    return this.runJobs([...this.options.workflow.jobs.keys()]);
  }

  /**
   * A new attempt running `jobs` again, and with `dependents` (the default, as GitHub's re-run
   * does) every job that needs them, transitively. `repository` replays the attempt as if the
   * same workflow ran in another repository (the ID tokens then name that repository).
   */
  async rerun(options: {
    jobs: string[];
    dependents?: boolean;
    repository?: string;
  }): Promise<this> {
    const selected = new Set(options.jobs);
    if (options.dependents ?? true) {
      let grew = true;
      while (grew) {
        grew = false;
        for (const job of this.options.workflow.jobs.values()) {
          if (!selected.has(job.id) && job.needs.some(n => selected.has(n))) {
            selected.add(job.id);
            grew = true;
          }
        }
      }
    }
    const previous = this.repositorySlug;
    this.repositorySlug = options.repository ?? previous;
    try {
      return await this.runJobs([...selected]);
    } finally {
      this.repositorySlug = previous;
    }
  }

  /** The job's latest result; throws when the job never ran. */
  job(id: string): JobRun {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`Job ${id} has not run`);
    return job;
  }

  /** Every step's output of a job, for messages. */
  logOf(id: string): string {
    const job = this.jobs.get(id);
    if (!job) return `(job ${id} has not run)`;
    return job.legs
      .map(
        leg =>
          `== ${leg.name}: ${leg.result}\n${leg.steps
            .map(
              s =>
                `-- ${s.name}: ${s.conclusion}\n${s.stdout}${
                  s.stderr ? `\n[stderr]\n${s.stderr}` : ''
                }`,
            )
            .join('\n')}`,
      )
      .join('\n');
  }

  private async runJobs(ids: string[]): Promise<this> {
    this.attempt++;
    const { workflow } = this.options;
    for (const id of ids) {
      if (!workflow.jobs.has(id))
        throw new Error(`No job ${id} in ${workflow.path}`);
    }
    const pending = new Set(ids);
    const done = new Set(
      [...workflow.jobs.keys()].filter(id => !pending.has(id)),
    );
    const running = new Map<string, Promise<void>>();
    while (pending.size > 0 || running.size > 0) {
      for (const id of [...pending]) {
        const job = workflow.jobs.get(id)!;
        if (job.needs.every(n => done.has(n))) {
          pending.delete(id);
          running.set(
            id,
            this.runJob(job).then(result => {
              this.jobs.set(id, result);
              done.add(id);
              running.delete(id);
            }),
          );
        }
      }
      if (running.size === 0 && pending.size > 0) {
        throw new Error(
          `Jobs ${[...pending].join(', ')} wait for jobs that never run`,
        );
      }
      await Promise.race(running.values());
    }
    return this;
  }

  /** The attempt as its jobs and legs see it. */
  private currentAttempt(): RunAttempt {
    return {
      options: this.options,
      attempt: this.attempt,
      repositorySlug: this.repositorySlug,
      artifacts: this.artifacts,
      uses: this.uses,
    };
  }

  private async runJob(job: WorkflowJob): Promise<JobRun> {
    const started = Date.now();
    const run = this.currentAttempt();
    const needs = needsContext(this.jobs, job);
    const plan = planLegs(run, this.jobs, job, needs, this.missing);
    const notRun = (result: JobRun['result'], reason: string): JobRun => ({
      id: job.id,
      result,
      outputs: {},
      legs: [],
      attempt: this.attempt,
      durationMs: Date.now() - started,
      reason,
    });
    if ('skipped' in plan) return notRun('skipped', plan.skipped);
    if ('failed' in plan) return notRun('failure', plan.failed);
    const { legs, strategy } = plan;
    this.options.log?.(`job ${job.id}: ${legs.length} leg(s)`);
    await this.options.beforeJob?.(job.id);
    const results = await Promise.all(
      legs.map(async (matrix, index) => {
        const release = await this.slots.take();
        try {
          return await runLeg(run, {
            job,
            needs,
            strategy,
            matrix,
            index,
            total: legs.length,
          });
        } finally {
          release();
        }
      }),
    );
    return {
      id: job.id,
      result: results.some(l => l.result === 'failure') ? 'failure' : 'success',
      outputs: jobOutputs(results),
      legs: results,
      attempt: this.attempt,
      durationMs: Date.now() - started,
    };
  }
}
