import { PortfolioItem } from '../../database/types';

/** The portfolio export, one row per entity, in the order of the current sort. */
const PORTFOLIO_CSV_COLUMNS: Array<{
  header: string;
  value: (item: PortfolioItem) => string | number;
}> = [
  { header: 'entity', value: i => i.entityRef },
  { header: 'title', value: i => i.title },
  { header: 'owner', value: i => i.owner ?? '' },
  { header: 'system', value: i => i.system ?? '' },
  { header: 'tier', value: i => i.tier },
  { header: 'business_processes', value: i => i.businessProcesses.join(' ') },
  { header: 'version', value: i => i.version },
  { header: 'released_at', value: i => i.releasedAt },
  { header: 'score', value: i => i.score },
  { header: 'grade', value: i => i.grade },
  {
    header: 'gates',
    value: i =>
      Object.entries(i.gates)
        .map(([env, d]) => `${env}:${d}`)
        .join(' '),
  },
  {
    header: 'failing_checks',
    value: i => i.failingChecks.map(c => c.id).join(' '),
  },
];

/**
 * Text a spreadsheet runs as a formula (OWASP, CSV injection): `=`, `+`, `-` or `@` first, also
 * after white space, or a leading tab or carriage return.
 */
const FORMULA_START = /^(\s*[=+\-@]|[\t\r])/;

/** Quotes a CSV cell (RFC 4180) and defuses spreadsheet formulas in text from the catalog. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(value))
    text = `'${value}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The export's header line. */
export function portfolioCsvHeader(): string {
  return `${PORTFOLIO_CSV_COLUMNS.map(c => c.header).join(',')}\n`;
}

/** One entity's line of the export. */
export function portfolioCsvLine(item: PortfolioItem): string {
  return `${PORTFOLIO_CSV_COLUMNS.map(c => csvCell(c.value(item))).join(
    ',',
  )}\n`;
}

/** Where the export is written: an HTTP response, or any writable stream. */
export interface CsvSink {
  write(chunk: string): boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener(event: 'drain' | 'close', listener: () => void): unknown;
  readonly destroyed: boolean;
}

/** Resolves when the sink drains or closes, whichever comes first. */
function drained(sink: CsvSink): Promise<void> {
  return new Promise(resolve => {
    const done = () => {
      sink.removeListener('drain', done);
      sink.removeListener('close', done);
      resolve();
    };
    sink.once('drain', done);
    sink.once('close', done);
  });
}

/**
 * Writes the export as its pages arrive: the header, then each page's lines as one chunk. When
 * the sink's buffer is full it waits for it to drain before reading the next page, so memory
 * holds about one page whatever the portfolio's size; it stops reading when the sink is closed
 * (the client went away). Returns the number of entity lines written.
 */
export async function writePortfolioCsv(
  sink: CsvSink,
  pages: AsyncIterable<PortfolioItem[]>,
): Promise<number> {
  let lines = 0;
  if (!sink.write(portfolioCsvHeader())) await drained(sink);
  for await (const items of pages) {
    if (sink.destroyed) break;
    lines += items.length;
    if (!sink.write(items.map(portfolioCsvLine).join(''))) {
      await drained(sink);
    }
  }
  return lines;
}
