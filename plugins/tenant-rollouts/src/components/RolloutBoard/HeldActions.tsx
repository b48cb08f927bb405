import { Alert, AlertTitle } from '@material-ui/lab';
import {
  NextAction,
  RolloutView,
} from '@waybill/plugin-tenant-rollouts-common';
import { actionLabel } from './actionLabel';
import { BlockerList } from './BlockerList';

/** The id of the panel saying what holds an action, which its button is described by. */
export const heldPanelId = (view: RolloutView, action: NextAction) =>
  `rollout-${view.id}-${action.action}-held`;

/**
 * What would refuse each next action if it were taken now, before anyone clicks: one panel per
 * held action, for everyone who may read the board (whether or not they may act).
 */
export function HeldActions(props: { view: RolloutView }) {
  const { view } = props;
  const held = view.nextActions.filter(a => !a.ready);
  return (
    <>
      {held.map(action => {
        const label = actionLabel(action, view);
        return (
          <Alert
            key={action.action}
            id={heldPanelId(view, action)}
            severity="warning"
            role="region"
            aria-label={`${label}: held`}
          >
            <AlertTitle>
              {label} is held by {action.blockers.length}{' '}
              {action.blockers.length === 1 ? 'blocker' : 'blockers'}
            </AlertTitle>
            <BlockerList blockers={action.blockers} />
          </Alert>
        );
      })}
    </>
  );
}
