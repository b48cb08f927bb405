import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  api,
  AVAILABILITY_API_CONSUMERS,
  component,
  demoGraph,
  loadDemoEntities,
} from './__testUtils__/demoEstate';
import { buildDependencyGraph } from './buildDependencyGraph';
import { planReleaseTrain, rolloutSequence } from './releaseTrain';

const stagesOf = (plan: ReturnType<typeof planReleaseTrain>) =>
  plan.stages.map(s => s.changes.map(c => c.entityRef).sort());

describe('planReleaseTrain on the demo estate', () => {
  const graph = demoGraph();

  it('plans the pricing v3 train: the API goes live with its provider, the portal after it', () => {
    const plan = planReleaseTrain(graph, [
      { entityRef: 'customer-portal', version: '5.0.0' },
      { entityRef: 'api:pricing-api', version: '3.0.0' },
      { entityRef: 'component:default/pricing-api', version: '3.0.0' },
    ]);
    expect(stagesOf(plan)).toEqual([
      [api('pricing-api'), component('pricing-api')],
      [component('customer-portal')],
    ]);
    expect(plan.sequence.indexOf(component('customer-portal'))).toBe(2);
    expect(plan.changes.map(c => [c.entityRef, c.version, c.stage])).toEqual([
      [component('customer-portal'), '5.0.0', 1],
      [api('pricing-api'), '3.0.0', 0],
      [component('pricing-api'), '3.0.0', 0],
    ]);
    expect(plan.changes[1]).toMatchObject({
      currentVersion: '2.4.0',
      ridesWith: [component('pricing-api')],
    });
    expect(plan.blockers).toEqual([]);
    expect(plan.incompatibilities).toEqual([]);
    expect(plan.safe).toBe(true);
    expect(plan.prematureConsumers).toEqual([
      expect.objectContaining({
        consumer: component('customer-portal'),
        needs: api('pricing-api'),
        reason: 'needs-new-api-version',
        range: '^3.0.0',
        message:
          'Customer Portal requires Pricing API ^3.0.0, which only 3.0.0 from this train satisfies (it is at 2.4.0 now): it must go out after Pricing API Service',
      }),
      expect.objectContaining({
        consumer: component('customer-portal'),
        needs: component('pricing-api'),
        reason: 'listed-before-provider',
      }),
    ]);
  });

  it('reports the portal as incompatible when the train does not bring pricing-api v3', () => {
    const plan = planReleaseTrain(graph, [
      { entityRef: 'customer-portal', version: '5.0.0' },
      { entityRef: 'pricing-api', version: '2.5.0' },
    ]);
    expect(plan.safe).toBe(false);
    expect(plan.incompatibilities).toEqual([
      expect.objectContaining({
        consumer: component('customer-portal'),
        api: api('pricing-api'),
        version: '2.4.0',
        status: 'incompatible',
      }),
    ]);
  });

  it('reports the consumers a breaking API version would leave behind, even outside the train', () => {
    const plan = planReleaseTrain(graph, [
      { entityRef: 'inventory', version: '8.0.0' },
      { entityRef: 'api:inventory-availability-api', version: '4.0.0' },
    ]);
    expect(plan.incompatibilities.map(i => i.consumer).sort()).toEqual(
      AVAILABILITY_API_CONSUMERS,
    );
    expect(stagesOf(plan)).toEqual([
      [api('inventory-availability-api'), component('inventory')],
    ]);
  });

  it('names the inventory/purchase cycle as a blocker when both are in the train', () => {
    const plan = planReleaseTrain(graph, [
      { entityRef: 'sales', version: '9.0.0' },
      { entityRef: 'purchase', version: '4.2.0' },
      { entityRef: 'inventory', version: '7.1.0' },
    ]);
    expect(stagesOf(plan)).toEqual([
      [component('inventory'), component('purchase')],
      [component('sales')],
    ]);
    expect(plan.blockers).toHaveLength(1);
    expect(plan.stages[0].blockers).toEqual([0]);
    expect(plan.safe).toBe(false);
    expect(plan.prematureConsumers).toEqual([
      expect.objectContaining({
        consumer: component('sales'),
        needs: component('inventory'),
        reason: 'listed-before-provider',
        message:
          'Sales Order Management is listed before Inventory, which it depends on: it goes out in stage 2, after Inventory in stage 1',
      }),
    ]);
  });

  it('plans the rest when some changes are bad, naming each bad one, its position and why', () => {
    const plan = planReleaseTrain(graph, [
      { entityRef: 'sales', version: '9.0.0' },
      { entityRef: 'component:warehouse-robots', version: '1.0.0' },
      { entityRef: 'inventory', version: '7.1.0' },
      { entityRef: 'component:default/sales', version: '9.0.1' },
      { entityRef: 'api:pricing-api', version: 'v3' },
      { entityRef: 'x/', version: '1.0.0' },
    ]);
    expect(plan.rejected).toEqual([
      {
        index: 1,
        entityRef: 'component:warehouse-robots',
        version: '1.0.0',
        reason: 'unknown-entity',
        message:
          'No entity "component:warehouse-robots" in the dependency map (it holds Components, APIs, Resources, Systems and Domains read from the catalog)',
      },
      {
        index: 3,
        entityRef: 'component:default/sales',
        version: '9.0.1',
        reason: 'duplicate',
        message:
          'component:default/sales is listed more than once (first as change 1): list it once',
      },
      {
        index: 4,
        entityRef: 'api:pricing-api',
        version: 'v3',
        reason: 'invalid-version',
        message:
          'api:default/pricing-api: API version "v3" is not semver x.y.z',
      },
      expect.objectContaining({ index: 5, reason: 'unreadable-ref' }),
    ]);
    // The rest is planned as a train of its own: inventory first, then sales.
    expect(plan.changes.map(c => [c.entityRef, c.version])).toEqual([
      [component('sales'), '9.0.0'],
      [component('inventory'), '7.1.0'],
    ]);
    expect(stagesOf(plan)).toEqual([
      [component('inventory')],
      [component('sales')],
    ]);
    expect(plan.prematureConsumers).toEqual([
      expect.objectContaining({
        consumer: component('sales'),
        needs: component('inventory'),
        reason: 'listed-before-provider',
      }),
    ]);
    expect(plan.blockers).toEqual([]);
    expect(plan.safe).toBe(false);
    expect(
      planReleaseTrain(graph, [
        { entityRef: 'sales', version: '9.0.0' },
        { entityRef: 'inventory', version: '7.1.0' },
      ]).safe,
    ).toBe(true);
  });

  it('answers a train of only bad changes with an empty plan, and refuses one without changes', () => {
    const plan = planReleaseTrain(graph, [
      { entityRef: 'api:teleport-api', version: '1.0.0' },
    ]);
    expect(plan).toMatchObject({
      changes: [],
      sequence: [],
      stages: [],
      safe: false,
      rejected: [
        expect.objectContaining({ index: 0, reason: 'unknown-entity' }),
      ],
    });
    expect(() => planReleaseTrain(graph, [])).toThrow(
      new InputError('A release train needs at least one change'),
    );
  });

  it('counts the tenants each deployable serves, which its rollout goes to', () => {
    const plan = planReleaseTrain(graph, [
      { entityRef: 'inventory', version: '7.1.0' },
      { entityRef: 'customer-portal', version: '5.0.0' },
      { entityRef: 'pricing-api', version: '3.0.0' },
      { entityRef: 'api:pricing-api', version: '3.0.0' },
    ]);
    expect(plan.changes.map(c => [c.entityRef, c.tenants])).toEqual([
      [component('inventory'), 44],
      [component('customer-portal'), 27],
      [component('pricing-api'), 27],
      [api('pricing-api'), undefined],
    ]);

    // Rollouts stage by stage: the API goes live with pricing-api and has none of its own.
    expect(rolloutSequence(plan).map(c => c.entityRef)).toEqual([
      component('inventory'),
      component('pricing-api'),
      component('customer-portal'),
    ]);
    const withoutTenants = {
      ...plan,
      stages: plan.stages.map(s => ({
        ...s,
        changes: s.changes.map(c =>
          c.entityRef === component('inventory') ? { ...c, tenants: 0 } : c,
        ),
      })),
    };
    expect(rolloutSequence(withoutTenants).map(c => c.entityRef)).toEqual([
      component('pricing-api'),
      component('customer-portal'),
    ]);
  });
});

