import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
  Tooltip,
  Typography,
} from '@material-ui/core';
import {
  PortfolioItem,
  PortfolioSort,
} from '@waybill/plugin-scorecards-common';
import { GateChip, GradeChip } from '../shared/chips';
import { formatCount, formatTime } from '../shared/format';
import { useScorecardLink } from '../shared/useScorecardLink';

type SortField = 'name' | 'score' | 'updated';

const useStyles = makeStyles({
  table: { '& th': { whiteSpace: 'nowrap' } },
  nowrap: { whiteSpace: 'nowrap' },
});

function SortHeader(props: {
  field: SortField;
  label: string;
  sort: PortfolioSort;
  onSort: (sort: PortfolioSort) => void;
}) {
  const { field, label, sort, onSort } = props;
  const active = sort.replace('-', '') === field;
  const direction = active && sort.startsWith('-') ? 'desc' : 'asc';
  return (
    <TableCell sortDirection={active ? direction : false}>
      <TableSortLabel
        active={active}
        direction={direction}
        onClick={() =>
          onSort(
            (active && direction === 'asc'
              ? `-${field}`
              : field) as PortfolioSort,
          )
        }
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
}

/**
 * One page of the portfolio. Paging is the backend's cursor: the table never holds more than a
 * page, however many services match.
 */
export function PortfolioTable(props: {
  items: PortfolioItem[];
  totalCount: number;
  pageIndex: number;
  pageSize: number;
  sort: PortfolioSort;
  hasNext: boolean;
  onSort: (sort: PortfolioSort) => void;
  onNext: () => void;
  onPrevious: () => void;
}) {
  const classes = useStyles();
  const { items, totalCount, pageIndex, pageSize } = props;
  const scorecardLink = useScorecardLink();
  const first = pageIndex * pageSize + 1;
  const last = pageIndex * pageSize + items.length;
  return (
    <>
      <Table size="small" aria-label="Portfolio" className={classes.table}>
        <TableHead>
          <TableRow>
            <SortHeader
              field="name"
              label="Service"
              sort={props.sort}
              onSort={props.onSort}
            />
            <TableCell>Owner</TableCell>
            <TableCell>Tier</TableCell>
            <TableCell>Release</TableCell>
            <SortHeader
              field="score"
              label="Score"
              sort={props.sort}
              onSort={props.onSort}
            />
            <TableCell>Gates</TableCell>
            <TableCell>Failing checks</TableCell>
            <SortHeader
              field="updated"
              label="Released"
              sort={props.sort}
              onSort={props.onSort}
            />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(item => (
            <TableRow key={item.entityRef} hover>
              <TableCell>
                <Link to={scorecardLink(item.entityRef)}>{item.title}</Link>
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  {item.businessProcesses.join(', ')}
                </Typography>
              </TableCell>
              <TableCell>
                {item.owner ? (
                  <EntityRefLink entityRef={item.owner} defaultKind="group" />
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>{item.tier}</TableCell>
              <TableCell className={classes.nowrap}>
                <Link to={scorecardLink(item.entityRef, item.version)}>
                  {item.version}
                </Link>
              </TableCell>
              <TableCell className={classes.nowrap}>
                <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                  <span>{item.score}</span>
                  <GradeChip grade={item.grade} />
                </Box>
              </TableCell>
              <TableCell>
                <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
                  {Object.entries(item.gates).map(([env, decision]) => (
                    <GateChip key={env} environment={env} decision={decision} />
                  ))}
                </Box>
              </TableCell>
              <TableCell>
                {item.failingChecks.length === 0
                  ? '—'
                  : item.failingChecks.map((check, i) => (
                      <Tooltip
                        key={check.id}
                        title={
                          check.status === 'missing'
                            ? 'No evidence measures this check'
                            : 'The evidence fails this check'
                        }
                      >
                        <span>
                          {i > 0 && ', '}
                          {check.title}
                          {check.status === 'missing' ? ' (missing)' : ''}
                        </span>
                      </Tooltip>
                    ))}
              </TableCell>
              <TableCell className={classes.nowrap}>
                <Tooltip title={formatTime(item.releasedAt)}>
                  <span>{item.releasedAt.slice(0, 10)}</span>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box
        display="flex"
        justifyContent="flex-end"
        alignItems="center"
        mt={1}
        style={{ gap: 16 }}
      >
        <Typography variant="body2" aria-live="polite">
          {items.length === 0
            ? 'No services'
            : `${formatCount(first)}–${formatCount(last)} of ${formatCount(
                totalCount,
              )}`}
        </Typography>
        <Button
          size="small"
          disabled={pageIndex === 0}
          onClick={props.onPrevious}
        >
          Previous page
        </Button>
        <Button size="small" disabled={!props.hasNext} onClick={props.onNext}>
          Next page
        </Button>
      </Box>
    </>
  );
}
