import {
  BUSINESS_PROCESS_PATTERN,
  businessProcessLabel,
} from './businessProcess';

describe('businessProcessLabel', () => {
  it('shows a Domain ref by its name, with a namespace other than default', () => {
    expect(businessProcessLabel('domain:default/order-to-cash')).toBe(
      'order-to-cash',
    );
    expect(businessProcessLabel('domain:logistics/order-to-cash')).toBe(
      'logistics/order-to-cash',
    );
    expect(businessProcessLabel('order-to-cash')).toBe('order-to-cash');
  });
});

describe('BUSINESS_PROCESS_PATTERN', () => {
  it('takes a name, namespace/name or a ref, and nothing with spaces', () => {
    for (const ok of [
      'order-to-cash',
      'logistics/order-to-cash',
      'domain:default/order-to-cash',
    ]) {
      expect(BUSINESS_PROCESS_PATTERN.test(ok)).toBe(true);
    }
    expect(BUSINESS_PROCESS_PATTERN.test('Order To Cash')).toBe(false);
  });
});