describe('planReleaseTrain with event APIs', () => {
  const entities = (subscriberRange: string): Entity[] => [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'publisher' },
      spec: { type: 'service', providesApis: ['shipment-events'] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'shipment-events',
        annotations: { 'waybill.dev/api-version': '1.4.0' },
      },
      spec: { type: 'asyncapi' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'subscriber',
        annotations: {
          'waybill.dev/api-requirements': `shipment-events ${subscriberRange}`,
        },
      },
      spec: { type: 'service', consumesApis: ['shipment-events'] },
    },
  ];
  const train = [
    { entityRef: 'subscriber', version: '2.0.0' },
    { entityRef: 'api:shipment-events', version: '2.0.0' },
  ];

  it('lets a subscriber go out with the publisher when it does not need the new events', () => {
    const plan = planReleaseTrain(
      buildDependencyGraph(entities('>=1.0.0 <3.0.0')),
      train,
    );
    expect(stagesOf(plan)).toEqual([
      [api('shipment-events'), component('subscriber')],
    ]);
  });

  it('holds a subscriber back until the publisher emits the event version it needs', () => {
    const plan = planReleaseTrain(
      buildDependencyGraph(entities('^2.0.0')),
      train,
    );
    expect(stagesOf(plan)).toEqual([
      [api('shipment-events')],
      [component('subscriber')],
    ]);
    expect(plan.prematureConsumers[0]).toMatchObject({
      consumer: component('subscriber'),
      reason: 'needs-new-api-version',
    });
  });

  it('names the cycle such a constraint closes in the demo: sales needs accounting (through inventory and purchase too), accounting needs the new sales events', () => {
    const demo = loadDemoEntities().map(entity =>
      entity.metadata.name === 'accounting' && entity.kind === 'Component'
        ? {
            ...entity,
            metadata: {
              ...entity.metadata,
              annotations: {
                ...entity.metadata.annotations,
                'waybill.dev/api-requirements':
                  'order-events ^3.0.0; stock-events ^1.0.0',
              },
            },
          }
        : entity,
    );
    const plan = planReleaseTrain(buildDependencyGraph(demo), [
      { entityRef: 'accounting', version: '6.0.0' },
      { entityRef: 'api:order-events', version: '3.0.0' },
    ]);
    expect(plan.blockers).toHaveLength(1);
    expect(plan.blockers[0].cycle.members.sort()).toEqual([
      component('accounting'),
      component('inventory'),
      component('purchase'),
      component('sales'),
    ]);
    expect(plan.blockers[0].entityRefs.sort()).toEqual([
      api('order-events'),
      component('accounting'),
    ]);
    expect(plan.safe).toBe(false);
  });
});
