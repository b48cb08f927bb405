import type { PortfolioItem } from '@waybill/plugin-scorecards-common';

/** A latest release that a gate blocks, with the environments it is blocked for. */
export interface BlockedRelease {
  item: PortfolioItem;
  /** Environments whose gate fails after active overrides, in the portfolio's order. */
  environments: string[];
}

/**
 * The releases among `items` that a gate blocks, each entity once (pages for several owners may
 * overlap), lowest score first: the ones furthest from shipping lead. A gate overridden (and the
 * override still active) does not block: the decisions read are the portfolio's `effectiveGates`,
 * the verdict the release's own page gives.
 */
export function blockedReleases(items: PortfolioItem[]): BlockedRelease[] {
  const byEntity = new Map<string, BlockedRelease>();
  for (const item of items) {
    const environments = Object.entries(item.effectiveGates)
      .filter(([, decision]) => decision === 'fail')
      .map(([environment]) => environment);
    if (environments.length > 0)
      byEntity.set(item.entityRef, { item, environments });
  }
  return [...byEntity.values()].sort(
    (a, b) =>
      a.item.score - b.item.score || a.item.title.localeCompare(b.item.title),
  );
}
