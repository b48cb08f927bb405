import { registerRolloutStatusAction } from './rolloutStatusAction';
import { registerTenantFreezeWindowsAction } from './tenantFreezeWindowsAction';
import { TenantRolloutsActionServices } from './tenantRolloutsActionContext';

/**
 * Registers the tenant-rollouts plugin's actions with the actions registry (exposed to
 * assistants by the MCP actions backend as `tenant-rollouts.get-rollout-status` and
 * `tenant-rollouts.list-tenant-freeze-windows`). Each reads through the services the HTTP read
 * routes use, as the calling user, with the permission and catalog read checks of its route.
 *
 * Invocations are not audited here: the MCP actions backend records a `tool-execution` event
 * for every tool call (who, which tool, whether it succeeded), and the HTTP read routes these
 * mirror record none (the plugin audits its actions on rollouts, which change them).
 */
export function registerTenantRolloutsActions(
  services: TenantRolloutsActionServices,
): void {
  registerRolloutStatusAction(services);
  registerTenantFreezeWindowsAction(services);
}
