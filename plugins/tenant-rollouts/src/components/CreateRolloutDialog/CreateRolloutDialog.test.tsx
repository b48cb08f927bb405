import { Entity, RELATION_DEPENDENCY_OF } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { httpClientOptions, renderPlugin } from '@waybill/frontend-test-utils';
import {
  ReleaseSummary,
  ScorecardsClient,
} from '@waybill/plugin-scorecards-common';
import { TenantRolloutsClient } from '@waybill/plugin-tenant-rollouts-common';
import { http, HttpResponse } from 'msw';
import { tenantRolloutsApiRef } from '../../api';
import { rolloutView } from '../../__testUtils__/fixtures';
import {
  renderRollouts,
  rolloutsBackend,
  ROLLOUTS_URL,
  setupRolloutsServer,
} from '../../__testUtils__/renderRollouts';
import { rootRouteRef } from '../../routes';
import { CreateRolloutDialog } from './CreateRolloutDialog';
import { scorecardsApiRef } from './scorecardsApi';

const server = setupRolloutsServer();

/** The scorecards backend's address in tests (`mockApis.discovery()`'s default). */
const SCORECARDS_URL = 'http://example.com/api/scorecards';

/** A component; `tenants` name the tenants whose `spec.dependsOn` names it. */
const component = (
  name: string,
  title?: string,
  tenants: string[] = ['resource:default/acme-foods'],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  relations: tenants.map(targetRef => ({
    type: RELATION_DEPENDENCY_OF,
    targetRef,
  })),
});

const acmeFoods: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'acme-foods', namespace: 'default', title: 'Acme Sales' },
  spec: { type: 'tenant', owner: 'team-a', dependsOn: ['component:sales'] },
};

const CATALOG = [
  component('sales', 'Sales Order Management'),
  component('inventory', 'Inventory'),
  component('ledger'),
  // Nothing depends on it, so no rollout could reach a tenant.
  component('sales-sandbox', 'Sales Sandbox', []),
  acmeFoods,
];

const release = (
  version: string,
  grade: ReleaseSummary['grade'],
  gates: Array<[string, 'pass' | 'warn' | 'fail']>,
  createdAt: string,
): ReleaseSummary => ({
  entityRef: 'component:default/sales',
  version,
  createdAt,
  score: grade ? 80 : null,
  grade,
  gates: gates.map(([environment, decision]) => ({
    environment,
    decision,
    policyDecision: decision,
  })),
});

/** The releases of sales, newest first, as the scorecards backend answers them. */
const SALES_RELEASES = [
  release(
    '7.4.1',
    'B',
    [
      ['staging', 'pass'],
      ['production', 'fail'],
    ],
    '2026-11-30T10:00:00Z',
  ),
  release(
    '7.4.0',
    'A',
    [
      ['staging', 'pass'],
      ['production', 'pass'],
    ],
    '2026-11-20T10:00:00Z',
  ),
  release('7.3.0', null, [], '2026-10-01T10:00:00Z'),
];

/** Answers the releases of every entity from `releases` (by ref); records the queries. */
function scorecardsBackend(releases: Record<string, ReleaseSummary[]>) {
  const asked: string[] = [];
  server.use(
    http.get(
      `${SCORECARDS_URL}/entities/:kind/:namespace/:name/releases`,
      ({ params, request }) => {
        const { kind, namespace, name } = params as Record<string, string>;
        const ref = `${kind}:${namespace}/${name}`;
        asked.push(`${ref}?${new URL(request.url).searchParams}`);
        return HttpResponse.json({ items: releases[ref] ?? [] });
      },
    ),
  );
  return asked;
}

/**
 * Renders the dialog with the rollouts client, and the catalog (`entities`) and scorecards
 * clients unless left out; `queries` records what the catalog is asked.
 */
