import { TablePagination, Tooltip, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import AcUnit from '@material-ui/icons/AcUnit';
import {
  BoardTenant,
  BoardTenantPage,
} from '@waybill/plugin-tenant-rollouts-common';
import { TenantAxis } from '@waybill/plugin-waybill-common';
import { formatLocalTime, formatOpensAt } from '../shared/format';
import { TenantStatusChip } from '../shared/TenantStatusChip';
import { VirtualRows } from '../shared/VirtualRows';
import { BoardFilters } from './BoardFilters';
import { BoardFilter, BoardRow } from './boardView';

const ROW_HEIGHT = 40;
const VISIBLE_HEIGHT = 640;
const COLUMNS = '2.2fr 1fr 1fr 1fr 0.8fr 1.1fr 2.2fr';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    gap: theme.spacing(1),
    height: '100%',
    padding: theme.spacing(0, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  },
  header: { fontWeight: 600 },
  wave: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    height: '100%',
    padding: theme.spacing(0, 1),
    background: theme.palette.background.default,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis' },
  frozen: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 4,
    // The info text colour: the main blue is 3:1 on white, below WCAG AA.
    color: theme.palette.infoText,
  },
}));

function TenantLine(props: { tenant: BoardTenant }) {
  const classes = useStyles();
  const { tenant } = props;
  const { freeze } = tenant;
  return (
    <div className={classes.row} data-tenant={tenant.ref}>
      <span role="cell" className={classes.ellipsis} title={tenant.ref}>
        {tenant.title}
      </span>
      <span role="cell">{tenant.segment}</span>
      <span role="cell">{tenant.region}</span>
      <span role="cell">{tenant.tier}</span>
      <span role="cell">{tenant.cloud}</span>
      <span role="cell" title={tenant.detail ?? undefined}>
        <TenantStatusChip status={tenant.status} />
      </span>
      <span role="cell" className={classes.ellipsis}>
        {freeze.frozen ? (
          <Tooltip
            title={freeze.windows
              .map(
                w =>
                  `${w.title}: ${formatLocalTime(w.start)} → ${formatLocalTime(
                    w.end,
                  )}`,
              )
              .join('; ')}
          >
            <span className={classes.frozen}>
              <AcUnit fontSize="inherit" />
              {freeze.windows.map(w => w.title).join(', ')}; opens{' '}
              {formatOpensAt(freeze.opensAt)}
            </span>
          </Tooltip>
        ) : (
          tenant.detail ?? ''
        )}
      </span>
    </div>
  );
}

/** How many tenants match, and which of them the page shows. */
function shownText(page: BoardTenantPage): string {
  const { total, offset, items } = page;
  if (offset === 0 && items.length === total) {
    return `${total} tenant${total === 1 ? '' : 's'} shown`;
  }
  if (items.length === 0) return `No tenants on this page, of ${total}`;
  return `Showing ${offset + 1}–${offset + items.length} of ${total} tenants`;
}

/**
 * The page of the rollout's tenants that match the filter (the backend filters and pages),
 * wave by wave, with a pager; only the rows in view are mounted.
 */
export function TenantBoard(props: {
  rows: BoardRow[];
  page: BoardTenantPage;
  filter: BoardFilter;
  axisValues: Record<TenantAxis, string[]>;
  onFilter: (filter: BoardFilter) => void;
  /** Goes to the page from this offset. */
  onPage: (offset: number) => void;
}) {
  const classes = useStyles();
  const { filter, rows, page } = props;
  return (
    <div>
      <BoardFilters
        filter={filter}
        axisValues={props.axisValues}
        onFilter={props.onFilter}
      />
      <Typography variant="body2" color="textSecondary" aria-live="polite">
        {shownText(page)}
      </Typography>
      <VirtualRows
        aria-label="Tenants by wave"
        header={
          <div className={`${classes.row} ${classes.header}`}>
            <span role="columnheader">Tenant</span>
            <span role="columnheader">Segment</span>
            <span role="columnheader">Region</span>
            <span role="columnheader">Tier</span>
            <span role="columnheader">Cloud</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">Freeze / detail</span>
          </div>
        }
        rows={rows}
        rowHeight={ROW_HEIGHT}
        height={VISIBLE_HEIGHT}
        renderRow={row =>
          row.kind === 'wave' ? (
            <div className={classes.wave} role="cell" aria-colspan={7}>
              <Typography variant="subtitle2">
                Wave {row.wave.index} · {row.wave.name}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {row.wave.phase} · {row.wave.healthy}/{row.wave.total} healthy
                {row.shown < row.wave.total &&
                  ` · ${row.shown} of ${row.wave.total} shown`}
              </Typography>
            </div>
          ) : (
            <TenantLine tenant={row.tenant} />
          )
        }
      />
      {page.total > page.limit && (
        <TablePagination
          component="div"
          count={page.total}
          page={Math.floor(page.offset / page.limit)}
          rowsPerPage={page.limit}
          rowsPerPageOptions={[]}
          onPageChange={(_event, next) => props.onPage(next * page.limit)}
        />
      )}
    </div>
  );
}
