import { PlanJob, PlanStep, PlanValue } from '../../pipeline/plan';

/**
 * GitLab runs one job per cloud where the plan has a matrix job: each leg gets its own image (the
 * cloud's CLI) and ID token audience, which a \`parallel: matrix\` job cannot vary. Needs on a
 * matrix job become needs on every leg.
 */
export function expandMatrices(jobs: PlanJob[]): PlanJob[] {
  const legs = new Map(
    jobs
      .filter(j => j.matrix)
      .map(j => [j.id, j.matrix!.clouds.map(c => `${j.id}-${c}`)]),
  );
  const needs = (j: PlanJob) => j.needs.flatMap(n => legs.get(n) ?? [n]);
  return jobs.flatMap(j => {
    if (!j.matrix) return [{ ...j, needs: needs(j) }];
    return j.matrix.clouds.map(cloud => {
      const value = (v: PlanValue): PlanValue =>
        v.kind === 'matrix-cloud' ? { kind: 'literal', value: cloud } : v;
      const steps = j.steps.map((step): PlanStep => {
        if (step.type === 'cloud-login') return { ...step, clouds: [cloud] };
        if (step.type === 'run' && step.env) {
          return {
            ...step,
            env: Object.fromEntries(
              Object.entries(step.env).map(([k, v]) => [k, value(v)]),
            ),
          };
        }
        return step;
      });
      return {
        ...j,
        id: `${j.id}-${cloud}`,
        title: `${j.title} (${cloud})`,
        matrix: undefined,
        needs: needs(j),
        steps,
      };
    });
  });
}
