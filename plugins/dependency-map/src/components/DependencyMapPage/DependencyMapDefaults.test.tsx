/*
 * What the map shows by default: no tenants and no data stores (the estate's fan-out would
 * swamp it), each with a switch kept in the URL, and each node's hidden tenants summed up on it.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  RequestLog,
  setupDependencyMapServer,
} from '../../__testUtils__/demoBackend';
import { renderDependencyMap } from '../../__testUtils__/render';
import { DependencyMapPage } from './DependencyMapPage';

/** The page's URL query, decoded, to check that the view stays linkable. */
function CurrentQuery() {
  const { search } = useLocation();
  return <span data-testid="query">{decodeURIComponent(search)}</span>;
}

const renderMap = (query = '') =>
  renderDependencyMap(
    <>
      <DependencyMapPage />
      <CurrentQuery />
    </>,
    { routeEntries: [`/${query}`] },
  );

/**
 * The drawn nodes of a type, by their accessible names: `Title (type)`, or `Title cut sh… (Title
 * cut short, type)`, then any badge's words (` 44 tenants (served, hidden from view)`).
 */
const drawn = async (type: string) => {
  const graph = await screen.findByRole('group', {
    name: /Dependency graph of \d+ entities/,
  });
  return within(graph).queryAllByRole('button', {
    name: new RegExp(
      `[(, ]${type}\\)( \\d+ tenants? \\(served, hidden from view\\))?$`,
    ),
  });
};

const query = () => screen.getByTestId('query').textContent;

describe('DependencyMapPage defaults', () => {
  const log: RequestLog = [];
  setupDependencyMapServer(log);
  beforeEach(() => {
    log.length = 0;
  });

  it('hides tenants and data stores by default, and the switches bring them back, kept in the URL', async () => {
    await renderMap();
    expect(await drawn('erp-module')).toHaveLength(5);
    expect(log).toContain('GET /estate?maxNodes=5000');
    expect(await drawn('tenant')).toHaveLength(0);
    expect(await drawn('database')).toHaveLength(0);
    expect(screen.getByTestId('graph-caption')).toHaveTextContent(
      /^30 entities, \d+ edges\. .* 44 tenants and 8 data stores are hidden: show them with the switches above\.$/,
    );
    const tenants = screen.getByRole('checkbox', { name: 'Show tenants' });
    const dataStores = screen.getByRole('checkbox', {
      name: 'Show data stores',
    });
    expect(tenants).not.toBeChecked();
    expect(dataStores).not.toBeChecked();

    await userEvent.click(tenants);
    await waitFor(async () => expect(await drawn('tenant')).toHaveLength(44));
    expect(query()).toBe('?show=tenants');
    expect(await drawn('database')).toHaveLength(0);
    expect(screen.getByTestId('graph-caption')).toHaveTextContent(
      '8 data stores are hidden',
    );

    await userEvent.click(dataStores);
    await waitFor(async () => expect(await drawn('database')).toHaveLength(8));
    expect(query()).toBe('?show=tenants,data-stores');
    expect(screen.getByTestId('graph-caption')).not.toHaveTextContent('hidden');

    await userEvent.click(tenants);
    await waitFor(async () => expect(await drawn('tenant')).toHaveLength(0));
    expect(query()).toBe('?show=data-stores');
    // Showing or hiding is drawn from the view already loaded: no new request.
    expect(log.filter(l => l.startsWith('GET /estate?maxNodes=5000'))).toEqual([
      'GET /estate?maxNodes=5000',
    ]);
  });

  it('reads what to show from the URL, and shows what a type filter asks for', async () => {
    await renderMap('?show=tenants,data-stores');
    expect(await drawn('tenant')).toHaveLength(44);
    expect(await drawn('database')).toHaveLength(8);
    expect(
      screen.getByRole('checkbox', { name: 'Show tenants' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Show data stores' }),
    ).toBeChecked();
  });

  it('shows the tenants a type filter asks for, with their switch on', async () => {
    await renderMap('?type=tenant');
    expect(await drawn('tenant')).toHaveLength(44);
    const tenants = screen.getByRole('checkbox', { name: 'Show tenants' });
    expect(tenants).toBeChecked();
    expect(tenants).toBeDisabled();
  });

  it("sums up a node's hidden tenants on it, and the selected node shows them", async () => {
    await renderMap();
    const [inventory] = (await drawn('erp-module')).filter(
      node =>
        node.getAttribute('aria-label') ===
        'Inventory (erp-module) 44 tenants (served, hidden from view)',
    );
    expect(inventory).toHaveAttribute('data-hidden-tenants', '44');
    expect(within(inventory).getByTestId('tenant-badge')).toHaveTextContent(
      /^44 tenants$/,
    );
    // A node no tenant names has no badge.
    const [pricingApi] = await drawn('openapi').then(nodes =>
      nodes.filter(
        n => n.getAttribute('aria-label') === 'Pricing API (openapi)',
      ),
    );
    expect(within(pricingApi).queryByTestId('tenant-badge')).toBeNull();

    await userEvent.click(inventory);
    expect(
      screen.getByText(/^Serves 44 tenants, hidden in this view\./),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show tenants' }));
    await waitFor(async () => expect(await drawn('tenant')).toHaveLength(44));
    expect(query()).toBe('?show=tenants');
    expect(screen.queryByTestId('tenant-badge')).toBeNull();
    expect(screen.queryByText(/hidden in this view/)).toBeNull();
  });

  it('links an API only to its catalog page: scorecards and rollouts are for components', async () => {
    await renderMap();
    const [pricingApi] = await drawn('openapi').then(nodes =>
      nodes.filter(
        n => n.getAttribute('aria-label') === 'Pricing API (openapi)',
      ),
    );
    await userEvent.click(pricingApi);
    const links = screen.getByRole('list', { name: 'Links for Pricing API' });
    expect(
      within(links)
        .getAllByRole('link')
        .map(link => [link.textContent, link.getAttribute('href')]),
    ).toEqual([['Open in catalog', '/catalog/default/api/pricing-api']]);
  });

  it('keeps a focused tenant in view, with the tenants around it hidden', async () => {
    await renderMap('?entity=resource:default/meridian-internal-canary-na');
    expect(await drawn('tenant')).toHaveLength(1);
    expect(
      screen.getByText('Around Meridian Internal Canary (North America)'),
    ).toBeInTheDocument();
  });
});
