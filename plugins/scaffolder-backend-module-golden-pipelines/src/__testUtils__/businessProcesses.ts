import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { TEMPLATES_DIR } from './templateFiles';

/** The demo estate's business processes: examples/business-processes.yaml, as the portal loads it. */
export const BUSINESS_PROCESSES_FILE = path.resolve(
  TEMPLATES_DIR,
  '../examples/business-processes.yaml',
);

/** The Domains of {@link BUSINESS_PROCESSES_FILE}, each of spec.type business-process. */
export function businessProcessDomains(): Entity[] {
  return parseAllDocuments(
    fs.readFileSync(BUSINESS_PROCESSES_FILE, 'utf8'),
  ).map(d => d.toJS() as Entity);
}

/** A Domain that is not a business process, as an estate may also hold. */
export const PRODUCT_AREA_DOMAIN: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'customer-experience', namespace: 'default' },
  spec: { type: 'product-area', owner: 'group:default/digital-channels' },
};

/** A business process of another estate, in a namespace of its own: none of the demo's names. */
export const OTHER_ESTATE_PROCESS_DOMAIN: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'yard-management', namespace: 'logistics' },
  spec: { type: 'business-process', owner: 'group:logistics/yard-team' },
};

/** The catalog's Domains in the tests: the demo's business processes and the two above. */
export function testDomains(): Entity[] {
  return [
    ...businessProcessDomains(),
    OTHER_ESTATE_PROCESS_DOMAIN,
    PRODUCT_AREA_DOMAIN,
  ];
}
