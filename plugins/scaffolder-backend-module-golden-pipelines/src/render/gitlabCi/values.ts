import { PlanValue } from '../../pipeline/plan';
import { outputVariable } from './outputs';

/** A plan value as a double- or single-quoted shell word. */
export function shellValue(value: PlanValue): string {
  switch (value.kind) {
    case 'context':
      if (value.name === 'commit') return '"$CI_COMMIT_SHA"';
      if (value.name === 'repository') return '"$CI_PROJECT_PATH"';
      return '"$CI_PIPELINE_URL"';
    case 'variable':
      return `"$${value.name}"`;
    case 'job-output':
      return `"$${outputVariable(value.output)}"`;
    case 'literal':
      // Literals come from the validated model: names and enum values only.
      return `'${value.value}'`;
    case 'matrix-cloud':
      throw new Error('matrix jobs are expanded per cloud before rendering');
    default:
      throw new Error('unknown plan value');
  }
}

/**
 * The pipeline's shared values as GitLab variables; a CI variable of the same name is already in
 * every job's environment.
 */
export function pipelineVariables(env: Record<string, PlanValue>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value.kind === 'variable' && value.name === name) continue;
    out[name] =
      value.kind === 'literal' ? value.value : shellValue(value).slice(1, -1);
  }
  return Object.keys(out).length ? out : undefined;
}
