import { Value } from './expressions';

/** Expands `strategy.matrix` as GitHub does: the product of the axes, minus `exclude`, plus `include`. */
export function expandMatrix(
  matrix: Value,
): Array<Record<string, Value>> | undefined {
  if (matrix === null || matrix === undefined) return undefined;
  if (typeof matrix !== 'object' || Array.isArray(matrix)) {
    throw new Error(
      `strategy.matrix must be a mapping: ${JSON.stringify(matrix)}`,
    );
  }
  const { include, exclude, ...axes } = matrix as Record<string, Value>;
  let legs: Array<Record<string, Value>> = [{}];
  for (const [axis, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) {
      throw new Error(`strategy.matrix.${axis} must be a sequence`);
    }
    legs = legs.flatMap(leg => values.map(v => ({ ...leg, [axis]: v })));
  }
  if (Object.keys(axes).length === 0) legs = [];
  const matches = (
    leg: Record<string, Value>,
    partial: Record<string, Value>,
  ) =>
    Object.entries(partial).every(
      ([k, v]) => JSON.stringify(leg[k]) === JSON.stringify(v),
    );
  if (Array.isArray(exclude)) {
    legs = legs.filter(
      leg =>
        !(exclude as Array<Record<string, Value>>).some(e => matches(leg, e)),
    );
  }
  if (Array.isArray(include)) {
    const original = legs.map(l => ({ ...l }));
    for (const extra of include as Array<Record<string, Value>>) {
      let added = false;
      legs.forEach((leg, i) => {
        const base = original[i];
        const overwrites = Object.entries(extra).some(
          ([k, v]) =>
            k in base && JSON.stringify(base[k]) !== JSON.stringify(v),
        );
        if (!overwrites) {
          Object.assign(leg, extra);
          added = true;
        }
      });
      if (!added) legs.push({ ...extra });
    }
  }
  if (legs.length === 0) {
    throw new Error('strategy.matrix expands to no job');
  }
  return legs;
}
