export * from './types';
export * from './facts';
export * from './overrides';
export * from './tier';
export * from './schema';
export * from './grade';
export * from './evaluate';
export * from './defaultPolicy';
