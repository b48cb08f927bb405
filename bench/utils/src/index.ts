/**
 * What Waybill's benchmarks share: latency percentiles, timing helpers, number formats and a
 * description of the machine the figures were taken on.
 *
 * @packageDocumentation
 */

export * from './stats';
export * from './machine';
