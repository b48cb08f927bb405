import { component, demoGraph } from './__testUtils__/demoEstate';
import { findNode, normalizeEntityRef } from './graphIndex';

describe('normalizeEntityRef and findNode', () => {
  it('accept refs written the way people write them', () => {
    expect(normalizeEntityRef('Inventory')).toBe(component('inventory'));
    expect(normalizeEntityRef('API:pricing-api')).toBe(
      'api:default/pricing-api',
    );
    expect(normalizeEntityRef('order-to-cash', 'domain')).toBe(
      'domain:default/order-to-cash',
    );
    expect(normalizeEntityRef('   ')).toBeUndefined();
    expect(findNode(demoGraph(), 'component:default/sales')?.title).toBe(
      'Sales Order Management',
    );
    expect(findNode(demoGraph(), 'nothing-here')).toBeUndefined();
  });
});
