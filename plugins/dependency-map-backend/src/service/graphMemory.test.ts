import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { withCatalogRelations } from '../__testUtils__/catalogRelations';
import { syntheticEstate } from '../__testUtils__/syntheticEstate';
import {
  buildDependencyGraph,
  findCycles,
} from '@waybill/plugin-dependency-map-common';
import { estimateGraphMemory, reachableBytes } from './graphMemory';
import { estateEntities } from './patchEstate';

/** A full garbage collection, as `--expose-gc` gives it, in a test run without the flag. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function heapUsed(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** A served graph as the plugin keeps it: built, indexed (by finding its cycles), with its estate. */
function servedGraph(size: number, relations: boolean) {
  const entities = syntheticEstate(size, size / 10);
  const estate = estateEntities(
    relations ? withCatalogRelations(entities) : entities,
  );
  const graph = buildDependencyGraph([...estate.values()]);
  findCycles(graph);
  return { graph, estate };
}

describe('estimateGraphMemory', () => {
  it('counts strings once, and objects and arrays by their fields', () => {
    const ref = 'component:default/orders';
    expect(reachableBytes([ref, ref])).toBe(reachableBytes([ref]));
    expect(reachableBytes([{ a: 1, b: 2 }])).toBeGreaterThan(
      reachableBytes([{ a: 1 }]),
    );
    expect(reachableBytes([[1, 2, 3, 4]])).toBeGreaterThan(
      reachableBytes([[1]]),
    );
  });

  it.each([
    ['specs alone', 4000, false],
    ['catalog relations', 4000, true],
  ])(
    'is within a factor of 1.5 of the heap a served graph holds (%s, %i entities)',
    (_shape, size, relations) => {
      const before = heapUsed();
      const served = servedGraph(size, relations);
      const grown = heapUsed() - before;
      const estimate = estimateGraphMemory(served.graph, served.estate);
      expect(served.graph.nodes.length).toBeGreaterThan(size / 2);
      expect(estimate / grown).toBeGreaterThan(1 / 1.5);
      expect(estimate / grown).toBeLessThan(1.5);
    },
  );

  it('grows with the estate', () => {
    const small = servedGraph(1000, true);
    const large = servedGraph(4000, true);
    const ratio =
      estimateGraphMemory(large.graph, large.estate) /
      estimateGraphMemory(small.graph, small.estate);
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5);
  });
});
