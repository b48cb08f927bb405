import { Obj, isObj } from '../pipelineYaml';

/** Top-level keys of .gitlab-ci.yml that are not jobs. */
const GLOBAL_KEYWORDS = new Set([
  'stages',
  'workflow',
  'variables',
  'default',
  'include',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
  'spec',
]);

/** The jobs of a pipeline by id: mappings that are neither global keywords nor hidden (`.name`). */
export function jobsOf(pipeline: Obj): Record<string, Obj> {
  return Object.fromEntries(
    Object.entries(pipeline).filter(
      ([k, v]) => !GLOBAL_KEYWORDS.has(k) && !k.startsWith('.') && isObj(v),
    ),
  ) as Record<string, Obj>;
}

/** Every script line of a job: `before_script`, `script` and `after_script`, nested lists flattened. */
export function scriptsOf(job: Obj): string[] {
  const out: string[] = [];
  for (const key of ['before_script', 'script', 'after_script']) {
    const v = job[key];
    if (typeof v === 'string') out.push(v);
    if (Array.isArray(v)) {
      for (const item of v.flat(Infinity)) {
        if (typeof item === 'string') out.push(item);
      }
    }
  }
  return out;
}
