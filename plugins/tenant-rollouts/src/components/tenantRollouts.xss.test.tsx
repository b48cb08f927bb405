/*
 * Every free-text value the tenant-rollouts pages show, from deployment tooling (versions,
 * environments, tenant status details), the catalog (tenant titles and labels, entity refs),
 * people (action reasons, actors), configuration and strategy files (wave, strategy and freeze
 * window names, reasons and scopes) and the backend (verdicts, blockers, errors), holding markup
 * and script: shown as written, never run.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  boardAxisValues,
  boardHeatmap,
  Blocker,
  RolloutGate,
  RolloutView,
  freezeCalendar,
  parseFreezeWindows,
} from '@waybill/plugin-tenant-rollouts-common';
import { http, HttpResponse } from 'msw';
import { Route, Routes } from 'react-router-dom';
import {
  STRATEGY,
  makeTenants,
  refusedAction,
  rolloutSummary,
  rolloutView,
} from '../__testUtils__/fixtures';
import {
  HOSTILE_MARKUP_ROWS,
  HostileMarkup,
  expectInertMarkup,
} from '@waybill/frontend-test-utils';
import { renderBoard } from '../__testUtils__/renderBoard';
import {
  ADVANCE,
  CREATE,
  ROLLBACK,
  ROLLOUTS_URL,
  renderRollouts,
  rolloutsBackend,
  setupRolloutsServer,
} from '../__testUtils__/renderRollouts';
import { FreezeCalendarPage } from './FreezeCalendarPage';
import { RolloutsPage } from './RolloutsPage';

const server = setupRolloutsServer();

const LATER = '2026-11-24T10:00:00.000Z';

/**
 * A running rollout at its canary wave whose every free-text field holds `markup`: one canary
 * tenant failed with a detail, another frozen by a window.
 */
function hostileView(markup: HostileMarkup): RolloutView {
  const view = rolloutView({
    tenants: makeTenants(6),
    status: t => (t.ref.endsWith('0001') ? 'failed' : 'healthy'),
  });
  let n = 0;
  const items = view.tenants.items.map(tenant => {
    n++;
    return {
      ...tenant,
      ref: `resource:default/${markup(`tenant ${n}`)}`,
      title: markup(`title of tenant ${n}`),
      segment: markup('segment'),
      region: markup('region'),
      tier: markup('tier'),
      cloud: markup('cloud'),
      detail: tenant.status === 'failed' ? markup('status detail') : null,
      freeze:
        n === 3
          ? {
              frozen: true,
              windows: [
                {
                  id: 'hostile',
                  title: markup('freeze window'),
                  reason: markup('freeze reason'),
                  start: view.evaluatedAt,
                  end: LATER,
                },
              ],
              opensAt: LATER,
            }
          : tenant.freeze,
    };
  });
  return {
    ...view,
    entityRef: `component:default/${markup('entity')}`,
    version: markup('version'),
    environment: markup('environment'),
    createdBy: markup('created by'),
    waves: view.waves.map((wave, w) => ({
      ...wave,
      name: markup(`wave ${w}`),
    })),
    tenants: { ...view.tenants, items },
    axisValues: boardAxisValues(items),
    heatmap: boardHeatmap(items),
    nextActions: view.nextActions.map(a =>
      a.wave
        ? { ...a, wave: { ...a.wave, name: markup(`wave ${a.wave.index}`) } }
        : a,
    ),
    analysis: {
      ...view.analysis,
      summary: markup('verdict'),
      evidence: [
        {
          axis: 'region',
          value: markup('evidence value'),
          failed: 1,
          settled: 3,
          failedElsewhere: 0,
          settledElsewhere: 0,
          pValue: 0.3,
          adjustedPValue: 0.9,
        },
      ],
    },
    events: view.events.map(e => ({
      ...e,
      actor: markup('actor'),
      reason: markup('trail reason'),
    })),
  };
}

