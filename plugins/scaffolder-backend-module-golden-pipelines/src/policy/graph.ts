import { StageId } from '../pipeline/stages';

/** True when a job id names the stage: the stage id itself or `<stage>-<suffix>`. */
export function hasStage(ids: Iterable<string>, stage: StageId): boolean {
  for (const id of ids) {
    if (id === stage || id.startsWith(`${stage}-`)) return true;
  }
  return false;
}

/** Every job a job waits for, directly or through other jobs. */
export function transitiveNeeds(
  id: string,
  needsOf: (id: string) => string[],
): Set<string> {
  const seen = new Set<string>();
  const stack = [...needsOf(id)];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...needsOf(next));
  }
  return seen;
}
