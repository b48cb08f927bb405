import { registerReleaseGateAction } from './releaseGateAction';
import { registerReleaseScoreAction } from './releaseScoreAction';
import { ScorecardsActionServices } from './scorecardsActionContext';

/**
 * Registers the scorecards plugin's actions with the actions registry (exposed to assistants
 * by the MCP actions backend as `scorecards.get-release-gate` and
 * `scorecards.explain-release-score`). Each reads through the services the HTTP routes use,
 * as the calling user, with the permission and catalog read checks of its route.
 *
 * Invocations are not audited here: the MCP actions backend records a `tool-execution` event
 * for every tool call (who, which tool, whether it succeeded), and the HTTP read routes these
 * mirror record none.
 */
export function registerScorecardsActions(
  services: ScorecardsActionServices,
): void {
  registerReleaseGateAction(services);
  registerReleaseScoreAction(services);
}
