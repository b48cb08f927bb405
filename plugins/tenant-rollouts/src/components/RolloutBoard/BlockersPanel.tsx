import { Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { RolloutView } from '@waybill/plugin-tenant-rollouts-common';
import { BlockerList } from './BlockerList';
import { RefusedAction } from './useRollout';

/**
 * Why the backend refused an action (a 409): where the rollout is, by wave name, and each
 * blocker as the board shows them before a click (the world may have changed in between).
 */
export function BlockersPanel(props: {
  view: RolloutView;
  refused: RefusedAction;
  onClose: () => void;
}) {
  const { refused } = props;
  const wave = props.view.waves[refused.rollout.currentWave];
  return (
    <Alert
      severity="warning"
      onClose={props.onClose}
      role="alert"
      aria-label={`Cannot ${refused.action}`}
    >
      <AlertTitle>
        Cannot {refused.action}: the rollout is {refused.rollout.state} at wave{' '}
        {refused.rollout.currentWave}
        {wave ? ` (${wave.name})` : ''}
      </AlertTitle>
      {refused.blockers.length === 0 ? (
        <Typography variant="body2">{refused.error.message}</Typography>
      ) : (
        <BlockerList blockers={refused.blockers} />
      )}
    </Alert>
  );
}