async function renderDialog(
  options: {
    entities?: Entity[];
    scorecards?: boolean;
    entityRef?: string;
  } = {},
) {
  const catalog = options.entities
    ? catalogApiMock({ entities: options.entities })
    : undefined;
  const queries = catalog ? jest.spyOn(catalog, 'queryEntities') : undefined;
  const onCreated = jest.fn();
  await renderPlugin(
    <CreateRolloutDialog
      open
      entityRef={options.entityRef}
      onClose={jest.fn()}
      onCreated={onCreated}
    />,
    {
      apis: [
        [tenantRolloutsApiRef, new TenantRolloutsClient(httpClientOptions())],
        ...(catalog ? [[catalogApiRef, catalog] as const] : []),
        ...(options.scorecards === false
          ? []
          : [
              [
                scorecardsApiRef,
                new ScorecardsClient(httpClientOptions()),
              ] as const,
            ]),
      ],
      mountedRoutes: { '/tenant-rollouts': rootRouteRef },
    },
  );
  const dialog = await screen.findByRole('dialog', { name: 'New rollout' });
  return { dialog, queries, onCreated };
}

/** How long a search may take in a test: typing pauses 250 ms before the catalog is asked. */
const SEARCH_WAIT_MS = 3000;

/** The options of the open list, as their text. */
async function optionsShown() {
  const listbox = await screen.findByRole(
    'listbox',
    {},
    { timeout: SEARCH_WAIT_MS },
  );
  return within(listbox)
    .getAllByRole('option')
    .map(o => o.textContent);
}

/**
 * Types into the entity picker and picks the option named `option`, as a user does: once the
 * search has settled (an option clicked while an answer re-renders the list is lost), then
 * checks that the pick shows its ref under the field.
 */
async function pickEntity(
  dialog: HTMLElement,
  typed: string,
  option: RegExp,
  ref: string,
) {
  await userEvent.type(within(dialog).getByLabelText('Entity'), typed);
  await waitFor(
    () =>
      expect(
        within(dialog).queryByLabelText('Searching the catalog'),
      ).not.toBeInTheDocument(),
    { timeout: SEARCH_WAIT_MS },
  );
  await userEvent.click(
    await screen.findByRole(
      'option',
      { name: option },
      { timeout: SEARCH_WAIT_MS },
    ),
  );
  expect(await within(dialog).findByText(ref)).toBeVisible();
}

