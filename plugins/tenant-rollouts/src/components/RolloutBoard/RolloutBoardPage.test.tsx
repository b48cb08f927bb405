import { parseFreezeWindows } from '@waybill/plugin-tenant-rollouts-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  makeTenants,
  refusedAction,
  rolloutView,
} from '../../__testUtils__/fixtures';
import { renderBoard } from '../../__testUtils__/renderBoard';
import {
  ROLLOUTS_URL,
  setupRolloutsServer,
} from '../../__testUtils__/renderRollouts';

const server = setupRolloutsServer();

const ADVANCE = 'tenant-rollouts.rollout.advance';
const ROLLBACK = 'tenant-rollouts.rollout.rollback';
const OVERRIDE = 'tenant-rollouts.rollout.override';

const europeFreeze = parseFreezeWindows([
  {
    id: 'frankfurt-migration',
    title: 'Frankfurt data-centre migration',
    scope: { region: ['europe'] },
    schedule: {
      kind: 'one-off',
      start: '2026-11-01T00:00',
      end: '2026-12-01T00:00',
    },
  },
]);

describe('RolloutBoardPage', () => {
  it('shows the waves, the failure verdict, the heatmap and the tenants', async () => {
    const view = rolloutView({
      tenants: makeTenants(90),
      currentWave: 1,
      status: t =>
        t.region === 'europe' && t.segment === 'retail' ? 'failed' : 'healthy',
    });
    renderBoard(server, view, [ROLLBACK]);
    expect(await screen.findByLabelText('Verdict')).toHaveTextContent(
      view.analysis.summary,
    );
    expect(view.analysis.verdict).toBe('isolated');
    expect(screen.getByLabelText('Wave 1 europe: current')).toBeInTheDocument();
    expect(
      screen.getByLabelText(/^europe standard: \d+ healthy, [1-9]\d* failing/),
    ).toBeInTheDocument();
    expect(screen.getByText('90 tenants shown')).toBeInTheDocument();
    // Rolling back is allowed; advancing is not, and is not offered.
    expect(
      await screen.findByRole('button', { name: 'Roll back' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Advance|Pause/ })).toBeNull();
  });

  it('offers the actions the state allows to those permitted, and shows why an advance is held', async () => {
    const view = rolloutView({
      tenants: makeTenants(30),
      currentWave: 0,
      freezeWindows: europeFreeze,
    });
    let posted: unknown;
    server.use(
      http.post(
        `${ROLLOUTS_URL}/rollouts/${view.id}/actions/advance`,
        async ({ request }) => {
          posted = await request.json();
          if ((posted as { override?: boolean }).override) {
            return HttpResponse.json({ ...view, currentWave: 1 });
          }
          const frozen = view.waves[1].tenants.filter(t => t.freeze.frozen);
          return refusedAction(view, 'advance', [
            {
              kind: 'freeze',
              message: `${frozen.length} tenant(s) of wave 1 ...`,
              tenants: frozen.map(t => ({
                ref: t.ref,
                windows: t.freeze.frozen ? t.freeze.windows : [],
                opensAt: t.freeze.frozen ? t.freeze.opensAt : '',
              })),
            },
          ]);
        },
      ),
    );
    renderBoard(server, view, [ADVANCE, ROLLBACK, OVERRIDE]);
    const advance = await screen.findByRole('button', {
      name: `Advance to wave 1 (${view.waves[1].name})`,
    });
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Roll back' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Complete' })).toBeNull();

    await userEvent.click(advance);
    const held = await screen.findByRole('alert', { name: 'Cannot advance' });
    expect(held).toHaveTextContent(
      /Freeze window: \d+ tenant\(s\) of the next wave/,
    );
    const frozenList = within(held).getByRole('list', {
      name: 'Frozen tenants',
    });
    expect(within(frozenList).getAllByRole('listitem')[0]).toHaveTextContent(
      /Frankfurt data-centre migration; opens/,
    );
    expect(posted).toEqual({});

    await userEvent.click(
      screen.getByRole('button', { name: 'Override and advance' }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', {
      name: 'Override and advance',
    });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: 'Customer asked for the fix before the migration' },
    });
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(posted).toEqual({
        override: true,
        reason: 'Customer asked for the fix before the migration',
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('alert', { name: 'Cannot advance' }),
      ).toBeNull(),
    );
  });

  it('hides the override from those who may only advance', async () => {
    const view = rolloutView({ state: 'planned' });
    server.use(
      http.post(`${ROLLOUTS_URL}/rollouts/${view.id}/actions/start`, () =>
        refusedAction(view, 'start', [
          {
            kind: 'gate',
            message: 'Gate production fails: coverage 41% < 70%',
          },
        ]),
      ),
    );
    renderBoard(server, view, [ADVANCE]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Start wave 0 (canary)' }),
    );
    expect(
      await screen.findByRole('alert', { name: 'Cannot start' }),
    ).toHaveTextContent('Scorecard gate: Gate production fails');
    expect(screen.queryByRole('button', { name: /Override/ })).toBeNull();
  });
});
