import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import Refresh from '@material-ui/icons/Refresh';
import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { formatLocalTime } from '../shared/format';
import { RolloutStateChip } from '../shared/rolloutState';
import { useScorecardLink } from '../shared/scorecardLink';
import { POLL_MS } from './useRollout';

const useStyles = makeStyles(theme => ({
  pass: { color: theme.palette.status.ok },
  warn: { color: theme.palette.status.warning },
  fail: { color: theme.palette.status.error },
  absent: { color: theme.palette.text.secondary },
}));

const DECISION_WORDS = {
  pass: 'passes',
  warn: 'passes with warnings',
  fail: 'fails',
  absent: 'is not available',
} as const;

/** The release's gate in the rollout's environment, and a link to its scorecard. */
function GateLink(props: { view: RolloutView }) {
  const classes = useStyles();
  const { view } = props;
  const scorecardLink = useScorecardLink();
  return (
    <Typography variant="body2" aria-label="Gate">
      {view.gate && (
        <>
          The {view.environment} gate{' '}
          <strong className={classes[view.gate.decision]}>
            {DECISION_WORDS[view.gate.decision]}
          </strong>
          {' · '}
        </>
      )}
      <Link to={scorecardLink(view.entityRef, view.version)}>
        Scorecard of {view.version}
      </Link>
    </Typography>
  );
}

/** The board's first line: state, release, its gate and scorecard, size, how fresh it is and a refresh. */
export function BoardSummary(props: {
  view: RolloutView;
  tenants: number;
  onRefresh: () => void;
}) {
  const { view, tenants } = props;
  const live = view.state === 'running' || view.state === 'paused';
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={16} mb={2}>
      <RolloutStateChip state={view.state} />
      <Typography variant="body1">
        <EntityRefLink entityRef={view.entityRef} /> {view.version} to{' '}
        {view.environment}: {tenants} tenants in {view.waves.length} waves
      </Typography>
      <GateLink view={view} />
      <Box flexGrow={1} />
      <Typography variant="caption" color="textSecondary">
        As of {formatLocalTime(view.evaluatedAt)}
        {live ? `; refreshes every ${POLL_MS / 1000} s` : ''}
      </Typography>
      <Button size="small" startIcon={<Refresh />} onClick={props.onRefresh}>
        Refresh
      </Button>
    </Box>
  );
}
