import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Typography } from '@material-ui/core';
import Refresh from '@material-ui/icons/Refresh';
import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { formatTime } from '../shared/format';
import { RolloutStateChip } from '../shared/rolloutState';
import { POLL_MS } from './useRollout';

/** The board's first line: state, release, size, how fresh it is and a refresh. */
export function BoardSummary(props: {
  view: RolloutView;
  tenants: number;
  onRefresh: () => void;
}) {
  const { view, tenants } = props;
  const live = view.state === 'running' || view.state === 'paused';
  return (
    <Box display="flex" alignItems="center" gridGap={16} mb={2}>
      <RolloutStateChip state={view.state} />
      <Typography variant="body1">
        <EntityRefLink entityRef={view.entityRef} /> {view.version} to{' '}
        {view.environment}: {tenants} tenants in {view.waves.length} waves
      </Typography>
      <Box flexGrow={1} />
      <Typography variant="caption" color="textSecondary">
        As of {formatTime(view.evaluatedAt)}
        {live ? `; refreshes every ${POLL_MS / 1000} s` : ''}
      </Typography>
      <Button size="small" startIcon={<Refresh />} onClick={props.onRefresh}>
        Refresh
      </Button>
    </Box>
  );
}
