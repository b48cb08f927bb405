import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
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
  Typography,
} from '@material-ui/core';
import {
  PortfolioItem,
  PortfolioSort,
} from '@waybill/plugin-scorecards-common';
import { TableScroller } from '@waybill/plugin-waybill-react';
import { memo } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { businessProcessLabel } from '../shared/businessProcess';
import { GateChip, GradeChip } from '../shared/chips';
import { formatCount, formatTime } from '../shared/format';
import { useScorecardLink } from '../shared/useScorecardLink';

type SortField = 'name' | 'score' | 'updated';

const useStyles = makeStyles(theme => ({
  table: { '& th': { whiteSpace: 'nowrap' } },
  nowrap: { whiteSpace: 'nowrap' },
  inline: { display: 'flex', alignItems: 'center', gap: 8 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: 4 },
  row: { '&:hover': { backgroundColor: theme.palette.action.hover } },
  cell: {
    ...theme.typography.body2,
    padding: '6px 24px 6px 16px',
    borderBottom: `1px solid ${theme.palette.divider}`,
    verticalAlign: 'middle',
    textAlign: 'left',
  },
  link: {
    color: theme.palette.link ?? theme.palette.primary.main,
    textDecoration: 'none',
    '&:hover': { textDecoration: 'underline' },
  },
  caption: {
    ...theme.typography.caption,
    display: 'block',
    color: theme.palette.text.secondary,
  },
}));

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
 * The owner as a plain link to its catalog page: a page of rows renders 50 of them, so no
 * per-row catalog lookup as `EntityRefLink` makes for its presentation.
 */
function OwnerLink(props: { owner: string }) {
  const classes = useStyles();
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = parseEntityRef(props.owner);
  return (
    <RouterLink className={classes.link} to={entityRoute(ref)}>
      {humanizeEntityRef(ref, { defaultKind: 'group' })}
    </RouterLink>
  );
}

/**
 * One service's line. Rows are memoized and made of plain elements styled like the table's
 * cells (Material UI's cells, links and tooltips cost several times more): a page renders
 * fifty rows on every filter change.
 */
const PortfolioRow = memo(function PortfolioRowContent({
  item,
}: {
  item: PortfolioItem;
}) {
  const classes = useStyles();
  const scorecardLink = useScorecardLink();
  return (
    <tr className={classes.row}>
      <td className={classes.cell}>
        <RouterLink className={classes.link} to={scorecardLink(item.entityRef)}>
          {item.title}
        </RouterLink>
        <span className={classes.caption}>
          {item.businessProcesses.map(businessProcessLabel).join(', ')}
        </span>
      </td>
      <td className={classes.cell}>
        {item.owner ? <OwnerLink owner={item.owner} /> : '—'}
      </td>
      <td className={classes.cell}>{item.tier}</td>
      <td className={`${classes.cell} ${classes.nowrap}`}>
        <RouterLink
          className={classes.link}
          to={scorecardLink(item.entityRef, item.version)}
        >
          {item.version}
        </RouterLink>
      </td>
      <td className={`${classes.cell} ${classes.nowrap}`}>
        <div className={classes.inline}>
          <span>{item.score}</span>
          <GradeChip grade={item.grade} />
        </div>
      </td>
      <td className={classes.cell}>
        <div className={classes.chips}>
          {Object.entries(item.effectiveGates).map(([env, decision]) => (
            <GateChip
              key={env}
              environment={env}
              decision={decision}
              policyDecision={item.gates[env]}
              overridden={item.gateAdjustments[env]?.overridden ?? false}
              waivers={item.gateAdjustments[env]?.waivers}
            />
          ))}
        </div>
      </td>
      <td className={classes.cell}>
        {item.failingChecks.length === 0
          ? '—'
          : item.failingChecks
              .map(
                check =>
                  `${check.title}${
                    check.status === 'missing' ? ' (missing)' : ''
                  }`,
              )
              .join(', ')}
      </td>
      <td
        className={`${classes.cell} ${classes.nowrap}`}
        title={formatTime(item.releasedAt)}
      >
        {item.releasedAt.slice(0, 10)}
      </td>
    </tr>
  );
});

/** The column headers; name, score and release time sort on the server. */
function PortfolioTableHead(props: {
  sort: PortfolioSort;
  onSort: (sort: PortfolioSort) => void;
}) {
  const { sort, onSort } = props;
  return (
    <TableHead>
      <TableRow>
        <SortHeader field="name" label="Service" sort={sort} onSort={onSort} />
        <TableCell>Owner</TableCell>
        <TableCell>Tier</TableCell>
        <TableCell>Release</TableCell>
        <SortHeader field="score" label="Score" sort={sort} onSort={onSort} />
        <TableCell>Gates</TableCell>
        <TableCell>Failing checks</TableCell>
        <SortHeader
          field="updated"
          label="Released"
          sort={sort}
          onSort={onSort}
        />
      </TableRow>
    </TableHead>
  );
}

/** Which services of how many the page shows, and the way to the pages before and after it. */
function PortfolioPager(props: {
  shown: number;
  totalCount: number;
  pageIndex: number;
  pageSize: number;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
}) {
  const { shown, totalCount, pageIndex, pageSize } = props;
  const first = pageIndex * pageSize + 1;
  const last = pageIndex * pageSize + shown;
  return (
    <Box
      display="flex"
      justifyContent="flex-end"
      alignItems="center"
      mt={1}
      style={{ gap: 16 }}
    >
      <Typography
        variant="body2"
        aria-live="polite"
        data-testid="portfolio-range"
      >
        {shown === 0
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
  );
}

/**
 * One page of the portfolio. Paging is the backend's cursor: the table never holds more than a
 * page, however many services match.
 */
export const PortfolioTable = memo(function PortfolioTableContent(props: {
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
  const { items } = props;
  return (
    <>
      <TableScroller label="Portfolio">
        <Table size="small" aria-label="Portfolio" className={classes.table}>
          <PortfolioTableHead sort={props.sort} onSort={props.onSort} />
          <TableBody>
            {items.map(item => (
              <PortfolioRow key={item.entityRef} item={item} />
            ))}
          </TableBody>
        </Table>
      </TableScroller>
      <PortfolioPager
        shown={items.length}
        totalCount={props.totalCount}
        pageIndex={props.pageIndex}
        pageSize={props.pageSize}
        hasNext={props.hasNext}
        onNext={props.onNext}
        onPrevious={props.onPrevious}
      />
    </>
  );
});
