import { CATALOG_FILTER_EXISTS } from '@backstage/plugin-catalog-react';
import { entityOptionOf, entityQuery, searchTermOf } from './catalogSearch';

describe('searchTermOf', () => {
  it('searches what was typed, or the name of a typed ref', () => {
    expect(searchTermOf('  order ')).toBe('order');
    expect(searchTermOf('component:default/sales')).toBe('sales');
    expect(searchTermOf('component:sales')).toBe('sales');
    expect(searchTermOf('default/sales')).toBe('sales');
    expect(searchTermOf('component:default/')).toBe('');
    expect(searchTermOf('')).toBe('');
  });
});

describe('entityQuery', () => {
  it('asks for a page of the components something depends on, with the fields shown', () => {
    expect(entityQuery('')).toEqual({
      filter: {
        kind: 'component',
        'relations.dependencyOf': CATALOG_FILTER_EXISTS,
      },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
      limit: 50,
      orderFields: { field: 'metadata.name', order: 'asc' },
    });
  });

  it('searches names and titles for a term', () => {
    expect(entityQuery('order')).toMatchObject({
      fullTextFilter: {
        term: 'order',
        fields: ['metadata.name', 'metadata.title'],
      },
      limit: 50,
    });
  });
});

describe('entityOptionOf', () => {
  it('shows the title, else the name, and keeps the ref', () => {
    expect(
      entityOptionOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'sales', title: 'Sales Order Management' },
      }),
    ).toEqual({
      ref: 'component:default/sales',
      title: 'Sales Order Management',
    });
    expect(
      entityOptionOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'ledger', namespace: 'finance' },
      }),
    ).toEqual({ ref: 'component:finance/ledger', title: 'ledger' });
  });
});
