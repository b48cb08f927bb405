// The 20,000-tenant board in a file of its own. It grants no permission, so nothing on the page
// says when the permission answers have come; answers still pending when a test ends hold up the
// next test's render in the same file.
import { fireEvent, screen, within } from '@testing-library/react';
import { makeTenants, rolloutView } from '../../__testUtils__/fixtures';
import { renderBoard } from '../../__testUtils__/renderBoard';
import { setupRolloutsServer } from '../../__testUtils__/renderRollouts';

const server = setupRolloutsServer();

describe('RolloutBoardPage at scale', () => {
  it('asks the backend for one filtered page at 20,000 tenants, pages on, and filters from the URL', async () => {
    const view = rolloutView({
      id: 20000,
      tenants: makeTenants(20_000),
      currentWave: 1,
    });
    const asked: URLSearchParams[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith(`/rollouts/${view.id}`)) {
        asked.push(url.searchParams);
      }
    });
    renderBoard(server, view, [], '?region=europe&tier=critical');
    const matching = view.tenants.items.filter(
      t => t.region === 'europe' && t.tier === 'critical',
    ).length;
    expect(matching).toBeGreaterThan(200);
    // ByLabelText and hidden: true skip jsdom's slow style checks on a page this size.
    const list = await screen.findByLabelText('Tenants by wave');
    const rows = () => within(list).getAllByRole('row', { hidden: true });
    expect(
      screen.getByText(`Showing 1–100 of ${matching} tenants`),
    ).toBeInTheDocument();
    expect(Object.fromEntries(asked.at(-1)!)).toEqual({
      region: 'europe',
      tier: 'critical',
      offset: '0',
      limit: '100',
    });
    // One page, with every wave's header and the header row.
    expect(list).toHaveAttribute(
      'aria-rowcount',
      String(100 + view.waves.length + 1),
    );
    expect(rows().length).toBeLessThan(60);

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(
      await screen.findByText(`Showing 101–200 of ${matching} tenants`),
    ).toBeInTheDocument();
    expect(asked.at(-1)!.get('offset')).toBe('100');

    // Clicking the selected heatmap cell clears its filter, back on the first page.
    const cell = screen.getByLabelText(/^europe critical/);
    expect(cell).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(cell);
    expect(
      await screen.findByText('Showing 1–100 of 20000 tenants'),
    ).toBeInTheDocument();
    expect(Object.fromEntries(asked.at(-1)!)).toEqual({
      offset: '0',
      limit: '100',
    });
    expect(rows().length).toBeLessThan(60);
  });
});
