export * from './audited';
export * from './authorizer';
export * from './authorizeBySpec';
export * from './jsonBodies';
export * from './parseInput';
export * from './pluginClient';
export * from './toIso';
