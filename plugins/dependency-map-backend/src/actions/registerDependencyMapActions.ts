import { registerChangeImpactAction } from './changeImpactAction';
import { DependencyMapActionServices } from './dependencyMapActionContext';
import { registerDeployOrderAction } from './deployOrderAction';
import { registerReleaseTrainAction } from './releaseTrainAction';

/**
 * Registers the dependency-map plugin's actions with the actions registry (exposed to
 * assistants by the MCP actions backend as `dependency-map.get-change-impact`,
 * `dependency-map.plan-deploy-order` and `dependency-map.plan-release-train`). Each answers from
 * the in-memory graph the HTTP routes answer from, as the calling user sees it, after the
 * routes' permission check.
 *
 * Invocations are not audited here: the MCP actions backend records a `tool-execution` event
 * for every tool call (who, which tool, whether it succeeded), and the HTTP routes these mirror
 * record none.
 */
export function registerDependencyMapActions(
  services: DependencyMapActionServices,
): void {
  registerChangeImpactAction(services);
  registerDeployOrderAction(services);
  registerReleaseTrainAction(services);
}
