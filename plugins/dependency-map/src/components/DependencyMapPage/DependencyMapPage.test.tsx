import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import {
  DEPENDENCY_MAP_URL,
  RequestLog,
  setupDependencyMapServer,
} from '../../__testUtils__/demoBackend';
import { renderDependencyMap } from '../../__testUtils__/render';
import { DependencyMapPage } from './DependencyMapPage';

describe('DependencyMapPage', () => {
  const log: RequestLog = [];
  const server = setupDependencyMapServer(log);
  beforeEach(() => {
    log.length = 0;
  });

  it('shows a business process grouped in lanes, its cycle flagged and its deploy stages', async () => {
    await renderDependencyMap(<DependencyMapPage />, {
      routeEntries: ['/?process=order-to-cash'],
    });
    const graph = await screen.findByRole('group', {
      name: /Dependency graph of \d+ entities/,
    });
    expect(log).toContain(
      'GET /business-processes/order-to-cash?maxNodes=5000',
    );
    const inventory = within(graph).getByRole('button', {
      name: 'Inventory (erp-module)',
    });
    // Purchasing serves procure-to-pay, so the cycle closes outside this view; it is still
    // named by its title, as everywhere else.
    expect(
      await screen.findByText(/Cycle: Inventory ⇄ Purchasing\./),
    ).toHaveTextContent('Part of it is outside this view');
    expect(inventory).toHaveAttribute('data-in-cycle', 'true');
    expect(
      within(graph).getByText(/^Order to Cash \(\d+\)$/),
    ).toBeInTheDocument();
    // How long the layout took is a tooltip for whoever tunes it, not part of the copy.
    const caption = screen.getByTestId('graph-caption');
    expect(caption).toHaveAttribute(
      'title',
      expect.stringMatching(/^Laid out in \d+ ms on the main thread\.$/),
    );
    expect(caption).not.toHaveTextContent(/Laid out|Worker|main thread/);

    const stages = await screen.findByRole('table', { name: 'Deploy stages' });
    expect(within(stages).getAllByRole('row').length).toBeGreaterThan(2);
    expect(
      within(stages).getByText(/Blocked by a cycle: Inventory ⇄ Purchasing/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Legend')).toHaveTextContent('erp-module');
  });

  it('focuses on an entity with depth and direction, and refetches when they change', async () => {
    await renderDependencyMap(<DependencyMapPage />, {
      routeEntries: [
        '/?entity=component:default/inventory&depth=1&direction=downstream',
      ],
    });
    await screen.findByRole('group', { name: /Dependency graph/ });
    expect(log).toContain(
      'GET /entities/component/default/inventory/neighbourhood?depth=1&direction=downstream&maxNodes=5000',
    );
    expect(screen.getByText('Around Inventory')).toBeInTheDocument();
    expect(screen.getByText('Focus: Inventory')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Depth'), {
      target: { value: '3' },
    });
    await waitFor(() =>
      expect(log).toContain(
        'GET /entities/component/default/inventory/neighbourhood?depth=3&direction=downstream&maxNodes=5000',
      ),
    );

    await userEvent.click(screen.getByLabelText('Direction'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Upstream (what it needs)' }),
    );
    await waitFor(() =>
      expect(log).toContain(
        'GET /entities/component/default/inventory/neighbourhood?depth=3&direction=upstream&maxNodes=5000',
      ),
    );
  });

  it('filters by kind and relation on the server, and searches what is in view', async () => {
    await renderDependencyMap(<DependencyMapPage />, {
      routeEntries: ['/?process=order-to-cash'],
    });
    await screen.findByRole('group', { name: /Dependency graph/ });

    await userEvent.click(screen.getByLabelText('Kind'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'component' }),
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(log).toContain(
        'GET /business-processes/order-to-cash?maxNodes=5000&kind=component',
      ),
    );
    await userEvent.click(screen.getByLabelText('Relation'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'usesApi' }),
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(log).toContain(
        'GET /business-processes/order-to-cash?maxNodes=5000&kind=component&relation=usesApi',
      ),
    );

    await userEvent.type(screen.getByLabelText('Search'), 'invent');
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getByText('Inventory')).toBeInTheDocument();
    expect(screen.getByText('1 match in view')).toBeInTheDocument();
  });

  it('selects a node, links it to its scorecard, rollouts and blast radius, and focuses the map on it', async () => {
    await renderDependencyMap(<DependencyMapPage />, {
      routeEntries: ['/?process=order-to-cash'],
    });
    const graph = await screen.findByRole('group', {
      name: /Dependency graph/,
    });
    await userEvent.click(
      within(graph).getByRole('button', {
        name: 'Sales Order Management (erp-module)',
      }),
    );
    expect(
      screen.getByRole('heading', {
        name: 'Sales Order Management (erp-module)',
      }),
    ).toBeInTheDocument();
    const links = screen.getByRole('list', {
      name: 'Links for Sales Order Management',
    });
    const hrefs = within(links)
      .getAllByRole('link')
      .map(link => [link.textContent, link.getAttribute('href')]);
    expect(hrefs).toEqual([
      ['Open in catalog', '/catalog/default/component/sales'],
      ['Release scorecard', '/catalog/default/component/sales/scorecards'],
      ['Rollouts', '/catalog/default/component/sales/rollouts'],
      ['Blast radius', '/catalog/default/component/sales/dependencies'],
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Focus here' }));
    await waitFor(() =>
      expect(log).toContain(
        'GET /entities/component/default/sales/neighbourhood?depth=2&direction=both&maxNodes=5000&businessProcess=order-to-cash',
      ),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Map what it affects' }),
    );
    await waitFor(() =>
      expect(log).toContain(
        'GET /entities/component/default/sales/neighbourhood?depth=2&direction=downstream&maxNodes=5000&businessProcess=order-to-cash',
      ),
    );
  });

  it('draws the edges of a cycle inside the view in the cycle colour', async () => {
    await renderDependencyMap(<DependencyMapPage />, {
      routeEntries: ['/?kind=component'],
    });
    const graph = await screen.findByRole('group', {
      name: /Dependency graph/,
    });
    expect(log).toContain('GET /estate?maxNodes=5000&kind=component');
    const cycleEdges = graph.querySelectorAll('path[data-cycle="true"]');
    expect(cycleEdges.length).toBeGreaterThanOrEqual(2);
    for (const edge of cycleEdges) {
      expect(edge.getAttribute('aria-label')).toMatch(/Inventory|Purchasing/);
    }
    expect(
      await screen.findByText(
        /Cycle: (Inventory ⇄ Purchasing|Purchasing ⇄ Inventory)\./,
      ),
    ).not.toHaveTextContent('outside');
  });

  it('says when nothing matches', async () => {
    await renderDependencyMap(<DependencyMapPage />, {
      routeEntries: ['/?process=order-to-cash&type=no-such-type'],
    });
    expect(
      await screen.findByText('No entities match this view.'),
    ).toBeInTheDocument();
  });

  it("shows the backend's error", async () => {
    server.use(
      http.get(`${DEPENDENCY_MAP_URL}/estate`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ServiceUnavailableError',
              message: 'The dependency graph is not built yet',
            },
            request: { method: 'GET', url: '/estate' },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    await renderDependencyMap(<DependencyMapPage />);
    expect(
      (await screen.findAllByText(/The dependency graph is not built yet/))
        .length,
    ).toBeGreaterThan(0);
  });
});
