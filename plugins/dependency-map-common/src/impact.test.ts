import { InputError } from '@backstage/errors';
import {
  api,
  AVAILABILITY_API_CONSUMERS,
  component,
  demoGraph,
  loadDemoEntities,
} from './__testUtils__/demoEstate';
import { analyzeImpact } from './impact';

/** Tenants whose spec.dependsOn names any of the given components, read from the YAML. */
function tenantsServedBy(names: string[]): string[] {
  return loadDemoEntities()
    .filter(e => e.kind === 'Resource' && e.spec?.type === 'tenant')
    .filter(e =>
      ((e.spec?.dependsOn as string[]) ?? []).some(d =>
        names.includes(d.replace('component:', '')),
      ),
    )
    .map(e => `resource:default/${e.metadata.name}`)
    .sort();
}

describe('analyzeImpact', () => {
  const graph = demoGraph();

  it('gives the blast radius of the inventory module with distances, business processes and tenants', () => {
    const report = analyzeImpact(graph, 'component:default/inventory');
    expect(report.entityRefs).toEqual([component('inventory')]);
    expect(report.truncated).toBe(false);
    const at = (distance: number) =>
      report.affected
        .filter(a => a.distance === distance && a.kind === 'component')
        .map(a => a.entityRef)
        .sort();
    expect(at(1)).toEqual(
      [
        component('accounting'), // subscribes to stock events
        ...AVAILABILITY_API_CONSUMERS,
      ].sort(),
    );
    expect(at(2)).toEqual(
      [
        'carrier-labels',
        'edi-gateway',
        'order-tracking',
        'payment-reconciliation',
        'supplier-portal-sync',
      ].map(component),
    );
    expect(
      report.affected.find(a => a.entityRef === component('edi-gateway')),
    ).toMatchObject({ distance: 2 });
    expect(
      report.affected.find(
        a => a.entityRef === api('inventory-availability-api'),
      ),
    ).toMatchObject({ distance: 1, via: component('inventory') });
    expect(report.affected.filter(a => a.kind === 'api')).toHaveLength(11);
    // Distances never decrease down the list.
    const distances = report.affected.map(a => a.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    expect(
      report.businessProcesses.map(p => [p.name, p.distance, p.criticality]),
    ).toEqual([
      ['inventory-allocation', 0, 'critical'],
      ['order-to-cash', 0, 'critical'],
      ['procure-to-pay', 0, 'high'],
      ['record-to-report', 1, 'medium'],
    ]);
    expect(
      report.businessProcesses.find(p => p.name === 'record-to-report')!
        .entityRefs,
    ).toEqual([component('accounting'), component('payment-reconciliation')]);

    // Every tenant is served by inventory itself.
    expect(report.tenants).toHaveLength(44);
    expect(report.tenants.map(t => t.entityRef).sort()).toEqual(
      tenantsServedBy(['inventory']),
    );
    expect(report.tenants.every(t => t.distance === 1)).toBe(true);
    expect(
      report.tenants.find(
        t => t.entityRef === 'resource:default/meridian-internal-canary-na',
      ),
    ).toMatchObject({
      labels: {
        segment: 'wholesale',
        region: 'north-america',
        tier: 'internal',
      },
      servedBy: expect.arrayContaining([
        component('inventory'),
        component('order-tracking'),
      ]),
    });
  });

  it('lists only the tenants served by the affected deployables of a narrower change', () => {
    const report = analyzeImpact(graph, 'pricing-api');
    expect(report.affected.map(a => [a.entityRef, a.distance]).sort()).toEqual([
      [api('pricing-api'), 1],
      [component('customer-portal'), 1],
    ]);
    expect(report.tenants.map(t => t.entityRef).sort()).toEqual(
      tenantsServedBy(['pricing-api', 'customer-portal']),
    );
    expect(report.tenants.length).toBeLessThan(44);
    expect(report.businessProcesses.map(p => p.name)).toEqual([
      'order-to-cash',
      'inventory-allocation',
    ]);
  });

  it('follows an API change to its consumers', () => {
    const report = analyzeImpact(graph, 'api:default/pricing-api');
    expect(report.affected.map(a => a.entityRef)).toEqual([
      component('customer-portal'),
    ]);
  });

  it('stops at maxDepth and says it was truncated', () => {
    const report = analyzeImpact(graph, 'inventory', { maxDepth: 1 });
    expect(Math.max(...report.affected.map(a => a.distance))).toBe(1);
    expect(report.truncated).toBe(true);
    expect(analyzeImpact(graph, 'order-tracking').truncated).toBe(false);
  });

  it('rejects unknown refs', () => {
    expect(() => analyzeImpact(graph, ['inventory', 'nowhere'])).toThrow(
      InputError,
    );
  });
});
