import { Box, Button } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  RolloutAction,
  RolloutActionRequest,
  RolloutView,
} from '@waybill/plugin-tenant-rollouts-common';
import { useState } from 'react';
import { BlockersPanel } from './BlockersPanel';
import { ReasonDialog } from './ReasonDialog';
import { useAllowedActions } from './useAllowedActions';
import { RefusedAction } from './useRollout';

/** The label of an action's button, naming the wave it moves to. */
function actionLabel(action: RolloutAction, view: RolloutView): string {
  const next = view.waves[view.currentWave + 1];
  switch (action) {
    case 'start':
      return `Start wave 0 (${view.waves[0].name})`;
    case 'advance':
      return `Advance to wave ${next.index} (${next.name})`;
    case 'complete':
      return 'Complete';
    case 'rollback':
      return 'Roll back';
    default:
      return action[0].toLocaleUpperCase('en-US') + action.slice(1);
  }
}

/** A button per allowed action. */
function ActionButtons(props: {
  view: RolloutView;
  actions: RolloutAction[];
  disabled: boolean;
  onAct: (action: RolloutAction) => void;
}) {
  if (props.actions.length === 0) return null;
  return (
    <Box display="flex" gridGap={8} flexWrap="wrap">
      {props.actions.map(action => (
        <Button
          key={action}
          variant={action === 'rollback' ? 'outlined' : 'contained'}
          color={action === 'rollback' ? 'secondary' : 'primary'}
          disabled={props.disabled}
          onClick={() => props.onAct(action)}
        >
          {actionLabel(action, props.view)}
        </Button>
      ))}
    </Box>
  );
}

/**
 * The actions the rollout's state allows and the user may take (others are not shown), what
 * stood in the way of the last one, and an override past it for those allowed to override.
 */
export function RolloutActions(props: {
  view: RolloutView;
  acting?: RolloutAction;
  refused?: RefusedAction;
  actionError?: Error;
  onAct: (action: RolloutAction, request?: RolloutActionRequest) => void;
  onDismiss: () => void;
}) {
  const { view, refused } = props;
  const { actions, overridable } = useAllowedActions(view, refused);
  const [asking, setAsking] = useState<'rollback' | 'override'>();

  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <ActionButtons
        view={view}
        actions={actions}
        disabled={props.acting !== undefined}
        onAct={action =>
          action === 'rollback' ? setAsking('rollback') : props.onAct(action)
        }
      />
      {refused && <BlockersPanel refused={refused} onClose={props.onDismiss} />}
      {overridable && refused && (
        <Box>
          <Button
            variant="outlined"
            disabled={props.acting !== undefined}
            onClick={() => setAsking('override')}
          >
            Override and {refused.action}
          </Button>
        </Box>
      )}
      {props.actionError && (
        <Alert severity="error" onClose={props.onDismiss}>
          {props.actionError.message}
        </Alert>
      )}
      <ReasonDialog
        open={asking === 'rollback'}
        title={`Roll back ${view.version} from ${view.environment}`}
        description="Deployment tooling rolls every started wave back; the rollout cannot be resumed."
        confirmLabel="Roll back"
        onCancel={() => setAsking(undefined)}
        onConfirm={reason => {
          setAsking(undefined);
          props.onAct('rollback', { reason });
        }}
      />
      {refused && (
        <ReasonDialog
          open={asking === 'override'}
          title={`Override and ${refused.action}`}
          description={`Goes past: ${refused.blockers
            .map(b => b.kind)
            .join(', ')}. The override is recorded with your reason.`}
          confirmLabel={`Override and ${refused.action}`}
          onCancel={() => setAsking(undefined)}
          onConfirm={reason => {
            setAsking(undefined);
            props.onAct(refused.action, { override: true, reason });
          }}
        />
      )}
    </Box>
  );
}
