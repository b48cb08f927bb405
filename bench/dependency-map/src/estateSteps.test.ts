import { stringifyEntityRef } from '@backstage/catalog-model';
import { buildDependencyGraph } from '@waybill/plugin-dependency-map-common';
import { withCatalogRelations } from './catalogRelations';
import { estateSteps } from './estateSteps';

describe('estateSteps', () => {
  it('grows the estate by adding entities in a namespace of their own per step', () => {
    const steps = estateSteps([300, 800], 7);
    expect(steps.map(s => [s.size, s.namespace])).toEqual([
      [300, 'default'],
      [800, 'step-2'],
    ]);
    const [first, second] = steps;
    expect(
      second.estate.entities.slice(0, first.estate.entities.length),
    ).toEqual(first.estate.entities);
    expect(second.added.every(e => e.metadata.namespace === 'step-2')).toBe(
      true,
    );
    expect(second.estate.refs.nodes.every(r => !r.includes(':default/'))).toBe(
      false,
    );
    const graph = buildDependencyGraph(
      withCatalogRelations(second.estate.entities),
    );
    expect(graph.nodes).toHaveLength(800);
    expect(graph.warnings).toEqual([]);
    const nodeRefs = new Set(graph.nodes.map(n => n.ref));
    expect(second.estate.refs.nodes.every(r => nodeRefs.has(r))).toBe(true);
    expect(
      new Set(second.estate.entities.map(e => stringifyEntityRef(e))).size,
    ).toBe(second.estate.entities.length);
  });

  it('refuses sizes that do not increase', () => {
    expect(() => estateSteps([500, 500], 7)).toThrow(/must increase/);
  });
});
