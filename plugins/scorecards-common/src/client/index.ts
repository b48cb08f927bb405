export * from './types';
export {
  ScorecardsClient,
  type ScorecardsApi,
  type ScorecardsClientOptions,
} from './ScorecardsClient';
export {
  activeGateOverride,
  effectiveGates,
  type EffectiveGate,
} from './gateOverrides';
