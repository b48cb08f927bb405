export * from './types';
export {
  ScorecardsClient,
  type ScorecardsApi,
  type ScorecardsClientOptions,
} from './ScorecardsClient';
export {
  activeGateOverride,
  isOverrideActive,
  effectiveGates,
  gateAdjustmentsOf,
  type EffectiveGate,
} from './gateOverrides';
export { releaseVerdict, type ReleaseVerdict } from './releaseVerdict';
export {
  activeWaivers,
  coversVersion,
  gateAfterWaivers,
  isVersionRange,
  waiverStatus,
} from './waivers';