describe('CreateRolloutDialog', () => {
  it('checks the environment, and uses the default strategy when the strategies cannot be loaded', async () => {
    const created: unknown[] = [];
    server.use(
      http.get(`${ROLLOUTS_URL}/strategies`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'catalog unavailable' },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
      http.post(`${ROLLOUTS_URL}/rollouts`, async ({ request }) => {
        created.push(await request.json());
        return HttpResponse.json(rolloutView({ id: 3 }), { status: 201 });
      }),
    );
    const onCreated = jest.fn();
    const onClose = jest.fn();
    await renderRollouts(
      <CreateRolloutDialog
        open
        entityRef="component:default/sales"
        onClose={onClose}
        onCreated={onCreated}
      />,
    );

    const dialog = await screen.findByRole('dialog', { name: 'New rollout' });
    expect(
      await within(dialog).findByText(/catalog unavailable/),
    ).toHaveTextContent('the rollout will use the default strategy');
    await userEvent.type(within(dialog).getByLabelText('Version'), '7.4.1');
    const environment = within(dialog).getByLabelText('Environment');
    await userEvent.clear(environment);
    await userEvent.type(environment, 'Prod EU');
    expect(
      within(dialog).getByText(/Lowercase letters, digits and dashes/),
    ).toBeInTheDocument();
    const create = within(dialog).getByRole('button', {
      name: 'Create rollout',
    });
    expect(create).toBeDisabled();

    await userEvent.clear(environment);
    await userEvent.type(environment, 'stag');
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('staging'),
    );
    expect(environment).toHaveValue('staging');
    await userEvent.click(create);

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreated.mock.calls[0][0]).toMatchObject({ id: 3 });
    expect(created).toEqual([
      {
        entityRef: 'component:default/sales',
        version: '7.4.1',
        environment: 'staging',
      },
    ]);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('picks the entity from the catalog and a release from its scorecard, its gates in view, and creates the rollout of both', async () => {
    const asked = rolloutsBackend(server);
    const releasesAsked = scorecardsBackend({
      'component:default/sales': SALES_RELEASES,
    });
    const { dialog, queries, onCreated } = await renderDialog({
      entities: CATALOG,
    });

    // Before anything is typed: the rollable components by name, by title with the ref beneath;
    // neither the tenant nor the component nothing depends on.
    const entity = within(dialog).getByLabelText('Entity');
    await userEvent.click(entity);
    expect(await optionsShown()).toEqual([
      'Inventorycomponent:default/inventory',
      'ledgercomponent:default/ledger',
      'Sales Order Managementcomponent:default/sales',
    ]);
    expect(queries).toHaveBeenCalledWith({
      filter: expect.objectContaining({ kind: 'component' }),
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
      limit: 50,
      orderFields: { field: 'metadata.name', order: 'asc' },
    });

    // Typing searches the catalog by name and title.
    await userEvent.type(entity, 'order');
    await waitFor(
      async () =>
        expect(await optionsShown()).toEqual([
          'Sales Order Managementcomponent:default/sales',
        ]),
      { timeout: SEARCH_WAIT_MS },
    );
    expect(queries).toHaveBeenLastCalledWith(
      expect.objectContaining({
        fullTextFilter: {
          term: 'order',
          fields: ['metadata.name', 'metadata.title'],
        },
        limit: 50,
      }),
    );
    await userEvent.click(
      screen.getByRole('option', { name: /Sales Order Management/ }),
    );
    expect(entity).toHaveValue('Sales Order Management');
    expect(within(dialog).getByText('component:default/sales')).toBeVisible();

    // Its releases, newest first, each with its grade and its gates' verdict.
    const version = within(dialog).getByLabelText('Version');
    expect(
      await within(dialog).findByText(
        'Newest first, with grade and gates; a version without evidence yet can be typed',
      ),
    ).toBeInTheDocument();
    expect(releasesAsked).toEqual(['component:default/sales?limit=50']);
    await userEvent.click(version);
    const shown = await optionsShown();
    expect(shown.map(text => text?.slice(0, 5))).toEqual([
      '7.4.1',
      '7.4.0',
      '7.3.0',
    ]);
    expect(shown[0]).toMatch(/^7\.4\.1Grade B · .*Blocked for production$/);
    expect(shown[1]).toMatch(/^7\.4\.0Grade A · .*Passes every gate$/);
    expect(shown[2]).toMatch(/^7\.3\.0Not graded · .*Not evaluated$/);

    // The blocked release can be picked; the dialog says what its failing gate means.
    await userEvent.click(screen.getByRole('option', { name: /^7\.4\.1/ }));
    expect(version).toHaveValue('7.4.1');
    expect(
      within(dialog).getByText(
        'Grade B. Blocked for production. The rollout can be planned, but it starts only once the production gate passes or is overridden',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create rollout' }),
    );

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(asked.created).toEqual([
      {
        entityRef: 'component:default/sales',
        version: '7.4.1',
        environment: 'production',
      },
    ]);
  });

  it('takes a typed version without evidence, and forgets the version when another entity is picked', async () => {
    const asked = rolloutsBackend(server);
    const releasesAsked = scorecardsBackend({
      'component:default/sales': SALES_RELEASES,
    });
    const { dialog, onCreated } = await renderDialog({ entities: CATALOG });
    const entity = within(dialog).getByLabelText('Entity');
    const version = within(dialog).getByLabelText('Version');
    expect(
      within(dialog).getByText(
        'Pick the entity to list its releases, or type the version',
      ),
    ).toBeInTheDocument();

    await pickEntity(
      dialog,
      'inventory',
      /^Inventory/,
      'component:default/inventory',
    );
    expect(
      await within(dialog).findByText(
        'No release of this entity has evidence yet: type the version to deploy',
      ),
    ).toBeInTheDocument();
    await userEvent.type(version, '5.3.0');

    // Another entity: the version typed for inventory goes.
    await userEvent.clear(entity);
    await pickEntity(
      dialog,
      'component:default/sales',
      /^Sales Order Management/,
      'component:default/sales',
    );
    expect(version).toHaveValue('');
    await waitFor(() =>
      expect(releasesAsked).toEqual([
        'component:default/inventory?limit=50',
        'component:default/sales?limit=50',
      ]),
    );

    await userEvent.type(version, '7.5.0');
    expect(
      within(dialog).getByText(
        'No evidence for 7.5.0 yet: the rollout can be planned, but it starts only once the production gate passes',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create rollout' }),
    );

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(asked.created).toEqual([
      {
        entityRef: 'component:default/sales',
        version: '7.5.0',
        environment: 'production',
      },
    ]);
  });

  it('shows a page of a large catalog and says how many more match', async () => {
    rolloutsBackend(server);
    scorecardsBackend({});
    const many = Array.from({ length: 120 }, (_, i) =>
      component(`service-${String(i).padStart(3, '0')}`),
    );
    const { dialog, queries } = await renderDialog({ entities: many });
    const entity = within(dialog).getByLabelText('Entity');

    await userEvent.click(entity);
    expect(await optionsShown()).toHaveLength(50);
    expect(
      within(dialog).getByText(
        'The first 50 of 120 components shown; type a name or title to narrow them',
      ),
    ).toBeInTheDocument();

    await userEvent.type(entity, 'service-11');
    await waitFor(async () => expect(await optionsShown()).toHaveLength(10), {
      timeout: SEARCH_WAIT_MS,
    });
    expect(
      within(dialog).getByText(
        'Components that tenants depend on; type a name or title to search',
      ),
    ).toBeInTheDocument();
    expect(queries).toHaveBeenLastCalledWith(
      expect.objectContaining({
        fullTextFilter: expect.objectContaining({ term: 'service-11' }),
      }),
    );
  });

  it('lists the releases of the entity the dialog is opened for', async () => {
    rolloutsBackend(server);
    scorecardsBackend({ 'component:default/sales': SALES_RELEASES });
    const { dialog } = await renderDialog({
      entities: CATALOG,
      entityRef: 'component:default/sales',
    });

    const entity = within(dialog).getByLabelText('Entity');
    expect(entity).toHaveValue('component:default/sales');
    expect(entity).toHaveAttribute('readonly');
    await userEvent.click(within(dialog).getByLabelText('Version'));
    expect(await optionsShown()).toHaveLength(3);
    expect(screen.getByRole('option', { name: /^7\.4\.1/ })).toHaveTextContent(
      'Blocked for production',
    );
  });

  it('takes a typed version when the scorecards plugin is not installed', async () => {
    const asked = rolloutsBackend(server);
    const { dialog, onCreated } = await renderDialog({
      entities: CATALOG,
      scorecards: false,
    });

    await pickEntity(dialog, 'ledger', /^ledger/, 'component:default/ledger');
    // A plain text field: no list to pick from.
    const version = within(dialog).getByLabelText('Version');
    expect(version).not.toHaveAttribute('aria-autocomplete');
    expect(
      within(dialog).getByText('The release to deploy, for example 7.4.0'),
    ).toBeInTheDocument();
    await userEvent.type(version, '2.0.0');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create rollout' }),
    );

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(asked.created).toEqual([
      {
        entityRef: 'component:default/ledger',
        version: '2.0.0',
        environment: 'production',
      },
    ]);
  });
});
