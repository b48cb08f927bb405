export * from './types';
export {
  ScorecardsClient,
  type ScorecardsApi,
  type ScorecardsClientOptions,
} from './ScorecardsClient';
