/**
 * Waybill's catalog conventions: the `waybill.dev/*` names and one reader per convention.
 *
 * @packageDocumentation
 */
export * from './names';
export * from './entityRef';
export * from './tier';
export * from './businessProcesses';
export * from './tenant';
export { isTimeZone } from './timeZone';
export * from './rollouts';
export * from './api';
export * from './parseWithSchema';
export * from './localTime';
export * from './entityTabs';
export * from './keptPer';
