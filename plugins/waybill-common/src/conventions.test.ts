import type { JsonObject } from '@backstage/types';
import type { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_TIER,
  apiVersionOf,
  businessProcessesOf,
  declaredTierOf,
  isBusinessProcessEntity,
  isTenantEntity,
  normalizeEntityRef,
  parseEntityRef,
  readBusinessProcesses,
  readTenant,
  rolloutStrategyLocationOf,
  servesEntity,
  tenantOf,
  tierOf,
  tryNormalizeEntityRef,
} from '.';

function entity(
  kind: string,
  name: string,
  extra: {
    namespace?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    spec?: JsonObject;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: extra.namespace,
      annotations: extra.annotations,
      labels: extra.labels,
    },
    spec: extra.spec,
  };
}

const tenantLabels = {
  'waybill.dev/segment': 'grocery',
  'waybill.dev/region': 'eu-west',
  'waybill.dev/tier': 'critical',
  'waybill.dev/cloud': 'aws',
  'waybill.dev/tenancy': 'shared',
};

describe('entity refs', () => {
  it('normalizes short and full refs to one lower-cased spelling', () => {
    expect(normalizeEntityRef('Component:Default/Sales')).toBe(
      'component:default/sales',
    );
    expect(normalizeEntityRef('sales', { defaultKind: 'component' })).toBe(
      'component:default/sales',
    );
    expect(
      normalizeEntityRef('Orders', {
        defaultKind: 'domain',
        defaultNamespace: 'Logistics',
      }),
    ).toBe('domain:logistics/orders');
    expect(normalizeEntityRef(entity('Component', 'Sales'))).toBe(
      'component:default/sales',
    );
    expect(parseEntityRef(' resource:ACME ')).toEqual({
      kind: 'resource',
      namespace: 'default',
      name: 'acme',
    });
  });

  it('refuses what is no ref with an InputError naming it', () => {
    expect(() => normalizeEntityRef('sales')).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining('"sales"'),
      }),
    );
    expect(() => normalizeEntityRef('/x')).toThrow('"/x"');
    expect(tryNormalizeEntityRef('sales')).toBeUndefined();
    expect(tryNormalizeEntityRef(42)).toBeUndefined();
    expect(tryNormalizeEntityRef('  ')).toBeUndefined();
    expect(tryNormalizeEntityRef('component:Sales')).toBe(
      'component:default/sales',
    );
  });
});

describe('tier', () => {
  it('reads the annotation, then the label, then defaults', () => {
    expect(
      tierOf(
        entity('Component', 'a', {
          annotations: { 'waybill.dev/tier': 'Critical ' },
        }),
      ),
    ).toBe('critical');
    expect(
      tierOf(
        entity('Resource', 't', { labels: { 'waybill.dev/tier': 'internal' } }),
      ),
    ).toBe('internal');
    expect(tierOf(entity('Component', 'b'))).toBe(DEFAULT_TIER);
    expect(declaredTierOf(entity('Component', 'b'))).toBeUndefined();
  });

  it('ignores a value that is no tier', () => {
    const odd = entity('Component', 'c', {
      annotations: { 'waybill.dev/tier': 'gold' },
      labels: { 'waybill.dev/tier': 'internal' },
    });
    expect(declaredTierOf(odd)).toBe('internal');
    expect(
      tierOf(
        entity('Component', 'd', {
          annotations: { 'waybill.dev/tier': 'gold' },
        }),
      ),
    ).toBe('standard');
  });
});

describe('business processes', () => {
  it('resolves names and refs as Domain refs in the entity namespace, once each', () => {
    const e = entity('Component', 'sales', {
      namespace: 'erp',
      annotations: {
        'waybill.dev/business-processes':
          'Order-to-Cash, domain:default/procure-to-pay,,order-to-cash, kind:/x',
      },
    });
    expect(readBusinessProcesses(e)).toEqual({
      refs: ['domain:erp/order-to-cash', 'domain:default/procure-to-pay'],
      invalid: ['kind:/x'],
    });
    expect(businessProcessesOf(entity('Component', 'x'))).toEqual([]);
  });

  it('knows a business process Domain', () => {
    expect(
      isBusinessProcessEntity(
        entity('Domain', 'o2c', { spec: { type: 'business-process' } }),
      ),
    ).toBe(true);
    expect(
      isBusinessProcessEntity(
        entity('Domain', 'o2c', { spec: { type: 'area' } }),
      ),
    ).toBe(false);
  });
});

describe('tenants', () => {
  const acme = entity('Resource', 'Acme', {
    namespace: 'tenants',
    labels: tenantLabels,
    annotations: { 'waybill.dev/timezone': 'Europe/Berlin' },
    spec: {
      type: 'tenant',
      dependsOn: ['Component:default/Sales', 'component:orders', 'not a ref'],
    },
  });

  it('reads every label, the time zone and normalized deployables', () => {
    expect(isTenantEntity(acme)).toBe(true);
    expect(tenantOf(acme)).toEqual({
      ref: 'resource:tenants/acme',
      title: 'Acme',
      segment: 'grocery',
      region: 'eu-west',
      tier: 'critical',
      cloud: 'aws',
      tenancy: 'shared',
      timeZone: 'Europe/Berlin',
      deployables: ['component:default/sales', 'component:tenants/orders'],
    });
  });

  it('names the missing or invalid label, and refuses non-tenants', () => {
    const { 'waybill.dev/region': _region, ...noRegion } = tenantLabels;
    expect(
      readTenant(
        entity('Resource', 'b', { labels: noRegion, spec: { type: 'tenant' } }),
      ),
    ).toEqual({
      problem: 'Tenant resource:default/b has no waybill.dev/region label',
    });
    expect(() =>
      tenantOf(
        entity('Resource', 'c', {
          labels: { ...tenantLabels, 'waybill.dev/tenancy': 'private' },
          spec: { type: 'tenant' },
        }),
      ),
    ).toThrow('waybill.dev/tenancy "private"; expected shared or dedicated');
    expect(() =>
      tenantOf(
        entity('Resource', 'd', {
          labels: tenantLabels,
          annotations: { 'waybill.dev/timezone': 'Mars/Olympus' },
          spec: { type: 'tenant' },
        }),
      ),
    ).toThrow('not an IANA time zone');
    expect(() =>
      tenantOf(entity('Component', 'e', { labels: tenantLabels })),
    ).toThrow('is not a tenant');
  });

  it('says which entities serve a tenant', () => {
    expect(servesEntity(acme, 'component:default/sales')).toBe(true);
    expect(servesEntity(acme, 'Component:Tenants/Orders')).toBe(true);
    expect(servesEntity(acme, 'component:default/orders')).toBe(false);
    expect(servesEntity(acme, 'nonsense')).toBe(false);
  });
});

describe('other annotations', () => {
  it('reads the rollout strategy location and API version, blank as absent', () => {
    const e = entity('API', 'orders', {
      annotations: {
        'waybill.dev/rollout-strategy': ' ./rollout.yaml ',
        'waybill.dev/api-version': '  ',
      },
    });
    expect(rolloutStrategyLocationOf(e)).toBe('./rollout.yaml');
    expect(apiVersionOf(e)).toBeUndefined();
  });
});
