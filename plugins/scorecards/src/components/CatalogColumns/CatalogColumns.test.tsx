import { Entity } from '@backstage/catalog-model';
import { Table } from '@backstage/core-components';
import {
  EntityListContextProps,
  EntityListProvider,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import { PortfolioItem } from '@waybill/plugin-scorecards-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderScorecards } from '../../__testUtils__/renderScorecards';
import {
  SCORECARDS_URL,
  setupScorecardsServer,
} from '../../__testUtils__/server';
import { ReleaseGatePicker } from './ReleaseGatePicker';
import { useCatalogReleaseColumns } from './releaseColumns';
import { component, portfolioItem } from '../../__testUtils__/catalogItems';

const server = setupScorecardsServer();

/** Serves the portfolio, counting the requests. */
function servePortfolio(items: PortfolioItem[] | 'failing') {
  const requests: URL[] = [];
  server.use(
    http.get(`${SCORECARDS_URL}/portfolio`, ({ request }) => {
      requests.push(new URL(request.url));
      if (items === 'failing') {
        return HttpResponse.json(
          { error: { name: 'Error', message: 'database unavailable' } },
          { status: 503 },
        );
      }
      return HttpResponse.json({ items, totalCount: items.length });
    }),
  );
  return requests;
}

const PORTFOLIO = [
  portfolioItem(
    'inventory',
    'A',
    { staging: 'pass', production: 'fail' },
    { score: 92, version: '5.2.0' },
  ),
  portfolioItem(
    'orders',
    'C',
    { staging: 'warn', production: 'pass' },
    { score: 71, version: '3.1.0' },
  ),
  portfolioItem(
    'billing',
    'B',
    { staging: 'pass', production: 'pass' },
    { score: 85, version: '2.0.4' },
  ),
  portfolioItem(
    'edi',
    'D',
    { staging: 'pass', production: 'pass' },
    { score: 62, version: '0.9.0' },
  ),
];

const ENTITIES = [
  component('inventory', 'Inventory'),
  component('orders', 'Sales Orders'),
  component('billing', 'Billing'),
  component('edi', 'EDI Gateway'),
  component('portal', 'Customer Portal'),
];

type Row = { entity: Entity };

const nameColumns = () => [
  { title: 'Name', field: 'entity.metadata.title' },
  { title: 'Owner', field: 'entity.spec.owner' },
];

/** The catalog table as the catalog renders it: its columns function over the entity list. */
function CatalogTableProbe() {
  const context = useEntityList();
  const columns = useCatalogReleaseColumns<Row>(nameColumns);
  return (
    <Table<Row>
      title="Components"
      columns={columns(context as EntityListContextProps)}
      data={context.entities.map(entity => ({ entity }))}
      options={{ paging: false, search: false }}
    />
  );
}

function renderTable(entities: Entity[], kind = 'component') {
  return renderScorecards(
    <MockEntityListContextProvider
      value={{
        entities,
        filters: {
          kind: {
            value: kind,
            label: kind,
            getCatalogFilters: () => ({ kind }),
          } as any,
        },
      }}
    >
      <CatalogTableProbe />
    </MockEntityListContextProvider>,
  );
}

const rowOf = (title: string) =>
  screen.getByRole('cell', { name: title }).closest('tr')!;

describe('the catalog grade and gate columns', () => {
  it('shows each component’s grade with its version and the verdict of its gates, from one portfolio read', async () => {
    const requests = servePortfolio(PORTFOLIO);
    await renderScorecards(
      <MockEntityListContextProvider
        value={{ entities: ENTITIES, filters: {} }}
      >
        <CatalogTableProbe />
      </MockEntityListContextProvider>,
    );

    const inventory = await screen.findByRole('link', {
      name: 'gates: Blocked for production',
    });
    expect(requests).toHaveLength(1);
    expect(requests[0].searchParams.get('limit')).toBe('200');

    const headers = screen
      .getAllByRole('columnheader')
      .map(header => header.textContent);
    expect(headers).toEqual(['Name', 'Grade', 'Gate', 'Owner']);

    // A release graded A but blocked reads blocked beside its grade, linked to its checks.
    expect(inventory).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory/scorecards?release=5.2.0',
    );
    const gradeLink = screen.getByRole('link', { name: 'grade A 5.2.0' });
    expect(gradeLink).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory/scorecards?release=5.2.0',
    );
    expect(
      screen.getByRole('link', { name: 'gates: Warns for staging' }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('link', { name: 'gates: Passes every gate' }),
    ).toHaveLength(2);
    // The component without a scored release says so in both columns, not as a failure.
    expect(
      within(rowOf('Customer Portal')).getAllByText('No release scored'),
    ).toHaveLength(2);
    expect(screen.queryByText(/unavailable/)).not.toBeInTheDocument();
  });

  it('shares one read between tables and with the filter', async () => {
    const requests = servePortfolio(PORTFOLIO);
    await renderScorecards(
      <MockEntityListContextProvider value={{ entities: ENTITIES }}>
        <CatalogTableProbe />
        <CatalogTableProbe />
        <ReleaseGatePicker />
      </MockEntityListContextProvider>,
    );
    expect(
      await screen.findAllByRole('link', {
        name: 'gates: Blocked for production',
      }),
    ).toHaveLength(2);
    expect(requests).toHaveLength(1);
  });

  it('renders a blocked release in the error colour, never a healthy one', async () => {
    servePortfolio(PORTFOLIO);
    await renderTable(ENTITIES);
    const blocked = await screen.findByLabelText(
      'gates: Blocked for production',
    );
    const passes = screen.getAllByLabelText('gates: Passes every gate')[0];
    const background = (el: HTMLElement) => getComputedStyle(el).background;
    expect(background(blocked)).not.toEqual(background(passes));
    expect(getComputedStyle(blocked).color).toBe('rgb(255, 255, 255)');
  });

  it('sorts by gate, blocked first, and by grade, A first, entities without a release last', async () => {
    servePortfolio(PORTFOLIO);
    await renderTable(ENTITIES);
    await screen.findByLabelText('gates: Blocked for production');
    const titles = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getAllByRole('cell')[0].textContent);

    const sortBy = (name: string) =>
      userEvent.click(screen.getAllByRole('button', { name })[0]);
    await sortBy('Gate');
    expect(titles()).toEqual([
      'Inventory',
      'Sales Orders',
      'EDI Gateway',
      'Billing',
      'Customer Portal',
    ]);
    await sortBy('Grade');
    expect(titles()).toEqual([
      'Inventory',
      'Billing',
      'Sales Orders',
      'EDI Gateway',
      'Customer Portal',
    ]);
  });

  it('says the scorecards are unavailable when the portfolio cannot be read', async () => {
    servePortfolio('failing');
    await renderTable([component('inventory', 'Inventory')]);
    expect(await screen.findAllByText('Scorecards unavailable')).toHaveLength(
      2,
    );
  });

  it('leaves the columns out for kinds that have no scored releases', async () => {
    const requests = servePortfolio(PORTFOLIO);
    await renderTable([{ ...component('platform'), kind: 'System' }], 'system');
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(
      screen.getAllByRole('columnheader').map(header => header.textContent),
    ).toEqual(['Name', 'Owner']);
  });
});

