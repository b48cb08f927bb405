import { Entity } from '@backstage/catalog-model';

/**
 * A synthetic estate of `size` entities of the mapped kinds (Components in layers that depend
 * on the layer below and consume its API, and their APIs), plus `noise` Users the graph must
 * not read, for counting catalog requests at scale.
 */
export function syntheticEstate(size: number, noise = 0): Entity[] {
  const entities: Entity[] = [];
  const components = Math.ceil(size / 2);
  for (let i = 0; i < components && entities.length < size; i++) {
    const below = i >= 10 ? [`component:default/svc-${i - 10}`] : [];
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${i}`,
        annotations: {
          'waybill.dev/business-processes': `process-${i % 5}`,
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:default/team-${i % 20}`,
        dependsOn: below,
        providesApis: [`api-${i}`],
        consumesApis: i >= 10 ? [`api-${i - 10}`] : [],
      },
    });
    if (entities.length < size) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: {
          name: `api-${i}`,
          annotations: { 'waybill.dev/api-version': '1.0.0' },
        },
        spec: { type: 'openapi', lifecycle: 'production', owner: 'team-0' },
      });
    }
  }
  for (let i = 0; i < noise; i++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `user-${i}` },
      spec: { memberOf: [] },
    });
  }
  return entities;
}
