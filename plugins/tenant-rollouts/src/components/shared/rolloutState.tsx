import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { RolloutState } from '@waybill/plugin-tenant-rollouts-common';

/** The colour of each rollout state, from the theme's status palette. */
export function rolloutStateColour(theme: Theme, state: RolloutState): string {
  switch (state) {
    case 'running':
      return theme.palette.status.running;
    case 'paused':
      return theme.palette.status.warning;
    case 'rolled-back':
      return theme.palette.status.error;
    case 'completed':
      return theme.palette.status.ok;
    default:
      return theme.palette.status.aborted;
  }
}

const useStyles = makeStyles(theme => ({
  // A plain badge rather than Material UI's Chip: the rollouts table renders one per row.
  chip: {
    display: 'inline-block',
    padding: '2px 8px',
    borderRadius: 12,
    fontSize: theme.typography.pxToRem(12),
    lineHeight: 1.5,
    whiteSpace: 'nowrap',
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/** A rollout's state as a coloured badge: planned, running, paused, rolled-back or completed. */
export function RolloutStateChip(props: { state: RolloutState }) {
  const classes = useStyles();
  const theme = useTheme();
  const background = rolloutStateColour(theme, props.state);
  return (
    <span
      className={classes.chip}
      style={{ background, color: theme.palette.getContrastText(background) }}
    >
      {props.state}
    </span>
  );
}
