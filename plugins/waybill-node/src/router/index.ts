export * from './audited';
export * from './authorizer';
export * from './parseInput';
export * from './pluginClient';
export * from './toIso';
