export * from './types';
export * from './facts';
export type { FindingCount } from './findings';
export * from './effectiveRules';
export * from './schema';
export * from './grade';
export * from './evaluate';
export * from './defaultPolicy';