/** What the catalog's entity list shows, under its filter, as the table would. */
function EntityNames() {
  const { entities, loading } = useEntityList();
  if (loading) return null;
  return (
    <ul aria-label="Entities">
      {entities.map(entity => (
        <li key={entity.metadata.name}>{entity.metadata.name}</li>
      ))}
    </ul>
  );
}

const listed = () =>
  within(screen.getByRole('list', { name: 'Entities' }))
    .queryAllByRole('listitem')
    .map(item => item.textContent);

describe('the catalog’s Release gate filter', () => {
  it('filters the catalog by the verdict of each component’s latest release', async () => {
    servePortfolio(PORTFOLIO);
    await renderScorecards(
      <EntityListProvider>
        <ReleaseGatePicker />
        <EntityNames />
      </EntityListProvider>,
      { catalogEntities: ENTITIES },
    );
    const group = await screen.findByRole('group', { name: 'Release gate' });
    const blocked = within(group).getByRole('checkbox', { name: 'Blocked' });
    await waitFor(() => expect(blocked).toBeEnabled());
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map(box => box.getAttribute('name')),
    ).toEqual(['blocked', 'warns', 'passes', 'none']);

    await userEvent.click(blocked);
    await waitFor(() => expect(listed()).toEqual(['inventory']));

    await userEvent.click(
      within(group).getByRole('checkbox', { name: 'No release scored' }),
    );
    await waitFor(() => expect(listed()).toEqual(['inventory', 'portal']));

    await userEvent.click(blocked);
    await userEvent.click(
      within(group).getByRole('checkbox', { name: 'No release scored' }),
    );
    await userEvent.click(
      within(group).getByRole('checkbox', { name: 'Passes' }),
    );
    await waitFor(() => expect(listed()).toEqual(['billing', 'edi']));
  });

  it('restores the choice from the URL', async () => {
    servePortfolio(PORTFOLIO);
    await renderScorecards(
      <EntityListProvider>
        <ReleaseGatePicker />
        <EntityNames />
      </EntityListProvider>,
      {
        catalogEntities: ENTITIES,
        routeEntries: ['/catalog?filters[releaseGate]=warns'],
      },
    );
    await waitFor(() => expect(listed()).toEqual(['orders']));
    expect(screen.getByRole('checkbox', { name: 'Warns' })).toBeChecked();
  });

  it('hides itself and drops its filter for kinds without scored releases', async () => {
    servePortfolio(PORTFOLIO);
    await renderScorecards(
      <MockEntityListContextProvider
        value={{
          filters: {
            kind: { value: 'group', label: 'Group' } as any,
          },
        }}
      >
        <ReleaseGatePicker />
      </MockEntityListContextProvider>,
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('group', { name: 'Release gate' }),
      ).not.toBeInTheDocument(),
    );
  });
});
