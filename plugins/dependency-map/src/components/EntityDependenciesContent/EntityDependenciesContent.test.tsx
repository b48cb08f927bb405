import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  analyzeImpact,
  pageImpact,
} from '@waybill/plugin-dependency-map-common';
import { demoGraph } from '@waybill/plugin-dependency-map-common/testUtils';
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
    // The cycle reads with titles, as on the map.
    expect(
      screen.getByText(/^Cycle: Inventory ⇄ Purchasing\./),
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

    const processes = screen
      .getByText('Business processes affected')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    expect(within(processes).getByText('Order to Cash')).toBeInTheDocument();
    expect(screen.getByText('Tenants affected (44)')).toBeInTheDocument();
  });

  it('lists the real consumers first, counted, and sums up the tenants until asked for', async () => {
    await renderDependencyMap(<EntityDependenciesContent />, {
      entity: inventoryEntity,
    });
    const downstream = (
      await screen.findByText('Downstream: what needs Inventory (10)')
    ).closest('div[class*="MuiPaper"]') as HTMLElement;
    const rows = () =>
      within(downstream)
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getAllByRole('cell')[1].textContent);
    expect(rows()).toHaveLength(10);
    expect(rows()).not.toContain('tenant');
    expect(rows()).toContain('erp-module');

    const more = screen.getByRole('button', { name: 'and 44 tenants' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    expect(rows()).toHaveLength(54);
    // The consumers stay first; the tenants follow.
    expect(rows().slice(0, 10)).not.toContain('tenant');
    expect(rows().slice(10)).toEqual(Array(44).fill('tenant'));
    expect(
      screen.getByRole('button', { name: 'Hide the 44 tenants' }),
    ).toHaveAttribute('aria-expanded', 'true');
    // Inventory's providers are no tenants: nothing to sum up upstream.
    expect(
      screen.getByText(/^Upstream: what Inventory needs \(\d+\)$/),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /tenants$/ })).toHaveLength(1);
  });

  it('says when the blast radius is cut off: showing N of M', async () => {
    const report = analyzeImpact(demoGraph(), 'component:default/inventory');
    server.use(
      http.get(`${DEPENDENCY_MAP_URL}/entities/:kind/:ns/:name/impact`, () =>
        HttpResponse.json(pageImpact(report, { limit: 5 })),
      ),
    );
    await renderDependencyMap(<EntityDependenciesContent />, {
      entity: inventoryEntity,
    });
    expect(
      await screen.findByLabelText('Blast radius summary'),
    ).toHaveTextContent(
      `Changing Inventory affects ${report.affected.length} entities, 4 business processes and 44 tenants.`,
    );
    expect(screen.getByLabelText('Affected entities shown')).toHaveTextContent(
      `Showing 5 of ${report.affected.length} affected entities, nearest first.`,
    );
    expect(
      screen.getByText('Tenants affected (showing 5 of 44)'),
    ).toBeInTheDocument();
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
