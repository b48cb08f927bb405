import { usePermission } from '@backstage/plugin-permission-react';
import {
  RolloutView,
  tenantRolloutsAdvancePermission,
  tenantRolloutsOverridePermission,
  tenantRolloutsRollbackPermission,
} from '@waybill/plugin-tenant-rollouts-common';

/**
 * The board's next actions the user may take (others are not offered), and whether they may
 * override what holds one.
 */
export function useAllowedActions(view: RolloutView) {
  const canAdvance = usePermission({
    permission: tenantRolloutsAdvancePermission,
  }).allowed;
  const canRollback = usePermission({
    permission: tenantRolloutsRollbackPermission,
  }).allowed;
  const canOverride = usePermission({
    permission: tenantRolloutsOverridePermission,
  }).allowed;
  const actions = view.nextActions.filter(a =>
    a.action === 'rollback' ? canRollback : canAdvance,
  );
  return { actions, canOverride };
}
