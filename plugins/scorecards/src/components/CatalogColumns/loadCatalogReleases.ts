import type { ScorecardsApi } from '@waybill/plugin-scorecards-common';
import { CatalogReleases, catalogReleasesOf } from './catalogReleases';

/** The portfolio's largest page: a few requests read even a large estate. */
const PAGE_SIZE = 200;

/** How long a loaded portfolio answers the catalog before it is read again. */
export const FRESH_FOR_MS = 30_000;

interface Entry {
  loadedAt: number;
  promise: Promise<CatalogReleases>;
  value?: CatalogReleases;
}

/** One entry per API instance (the app holds one), so tests and apps never share data. */
const cache = new WeakMap<ScorecardsApi, Entry>();

/** Every page of the portfolio, following its cursors, as releases by entity ref. */
async function fetchCatalogReleases(
  api: ScorecardsApi,
): Promise<CatalogReleases> {
  const items = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await api.getPortfolio({
      sort: 'name',
      limit: PAGE_SIZE,
      cursor,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
    // A cursor seen before would loop for ever: stop at what was read.
    if (cursor !== undefined && seen.has(cursor)) break;
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
  return catalogReleasesOf(items);
}

/**
 * The latest scored release of every entity, read once for all the catalog's cells and its
 * filter: callers within {@link FRESH_FOR_MS} of a load share it (and a load in flight), so a
 * table of any number of rows costs one read of the portfolio. A failed load is forgotten, so
 * the next caller tries again.
 */
export function loadCatalogReleases(
  api: ScorecardsApi,
  now: number = Date.now(),
): Promise<CatalogReleases> {
  const cached = cache.get(api);
  if (cached && (!cached.value || now - cached.loadedAt < FRESH_FOR_MS)) {
    return cached.promise;
  }
  const entry: Entry = {
    loadedAt: now,
    promise: fetchCatalogReleases(api).then(
      value => {
        entry.value = value;
        return value;
      },
      error => {
        if (cache.get(api) === entry) cache.delete(api);
        throw error;
      },
    ),
  };
  cache.set(api, entry);
  return entry.promise;
}

/** The releases already loaded and still fresh, to render without a loading flash. */
export function loadedCatalogReleases(
  api: ScorecardsApi,
  now: number = Date.now(),
): CatalogReleases | undefined {
  const cached = cache.get(api);
  return cached?.value && now - cached.loadedAt < FRESH_FOR_MS
    ? cached.value
    : undefined;
}
