/*
 * Property tests of the entity-level functions on random estates (components with dependsOn,
 * request/response and event APIs with providers and consumers, tenants), against brute-force
 * references computed from the graph's edges.
 */
import { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { shortestPaths, transitiveClosure } from './__testUtils__/bruteForce';
import { buildDependencyGraph } from './buildDependencyGraph';
import { findCycles } from './cycles';
import { planDeployOrder } from './deployOrder';
import { analyzeImpact } from './impact';
import {
  DependencyEdgeType,
  DependencyGraph,
  IMPACT_EDGE_TYPES,
  ORDERING_EDGE_TYPES,
} from './model';
import { planReleaseTrain } from './releaseTrain';
import { TENANT_LABELS } from './__testUtils__/tenantLabels';

const estateArbitrary: fc.Arbitrary<Entity[]> = fc
  .record({
    components: fc.integer({ min: 1, max: 9 }),
    apis: fc.integer({ min: 0, max: 5 }),
    tenants: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ components, apis, tenants }) =>
    fc.record({
      dependsOn: fc.array(fc.array(fc.nat(components - 1), { maxLength: 3 }), {
        minLength: components,
        maxLength: components,
      }),
      apis: fc.array(
        fc.record({
          provider: fc.option(fc.nat(components - 1), { nil: undefined }),
          consumers: fc.uniqueArray(fc.nat(components - 1), { maxLength: 3 }),
          event: fc.boolean(),
        }),
        { minLength: apis, maxLength: apis },
      ),
      tenants: fc.array(
        fc.uniqueArray(fc.nat(components - 1), { minLength: 1, maxLength: 3 }),
        { minLength: tenants, maxLength: tenants },
      ),
    }),
  )
  .map(({ dependsOn, apis, tenants }) => {
    const entities: Entity[] = dependsOn.map((deps, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `c${i}` },
      spec: {
        type: 'service',
        dependsOn: deps.map(d => `component:c${d}`),
        providesApis: apis.flatMap((a, j) =>
          a.provider === i ? [`a${j}`] : [],
        ),
        consumesApis: apis.flatMap((a, j) =>
          a.consumers.includes(i) ? [`a${j}`] : [],
        ),
      },
    }));
    apis.forEach((a, j) =>
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: {
          name: `a${j}`,
          annotations: { 'waybill.dev/api-version': '1.0.0' },
        },
        spec: { type: a.event ? 'asyncapi' : 'openapi' },
      }),
    );
    tenants.forEach((served, k) =>
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        // A tenant reads as one only with every label (readTenant is strict).
        metadata: { name: `t${k}`, labels: TENANT_LABELS },
        spec: { type: 'tenant', dependsOn: served.map(c => `component:c${c}`) },
      }),
    );
    return entities;
  });

function edgePairs(
  graph: DependencyGraph,
  types: readonly DependencyEdgeType[],
): Array<[number, number]> {
  const index = new Map(graph.nodes.map((n, i) => [n.ref, i]));
  return graph.edges
    .filter(e => types.includes(e.type))
    .map(e => [index.get(e.source)!, index.get(e.target)!]);
}

