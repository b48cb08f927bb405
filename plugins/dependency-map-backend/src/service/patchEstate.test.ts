import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DependencyGraph } from '@waybill/plugin-dependency-map-common';
import { withCatalogRelations } from '../__testUtils__/catalogRelations';
import { swappableCatalog } from '../__testUtils__/swappableCatalog';
import { syntheticEstate } from '../__testUtils__/syntheticEstate';
import { CatalogDependencyGraph } from './CatalogDependencyGraph';

function graphOn(catalog: CatalogService, pageSize = 100) {
  return new CatalogDependencyGraph({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    maxNodes: 50_000,
    pageSize,
  });
}

/** A graph as sets: nodes by ref, edges by their ends and type, cycles by their members. */
function comparable(graph: DependencyGraph, cycles: string[][]) {
  const byRef = (a: { ref: string }, b: { ref: string }) =>
    a.ref < b.ref ? -1 : Number(a.ref > b.ref);
  return {
    nodes: [...graph.nodes].sort(byRef),
    edges: graph.edges
      .map(
        e => `${e.type} ${e.source} ${e.target} ${[...(e.apis ?? [])].sort()}`,
      )
      .sort(),
    processes: [...graph.processes].sort(byRef),
    cycles: cycles.map(members => [...members].sort().join(' ')).sort(),
  };
}

/** A deterministic pseudo-random sequence (a linear congruential generator). */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

type Change = (estate: Entity[], pick: (n: number) => number) => string[];

const components = (estate: Entity[]) =>
  estate.filter(e => e.kind === 'Component');

/** Changes an estate in place as a catalog would see it; each answers the refs it changed. */
const CHANGES: Record<string, Change> = {
  rewire(estate, pick) {
    const all = components(estate);
    const entity = all[pick(all.length)];
    const other = all[pick(all.length)];
    entity.spec = {
      ...entity.spec,
      // Any layer, so cycles come and go.
      dependsOn: [stringifyEntityRef(other)],
      consumesApis: [`api-${other.metadata.name.slice(4)}`],
    };
    return [stringifyEntityRef(entity)];
  },
  remove(estate, pick) {
    const [entity] = estate.splice(pick(estate.length), 1);
    return [stringifyEntityRef(entity)];
  },
  add(estate, pick) {
    const all = components(estate);
    const name = `new-${estate.length}-${pick(1000)}`;
    estate.push(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name },
        spec: {
          type: 'service',
          owner: 'team-0',
          dependsOn: [stringifyEntityRef(all[pick(all.length)])],
          providesApis: [`api-${name}`],
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: `api-${name}` },
        spec: { type: 'openapi', owner: 'team-0' },
      },
    );
    return [`component:default/${name}`, `api:default/api-${name}`];
  },
  retitle(estate, pick) {
    const entity = estate[pick(estate.length)];
    entity.metadata = { ...entity.metadata, title: `Renamed ${pick(100)}` };
    return [stringifyEntityRef(entity)];
  },
};

describe('patching the graph for changed entities', () => {
  it('derives again only what a change can reach: the rest of the graph is the same objects', async () => {
    const estate = syntheticEstate(400);
    const { catalog, serve, byRefs } = swappableCatalog(
      withCatalogRelations(estate),
    );
    const graph = graphOn(catalog);
    const before = (await graph.refresh('manual')).graph;
    const changed = estate.find(e => e.metadata.name === 'svc-100')!;
    changed.metadata = { ...changed.metadata, title: 'Renamed' };
    serve(withCatalogRelations(estate));
    byRefs.mockClear();
    const after = (await graph.patch(['component:default/svc-100'])).graph;

    expect(after).not.toBe(before);
    // Its relations did not change: one round reads it and its neighbours.
    expect(byRefs).toHaveBeenCalledTimes(1);
    const nodeOf = (g: DependencyGraph, ref: string) =>
      g.nodes.find(n => n.ref === ref);
    expect(nodeOf(after, 'component:default/svc-100')?.title).toBe('Renamed');
    // Far from the change: the very objects of the previous graph.
    const far = 'component:default/svc-150';
    expect(nodeOf(after, far)).toBe(nodeOf(before, far));
    const edgesOf = (g: DependencyGraph) =>
      g.edges.filter(e => e.source === far);
    expect(edgesOf(after).length).toBeGreaterThan(0);
    edgesOf(after).forEach((edge, i) => expect(edge).toBe(edgesOf(before)[i]));
    const same = after.nodes.filter(n => nodeOf(before, n.ref) === n).length;
    expect(same).toBeGreaterThan(after.nodes.length - 20);
  });

  it.each([
    ['with catalog relations', true],
    ['from specs alone', false],
  ])(
    'gives the graph a full build gives, over random changes (%s)',
    async (_name, relations) => {
      const pick = random(relations ? 17 : 23);
      const estate = syntheticEstate(400);
      const served = () =>
        relations ? withCatalogRelations(estate) : structuredClone(estate);
      const { catalog, serve } = swappableCatalog(served());
      const graph = graphOn(catalog);
      await graph.refresh('manual');
      const kinds = Object.keys(CHANGES);
      let cyclesSeen = 0;
      for (let step = 0; step < 30; step++) {
        const changed = [0, 1, 2].flatMap(() =>
          CHANGES[kinds[pick(kinds.length)]](estate, pick),
        );
        serve(served());
        const patched = await graph.patch(changed);
        const full = await graphOn(catalog).refresh('manual');
        expect(patched.build).toMatchObject({
          kind: 'incremental',
          trigger: 'event',
          nodeCount: full.build.nodeCount,
          edgeCount: full.build.edgeCount,
          cycleCount: full.build.cycleCount,
        });
        const { findCycles } = jest.requireActual(
          '@waybill/plugin-dependency-map-common',
        );
        const cyclesOf = (g: DependencyGraph) =>
          findCycles(g).map((c: { members: string[] }) => c.members);
        expect(comparable(patched.graph, cyclesOf(patched.graph))).toEqual(
          comparable(full.graph, cyclesOf(full.graph)),
        );
        cyclesSeen += full.build.cycleCount;
      }
      expect(cyclesSeen).toBeGreaterThan(0);
      expect(graph.status()).toMatchObject({ builds: 1, patches: 30 });
    },
  );
});
