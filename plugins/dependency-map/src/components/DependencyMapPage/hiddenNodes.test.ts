import type {
  DependencySubgraph,
  SubgraphNode,
} from '@waybill/plugin-dependency-map-common';
import { shownClasses, visibleSubgraph } from './hiddenNodes';

const node = (ref: string, kind: string, type?: string): SubgraphNode => ({
  ref,
  kind,
  namespace: 'default',
  name: ref.split('/')[1],
  type,
  title: ref,
  businessProcesses: [],
});

const view: DependencySubgraph = {
  nodes: [
    node('component:default/app', 'component', 'service'),
    node('resource:default/app-db', 'resource', 'database'),
    node('resource:default/cache', 'resource', 'cache'),
    node('resource:default/broker', 'resource', 'message-broker'),
    node('resource:default/t1', 'resource', 'tenant'),
    node('resource:default/t2', 'resource', 'tenant'),
  ],
  edges: [
    {
      source: 'component:default/app',
      target: 'resource:default/app-db',
      type: 'dependsOn',
    },
    {
      source: 'component:default/app',
      target: 'resource:default/broker',
      type: 'dependsOn',
    },
    ...['t1', 't2'].flatMap(t => [
      {
        source: `resource:default/${t}`,
        target: 'component:default/app',
        type: 'servedBy' as const,
      },
      {
        source: `resource:default/${t}`,
        target: 'resource:default/app-db',
        type: 'servedBy' as const,
      },
    ]),
  ],
  truncated: false,
};

const refs = (v: DependencySubgraph) => v.nodes.map(n => n.ref);

describe('visibleSubgraph', () => {
  it('hides tenants and data stores with their edges, and counts the tenants each node serves', () => {
    const { view: shown, hidden } = visibleSubgraph(view, {
      tenants: false,
      dataStores: false,
    });
    expect(refs(shown)).toEqual([
      'component:default/app',
      'resource:default/broker',
    ]);
    expect(shown.edges).toEqual([view.edges[1]]);
    expect(hidden.tenants).toBe(2);
    expect(hidden.dataStores).toBe(2);
    // The hidden database's tenants are not summed up: it is not drawn.
    expect([...hidden.tenantsByNode]).toEqual([['component:default/app', 2]]);
  });

  it('sums tenants up on a shown data store, and keeps the focus whatever it is', () => {
    const { view: shown, hidden } = visibleSubgraph(
      view,
      { tenants: false, dataStores: true },
      'resource:default/t1',
    );
    expect(refs(shown)).toContain('resource:default/t1');
    expect(refs(shown)).not.toContain('resource:default/t2');
    expect(hidden.tenants).toBe(1);
    expect(hidden.tenantsByNode.get('resource:default/app-db')).toBe(1);
  });

  it('answers the view itself when nothing is hidden', () => {
    const all = visibleSubgraph(view, { tenants: true, dataStores: true });
    expect(all.view).toBe(view);
    expect(all.hidden.tenantsByNode.size).toBe(0);
  });
});

describe('shownClasses', () => {
  it('shows what the switches or a type filter ask for', () => {
    const show = { tenants: false, dataStores: false };
    expect(shownClasses({ show, filter: {} })).toEqual(show);
    expect(shownClasses({ show, filter: { types: ['Database'] } })).toEqual({
      tenants: false,
      dataStores: true,
    });
    expect(
      shownClasses({ show: { ...show, tenants: true }, filter: {} }),
    ).toEqual({ tenants: true, dataStores: false });
  });
});
