/*
 * The live graph against the build of the whole estate: whatever entities change, in whatever
 * order, the graph it answers equals the one a build of the estate as it then stands gives.
 * Estates are drawn from a small pool of refs so that changes collide: components that depend on
 * each other (and on refs no entity has), APIs (request/response and event) with providers and
 * consumers, systems, tenants, business processes declared by a Domain or only named.
 */
import { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { buildDependencyGraph } from './buildDependencyGraph';
import { graphIndex } from './graphIndex';
import { TENANT_LABELS } from './__testUtils__/tenantLabels';
import { LiveDependencyGraph } from './liveDependencyGraph';
import { DependencyGraph } from './model';

const COMPONENTS = ['c0', 'c1', 'c2', 'c3', 'c4'];
const APIS = ['a0', 'a1', 'a2'];
/** Processes p0 and p1 may be declared; p2 never is; d0 is a plain (product) Domain. */
const DOMAINS = ['p0', 'p1', 'p2', 'd0'];
/** What a component may depend on: other components, a tenant, a ref no entity has. */
const TARGETS = [...COMPONENTS.map(c => `component:${c}`), 'resource:t0', 'x0'];

const refsOf = (names: readonly string[]) =>
  fc.uniqueArray(fc.constantFrom(...names), { maxLength: 3 });

/** A component as a catalog would hold it, drawn anew each time it changes. */
const componentArbitrary = (name: string) =>
  fc
    .record({
      dependsOn: refsOf(TARGETS),
      providesApis: refsOf(APIS),
      consumesApis: refsOf(APIS),
      system: fc.constantFrom(undefined, 'system:s0', 'system:s1'),
      domain: fc.constantFrom(undefined, 'domain:p0', 'domain:p2', 'domain:d0'),
      processes: refsOf(['p0', 'p1', 'p2']),
      title: fc.constantFrom(undefined, 'Renamed'),
    })
    .map(
      (drawn): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name,
          ...(drawn.title ? { title: drawn.title } : {}),
          annotations: {
            'waybill.dev/business-processes': drawn.processes.join(','),
          },
        },
        spec: {
          type: 'service',
          dependsOn: drawn.dependsOn,
          providesApis: drawn.providesApis,
          consumesApis: drawn.consumesApis,
          ...(drawn.system ? { system: drawn.system } : {}),
          ...(drawn.domain ? { domain: drawn.domain } : {}),
        },
      }),
    );

const apiArbitrary = (name: string) =>
  fc.constantFrom('openapi', 'asyncapi').map(
    (type): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name },
      spec: { type },
    }),
  );

const domainArbitrary = (name: string) =>
  fc.boolean().map(
    (process): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name },
      spec: process ? { type: 'business-process' } : {},
    }),
  );

const otherEntities: Entity[] = [
  ...['s0', 's1'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name },
    spec: {},
  })),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 't0', labels: TENANT_LABELS },
    spec: { type: 'tenant', dependsOn: ['component:c0'] },
  },
];

/** Every entity the pool may hold, each with a way to draw it anew. */
const POOL: Array<[string, fc.Arbitrary<Entity>]> = [
  ...COMPONENTS.map((c): [string, fc.Arbitrary<Entity>] => [
    `component:default/${c}`,
    componentArbitrary(c),
  ]),
  ...APIS.map((a): [string, fc.Arbitrary<Entity>] => [
    `api:default/${a}`,
    apiArbitrary(a),
  ]),
  ...DOMAINS.filter(d => d !== 'p2').map(
    (d): [string, fc.Arbitrary<Entity>] => [
      `domain:default/${d}`,
      domainArbitrary(d),
    ],
  ),
  ...otherEntities.map((e): [string, fc.Arbitrary<Entity>] => [
    `${e.kind.toLowerCase()}:default/${e.metadata.name}`,
    fc.constant(e),
  ]),
];

/** One change: some refs of the pool, each drawn anew or removed. */
const changeArbitrary: fc.Arbitrary<Array<[string, Entity | undefined]>> = fc
  .uniqueArray(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 4 })
  .chain(picked =>
    fc.tuple(
      ...picked.map(i =>
        fc.tuple(
          fc.constant(POOL[i][0]),
          fc.option(POOL[i][1], { nil: undefined, freq: 4 }),
        ),
      ),
    ),
  );

