/**
 * The tabs Waybill's plugins add below an entity's page, and the query parameter each opens one
 * release with. One plugin links into another's tab (a rollout to its release's scorecard, a
 * scorecard to its release's rollouts), so the paths live here, where both read them; an app
 * that mounts a tab elsewhere breaks those links (each plugin's README says so).
 */
export const ENTITY_TABS = {
  scorecards: { path: 'scorecards', releaseParam: 'release' },
  rollouts: { path: 'rollouts', releaseParam: 'version' },
  dependencies: { path: 'dependencies' },
} as const;

/**
 * The link to a Waybill tab below `entityPath` (the entity page's path, from the catalog's
 * `entityRouteRef`), opened on `version` when given.
 */
export function entityTabLink(
  entityPath: string,
  tab: 'scorecards' | 'rollouts',
  version?: string,
): string {
  const { path, releaseParam } = ENTITY_TABS[tab];
  const base = `${entityPath.replace(/\/+$/, '')}/${path}`;
  return version
    ? `${base}?${releaseParam}=${encodeURIComponent(version)}`
    : base;
}
