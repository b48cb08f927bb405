import { CatalogClient } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { expectedEntityRefs, loadCatalogGraph } from './catalogGraphPeer';

/** A chain a -> b -> c -> d of components (dependsOn and the inverse), plus a Group owning a. */
function chain(): Map<string, Entity> {
  const names = ['a', 'b', 'c', 'd'];
  const entities = new Map<string, Entity>();
  names.forEach((name, i) => {
    const relations = [];
    if (i > 0) {
      relations.push({
        type: 'dependencyOf',
        targetRef: `component:default/${names[i - 1]}`,
      });
    }
    if (i < names.length - 1) {
      relations.push({
        type: 'dependsOn',
        targetRef: `component:default/${names[i + 1]}`,
      });
    }
    if (name === 'a') {
      relations.push({ type: 'ownedBy', targetRef: 'group:default/team' });
    }
    entities.set(`component:default/${name}`, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      relations,
    });
  });
  return entities;
}

/** A catalog client answering from `entities`, recording each getEntitiesByRefs call's refs. */
function fakeCatalog(entities: Map<string, Entity>, calls: string[][]) {
  return {
    getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => {
      calls.push(entityRefs);
      return { items: entityRefs.map(ref => entities.get(ref)) };
    },
  } as unknown as CatalogClient;
}

describe('expectedEntityRefs', () => {
  it('walks the loaded entities breadth first up to maxDepth, within the kinds', () => {
    const entities = chain();
    const roots = ['component:default/a'];
    expect([
      ...expectedEntityRefs(roots, entities, {
        maxDepth: 2,
        kinds: ['component'],
      }),
    ]).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
    ]);
    expect(
      expectedEntityRefs(roots, entities, { maxDepth: 1 }).has(
        'group:default/team',
      ),
    ).toBe(true);
    expect(
      expectedEntityRefs(roots, entities, {
        maxDepth: 1,
        relations: ['ownedBy'],
      }),
    ).toEqual(new Set(['component:default/a', 'group:default/team']));
  });
});

describe('loadCatalogGraph', () => {
  it('makes one getEntitiesByRefs round per depth level, asking only for what it lacks', async () => {
    const calls: string[][] = [];
    const load = await loadCatalogGraph(
      fakeCatalog(chain(), calls),
      ['component:default/a'],
      { maxDepth: 2, kinds: ['component'] },
    );
    expect(load).toEqual({ entities: 3, rounds: 3 });
    expect(calls).toEqual([
      ['component:default/a'],
      ['component:default/b'],
      ['component:default/c'],
    ]);
  });

  it('loads everything reachable with an infinite depth', async () => {
    const calls: string[][] = [];
    const load = await loadCatalogGraph(
      fakeCatalog(chain(), calls),
      ['component:default/b'],
      { maxDepth: Infinity, kinds: ['component'] },
    );
    expect(load.entities).toBe(4);
    expect(calls).toEqual([
      ['component:default/b'],
      ['component:default/a', 'component:default/c'],
      ['component:default/d'],
    ]);
  });
});
