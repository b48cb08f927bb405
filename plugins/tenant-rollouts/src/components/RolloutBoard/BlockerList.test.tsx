import { render, screen, within } from '@testing-library/react';
import { HealthBlocker } from '@waybill/plugin-tenant-rollouts-common';
import { BlockerList } from './BlockerList';

/** A wave of 200 with 52 failing: the backend listed 20 the reader may read. */
const failing = (unlisted: number): HealthBlocker => ({
  kind: 'health',
  message: 'Wave 2 (broad) is 148 of 200 healthy',
  wave: { index: 2, name: 'broad' },
  healthy: 148,
  total: 200,
  needed: 190,
  healthThreshold: 0.95,
  failing: 52,
  tenants: Array.from({ length: 20 }, (_, i) => ({
    ref: `resource:default/t${i}`,
    title: `Tenant ${i}`,
    status: 'failed' as const,
    detail: null,
  })),
  unlisted,
});

describe('BlockerList', () => {
  it('counts the failing tenants the backend did not list apart from those the reader may not read', () => {
    render(<BlockerList blockers={[failing(30)]} />);
    const list = screen.getByRole('list', { name: 'Failing tenants' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(21);
    expect(items[0]).toHaveTextContent('Tenant 0: failed');
    expect(items[20]).toHaveTextContent('and 30 more and 2 you may not read');
  });

  it('says nothing more when every failing tenant is listed', () => {
    render(<BlockerList blockers={[{ ...failing(0), failing: 20 }]} />);
    const list = screen.getByRole('list', { name: 'Failing tenants' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(list).not.toHaveTextContent('more');
  });
});
