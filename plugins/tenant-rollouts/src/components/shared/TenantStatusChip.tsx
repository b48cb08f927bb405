import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { TenantStatus } from '@waybill/plugin-tenant-rollouts-common';

/** The colour of each tenant status, from the theme's status palette. */
export function statusColour(theme: Theme, status: TenantStatus): string {
  switch (status) {
    case 'healthy':
      return theme.palette.status.ok;
    case 'deploying':
      return theme.palette.status.running;
    case 'degraded':
      return theme.palette.status.warning;
    case 'failed':
      return theme.palette.status.error;
    case 'rolled-back':
      return theme.palette.status.aborted;
    default:
      return theme.palette.status.pending;
  }
}

const useStyles = makeStyles(theme => ({
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  dot: {
    width: 10,
    height: 10,
    borderRadius: '50%',
    flexShrink: 0,
  },
}));

/** A tenant's deployment status: a coloured dot and its name. */
export function TenantStatusChip(props: { status: TenantStatus }) {
  const classes = useStyles();
  const theme = useTheme();
  return (
    <span className={classes.chip}>
      <span
        className={classes.dot}
        style={{ background: statusColour(theme, props.status) }}
        aria-hidden
      />
      {props.status}
    </span>
  );
}
