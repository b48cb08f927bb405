import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  isTenantEntity,
  Tenant,
  tenantOf,
} from '@waybill/plugin-waybill-common';

/** The demo estate's tenant Resources (examples/tenants.yaml). */
export function demoTenantEntities(): Entity[] {
  const file = path.join(__dirname, '../../../../examples/tenants.yaml');
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(d => d.toJS() as Entity)
    .filter(isTenantEntity);
}

/** The demo estate's 44 tenants. */
export function demoTenants(): Tenant[] {
  return demoTenantEntities().map(tenantOf);
}

/** A tenant with the given axes, for scenario tests. */
export function aTenant(name: string, overrides: Partial<Tenant> = {}): Tenant {
  return {
    ref: `resource:default/${name}`,
    title: name,
    segment: 'wholesale',
    region: 'europe',
    tier: 'standard',
    cloud: 'aws',
    tenancy: 'shared',
    timeZone: 'Europe/Berlin',
    deployables: [],
    ...overrides,
  };
}
