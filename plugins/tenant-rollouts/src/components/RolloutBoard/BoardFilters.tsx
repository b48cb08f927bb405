import { Box, MenuItem, TextField } from '@material-ui/core';
import { TENANT_STATUSES } from '@waybill/plugin-tenant-rollouts-common';
import { TENANT_AXES, TenantAxis } from '@waybill/plugin-waybill-common';
import { BoardFilter } from './boardView';

/** One filter of the board: all, or one value. */
function FilterSelect(props: {
  filterKey: TenantAxis | 'status';
  label: string;
  values: readonly string[];
  filter: BoardFilter;
  onFilter: (filter: BoardFilter) => void;
}) {
  const { filterKey: key, filter } = props;
  return (
    <TextField
      id={`board-filter-${key}`}
      select
      label={props.label}
      value={filter[key] ?? ''}
      onChange={event =>
        props.onFilter({ ...filter, [key]: event.target.value || undefined })
      }
      variant="outlined"
      size="small"
      style={{ minWidth: 140 }}
    >
      <MenuItem value="">All</MenuItem>
      {props.values.map(value => (
        <MenuItem key={value} value={value}>
          {value}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The board's filters: each tenant axis, the status and a search. */
export function BoardFilters(props: {
  filter: BoardFilter;
  axisValues: Record<TenantAxis, string[]>;
  onFilter: (filter: BoardFilter) => void;
}) {
  const { filter, onFilter } = props;
  return (
    <Box display="flex" gridGap={8} flexWrap="wrap" mb={1}>
      {TENANT_AXES.map(axis => (
        <FilterSelect
          key={axis}
          filterKey={axis}
          label={axis[0].toLocaleUpperCase('en-US') + axis.slice(1)}
          values={props.axisValues[axis]}
          filter={filter}
          onFilter={onFilter}
        />
      ))}
      <FilterSelect
        filterKey="status"
        label="Status"
        values={[...TENANT_STATUSES, 'frozen']}
        filter={filter}
        onFilter={onFilter}
      />
      <TextField
        id="board-filter-search"
        label="Search tenants"
        value={filter.q ?? ''}
        onChange={event =>
          onFilter({ ...filter, q: event.target.value || undefined })
        }
        variant="outlined"
        size="small"
      />
    </Box>
  );
}
