/** Where and how a time is written for its reader; the browser's zone and language by default. */
export interface LocalTimeOptions {
  timeZone?: string;
  locale?: string;
}

/**
 * An ISO time in the reader's zone and language, with the zone named, e.g.
 * `Fri, Nov 27, 2026, 09:00 PM GMT+1` in Berlin and en-US.
 */
export function formatLocalTime(
  iso: string,
  options: LocalTimeOptions = {},
): string {
  return new Date(iso).toLocaleString(options.locale, {
    timeZone: options.timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}
