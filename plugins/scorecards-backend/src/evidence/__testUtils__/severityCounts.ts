import { SeverityCounts } from '@waybill/plugin-scorecards-common';

/** Severity counts from critical down to info, to keep expectations short. */
export function severityCounts(
  critical: number,
  high: number,
  medium: number,
  low: number,
  info: number,
): SeverityCounts {
  return { critical, high, medium, low, info };
}
