import { makeStyles } from '@material-ui/core';
import { DataTable } from '@waybill/plugin-waybill-react';
import { formatSpan, formatTenants } from '../shared/format';
import { NextOccurrence } from './timeline';

const useStyles = makeStyles(theme => ({
  now: {
    display: 'inline-block',
    marginLeft: theme.spacing(1),
    padding: '0 6px',
    borderRadius: 8,
    fontSize: theme.typography.pxToRem(11),
    fontWeight: theme.typography.fontWeightBold as number,
    // White on the main red is below WCAG AA's 4.5:1.
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
}));

/** The freezes coming next across every window, soonest first; the ones holding now say so. */
export function NextFreezesTable(props: { occurrences: NextOccurrence[] }) {
  const classes = useStyles();
  return (
    <DataTable
      aria-label="Next freezes"
      rows={props.occurrences}
      rowKey={({ window, occurrence }) =>
        `${window.id}/${occurrence.localStart}`
      }
      columns={[
        {
          header: 'Window',
          minWidth: 180,
          cell: ({ window, current }) => (
            <>
              {window.title}
              {current && <span className={classes.now}>now</span>}
            </>
          ),
        },
        {
          header: 'Local time',
          nowrap: true,
          cell: ({ window, occurrence }) =>
            `${formatSpan(occurrence.localStart, occurrence.localEnd)} ${
              window.timeZone ?? 'local'
            }`,
        },
        {
          header: 'UTC',
          nowrap: true,
          cell: ({ occurrence }) =>
            `${formatSpan(occurrence.start, occurrence.end)} UTC`,
        },
        {
          // Zones wrap: a window over many zones would push the tenants off the card.
          header: 'Zones',
          minWidth: 160,
          cell: ({ occurrence }) => occurrence.zones.join(', '),
        },
        {
          header: 'Tenants',
          align: 'right',
          nowrap: true,
          cell: ({ occurrence }) => formatTenants(occurrence.tenants),
        },
      ]}
    />
  );
}
