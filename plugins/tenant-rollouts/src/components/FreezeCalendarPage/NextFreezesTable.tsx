import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { formatSpan, formatTenants } from '../shared/format';
import { NextOccurrence } from './timeline';

const useStyles = makeStyles(theme => ({
  table: {
    '& th, & td:not(:first-child)': { whiteSpace: 'nowrap' },
    '& td:first-child': { minWidth: 180 },
  },
  now: {
    display: 'inline-block',
    marginLeft: theme.spacing(1),
    padding: '0 6px',
    borderRadius: 8,
    fontSize: theme.typography.pxToRem(11),
    fontWeight: theme.typography.fontWeightBold as number,
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
}));

/** The freezes coming next across every window, soonest first; the ones holding now say so. */
export function NextFreezesTable(props: { occurrences: NextOccurrence[] }) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label="Next freezes" className={classes.table}>
      <TableHead>
        <TableRow>
          <TableCell>Window</TableCell>
          <TableCell>Local time</TableCell>
          <TableCell>UTC</TableCell>
          <TableCell>Zones</TableCell>
          <TableCell align="right">Tenants</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.occurrences.map(({ window, occurrence, current }) => (
          <TableRow key={`${window.id}/${occurrence.localStart}`}>
            <TableCell>
              {window.title}
              {current && <span className={classes.now}>now</span>}
            </TableCell>
            <TableCell>
              {formatSpan(occurrence.localStart, occurrence.localEnd)}{' '}
              {window.timeZone ?? 'local'}
            </TableCell>
            <TableCell>
              {formatSpan(occurrence.start, occurrence.end)} UTC
            </TableCell>
            <TableCell>{occurrence.zones.join(', ')}</TableCell>
            <TableCell align="right">
              {formatTenants(occurrence.tenants)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
