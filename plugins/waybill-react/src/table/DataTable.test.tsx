import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataColumn, DataTable, DataTableProps } from './DataTable';

interface Release {
  version: string;
  tenants: number;
  createdAt: string;
}

const releases: Release[] = [
  { version: '7.4.0', tenants: 1200, createdAt: '2026-01-02' },
  { version: '7.3.0', tenants: 90, createdAt: '2026-01-01' },
];

const columns = (showTenants: boolean): Array<DataColumn<Release> | false> => [
  { header: 'Version', cell: r => <a href={`#${r.version}`}>{r.version}</a> },
  showTenants && {
    header: 'Tenants',
    align: 'right',
    nowrap: true,
    cell: r => r.tenants.toLocaleString('en-US'),
  },
  {
    header: 'Created',
    cell: r => r.createdAt,
    title: r => `at ${r.createdAt}`,
  },
];

/** Renders the releases, or none, with the given columns and options. */
function renderReleases(
  props: Partial<DataTableProps<Release>> & { showTenants: boolean },
) {
  const { showTenants, ...rest } = props;
  render(
    <DataTable
      aria-label="Releases"
      columns={columns(showTenants)}
      rows={releases}
      rowKey={r => r.version}
      {...rest}
    />,
  );
}

describe('DataTable', () => {
  it('renders a named table: the headers, then a cell per column and row', () => {
    renderReleases({ showTenants: true });
    const table = screen.getByRole('table', { name: 'Releases' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Version', 'Tenants', 'Created']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      '7.4.01,2002026-01-02',
      '7.3.0902026-01-01',
    ]);
    expect(within(rows[0]).getByRole('link', { name: '7.4.0' })).toBeVisible();
    const [, tenants, created] = within(rows[0]).getAllByRole('cell');
    expect(tenants).toHaveClass('MuiTableCell-alignRight');
    expect(created).toHaveAttribute('title', 'at 2026-01-02');
  });

  it('leaves out columns given as false, and renders no body row without rows', () => {
    renderReleases({ showTenants: false, rows: [] });
    expect(
      screen.queryByRole('columnheader', { name: 'Tenants' }),
    ).not.toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(1);
  });

  it('marks the selected row and reports clicks on rows', async () => {
    const onRowClick = jest.fn();
    renderReleases({
      showTenants: false,
      hover: true,
      isSelected: r => r.version === '7.3.0',
      onRowClick,
    });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[1]).toHaveClass('Mui-selected');
    expect(rows[0]).not.toHaveClass('Mui-selected');
    expect(rows[0]).toHaveClass('MuiTableRow-hover');
    await userEvent.click(within(rows[1]).getByText('2026-01-01'));
    expect(onRowClick).toHaveBeenCalledWith(releases[1]);
  });
});
