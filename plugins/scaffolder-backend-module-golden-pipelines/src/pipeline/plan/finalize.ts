import { PlanJob, PlanStep, PlanValue } from './types';

/**
 * Moves the step values that are the same wherever they appear (not job outputs or matrix
 * values, which vary by job) to the pipeline's own environment.
 */
export function withSharedEnv(jobs: PlanJob[]): {
  env: Record<string, PlanValue>;
  jobs: PlanJob[];
} {
  const seen = new Map<string, string | null>();
  for (const j of jobs) {
    for (const step of j.steps) {
      if (step.type !== 'run') continue;
      for (const [name, value] of Object.entries(step.env ?? {})) {
        const key =
          value.kind === 'job-output' || value.kind === 'matrix-cloud'
            ? null
            : JSON.stringify(value);
        seen.set(name, seen.has(name) && seen.get(name) !== key ? null : key);
      }
    }
  }
  const env: Record<string, PlanValue> = {};
  for (const [name, key] of seen) if (key) env[name] = JSON.parse(key);
  const strip = (step: PlanStep): PlanStep => {
    if (step.type !== 'run' || !step.env) return step;
    const own = Object.entries(step.env).filter(([name]) => !(name in env));
    return {
      ...step,
      env: own.length ? Object.fromEntries(own) : undefined,
    };
  };
  return {
    env,
    jobs: jobs.map(j => ({ ...j, steps: j.steps.map(strip) })),
  };
}

/** A job must name, among its needs, every job whose outputs it reads. */
export function withOutputSources(j: PlanJob): PlanJob {
  const sources = new Set<string>();
  const visit = (v: PlanValue) => {
    if (v.kind === 'job-output' && v.job !== j.id) sources.add(v.job);
  };
  for (const step of j.steps) {
    if (step.type === 'run') Object.values(step.env ?? {}).forEach(visit);
    if (step.type === 'image-build') visit(step.image);
    if (step.type === 'sign') {
      visit(step.image);
      visit(step.digest);
    }
  }
  const needs = [...j.needs];
  for (const s of sources) if (!needs.includes(s)) needs.push(s);
  return { ...j, needs };
}
