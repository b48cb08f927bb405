import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ScorecardsClient } from '@waybill/plugin-scorecards-common';
import { TenantRolloutsClient } from '@waybill/plugin-tenant-rollouts-common';
import { httpClientOptions } from '@waybill/frontend-test-utils';
import userEvent from '@testing-library/user-event';
import {
  RequestLog,
  setupDependencyMapServer,
} from '../../__testUtils__/demoBackend';
import {
  pasteChanges,
  scorecardsHandlers,
  tenantRolloutsHandlers,
} from '../../__testUtils__/releaseTrain';
import { renderDependencyMap } from '../../__testUtils__/render';
import {
  scorecardsApiRef,
  tenantRolloutsApiRef,
  tenantRolloutsRouteRef,
} from './pluginApis';
import { ReleaseTrainPage } from './ReleaseTrainPage';

/** The pricing v3 train: the API and its provider, then the portal that needs it. */
const PRICING_TRAIN = [
  'customer-portal 5.0.0',
  'api:pricing-api 3.0.0',
  'pricing-api 3.0.0',
];

/** The scorecards and tenant-rollouts plugins' APIs and pages, as an app installing them has. */
function withPlugins() {
  const client = httpClientOptions();
  return {
    apis: [
      [scorecardsApiRef, new ScorecardsClient(client)],
      [tenantRolloutsApiRef, new TenantRolloutsClient(client)],
    ] as const,
    allows: () => true,
    mountedRoutes: { '/tenant-rollouts': tenantRolloutsRouteRef },
  };
}

