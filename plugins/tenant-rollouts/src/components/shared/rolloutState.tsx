import { Theme, useTheme } from '@material-ui/core/styles';
import { RolloutState } from '@waybill/plugin-tenant-rollouts-common';
import { Badge } from '@waybill/plugin-waybill-react';

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

/** A rollout's state as a coloured badge: planned, running, paused, rolled-back or completed. */
export function RolloutStateChip(props: { state: RolloutState }) {
  const theme = useTheme();
  return (
    <Badge background={rolloutStateColour(theme, props.state)}>
      {props.state}
    </Badge>
  );
}
