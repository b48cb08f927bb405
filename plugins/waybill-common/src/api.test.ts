import type { Entity } from '@backstage/catalog-model';
import {
  WAYBILL_ANNOTATIONS,
  parseApiRequirements,
  readApiRequirements,
} from './index';

describe('parseApiRequirements', () => {
  it('reads ref and range pairs, the range being everything after the first space', () => {
    expect(
      parseApiRequirements(
        'inventory-availability-api >=3.0.0 <4.0.0; api:finance/Ledger-API ^4.0.0;',
      ),
    ).toEqual({
      requirements: [
        {
          apiRef: 'api:default/inventory-availability-api',
          range: '>=3.0.0 <4.0.0',
        },
        { apiRef: 'api:finance/ledger-api', range: '^4.0.0' },
      ],
      problems: [],
    });
  });

  it('resolves short refs in the given namespace', () => {
    expect(
      parseApiRequirements('pricing-api ^1.0.0', { defaultNamespace: 'sales' })
        .requirements,
    ).toEqual([{ apiRef: 'api:sales/pricing-api', range: '^1.0.0' }]);
  });

  it('names the entries it cannot read, in order, and keeps the rest', () => {
    expect(
      parseApiRequirements('catalog-api; api: ^1.0.0; pricing-api ^1.0.0'),
    ).toEqual({
      requirements: [{ apiRef: 'api:default/pricing-api', range: '^1.0.0' }],
      problems: [
        'API requirement "catalog-api" has no version range',
        'cannot read API requirement "api:" as an entity ref',
      ],
    });
  });

  it('reads an empty value as no requirements', () => {
    expect(parseApiRequirements(' ; ')).toEqual({
      requirements: [],
      problems: [],
    });
  });
});

describe('readApiRequirements', () => {
  const entity = (annotations?: Record<string, string>): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', namespace: 'retail', annotations },
    spec: {},
  });

  it('reads the annotation in the entity namespace', () => {
    expect(
      readApiRequirements(
        entity({ [WAYBILL_ANNOTATIONS.apiRequirements]: 'pricing-api ^2.0.0' }),
      ),
    ).toEqual({
      requirements: [{ apiRef: 'api:retail/pricing-api', range: '^2.0.0' }],
      problems: [],
    });
  });

  it('is undefined without the annotation', () => {
    expect(readApiRequirements(entity())).toBeUndefined();
  });
});
