import { Entity } from '@backstage/catalog-model';
import { Estate, estateShape, generateEstate } from './estate';

/*
 * The estate grown in steps, for the sizes of one run (e.g. 5,000, 20,000, 50,000 nodes) in one
 * catalog: each step adds a generated estate of the difference beside what is there (its own
 * namespace, with its own Groups, Systems and business-process Domains), so the catalog ingests
 * each entity once and nothing it holds changes between steps.
 */

/** One size of the run: the estate the catalog holds then, and what this step adds to it. */
export interface EstateStep {
  /** Graph nodes the estate has at this step. */
  size: number;
  /** The namespace of the entities this step adds (`default` for the first). */
  namespace: string;
  /** Everything the catalog holds at this step. */
  estate: Estate;
  /** The entities this step adds. */
  added: Entity[];
}

/** `estate` moved to `namespace`: its entities, and the refs known about it. */
function inNamespace(estate: Estate, namespace: string): Estate {
  if (namespace === 'default') return estate;
  const ref = (r: string) => r.replace(':default/', `:${namespace}/`);
  return {
    ...estate,
    entities: estate.entities.map(e => ({
      ...e,
      metadata: { ...e.metadata, namespace },
    })),
    refs: {
      components: estate.refs.components.map(ref),
      deployables: estate.refs.deployables.map(ref),
      apis: estate.refs.apis.map(ref),
      nodes: estate.refs.nodes.map(ref),
    },
    plantedCycles: estate.plantedCycles.map(c => c.map(ref)),
  };
}

/** Two estates side by side, as one. */
function union(a: Estate, b: Estate): Estate {
  return {
    shape: b.shape,
    seed: a.seed,
    entities: [...a.entities, ...b.entities],
    refs: {
      components: [...a.refs.components, ...b.refs.components],
      deployables: [...a.refs.deployables, ...b.refs.deployables],
      apis: [...a.refs.apis, ...b.refs.apis],
      nodes: [...a.refs.nodes, ...b.refs.nodes],
    },
    plantedCycles: [...a.plantedCycles, ...b.plantedCycles],
  };
}

/**
 * The steps of a run over `sizes` (graph nodes, increasing): the first is the estate of the
 * first size; each later one adds an estate of the difference (seeded `seed + step`) in
 * namespace `step-<n>`.
 */
export function estateSteps(sizes: number[], seed: number): EstateStep[] {
  const steps: EstateStep[] = [];
  let held: Estate | undefined;
  sizes.forEach((size, i) => {
    const previous = i === 0 ? 0 : sizes[i - 1];
    if (size <= previous) {
      throw new Error(
        `WAYBILL_BENCH_SIZES must increase: ${size} after ${previous}`,
      );
    }
    const namespace = i === 0 ? 'default' : `step-${i + 1}`;
    const part = inNamespace(
      generateEstate(estateShape(size - previous), seed + i),
      namespace,
    );
    held = held ? union(held, part) : part;
    steps.push({ size, namespace, estate: held, added: part.entities });
  });
  return steps;
}
