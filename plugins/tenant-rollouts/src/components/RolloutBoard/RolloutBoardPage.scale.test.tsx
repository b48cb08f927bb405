// The 5,000-tenant board in a file of its own. It grants no permission, so nothing on the page
// says when the permission answers have come; answers still pending when a test ends hold up the
// next test's render in the same file.
import { fireEvent, screen, within } from '@testing-library/react';
import { makeTenants, rolloutView } from '../../__testUtils__/fixtures';
import { renderBoard } from '../../__testUtils__/renderBoard';
import { setupRolloutsServer } from '../../__testUtils__/renderRollouts';

const server = setupRolloutsServer();

describe('RolloutBoardPage at scale', () => {
  it('mounts only the rows in view at 5,000 tenants, and filters from the URL', async () => {
    const view = rolloutView({
      id: 5000,
      tenants: makeTenants(5000),
      currentWave: 1,
    });
    renderBoard(server, view, [], '?region=europe&tier=critical');
    // ByLabelText and hidden: true skip jsdom's slow style checks on a page this size.
    const list = await screen.findByLabelText('Tenants by wave');
    const rows = () => within(list).getAllByRole('row', { hidden: true });
    const shown = view.waves
      .flatMap(w => w.tenants)
      .filter(t => t.region === 'europe' && t.tier === 'critical').length;
    expect(screen.getByText(`${shown} tenants shown`)).toBeInTheDocument();
    // The header row counts too.
    expect(list).toHaveAttribute(
      'aria-rowcount',
      String(shown + view.waves.length + 1),
    );
    expect(rows().length).toBeLessThan(60);

    // Clicking the selected heatmap cell clears its filter.
    const cell = screen.getByLabelText(/^europe critical/);
    expect(cell).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(cell);
    expect(await screen.findByText('5000 tenants shown')).toBeInTheDocument();
    expect(list).toHaveAttribute(
      'aria-rowcount',
      String(5000 + view.waves.length + 1),
    );
    expect(rows().length).toBeLessThan(60);
  });
});
