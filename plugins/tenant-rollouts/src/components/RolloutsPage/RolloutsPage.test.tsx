import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CreateRolloutRequest,
  parseRolloutStrategy,
  RolloutSummary,
} from '@waybill/plugin-tenant-rollouts-common';
import { HttpResponse } from 'msw';
import { Route, Routes, useParams } from 'react-router-dom';
import {
  rolloutSummary,
  rolloutView,
  STRATEGY,
} from '../../__testUtils__/fixtures';
import {
  CREATE,
  renderRollouts,
  rolloutsBackend,
  setupRolloutsServer,
} from '../../__testUtils__/renderRollouts';
import { RolloutsPage } from './RolloutsPage';

const server = setupRolloutsServer();

const EUROPE_FIRST = parseRolloutStrategy({
  waves: [
    { name: 'europe', select: { region: ['europe'] }, percent: 25 },
    { name: 'everyone-else' },
  ],
  forceLast: ['critical'],
});

/** A backend with `rollouts`, two strategies, and `create` answering POST /rollouts; records what it is asked. */
const backend = (
  rollouts: RolloutSummary[],
  create?: (body: CreateRolloutRequest) => Response,
) =>
  rolloutsBackend(server, {
    rollouts,
    strategies: { default: STRATEGY, 'europe-first': EUROPE_FIRST },
    create,
  });

function BoardStandIn() {
  return <div>Board of rollout {useParams().id}</div>;
}

/** The page at its route, with a stand-in board to navigate to. */
const app = (
  <Routes>
    <Route path="/tenant-rollouts" element={<RolloutsPage />} />
    <Route path="/tenant-rollouts/rollouts/:id" element={<BoardStandIn />} />
  </Routes>
);

/** Renders the page for a user who may create rollouts and opens its "New rollout" dialog. */
async function openNewRolloutDialog() {
  await renderRollouts(app, {
    routeEntries: ['/tenant-rollouts'],
    allowed: [CREATE],
  });
  await userEvent.click(
    await screen.findByRole('button', { name: 'New rollout' }),
  );
  return screen.findByRole('dialog', { name: 'New rollout' });
}

const twoRollouts = [
  rolloutSummary(rolloutView({ id: 7, currentWave: 1 })),
  {
    ...rolloutSummary(rolloutView({ id: 8, state: 'planned' })),
    version: '7.5.0',
  },
];

describe('RolloutsPage', () => {
  it('lists recent rollouts, each linking to its board', async () => {
    const asked = backend(twoRollouts);
    await renderRollouts(app, { routeEntries: ['/tenant-rollouts'] });

    const table = await screen.findByRole('table', { name: 'Rollouts' });
    expect(asked.lists[0].get('limit')).toBe('100');
    expect(within(table).getByRole('link', { name: '7.4.0' })).toHaveAttribute(
      'href',
      '/tenant-rollouts/rollouts/7',
    );
    expect(within(table).getByRole('link', { name: '7.5.0' })).toHaveAttribute(
      'href',
      '/tenant-rollouts/rollouts/8',
    );
    const [, running, planned] = within(table).getAllByRole('row');
    expect(
      within(running).getAllByRole('link', { name: /sales/ })[0],
    ).toHaveAttribute('href', '/catalog/default/component/sales');
    expect(running).toHaveTextContent('running');
    expect(running).toHaveTextContent('2 / 4');
    expect(running).toHaveTextContent('guest');
    expect(planned).toHaveTextContent('planned');
    expect(planned).toHaveTextContent('0 / 4');
    expect(
      screen.getByRole('tab', { name: 'Freeze calendar' }),
    ).toHaveAttribute('href', '/tenant-rollouts/freeze-calendar');
    expect(
      screen.queryByRole('button', { name: 'New rollout' }),
    ).not.toBeInTheDocument();
  });

  it('explains rollouts and tenants when there are none', async () => {
    backend([]);
    await renderRollouts(app, { routeEntries: ['/tenant-rollouts'] });

    expect(await screen.findByText('No rollouts yet')).toBeInTheDocument();
    expect(screen.getByText(/spec\.type: tenant/)).toBeInTheDocument();
    expect(
      screen.getByText(/<portal>\/api\/tenant-rollouts\/rollouts/),
    ).toBeInTheDocument();
  });

  it('creates a rollout with the chosen strategy and opens its board', async () => {
    const asked = backend(twoRollouts);
    const dialog = await openNewRolloutDialog();
    const create = within(dialog).getByRole('button', {
      name: 'Create rollout',
    });
    expect(create).toBeDisabled();

    await userEvent.type(
      within(dialog).getByLabelText('Entity'),
      'component:default/sales',
    );
    await userEvent.type(within(dialog).getByLabelText('Version'), '7.4.1');
    expect(within(dialog).getByLabelText('Environment')).toHaveValue(
      'production',
    );
    // Unless one is chosen, the service's own strategy file applies, else `default`.
    expect(
      await within(dialog).findByText(
        /waybill.dev\/rollout-strategy annotation names; without one, default: canary \(internal\) → europe → everyone-else · dedicated & critical last$/,
      ),
    ).toBeInTheDocument();
    fireEvent.mouseDown(within(dialog).getByLabelText('Strategy'));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('europe-first'),
    );
    expect(
      within(dialog).getByText('europe 25% → everyone-else · critical last'),
    ).toBeInTheDocument();

    await userEvent.click(create);
    expect(await screen.findByText('Board of rollout 12')).toBeInTheDocument();
    expect(asked.created).toEqual([
      {
        entityRef: 'component:default/sales',
        version: '7.4.1',
        environment: 'production',
        strategy: 'europe-first',
      },
    ]);
  });

  it("shows the server's refusal in the dialog", async () => {
    const message =
      'No tenant in the catalog depends on component:default/billing (kind Resource, spec.type tenant, spec.dependsOn naming it)';
    backend(twoRollouts, () =>
      HttpResponse.json(
        {
          error: { name: 'InputError', message },
          request: { method: 'POST', url: '/api/tenant-rollouts/rollouts' },
          response: { statusCode: 400 },
        },
        { status: 400 },
      ),
    );
    const dialog = await openNewRolloutDialog();
    const entity = within(dialog).getByLabelText('Entity');
    await userEvent.type(entity, 'not a ref:');
    expect(within(dialog).getByText(/Not an entity ref/)).toBeInTheDocument();
    await userEvent.clear(entity);
    await userEvent.type(entity, 'billing');
    await userEvent.type(within(dialog).getByLabelText('Version'), '2.0.0');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create rollout' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
    expect(
      within(dialog).getByRole('button', { name: 'Create rollout' }),
    ).toBeEnabled();
    await waitFor(() =>
      expect(screen.queryByText(/Board of rollout/)).not.toBeInTheDocument(),
    );
  });
});
