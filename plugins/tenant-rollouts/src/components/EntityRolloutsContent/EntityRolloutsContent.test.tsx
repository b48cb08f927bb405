import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rolloutSummary, rolloutView } from '../../__testUtils__/fixtures';
import {
  CREATE,
  renderRollouts,
  rolloutsBackend,
  salesEntity,
  setupRolloutsServer,
} from '../../__testUtils__/renderRollouts';
import { EntityRolloutsContent } from './EntityRolloutsContent';

const server = setupRolloutsServer();

/** The backend's list of rollouts: `rollouts`; records the queries it is asked. */
const listBackend = (rollouts: unknown[]) =>
  rolloutsBackend(server, { rollouts }).lists;

describe('EntityRolloutsContent', () => {
  it("lists the entity's rollouts, asking with its ref", async () => {
    const queries = listBackend([rolloutSummary(rolloutView({ id: 7 }))]);
    await renderRollouts(<EntityRolloutsContent />, { entity: salesEntity });

    const table = await screen.findByRole('table', { name: 'Rollouts' });
    expect(queries[0].get('entityRef')).toBe('component:default/sales');
    expect(within(table).getByRole('link', { name: '7.4.0' })).toHaveAttribute(
      'href',
      '/tenant-rollouts/rollouts/7',
    );
    // The entity is the page's: no column for it.
    expect(
      within(table).queryByRole('columnheader', { name: 'Entity' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New rollout' }),
    ).not.toBeInTheDocument();
  });

  it("lists one release's rollouts when opened on its version, with a way back to all", async () => {
    const queries = listBackend([rolloutSummary(rolloutView({ id: 7 }))]);
    await renderRollouts(<EntityRolloutsContent />, {
      entity: salesEntity,
      routeEntries: ['/catalog/default/component/sales/rollouts?version=7.4.0'],
    });

    await screen.findByRole('table', { name: 'Rollouts' });
    expect(queries[0].get('entityRef')).toBe('component:default/sales');
    expect(queries[0].get('version')).toBe('7.4.0');
    expect(screen.getByText('Rollouts of 7.4.0')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Show every version' }),
    ).toBeInTheDocument();
  });

  it('offers a rollout of this entity to users who may create one', async () => {
    listBackend([rolloutSummary(rolloutView({ id: 7 }))]);
    await renderRollouts(<EntityRolloutsContent />, {
      entity: salesEntity,
      allowed: [CREATE],
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'New rollout' }),
    );
    const entity = within(
      await screen.findByRole('dialog', { name: 'New rollout' }),
    ).getByLabelText('Entity');
    expect(entity).toHaveValue('component:default/sales');
    expect(entity).toHaveAttribute('readonly');
  });

  it('says how tenants come to depend on the entity when it has no rollouts', async () => {
    listBackend([]);
    await renderRollouts(<EntityRolloutsContent />, { entity: salesEntity });

    expect(
      await screen.findByText('No rollouts of sales yet'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/component:default\/sales/).length,
    ).toBeGreaterThan(0);
  });
});
