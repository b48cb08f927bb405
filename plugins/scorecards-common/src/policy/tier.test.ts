import type { Entity } from '@backstage/catalog-model';
import { tierOfEntity } from './tier';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
    spec: { type: 'erp-module', lifecycle: 'production', owner: 'group:erp' },
  };
}

describe('tierOfEntity', () => {
  it('reads the waybill.dev/tier annotation', () => {
    expect(tierOfEntity(component({ 'waybill.dev/tier': 'critical' }))).toBe(
      'critical',
    );
    expect(tierOfEntity(component({ 'waybill.dev/tier': ' internal ' }))).toBe(
      'internal',
    );
  });

  it('falls back to standard when the annotation is absent or unknown', () => {
    expect(tierOfEntity(component())).toBe('standard');
    expect(tierOfEntity(component({ 'waybill.dev/tier': 'gold' }))).toBe(
      'standard',
    );
  });
});
