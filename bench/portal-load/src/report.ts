import {
  cell,
  formatMs,
  formatRatio,
  LatencySummary,
  RunDescription,
  runHeaderLines,
  summarize,
} from '@waybill/bench-utils';
import { ColdLoad } from './coldLoad';

/** How the portal was started, and what its cold loads measured. */
export interface ModeResult {
  /** `dev`: `make dev`'s development servers; `build`: `make start`'s production build. */
  mode: 'dev' | 'build';
  /** The column's title. */
  title: string;
  /** Where the app answered. */
  appUrl: string;
  /** Seconds from the start command to the app served (dev: the compile; build: build and start). */
  readySeconds: number;
  /** Rows in the portfolio (demo entities with evidence) when the loads began. */
  portfolioRows: number;
  /** The machine's 1-minute load average before the first and after the last cold load. */
  loadAverage: { before: number; after: number };
  loads: ColdLoad[];
  firstRow: LatencySummary;
}

/** The median of `values`. */
export function median(values: number[]): number {
  return summarize(values).p50;
}

const MIB = 2 ** 20;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(2)} MiB`;

interface Line {
  label: string;
  value: (m: ModeResult) => number;
  format: (n: number) => string;
}

const medianOf = (pick: (l: ColdLoad) => number) => (m: ModeResult) =>
  median(m.loads.map(pick));

/** The lines of the side-by-side table: first paint, then what the median load fetched. */
const LINES: Line[] = [
  {
    label: 'First row painted, p50',
    value: m => m.firstRow.p50,
    format: formatMs,
  },
  {
    label: 'First row painted, p95',
    value: m => m.firstRow.p95,
    format: formatMs,
  },
  {
    label: 'First row painted, max',
    value: m => m.firstRow.max,
    format: formatMs,
  },
  {
    label: 'JS on the wire (transferSize)',
    value: medianOf(l => l.scriptBytes.transferred),
    format: mib,
  },
  {
    label: 'JS uncompressed (decodedBodySize)',
    value: medianOf(l => l.scriptBytes.decoded),
    format: mib,
  },
  { label: 'Scripts', value: medianOf(l => l.scripts), format: String },
  {
    label: 'Requests (document + resources)',
    value: medianOf(l => l.requests),
    format: String,
  },
  {
    label: 'Median: DOMContentLoaded',
    value: medianOf(l => l.domContentLoadedMs),
    format: formatMs,
  },
  {
    label: 'Median: last script received',
    value: medianOf(l => l.scriptsDoneMs),
    format: formatMs,
  },
  {
    label: 'Median: portfolio request sent',
    value: medianOf(l => l.portfolioRequestMs),
    format: formatMs,
  },
  {
    label: 'Median: portfolio answered',
    value: medianOf(l => l.portfolioResponseMs),
    format: formatMs,
  },
  {
    label: 'Ready after start',
    value: m => m.readySeconds * 1000,
    format: formatMs,
  },
];

/** The printed report: the run, then both ways side by side with the ratio dev / build. */
export function reportLines(
  run: RunDescription,
  runs: number,
  dev: ModeResult,
  build: ModeResult,
): string[] {
  const widths = [36, 24, 24, 10];
  const row = (cells: string[]) =>
    cells.map((c, i) => cell(c, widths[i], i > 0)).join('  ');
  const table = LINES.map(line => {
    const [d, b] = [line.value(dev), line.value(build)];
    return row([
      line.label,
      line.format(d),
      line.format(b),
      formatRatio(d / b),
    ]);
  });
  const loads = (m: ModeResult) =>
    `${m.title}: ${m.loads
      .map(l => formatMs(l.firstRowMs))
      .join(', ')}; load average ${m.loadAverage.before} before, ${
      m.loadAverage.after
    } after; ${
      m.portfolioRows
    } portfolio rows; scripts from a cache: ${Math.max(
      ...m.loads.map(l => l.scriptsFromCache),
    )}`;
  return [
    'Waybill portfolio page (/scorecards): cold first paint with data, in Chromium',
    ...runHeaderLines(run),
    `Loads: ${runs} of each, each in a new browser context (empty HTTP cache), the guest signed in; navigation start -> first portfolio row painted`,
    '',
    row(['', dev.title, build.title, 'dev/build']),
    ...table,
    '',
    `First row painted per load, ${loads(dev)}`,
    `First row painted per load, ${loads(build)}`,
  ];
}
