import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import Refresh from '@material-ui/icons/Refresh';
import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { readable } from '@waybill/plugin-waybill-react';
import { formatLocalTime } from '../shared/format';
import { RolloutStateChip } from '../shared/rolloutState';
import { useScorecardLink } from '../shared/scorecardLink';
import { LiveUpdates, POLL_MS } from './useRollout';

// Text colours that keep WCAG AA's 4.5:1 on the page's grey (the status colours do not).
const useStyles = makeStyles(theme => ({
  pass: { color: readable(theme, theme.palette.success.main) },
  warn: { color: theme.palette.warningText },
  fail: { color: theme.palette.errorText },
  absent: { color: theme.palette.textSubtle },
  asOf: { color: theme.palette.textSubtle },
  link: { textDecoration: 'underline' },
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
      {/* Underlined: in a line of text, a link is more than its colour. */}
      <Link
        to={scorecardLink(view.entityRef, view.version)}
        className={classes.link}
      >
        Scorecard of {view.version}
      </Link>
    </Typography>
  );
}

/** The board's first line: state, release, its gate and scorecard, size, how fresh it is and a refresh. */
export function BoardSummary(props: {
  view: RolloutView;
  tenants: number;
  /** How the board learns of changes while the rollout is live. */
  liveUpdates: LiveUpdates;
  onRefresh: () => void;
}) {
  const classes = useStyles();
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
      <Typography variant="caption" className={classes.asOf}>
        As of {formatLocalTime(view.evaluatedAt)}
        {live && props.liveUpdates === 'signals' ? '; updates live' : ''}
        {live && props.liveUpdates === 'polling'
          ? `; refreshes every ${POLL_MS / 1000} s`
          : ''}
      </Typography>
      <Button size="small" startIcon={<Refresh />} onClick={props.onRefresh}>
        Refresh
      </Button>
    </Box>
  );
}
