/**
 * What Waybill's benchmarks share: latency percentiles, timing helpers, number formats, a
 * description of the machine the figures were taken on, starting the portal for browser phases,
 * a seedable PRNG for their generated data, a catalog module providing fixed entities, the head
 * and the JSON file of their reports, and running them (progress lines, the tree, the exit code).
 *
 * @packageDocumentation
 */

export * from './stats';
export * from './machine';
export * from './portal';
export * from './random';
export * from './catalog';
export * from './report';
export * from './run';
export * from './browser';
export * from './growth';
export * from './http';
