import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  customerStatus,
  isOrderId,
  parseMilestones,
} from '../../src/orders.ts';

describe('customerStatus', () => {
  it('shows the furthest milestone, whatever order they arrived in', () => {
    assert.deepEqual(
      customerStatus('SO-1001', [
        { code: 'shipped', at: '2025-01-06T16:45:00Z' },
        { code: 'received', at: '2025-01-06T08:00:00Z' },
        { code: 'picked', at: '2025-01-06T11:30:00Z' },
      ]),
      {
        orderId: 'SO-1001',
        status: 'on-the-way',
        label: 'On the way',
        step: 3,
        steps: 4,
        updatedAt: '2025-01-06T16:45:00.000Z',
      },
    );
  });

  it('sums allocation and picking up as being prepared', () => {
    for (const code of ['allocated', 'picked'] as const) {
      const status = customerStatus('SO-1', [
        { code, at: '2025-01-01T00:00:00Z' },
      ]);
      assert.equal(status.status, 'preparing');
      assert.equal(status.step, 2);
    }
  });

  it('treats an order without milestones as received', () => {
    const status = customerStatus('SO-2', []);
    assert.equal(status.status, 'received');
    assert.equal(status.updatedAt, null);
  });
});

describe('parseMilestones', () => {
  it('keeps known milestones with a date', () => {
    assert.deepEqual(
      parseMilestones({
        milestones: [
          { code: 'received', at: '2025-01-06T08:00:00Z' },
          { code: 'invoiced', at: '2025-01-06T09:00:00Z' },
          { code: 'shipped', at: 'yesterday' },
        ],
      }),
      [{ code: 'received', at: '2025-01-06T08:00:00Z' }],
    );
    assert.equal(parseMilestones({}), undefined);
    assert.equal(parseMilestones(null), undefined);
  });
});

describe('isOrderId', () => {
  it('accepts order numbers and refuses anything else', () => {
    assert.equal(isOrderId('SO-1001'), true);
    assert.equal(isOrderId('SO'), false);
    assert.equal(isOrderId('so-1001'), false);
    assert.equal(isOrderId('SO/1001'), false);
    assert.equal(isOrderId('<script>'), false);
  });
});
