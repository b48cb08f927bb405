export * from './types';
export * from './facts';
export * from './overrides';
export * from './schema';
export * from './grade';
export * from './evaluate';
export * from './defaultPolicy';