describe('ReleaseTrainPage', () => {
  const log: RequestLog = [];
  const server = setupDependencyMapServer(log);
  const downloads: { name: string; text: Promise<string> }[] = [];
  beforeEach(() => {
    log.length = 0;
    downloads.length = 0;
    let blob: Blob | undefined;
    URL.createObjectURL = jest.fn((b: Blob) => {
      blob = b;
      return 'blob:plan';
    });
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        downloads.push({ name: this.download, text: blob!.text() });
      });
  });
  afterEach(() => jest.restoreAllMocks());

  it('plans a pasted train of three changes and exports it', async () => {
    await renderDependencyMap(<ReleaseTrainPage />, { allows: () => true });
    await pasteChanges([
      'customer-portal 5.0.0',
      'api:pricing-api 3.0.0',
      'pricing-api 3.0.0',
      'not a line',
    ]);
    expect(screen.getByLabelText('Lines not read')).toHaveTextContent(
      'Line 4 (not a line): expected "<entity ref> <version>"',
    );
    expect(screen.getByLabelText('Entity 1')).toHaveValue('customer-portal');
    expect(screen.getByLabelText('Version 3')).toHaveValue('3.0.0');
    expect(screen.getByText('3 changes')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    const sequence = await screen.findByRole('list', { name: 'Safe sequence' });
    expect(log).toContain('POST /release-train');
    const items = within(sequence).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // The portal needs pricing-api 3.0.0, so it goes last.
    expect(items[2]).toHaveTextContent('5.0.0 (stage 2)');
    expect(screen.getByText(/^Safe: 2 deploy stages/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Deploy stages' })).getAllByRole(
        'row',
      ),
    ).toHaveLength(3);
    expect(
      screen.getByRole('list', { name: 'Consumers that must wait' }),
    ).toHaveTextContent(/pricing/i);

    await userEvent.click(
      screen.getByRole('button', { name: 'Export Markdown' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(downloads.map(d => d.name)).toEqual([
      expect.stringMatching(/^release-train-.*\.md$/),
      expect.stringMatching(/^release-train-.*\.json$/),
    ]);
    expect(await downloads[0].text).toContain('## Deployment sequence');
    const json = JSON.parse(await downloads[1].text);
    expect(json.request.changes).toHaveLength(3);
    expect(json.plan.safe).toBe(true);
  });

  it('adds and removes changes by hand, and marks an unknown entity on its row while planning the rest', async () => {
    server.use(...scorecardsHandlers({ gates: {} }));
    await renderDependencyMap(<ReleaseTrainPage />, withPlugins());
    await userEvent.type(screen.getByLabelText('Entity 1'), 'no-such-thing');
    await userEvent.type(screen.getByLabelText('Version 1'), '1.0.0');
    await userEvent.click(screen.getByRole('button', { name: 'Add a change' }));
    expect(screen.getByLabelText('Entity 2')).toHaveValue('');
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove change 2' }),
    );
    expect(screen.queryByLabelText('Entity 2')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add a change' }));
    await userEvent.type(screen.getByLabelText('Entity 2'), 'inventory');
    await userEvent.type(screen.getByLabelText('Version 2'), '7.1.0');
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );

    // The rest is planned: inventory, with no evidence for its gate (not a failure).
    const sequence = await screen.findByRole('list', { name: 'Safe sequence' });
    expect(within(sequence).getAllByRole('listitem')).toHaveLength(1);
    expect(sequence).toHaveTextContent('Inventory 7.1.0 (stage 1)');
    expect(
      await within(sequence).findByLabelText(
        'Inventory 7.1.0 gate: no evidence',
      ),
    ).toBeInTheDocument();
    // The bad line is marked on its row, and named above the plan.
    expect(screen.getByLabelText('Entity 1')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText('Entity 1')).toHaveAccessibleDescription(
      /^Not planned: No entity "no-such-thing" in the dependency map/,
    );
    expect(screen.getByLabelText('Entity 2')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(screen.getByLabelText('Changes not planned')).toHaveTextContent(
      'Change 1 (no-such-thing 1.0.0): No entity "no-such-thing"',
    );
    expect(
      screen.getByText(/^Not safe: some changes could not be planned/),
    ).toBeInTheDocument();
    const why = screen.getByRole('list', {
      name: 'Why the rollouts cannot start',
    });
    expect(
      within(why)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      '1 change was not planned: fix or remove it and plan again.',
      'Inventory 7.1.0 has no evidence, so its production gate cannot pass.',
    ]);
    expect(
      screen.getByRole('button', { name: 'Start rollouts in order' }),
    ).toBeDisabled();

    // Editing the row takes the mark off.
    await userEvent.type(screen.getByLabelText('Entity 1'), 'x');
    expect(screen.getByLabelText('Entity 1')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it("shows each release's gate for the environment picked, and keeps the start disabled while one fails", async () => {
    const gateLog: string[] = [];
    server.use(
      ...scorecardsHandlers({
        gates: {
          'component:default/pricing-api@3.0.0': 'pass',
          'component:default/customer-portal@5.0.0': {
            production: 'fail',
            staging: 'warn',
          },
        },
        log: gateLog,
      }),
    );
    await renderDependencyMap(<ReleaseTrainPage />, withPlugins());
    await pasteChanges(PRICING_TRAIN);
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    const sequence = await screen.findByRole('list', { name: 'Safe sequence' });
    expect(
      await within(sequence).findByLabelText(
        'Customer Portal 5.0.0 gate: production: fail',
      ),
    ).toBeInTheDocument();
    const items = within(sequence).getAllByRole('listitem');
    expect(items[2]).toHaveTextContent('5.0.0 (stage 2)');
    expect(items[2]).toHaveTextContent('production: fail');
    // The API rides on its provider's gate; the releases link to their scorecards.
    expect(sequence).toHaveTextContent(
      'an API version: it goes live with its providers',
    );
    expect(
      within(sequence).getByRole('link', {
        name: /^Scorecard of Pricing API Service 3.0.0$/,
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/pricing-api/scorecards?release=3.0.0',
    );
    // Every link in the sequence's lines is underlined, not told apart by colour alone.
    for (const link of within(sequence).getAllByRole('link')) {
      expect(getComputedStyle(link).textDecoration).toContain('underline');
    }
    expect(gateLog.sort()).toEqual([
      'component:default/customer-portal@5.0.0 production',
      'component:default/pricing-api@3.0.0 production',
    ]);
    const start = screen.getByRole('button', {
      name: 'Start rollouts in order',
    });
    expect(start).toBeDisabled();
    expect(
      screen.getByRole('list', { name: 'Why the rollouts cannot start' }),
    ).toHaveTextContent('Customer Portal 5.0.0: the production gate fails.');

    // Staging: the portal only warns, which lets it out.
    fireEvent.change(screen.getByLabelText('Gate environment'), {
      target: { value: 'staging' },
    });
    expect(
      await within(sequence).findByLabelText(
        /Customer Portal 5.0.0 gate: staging: warn/,
      ),
    ).toBeInTheDocument();
    expect(start).toBeEnabled();
    expect(
      screen.queryByRole('list', { name: 'Why the rollouts cannot start' }),
    ).not.toBeInTheDocument();
  });

  it('reads the gates a few at a time, not one by one', async () => {
    const concurrency = { now: 0, max: 0 };
    const names = [
      'accounting',
      'warehouse-management',
      'edi-gateway',
      'carrier-labels',
      'inventory-sync',
      'supplier-portal-sync',
      'order-tracking',
    ];
    const gateLog: string[] = [];
    server.use(
      ...scorecardsHandlers({
        gates: Object.fromEntries(
          names.map(n => [`component:default/${n}@1.0.0`, 'pass' as const]),
        ),
        log: gateLog,
        concurrency,
      }),
    );
    await renderDependencyMap(<ReleaseTrainPage />, withPlugins());
    await pasteChanges(names.map(n => `${n} 1.0.0`));
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    const sequence = await screen.findByRole('list', { name: 'Safe sequence' });
    await waitFor(() =>
      expect(within(sequence).getAllByText('production: pass')).toHaveLength(7),
    );
    expect(gateLog).toHaveLength(7);
    expect(concurrency.max).toBeGreaterThan(1);
    expect(concurrency.max).toBeLessThanOrEqual(4);
  });

  it('starts the rollouts in the safe order, each linked to its board', async () => {
    const created: Array<{
      entityRef: string;
      version: string;
      environment: string;
    }> = [];
    server.use(
      ...scorecardsHandlers({
        gates: {
          'component:default/pricing-api@3.0.0': 'pass',
          'component:default/customer-portal@5.0.0': 'pass',
        },
      }),
      ...tenantRolloutsHandlers({ created }),
    );
    await renderDependencyMap(<ReleaseTrainPage />, withPlugins());
    await pasteChanges(PRICING_TRAIN);
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    const start = await screen.findByRole('button', {
      name: 'Start rollouts in order',
    });
    await waitFor(() => expect(start).toBeEnabled());
    await userEvent.click(start);
    const list = await screen.findByRole('list', { name: 'Rollouts created' });
    // The portal was listed first but needs pricing-api 3.0.0: it goes second. The API has
    // no rollout of its own.
    expect(created).toEqual([
      {
        entityRef: 'component:default/pricing-api',
        version: '3.0.0',
        environment: 'production',
      },
      {
        entityRef: 'component:default/customer-portal',
        version: '5.0.0',
        environment: 'production',
      },
    ]);
    expect(
      within(list).getByRole('link', { name: 'rollout 101' }),
    ).toHaveAttribute('href', '/tenant-rollouts/rollouts/101');
    expect(
      within(list).getByRole('link', { name: 'rollout 102' }),
    ).toHaveAttribute('href', '/tenant-rollouts/rollouts/102');
    expect(
      screen.getByText('Every rollout of the train was created.'),
    ).toBeInTheDocument();
    expect(start).toBeDisabled();
    expect(screen.getByLabelText('Gate environment')).toBeDisabled();
  });

  it('stops at a rollout that cannot be created, showing what was created and why it stopped', async () => {
    const created: Array<{
      entityRef: string;
      version: string;
      environment: string;
    }> = [];
    const failFor = ['component:default/sales'];
    server.use(
      ...scorecardsHandlers({
        gates: {
          'component:default/inventory@7.1.0': 'pass',
          'component:default/sales@9.0.0': 'pass',
          'component:default/order-tracking@2.0.0': 'pass',
        },
      }),
      ...tenantRolloutsHandlers({ created, failFor }),
    );
    await renderDependencyMap(<ReleaseTrainPage />, withPlugins());
    await pasteChanges([
      'order-tracking 2.0.0',
      'sales 9.0.0',
      'inventory 7.1.0',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    const start = await screen.findByRole('button', {
      name: 'Start rollouts in order',
    });
    await waitFor(() => expect(start).toBeEnabled());
    await userEvent.click(start);
    const failure = await screen.findByLabelText('Rollout not created');
    expect(failure).toHaveTextContent(
      'The rollout of Sales Order Management 9.0.0 could not be created: No tenant in the catalog depends on component:default/sales.',
    );
    // Inventory (stage 1) was created; sales (stage 2) failed; order tracking, which needs
    // sales, was not tried.
    const list = screen.getByRole('list', { name: 'Rollouts created' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(list).toHaveTextContent('Inventory 7.1.0: rollout 101');
    expect(created.map(c => c.entityRef)).toEqual([
      'component:default/inventory',
    ]);
    expect(failure).toHaveTextContent(
      'only the rollout listed above was created. Starting again goes on from Sales Order Management.',
    );

    // Starting again goes on from sales, without creating inventory's again.
    failFor.length = 0;
    expect(start).toBeEnabled();
    await userEvent.click(start);
    await waitFor(() =>
      expect(
        within(
          screen.getByRole('list', { name: 'Rollouts created' }),
        ).getAllByRole('listitem'),
      ).toHaveLength(3),
    );
    expect(created.map(c => c.entityRef)).toEqual([
      'component:default/inventory',
      'component:default/sales',
      'component:default/order-tracking',
    ]);
    expect(
      screen.queryByLabelText('Rollout not created'),
    ).not.toBeInTheDocument();
  });

  it('plans without gates or rollouts in an app without those plugins, and says so', async () => {
    await renderDependencyMap(<ReleaseTrainPage />, {
      allows: () => true,
    });
    await pasteChanges(PRICING_TRAIN);
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    await screen.findByRole('list', { name: 'Safe sequence' });
    expect(
      screen.getByText(
        'Gates are not checked: the scorecards plugin is not installed in this portal.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start rollouts in order' }),
    ).toBeDisabled();
    expect(
      screen.getByRole('list', { name: 'Why the rollouts cannot start' }),
    ).toHaveTextContent(
      'The tenant-rollouts plugin is not installed in this portal',
    );
  });

  it('keeps the start disabled for a user who may not create rollouts', async () => {
    server.use(
      ...scorecardsHandlers({
        gates: {
          'component:default/pricing-api@3.0.0': 'pass',
          'component:default/customer-portal@5.0.0': 'pass',
        },
      }),
    );
    await renderDependencyMap(<ReleaseTrainPage />, {
      ...withPlugins(),
      allows: name => name !== 'tenant-rollouts.rollout.create',
    });
    await pasteChanges(PRICING_TRAIN);
    await userEvent.click(
      screen.getByRole('button', { name: 'Plan release train' }),
    );
    expect(
      await screen.findByText(
        'You may not create rollouts (tenant-rollouts.rollout.create).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start rollouts in order' }),
    ).toBeDisabled();
  });
});
