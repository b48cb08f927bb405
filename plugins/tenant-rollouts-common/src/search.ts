/**
 * The search document type of tenant rollouts, one per rollout: what the portal's search
 * indexes (`@waybill/plugin-search-backend-module-waybill`) and the tenant-rollouts frontend
 * renders.
 */
export const ROLLOUT_SEARCH_TYPE = 'waybill-rollout';
