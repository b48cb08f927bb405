import { TIERS, WAYBILL_ANNOTATIONS } from '@waybill/plugin-waybill-common';
import { BUSINESS_PROCESSES } from '../pipeline/model';

/** The generated repository's own validator, which checks its catalog entity. */
export const VALIDATOR_PATH = 'scripts/validate-repository.mjs';

/**
 * The catalog conventions the validator checks, by the name of the constant it declares. It runs
 * in the generated repository, where no package of this monorepo can be imported, so they are
 * written into it from their one source when the repository is generated.
 */
const CONVENTIONS: Readonly<Record<string, string | readonly string[]>> = {
  TIERS,
  PROCESSES: BUSINESS_PROCESSES,
  TIER_ANNOTATION: WAYBILL_ANNOTATIONS.tier,
  PROCESSES_ANNOTATION: WAYBILL_ANNOTATIONS.businessProcesses,
};

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
export function withConventions(content: string): string {
  let rendered = content;
  for (const [name, value] of Object.entries(CONVENTIONS)) {
    const placeholder = new RegExp(`^const ${name} = (?:\\[\\]|'');$`, 'm');
    if (!placeholder.test(rendered)) {
      throw new Error(`${VALIDATOR_PATH} has no placeholder for ${name}`);
    }
    rendered = rendered.replace(placeholder, () => jsConst(name, value));
  }
  return rendered;
}
