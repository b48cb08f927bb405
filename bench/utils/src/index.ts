/**
 * What Waybill's benchmarks share: latency percentiles, timing helpers, number formats, a
 * description of the machine the figures were taken on, and starting the portal for browser phases.
 *
 * @packageDocumentation
 */

export * from './stats';
export * from './machine';
export * from './portal';
