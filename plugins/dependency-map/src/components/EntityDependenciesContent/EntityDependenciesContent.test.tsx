import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import {
  DEPENDENCY_MAP_URL,
  setupDependencyMapServer,
} from '../../__testUtils__/demoBackend';
import {
  inventoryEntity,
  renderDependencyMap,
} from '../../__testUtils__/render';
import { EntityDependenciesContent } from './EntityDependenciesContent';

describe('EntityDependenciesContent', () => {
  const server = setupDependencyMapServer();

  it("shows inventory's neighbours, blast radius and place in the deploy order", async () => {
    await renderDependencyMap(<EntityDependenciesContent />, {
      entity: inventoryEntity,
    });
    expect(
      await screen.findByLabelText('Blast radius summary'),
    ).toHaveTextContent(
      /Changing Inventory affects \d+ entities, 4 business processes and 44 tenants\./,
    );
    expect(screen.getByText(/^Deploy stage \d+ of \d+$/)).toBeInTheDocument();
    expect(
      screen.getByText(/Cycle: .*inventory.*purchase/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Open in the dependency map' }),
    ).toHaveAttribute(
      'href',
      '/dependency-map?entity=component%3Adefault%2Finventory',
    );
    expect(
      screen.getByText(/^Upstream: what Inventory needs/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Downstream: what needs Inventory/),
    ).toBeInTheDocument();
    const processes = screen
      .getByText('Business processes affected')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    expect(within(processes).getByText('Order to Cash')).toBeInTheDocument();
    expect(screen.getByText('Tenants affected (44)')).toBeInTheDocument();
  });

  it("shows the backend's error", async () => {
    server.use(
      http.get(`${DEPENDENCY_MAP_URL}/entities/:kind/:ns/:name/impact`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No entity inventory' },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await renderDependencyMap(<EntityDependenciesContent />, {
      entity: inventoryEntity,
    });
    expect(
      (await screen.findAllByText(/No entity inventory/)).length,
    ).toBeGreaterThan(0);
  });
});
