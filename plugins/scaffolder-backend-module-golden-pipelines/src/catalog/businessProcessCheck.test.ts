import { readBusinessProcesses } from '@waybill/plugin-waybill-common';
import {
  OTHER_ESTATE_PROCESS_DOMAIN,
  PRODUCT_AREA_DOMAIN,
  businessProcessDomains,
} from '../__testUtils__/businessProcesses';
import { businessProcessesAnnotation } from './annotateCatalogInfo';
import { businessProcessProblems } from './businessProcessCheck';

describe('businessProcessProblems', () => {
  const [orderToCash] = businessProcessDomains();

  it('accepts business processes of any name and namespace', () => {
    expect(
      businessProcessProblems(
        ['domain:default/order-to-cash', 'domain:logistics/yard-management'],
        [orderToCash, OTHER_ESTATE_PROCESS_DOMAIN],
      ),
    ).toEqual([]);
  });

  it('names each ref the catalog has no business process for', () => {
    expect(
      businessProcessProblems(
        [
          'domain:default/world-domination',
          'domain:default/customer-experience',
          'domain:default/order-to-cash',
          'domain:default/untyped',
        ],
        [
          null,
          PRODUCT_AREA_DOMAIN,
          orderToCash,
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Domain',
            metadata: { name: 'untyped' },
          },
        ],
      ),
    ).toEqual([
      'domain:default/world-domination is not in the catalog',
      'domain:default/customer-experience is a Domain of spec.type product-area, not a business process',
      'domain:default/untyped is a Domain, not a business process',
    ]);
  });
});

describe('businessProcessesAnnotation', () => {
  const refs = [
    'domain:default/order-to-cash',
    'domain:logistics/yard-management',
  ];

  it.each([
    ['default', 'order-to-cash, domain:logistics/yard-management'],
    ['logistics', 'domain:default/order-to-cash, yard-management'],
  ])(
    'names the Domains of the entity namespace %s by name, others by ref, as waybill-common reads them back',
    (namespace, annotation) => {
      expect(businessProcessesAnnotation(refs, namespace)).toBe(annotation);
      expect(
        readBusinessProcesses({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'pricing-quotes-api',
            namespace,
            annotations: { 'waybill.dev/business-processes': annotation },
          },
        }),
      ).toEqual({ refs, invalid: [] });
    },
  );
});
