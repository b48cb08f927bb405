import { cell, formatRatio, verdict } from '@waybill/bench-utils';

/*
 * The report's formats beside bench/utils' own (formatMs, formatRatio, cell): counts, sizes,
 * verdicts against a bound, and the rows of the summary table.
 */

/** A count with thousands separators: `5,000`. */
export const n = (value: number) => Math.round(value).toLocaleString('en-US');

/** A size in KB or MB. */
export const kb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;

/** A size in bytes, KB or MB: `16 B`, `1.5 KB`. */
export const size = (bytes: number) =>
  bytes < 1024 ? `${Math.round(bytes)} B` : kb(bytes);

/** PASS or FAIL against a bound, with how far under or over: `PASS (1.3 x under)`. */
export function against(value: number, bound: number): string {
  const ok = value < bound;
  return `${verdict(ok)} (${formatRatio(ok ? bound / value : value / bound)} ${
    ok ? 'under' : 'over'
  })`;
}

/**
 * A row of the summary table: name, value, target, verdict, and the machine's 1-minute load
 * average when the figure was taken, when known.
 */
export type SummaryRow = [string, string, string, string, number?];

/** The load column: `1.23`, or `-` when not known. */
const loadCell = (load?: number) =>
  cell(load === undefined ? '-' : load.toFixed(2), 6, true);

/** The summary table: its head, then one line per row. */
export function summaryTable(rows: SummaryRow[]): string[] {
  const line = ([name, value, target, v, load]: SummaryRow) =>
    `${cell(name, 56)}${cell(value, 14, true)} ${loadCell(load)}  ${cell(
      target,
      14,
    )}${v}`;
  return [
    '== Summary ==',
    `${cell('figure', 56)}${cell('value', 14, true)} ${cell(
      'load',
      6,
      true,
    )}  ${cell('target', 14)}verdict`,
    ...rows.map(line),
  ];
}