/** What the board of `view` shows in full. */
function shownOnBoard(view: RolloutView, markup: HostileMarkup): string[] {
  return [
    // People see the entity by its title, here its name: never the raw ref.
    markup('entity'),
    view.version,
    view.environment,
    view.createdBy,
    ...view.waves.map(w => w.name),
    ...view.tenants.items.flatMap(t => [t.title, t.segment, t.region, t.tier]),
    ...view.tenants.items.flatMap(t => [
      t.cloud,
      ...(t.detail ? [t.detail] : []),
    ]),
    markup('freeze window'),
    view.analysis.summary,
    view.analysis.evidence[0].value,
    ...view.events.flatMap(e => [e.actor, e.reason!]),
  ];
}

describe.each(HOSTILE_MARKUP_ROWS)(
  'markup in free-text fields: %s',
  (_, markup) => {
    afterEach(() => {
      delete (window as { __xss?: unknown }).__xss;
    });

    it('the board shows it as text: tenants, waves, verdict, trail, blockers and the rollback dialog', async () => {
      const view = hostileView(markup);
      const frozenRef = `resource:default/${markup('frozen tenant')}`;
      const gate: RolloutGate = {
        entityRef: view.entityRef,
        version: view.version,
        environment: view.environment,
        decision: 'fail',
        passed: false,
        message: markup('gate message'),
        reasons: [
          {
            checkId: 'hostile',
            title: markup('gate check'),
            reason: markup('gate reason'),
            enforcement: 'fail',
          },
        ],
      };
      const blockers: Blocker[] = [
        { kind: 'gate', message: markup('gate blocker'), gate },
        {
          kind: 'freeze',
          message: markup('freeze blocker'),
          wave: { index: 1, name: view.waves[1].name },
          frozen: 2,
          opensAt: LATER,
          tenants: [
            {
              ref: frozenRef,
              title: markup('frozen tenant title'),
              windows: [
                {
                  id: 'hostile',
                  title: markup('blocking window'),
                  start: view.evaluatedAt,
                  end: LATER,
                },
              ],
              opensAt: LATER,
            },
          ],
          unlisted: 0,
        },
        {
          kind: 'health',
          message: markup('health blocker'),
          wave: { index: 0, name: view.waves[0].name },
          healthy: 1,
          total: 2,
          needed: 2,
          healthThreshold: 1,
          failing: 1,
          tenants: [
            {
              ref: `resource:default/${markup('failing tenant')}`,
              title: markup('failing tenant title'),
              status: 'failed',
              detail: markup('failing detail'),
            },
          ],
          unlisted: 0,
        },
      ];
      server.use(
        http.post(`${ROLLOUTS_URL}/rollouts/${view.id}/actions/advance`, () =>
          refusedAction(view, 'advance', blockers),
        ),
      );
      await renderBoard(server, view, [ADVANCE, ROLLBACK]);
      const advance = await screen.findByRole('button', {
        name: `Advance to wave 1 (${view.waves[1].name})`,
      });
      // After the refusal the board reloads, holding the advance on the same blockers.
      server.use(
        http.get(`${ROLLOUTS_URL}/rollouts/${view.id}`, () =>
          HttpResponse.json({
            ...view,
            gate,
            nextActions: view.nextActions.map(a =>
              a.action === 'advance' ? { ...a, ready: false, blockers } : a,
            ),
          }),
        ),
      );
      await userEvent.click(advance);
      const refused = await screen.findByRole('alert', {
        name: 'Cannot advance',
      });
      expect(refused).toHaveTextContent(markup('gate check'));
      expect(
        await screen.findByRole('region', { name: /: held$/ }),
      ).toHaveTextContent(markup('failing detail'));
      await userEvent.click(screen.getByRole('button', { name: 'Roll back' }));
      expect(
        within(await screen.findByRole('dialog')).getByText(
          `Roll back ${view.version} from ${view.environment}`,
        ),
      ).toBeInTheDocument();
      expectInertMarkup([
        ...shownOnBoard(view, markup),
        markup('gate check'),
        markup('gate reason'),
        markup('frozen tenant title'),
        markup('blocking window'),
        markup('failing tenant title'),
        markup('failing detail'),
      ]);
    });

    it('the rollouts list and the new-rollout dialog show it as text', async () => {
      const view = hostileView(markup);
      const strategyName = markup('strategy name');
      const waves = (tag: string) => ({
        ...STRATEGY,
        waves: STRATEGY.waves.map((w, i) => ({
          ...w,
          name: markup(`${tag} wave ${i}`),
        })),
      });
      rolloutsBackend(server, {
        rollouts: [rolloutSummary(view)],
        strategies: {
          default: waves('default'),
          [strategyName]: waves('named'),
        },
        create: () =>
          HttpResponse.json(
            {
              error: { name: 'InputError', message: markup('refusal') },
              response: { statusCode: 400 },
            },
            { status: 400 },
          ),
      });
      await renderRollouts(
        <Routes>
          <Route path="/tenant-rollouts" element={<RolloutsPage />} />
        </Routes>,
        { routeEntries: ['/tenant-rollouts'], allowed: [CREATE] },
      );
      const table = await screen.findByRole('table', { name: 'Rollouts' });
      expect(within(table).getByText(view.version)).toBeInTheDocument();

      await userEvent.click(
        screen.getByRole('button', { name: 'New rollout' }),
      );
      const dialog = await screen.findByRole('dialog', { name: 'New rollout' });
      expect(
        await within(dialog).findByText(
          new RegExp(escapeRegExp(markup('default wave 0'))),
        ),
      ).toBeInTheDocument();
      fireEvent.mouseDown(within(dialog).getByLabelText('Strategy'));
      const listbox = await screen.findByRole('listbox');
      expect(listbox).toHaveTextContent(strategyName);
      await userEvent.click(within(listbox).getByText(strategyName));
      fireEvent.change(within(dialog).getByLabelText('Entity'), {
        target: { value: 'component:default/sales' },
      });
      fireEvent.change(within(dialog).getByLabelText('Version'), {
        target: { value: '7.4.1' },
      });
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Create rollout' }),
      );
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        markup('refusal'),
      );
      expectInertMarkup([
        markup('entity'),
        view.version,
        view.environment,
        view.createdBy,
        strategyName,
        ...waves('named').waves.map(w => w.name),
        markup('refusal'),
      ]);
    });

    it('the freeze calendar shows it as text: windows, reasons, scopes and the tooltip', async () => {
      const windows = parseFreezeWindows([
        {
          id: 'everyone',
          title: markup('window title'),
          reason: markup('window reason'),
          schedule: {
            kind: 'weekly',
            days: ['fri'],
            from: '16:00',
            to: '20:00',
          },
        },
        {
          id: 'scoped',
          title: markup('scoped window title'),
          scope: {
            region: [markup('scope region')],
            segment: [markup('scope segment')],
            tier: [markup('scope tier')],
            tenants: [markup('scope tenant')],
          },
          schedule: { kind: 'yearly', from: '01-01', to: '12-31' },
        },
      ]);
      server.use(
        http.get(`${ROLLOUTS_URL}/freeze-calendar`, ({ request }) => {
          const params = new URL(request.url).searchParams;
          return HttpResponse.json(
            freezeCalendar(
              windows,
              makeTenants(6),
              new Date(params.get('from')!),
              new Date(params.get('to')!),
            ),
          );
        }),
      );
      await renderRollouts(<FreezeCalendarPage />);
      await screen.findByRole('table', { name: 'Next freezes' });
      const [bar] = screen.getAllByRole('img', {
        name: new RegExp(`^${escapeRegExp(markup('window title'))} `),
      });
      fireEvent.mouseOver(bar);
      expect(await screen.findByRole('tooltip')).toHaveTextContent(
        markup('window title'),
      );
      expectInertMarkup([
        markup('window title'),
        markup('window reason'),
        markup('scoped window title'),
        markup('scope region'),
        markup('scope segment'),
        markup('scope tier'),
        markup('scope tenant'),
      ]);
    });
  },
);

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
