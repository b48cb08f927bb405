import { TIERS, WAYBILL_ANNOTATIONS } from '@waybill/plugin-waybill-common';
import type { PipelineModel } from '../pipeline/model';

/** The generated repository's own validator, which checks its catalog entity. */
export const VALIDATOR_PATH = 'scripts/validate-repository.mjs';

/**
 * What the validator checks, by the name of the constant it declares: the catalog conventions,
 * and the business processes (Domain refs) the pipeline was generated for, which the entity's
 * annotation must name. It runs in the generated repository, where no package of this monorepo
 * can be imported, so they are written into it from their one source when the repository is
 * generated.
 */
function conventions(
  model: Pick<PipelineModel, 'businessProcesses'>,
): Readonly<Record<string, string | readonly string[]>> {
  return {
    TIERS,
    PROCESSES: model.businessProcesses,
    TIER_ANNOTATION: WAYBILL_ANNOTATIONS.tier,
    PROCESSES_ANNOTATION: WAYBILL_ANNOTATIONS.businessProcesses,
  };
}

/** Prettier's line width, which the generated repository checks its files against. */
const PRINT_WIDTH = 80;

function jsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A `const` declaration as Prettier formats it. */
function jsConst(name: string, value: string | readonly string[]): string {
  if (typeof value === 'string') return `const ${name} = ${jsString(value)};`;
  const oneLine = `const ${name} = [${value.map(jsString).join(', ')}];`;
  if (oneLine.length <= PRINT_WIDTH) return oneLine;
  return [
    `const ${name} = [`,
    ...value.map(v => `  ${jsString(v)},`),
    '];',
  ].join('\n');
}

/**
 * The validator with its conventions written in: each `const NAME = [];` or `const NAME = '';`
 * placeholder of the stored script becomes the convention's value.
 */
export function withConventions(
  content: string,
  model: Pick<PipelineModel, 'businessProcesses'>,
): string {
  let rendered = content;
  for (const [name, value] of Object.entries(conventions(model))) {
    const placeholder = new RegExp(`^const ${name} = (?:\\[\\]|'');$`, 'm');
    if (!placeholder.test(rendered)) {
      throw new Error(`${VALIDATOR_PATH} has no placeholder for ${name}`);
    }
    rendered = rendered.replace(placeholder, () => jsConst(name, value));
  }
  return rendered;
}
