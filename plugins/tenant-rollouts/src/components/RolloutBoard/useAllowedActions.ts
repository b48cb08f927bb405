import { usePermission } from '@backstage/plugin-permission-react';
import {
  ROLLOUT_ACTIONS,
  RolloutView,
  tenantRolloutsAdvancePermission,
  tenantRolloutsOverridePermission,
  tenantRolloutsRollbackPermission,
  transition,
} from '@waybill/plugin-tenant-rollouts-common';
import { RefusedAction } from './useRollout';

/**
 * The actions the rollout's state allows and the user may take, and whether the user may
 * override what refused the last one.
 */
export function useAllowedActions(view: RolloutView, refused?: RefusedAction) {
  const canAdvance = usePermission({
    permission: tenantRolloutsAdvancePermission,
  }).allowed;
  const canRollback = usePermission({
    permission: tenantRolloutsRollbackPermission,
  }).allowed;
  const canOverride = usePermission({
    permission: tenantRolloutsOverridePermission,
  }).allowed;
  const position = {
    state: view.state,
    currentWave: view.currentWave,
    waveCount: view.waves.length,
  };
  const actions = ROLLOUT_ACTIONS.filter(
    action =>
      transition(position, action).ok &&
      (action === 'rollback' ? canRollback : canAdvance),
  );
  const overridable = Boolean(
    refused &&
      refused.blockers.length > 0 &&
      canOverride &&
      actions.includes(refused.action),
  );
  return { actions, overridable };
}
