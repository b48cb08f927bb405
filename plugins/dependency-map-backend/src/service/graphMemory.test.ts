import { withCatalogRelations } from '../__testUtils__/catalogRelations';
import { syntheticEstate } from '../__testUtils__/syntheticEstate';
import {
  LiveDependencyGraph,
  findCycles,
} from '@waybill/plugin-dependency-map-common';
import { estimateGraphMemory, reachableBytes } from './graphMemory';
import { estateEntities } from './patchEstate';

/** A served graph as the plugin keeps it: built, indexed (by finding its cycles), with its estate. */
function servedGraph(size: number, relations: boolean) {
  const entities = syntheticEstate(size, size / 10);
  const kept = estateEntities(
    relations ? withCatalogRelations(entities) : entities,
  );
  const estate = new LiveDependencyGraph();
  estate.apply(kept);
  const graph = estate.graph();
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
