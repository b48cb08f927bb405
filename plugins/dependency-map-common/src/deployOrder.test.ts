import { InputError } from '@backstage/errors';
import { component, demoGraph, resource } from './__testUtils__/demoEstate';
import { planDeployOrder } from './deployOrder';

const sortedStages = (stages: { entityRefs: string[] }[]) =>
  stages.map(s => [...s.entityRefs].sort());

describe('planDeployOrder', () => {
  const graph = demoGraph();

  it('plans the whole estate once per graph, and a set of entities each time', () => {
    expect(planDeployOrder(graph)).toBe(planDeployOrder(graph));
    const another = { ...graph };
    expect(planDeployOrder(another)).not.toBe(planDeployOrder(graph));
    expect(planDeployOrder(another)).toEqual(planDeployOrder(graph));
    const some = { entityRefs: [component('sales')] };
    expect(planDeployOrder(graph, some)).not.toBe(planDeployOrder(graph, some));
  });

  it('orders the whole demo estate, providers first, with the inventory/purchase cycle as the one blocker', () => {
    const order = planDeployOrder(graph);
    expect(sortedStages(order.stages)).toEqual([
      [
        'accounting-db',
        'edi-archive-db',
        'erp-event-bus',
        'inventory-db',
        'pricing-db',
        'purchase-db',
        'reconciliation-db',
        'sales-db',
        'warehouse-db',
      ].map(resource),
      [component('accounting'), component('pricing-api')],
      [component('inventory'), component('purchase')],
      [
        component('inventory-sync'),
        component('sales'),
        component('supplier-portal-sync'),
      ],
      [
        component('customer-portal'),
        component('payment-reconciliation'),
        component('warehouse-management'),
      ],
      [
        component('carrier-labels'),
        component('edi-gateway'),
        component('warehouse-mobile-app'),
      ],
      [component('order-tracking')],
    ]);
    expect(order.sequence).toEqual(order.stages.flatMap(s => s.entityRefs));
    expect(order.blockers).toHaveLength(1);
    expect(order.blockers[0]).toMatchObject({ stage: 2 });
    expect(order.blockers[0].entityRefs.sort()).toEqual([
      component('inventory'),
      component('purchase'),
    ]);
    expect(order.blockers[0].message).toMatch(
      /^Inventory and Purchasing depend on each other, so Inventory and Purchasing cannot go out one strictly before the other: release them together/,
    );
    expect(order.stages[2].blockers).toEqual([0]);
    // Tenants and APIs are not deployed.
    expect(order.sequence.some(r => r.includes('canary'))).toBe(false);
    expect(order.sequence.some(r => r.startsWith('api:'))).toBe(false);
  });

  it('orders a subset and keeps constraints that run through entities outside it', () => {
    // order-tracking uses carrier-labels' API, and carrier-labels uses warehouse-management's.
    const order = planDeployOrder(graph, {
      entityRefs: ['order-tracking', 'component:default/warehouse-management'],
    });
    expect(sortedStages(order.stages)).toEqual([
      [component('warehouse-management')],
      [component('order-tracking')],
    ]);
    expect(order.blockers).toEqual([]);
  });

  it('names a cycle as a blocker only when two of its members are in the set', () => {
    expect(
      planDeployOrder(graph, { entityRefs: ['inventory', 'sales'] }).blockers,
    ).toEqual([]);
    const order = planDeployOrder(graph, {
      entityRefs: ['sales', 'purchase', 'inventory'],
    });
    expect(sortedStages(order.stages)).toEqual([
      [component('inventory'), component('purchase')],
      [component('sales')],
    ]);
    expect(order.blockers).toHaveLength(1);
  });

  it('rejects unknown refs, naming every one', () => {
    expect(() =>
      planDeployOrder(graph, { entityRefs: ['sales', 'nope', 'api:gone'] }),
    ).toThrow(InputError);
    expect(() =>
      planDeployOrder(graph, { entityRefs: ['sales', 'nope', 'api:gone'] }),
    ).toThrow('Unknown entity refs: "nope", "api:gone"');
  });
});