describe('on random estates', () => {
  it('findCycles finds exactly the brute-force cycles among ordering edges', () => {
    fc.assert(
      fc.property(estateArbitrary, entities => {
        const graph = buildDependencyGraph(entities);
        const n = graph.nodes.length;
        const pairs = edgePairs(graph, ORDERING_EDGE_TYPES);
        const reach = transitiveClosure(n, pairs);
        const expected = new Set<string>();
        for (let u = 0; u < n; u++) {
          const members = graph.nodes
            .filter((_, v) => reach[u][v] && reach[v][u])
            .map(node => node.ref);
          const selfLoop = pairs.some(([a, b]) => a === u && b === u);
          if (members.length > 1 || selfLoop)
            expected.add(members.sort().join(' '));
        }
        const found = findCycles(graph).map(c =>
          [...c.members].sort().join(' '),
        );
        expect(new Set(found)).toEqual(expected);
        expect(found.length).toBe(expected.size);
      }),
    );
  });

  it('planDeployOrder respects every ordering edge outside cycles', () => {
    fc.assert(
      fc.property(estateArbitrary, entities => {
        const graph = buildDependencyGraph(entities);
        const order = planDeployOrder(graph);
        const stageOf = new Map<string, number>();
        order.stages.forEach(s =>
          s.entityRefs.forEach(r => stageOf.set(r, s.index)),
        );
        const inCycle = new Map<string, number>();
        findCycles(graph).forEach((c, i) =>
          c.members.forEach(m => inCycle.set(m, i)),
        );
        const violations = graph.edges
          .filter(e => ORDERING_EDGE_TYPES.includes(e.type))
          .filter(e => stageOf.has(e.source) && stageOf.has(e.target))
          .filter(e => {
            const sameCycle =
              inCycle.has(e.source) &&
              inCycle.get(e.source) === inCycle.get(e.target);
            return sameCycle
              ? stageOf.get(e.source) !== stageOf.get(e.target)
              : stageOf.get(e.source)! <= stageOf.get(e.target)!;
          });
        expect(violations).toEqual([]);
        // Every component is ordered; tenants and APIs are not.
        expect(order.sequence.sort()).toEqual(
          graph.nodes
            .filter(n => n.kind === 'component')
            .map(n => n.ref)
            .sort(),
        );
      }),
    );
  });

  it('planReleaseTrain puts every change in exactly one stage, providers first', () => {
    fc.assert(
      fc.property(
        estateArbitrary.chain(entities => {
          const refs = buildDependencyGraph(entities)
            .nodes.filter(n => n.kind !== 'resource' && !n.missing)
            .map(n => n.ref);
          return fc.record({
            entities: fc.constant(entities),
            changes: fc
              .shuffledSubarray(refs, { minLength: 1 })
              .map(list =>
                list.map(entityRef => ({ entityRef, version: '2.0.0' })),
              ),
          });
        }),
        ({ entities, changes }) => {
          const graph = buildDependencyGraph(entities);
          const plan = planReleaseTrain(graph, changes);
          const inStages = plan.stages.flatMap(s =>
            s.changes.map(c => c.entityRef),
          );
          expect([...inStages].sort()).toEqual(
            changes.map(c => c.entityRef).sort(),
          );
          expect(plan.sequence).toEqual(inStages);
          expect(plan.stages.every(s => s.changes.length > 0)).toBe(true);
          plan.stages.forEach(s =>
            s.changes.forEach(c => expect(c.stage).toBe(s.index)),
          );

          // Between two changed components, a dependency through anything not in a cycle
          // with it puts the provider in an earlier stage.
          const index = new Map(graph.nodes.map((node, i) => [node.ref, i]));
          const reach = transitiveClosure(
            graph.nodes.length,
            edgePairs(graph, ORDERING_EDGE_TYPES),
          );
          const components = plan.changes.filter(c => c.kind === 'component');
          const violations: string[] = [];
          for (const a of components) {
            for (const b of components) {
              const u = index.get(a.entityRef)!;
              const v = index.get(b.entityRef)!;
              if (u === v || !reach[u][v]) continue;
              const ok = reach[v][u] ? a.stage === b.stage : a.stage > b.stage;
              if (!ok)
                violations.push(
                  `${a.entityRef}@${a.stage} needs ${b.entityRef}@${b.stage}`,
                );
            }
          }
          expect(violations).toEqual([]);
        },
      ),
    );
  });

  it('analyzeImpact equals brute-force reverse reachability, with shortest distances and the tenants served', () => {
    fc.assert(
      fc.property(
        estateArbitrary.chain(entities =>
          fc.record({
            entities: fc.constant(entities),
            changed: fc.nat(),
          }),
        ),
        ({ entities, changed }) => {
          const graph = buildDependencyGraph(entities);
          const n = graph.nodes.length;
          const s = changed % n;
          const dist = shortestPaths(n, edgePairs(graph, IMPACT_EDGE_TYPES));
          const report = analyzeImpact(graph, graph.nodes[s].ref);

          const expected = graph.nodes
            .map((node, v) => [node.ref, dist[v][s]] as const)
            .filter(([, d]) => d > 0 && d < Number.POSITIVE_INFINITY)
            .map(([ref, d]) => `${ref}@${d}`)
            .sort();
          expect(
            report.affected.map(a => `${a.entityRef}@${a.distance}`).sort(),
          ).toEqual(expected);

          const reached = new Set([
            graph.nodes[s].ref,
            ...report.affected.map(a => a.entityRef),
          ]);
          const tenants = new Set(
            graph.edges
              .filter(e => e.type === 'servedBy' && reached.has(e.target))
              .map(e => e.source),
          );
          expect(new Set(report.tenants.map(t => t.entityRef))).toEqual(
            tenants,
          );
        },
      ),
    );
  });
});
