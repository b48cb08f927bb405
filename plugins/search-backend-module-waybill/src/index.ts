/**
 * Search collators for Waybill: releases with their gate state and tenant rollouts, indexed for
 * the portal's search through the scorecards and tenant-rollouts APIs, each visible to those who
 * may read its entity.
 *
 * @packageDocumentation
 */

export { searchModuleWaybillCollators as default } from './module';
export {
  WAYBILL_RELEASE_DOCUMENT_TYPE,
  WAYBILL_ROLLOUT_DOCUMENT_TYPE,
  type WaybillReleaseDocument,
  type WaybillRolloutDocument,
} from './documents';
export {
  WaybillReleaseCollatorFactory,
  type WaybillReleaseCollatorFactoryOptions,
} from './releases/WaybillReleaseCollatorFactory';
export {
  MAX_INDEXED_ROLLOUTS,
  WaybillRolloutCollatorFactory,
  type WaybillRolloutCollatorFactoryOptions,
} from './rollouts/WaybillRolloutCollatorFactory';
export { DEFAULT_SCHEDULE } from './schedule';
export type { CollatorServices } from './serviceClients';