/** A graph as sets: nodes by ref, edges by ends, type and APIs, processes, warnings. */
function comparable(graph: DependencyGraph) {
  const byRef = (a: { ref: string }, b: { ref: string }) =>
    a.ref < b.ref ? -1 : Number(a.ref > b.ref);
  return {
    nodes: [...graph.nodes].sort(byRef),
    edges: graph.edges
      .map(e => `${e.type} ${e.source} ${e.target} ${e.apis ?? ''}`)
      .sort(),
    processes: [...graph.processes].sort(byRef),
    warnings: [...graph.warnings].sort(),
  };
}

describe('LiveDependencyGraph', () => {
  it('answers the graph a build of the estate as it stands gives, after any changes', () => {
    fc.assert(
      fc.property(
        fc.array(changeArbitrary, { minLength: 1, maxLength: 12 }),
        changes => {
          const live = new LiveDependencyGraph();
          const estate = new Map<string, Entity>();
          for (const change of changes) {
            live.apply(new Map(change));
            for (const [ref, entity] of change) {
              if (entity) estate.set(ref, entity);
              else estate.delete(ref);
            }
            const graph = live.graph();
            expect(comparable(graph)).toEqual(
              comparable(buildDependencyGraph([...estate.values()])),
            );
            // The ends it hands the index are the ones the index would look up.
            expect(graphIndex(graph).ends()).toEqual(
              graphIndex({ ...graph }).ends(),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the nodes and edges a change cannot reach, and answers a new graph', () => {
    const live = new LiveDependencyGraph();
    const [c0, c1, c2] = ['c0', 'c1', 'c2'].map(
      (name): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name },
        spec: {
          type: 'service',
          dependsOn: name === 'c0' ? ['component:c1'] : [],
        },
      }),
    );
    live.apply(
      new Map([
        ['component:default/c0', c0],
        ['component:default/c1', c1],
        ['component:default/c2', c2],
      ]),
    );
    const before = live.graph();
    expect(live.graph()).toBe(before);
    live.apply(
      new Map([
        [
          'component:default/c2',
          { ...c2, spec: { type: 'service', dependsOn: ['component:c1'] } },
        ],
      ]),
    );
    const after = live.graph();
    expect(after).not.toBe(before);
    // An entity read again as it was (a neighbour the catalog re-reads) changes nothing.
    live.apply(new Map([['component:default/c0', structuredClone(c0)]]));
    expect(live.graph()).toBe(after);
    const node = (g: DependencyGraph, ref: string) =>
      g.nodes.find(n => n.ref === ref);
    expect(node(after, 'component:default/c0')).toBe(
      node(before, 'component:default/c0'),
    );
    expect(after.edges.find(e => e.source === 'component:default/c0')).toBe(
      before.edges.find(e => e.source === 'component:default/c0'),
    );
    expect(before.edges).toHaveLength(1);
    expect(after.edges.map(e => `${e.source} ${e.target}`).sort()).toEqual([
      'component:default/c0 component:default/c1',
      'component:default/c2 component:default/c1',
    ]);
  });

  it('answers which entities it holds and what is related to a ref, either way round', () => {
    const live = new LiveDependencyGraph();
    const component = (name: string, dependsOn: string[]): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name },
      spec: { type: 'service', dependsOn },
    });
    live.apply(
      new Map([
        [
          'component:default/c0',
          component('c0', ['component:c1', 'component:x0']),
        ],
        ['component:default/c1', component('c1', [])],
        ['component:default/c2', component('c2', ['component:c1'])],
      ]),
    );
    expect(live.holds('component:default/c1')).toBe(true);
    // Named, not held.
    expect(live.holds('component:default/x0')).toBe(false);
    expect([...live.neighbours('component:default/c1')].sort()).toEqual([
      'component:default/c0',
      'component:default/c2',
    ]);
    expect([...live.neighbours('component:default/c0')].sort()).toEqual([
      'component:default/c1',
      'component:default/x0',
    ]);
    live.apply(new Map([['component:default/c2', undefined]]));
    expect(live.holds('component:default/c2')).toBe(false);
    expect([...live.neighbours('component:default/c1')]).toEqual([
      'component:default/c0',
    ]);
  });

  it('leaves the graph as it was when an entity cannot be read', () => {
    const live = new LiveDependencyGraph();
    const c0: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'c0' },
      spec: { type: 'service' },
    };
    live.apply(new Map([['component:default/c0', c0]]));
    const before = live.graph();
    const broken = { ...c0, kind: undefined } as unknown as Entity;
    expect(() =>
      live.apply(
        new Map<string, Entity | undefined>([
          ['component:default/c0', undefined],
          ['component:default/c9', broken],
        ]),
      ),
    ).toThrow();
    expect(live.graph()).toBe(before);
    expect(live.size).toBe(1);
  });
});
