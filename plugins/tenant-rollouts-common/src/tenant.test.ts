import { demoTenantEntities, demoTenants } from './__testUtils__/demoTenants';
import { tenantOf } from '@waybill/plugin-waybill-common';

describe('the demo estate’s tenants, read by waybill-common', () => {
  it('reads the demo estate’s 44 tenants with their axes, time zone and deployables', () => {
    const tenants = demoTenants();
    expect(tenants).toHaveLength(44);
    const canary = tenants.find(
      t => t.ref === 'resource:default/meridian-internal-canary-na',
    )!;
    expect(canary).toMatchObject({
      segment: 'wholesale',
      region: 'north-america',
      tier: 'internal',
      cloud: 'aws',
      tenancy: 'shared',
      timeZone: 'America/Chicago',
    });
    expect(canary.deployables).toContain('component:default/sales');
    expect(new Set(tenants.map(t => t.tenancy))).toEqual(
      new Set(['shared', 'dedicated']),
    );
  });

  it('names the label or annotation that is missing or wrong', () => {
    const [entity] = demoTenantEntities();
    const without = (label: string) => ({
      ...entity,
      metadata: {
        ...entity.metadata,
        labels: Object.fromEntries(
          Object.entries(entity.metadata.labels!).filter(([k]) => k !== label),
        ),
      },
    });
    expect(() => tenantOf(without('waybill.dev/region'))).toThrow(
      'Tenant resource:default/meridian-internal-canary-na has no waybill.dev/region label',
    );
    expect(() =>
      tenantOf({
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: { 'waybill.dev/timezone': 'Europe/Atlantis' },
        },
      }),
    ).toThrow(/"Europe\/Atlantis", which is not an IANA time zone/);
  });
});
