import { Box, Button } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  Blocker,
  NextAction,
  RolloutAction,
  RolloutActionRequest,
  RolloutView,
} from '@waybill/plugin-tenant-rollouts-common';
import { useState } from 'react';
import { actionLabel, FORWARD_ACTIONS } from './actionLabel';
import { KIND_LABELS } from './BlockerList';
import { BlockersPanel } from './BlockersPanel';
import { HeldActions, heldPanelId } from './HeldActions';
import { ReasonDialog } from './ReasonDialog';
import { useAllowedActions } from './useAllowedActions';
import { RefusedAction } from './useRollout';

/** An action to override: which, and what it goes past. */
type Overridable = { action: RolloutAction; blockers: Blocker[] };

/**
 * The leading action: the first one moving the rollout forward that can succeed now; none when
 * every forward action is held.
 */
function leadingAction(actions: NextAction[]): RolloutAction | undefined {
  return actions.find(a => a.ready && FORWARD_ACTIONS.includes(a.action))
    ?.action;
}

/**
 * A button per action the user may take, the one that can succeed first and leading; a held one
 * is disabled and described by what holds it. Overrides go past what holds an action.
 */
function ActionButtons(props: {
  view: RolloutView;
  actions: NextAction[];
  overridable: Overridable[];
  disabled: boolean;
  onAct: (action: RolloutAction) => void;
  onOverride: (target: Overridable) => void;
}) {
  const { view, actions } = props;
  if (actions.length === 0) return null;
  const leading = leadingAction(actions);
  const ordered = [
    ...actions.filter(a => a.action === leading),
    ...actions.filter(a => a.action !== leading),
  ];
  return (
    <Box display="flex" gridGap={8} flexWrap="wrap" aria-label="Actions">
      {ordered.map(action => {
        const isLeading = action.action === leading;
        const rollback = action.action === 'rollback';
        return (
          <Button
            key={action.action}
            variant={isLeading ? 'contained' : 'outlined'}
            color={
              (isLeading && 'primary') || (rollback && 'secondary') || 'default'
            }
            disabled={props.disabled || !action.ready}
            aria-describedby={
              action.ready ? undefined : heldPanelId(view, action)
            }
            onClick={() => props.onAct(action.action)}
          >
            {actionLabel(action, view)}
          </Button>
        );
      })}
      {props.overridable.map(target => (
        <Button
          key={`override-${target.action}`}
          variant="outlined"
          disabled={props.disabled}
          onClick={() => props.onOverride(target)}
        >
          Override and {target.action}
        </Button>
      ))}
    </Box>
  );
}

/** What the user may override: held actions they may take, and the one just refused. */
function overridableActions(
  actions: NextAction[],
  refused: RefusedAction | undefined,
): Overridable[] {
  const targets: Overridable[] = actions
    .filter(a => !a.ready)
    .map(a => ({ action: a.action, blockers: a.blockers }));
  if (
    refused &&
    refused.blockers.length > 0 &&
    actions.some(a => a.action === refused.action) &&
    !targets.some(t => t.action === refused.action)
  ) {
    targets.push({ action: refused.action, blockers: refused.blockers });
  }
  return targets;
}

/**
 * The actions the rollout's state allows and the user may take (others are not offered), what
 * holds each of them before any click, what stood in the way of the last one, and an override
 * past them for those allowed to override.
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
  const { actions, canOverride } = useAllowedActions(view);
  const overridable = canOverride ? overridableActions(actions, refused) : [];
  const [rollingBack, setRollingBack] = useState(false);
  const [overriding, setOverriding] = useState<Overridable>();

  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <ActionButtons
        view={view}
        actions={actions}
        overridable={overridable}
        disabled={props.acting !== undefined}
        onAct={action =>
          action === 'rollback' ? setRollingBack(true) : props.onAct(action)
        }
        onOverride={setOverriding}
      />
      {refused && (
        <BlockersPanel
          view={view}
          refused={refused}
          onClose={props.onDismiss}
        />
      )}
      <HeldActions view={view} />
      {props.actionError && (
        <Alert severity="error" onClose={props.onDismiss}>
          {props.actionError.message}
        </Alert>
      )}
      <ReasonDialog
        open={rollingBack}
        title={`Roll back ${view.version} from ${view.environment}`}
        description="Deployment tooling rolls every started wave back; the rollout cannot be resumed."
        confirmLabel="Roll back"
        onCancel={() => setRollingBack(false)}
        onConfirm={reason => {
          setRollingBack(false);
          props.onAct('rollback', { reason });
        }}
      />
      {overriding && (
        <ReasonDialog
          open
          title={`Override and ${overriding.action}`}
          description={`Goes past: ${overriding.blockers
            .map(b => KIND_LABELS[b.kind].toLowerCase())
            .join(', ')}. The override is recorded with your reason.`}
          confirmLabel={`Override and ${overriding.action}`}
          onCancel={() => setOverriding(undefined)}
          onConfirm={reason => {
            setOverriding(undefined);
            props.onAct(overriding.action, { override: true, reason });
          }}
        />
      )}
    </Box>
  );
}
