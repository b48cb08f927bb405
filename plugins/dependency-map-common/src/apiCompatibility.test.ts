import {
  api,
  AVAILABILITY_API_CONSUMERS,
  component,
  demoGraph,
} from './__testUtils__/demoEstate';
import { checkApiCompatibility, compareApiVersion } from './apiCompatibility';

describe('checkApiCompatibility', () => {
  const graph = demoGraph();

  it('finds the one deliberate incompatibility of the demo: customer-portal wants pricing-api ^3, which is at 2.4.0', () => {
    const results = checkApiCompatibility(graph);
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter(r => r.status !== 'compatible')).toEqual([
      {
        consumer: component('customer-portal'),
        api: api('pricing-api'),
        providers: [component('pricing-api')],
        range: '^3.0.0',
        version: '2.4.0',
        versionSource: 'current',
        status: 'incompatible',
        message:
          'Customer Portal requires Pricing API ^3.0.0, but it is at 2.4.0',
      },
    ]);
  });

  it('checks against the version a release train will expose', () => {
    const results = checkApiCompatibility(graph, {
      apiVersions: new Map([
        [api('pricing-api'), '3.0.0'],
        [api('inventory-availability-api'), '4.0.0'],
      ]),
    });
    const broken = results.filter(r => r.status !== 'compatible');
    // customer-portal needs ^3.1.0 of inventory-availability-api.
    expect(broken.map(r => r.consumer).sort()).toEqual(
      AVAILABILITY_API_CONSUMERS,
    );
    expect(broken.every(r => r.api === api('inventory-availability-api'))).toBe(
      true,
    );
    expect(results.find(r => r.api === api('pricing-api'))!.message).toBe(
      'Customer Portal requires Pricing API ^3.0.0; it will be at 3.0.0 after the train',
    );
  });
});

describe('compareApiVersion', () => {
  it.each([
    ['^3.0.0', '3.4.1', 'compatible'],
    ['^3.0.0', '2.4.0', 'incompatible'],
    ['>=3.0.0 <4.0.0', '3.2.1', 'compatible'],
    ['~1.2.0', '1.3.0', 'incompatible'],
    ['=2.0.3', '2.0.3', 'compatible'],
    ['2.0.3', '2.0.4', 'incompatible'],
    ['^3.0.0', undefined, 'unknown-version'],
    ['^3.0.0', 'three', 'invalid-version'],
    ['not a range', '1.0.0', 'invalid-range'],
  ])('%s against %s is %s', (range, version, status) => {
    expect(compareApiVersion(range, version)).toBe(status);
  });
});
