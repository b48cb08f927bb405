/**
 * The search document type of releases, one per version of a catalog entity: what the portal's
 * search indexes (`@waybill/plugin-search-backend-module-waybill`) and the scorecards frontend
 * renders.
 */
export const RELEASE_SEARCH_TYPE = 'waybill-release';
