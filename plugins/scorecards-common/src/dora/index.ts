export * from './types';
export {
  computeDora,
  computeDoraTrend,
  DEPLOYMENT_FREQUENCY_BANDS,
} from './computeDora';
