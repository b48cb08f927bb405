/** The freeze calendar's layout: ranges, bar positions, month ticks, groups and what comes next. */
import type {
  CalendarOccurrence,
  CalendarWindow,
} from '@waybill/plugin-tenant-rollouts-common';
import { scopeInWords } from '../shared/format';

const DAY_MS = 86_400_000;

/** The ranges offered, in days from today. */
export const RANGE_DAYS = [30, 90, 180] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];
export const DEFAULT_RANGE_DAYS: RangeDays = 90;

/** The range a `?days=` value asks for; anything else is the default. */
export function rangeDaysOf(value: string | null): RangeDays {
  return RANGE_DAYS.find(days => String(days) === value) ?? DEFAULT_RANGE_DAYS;
}

/** `days` days from the start of `now`'s day (UTC), so that a freeze running today shows whole. */
export function calendarRange(
  now: Date,
  days: number,
): { from: Date; to: Date } {
  const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  return { from, to: new Date(from.getTime() + days * DAY_MS) };
}

/** Where an instant falls in a range, as a percentage of it; undefined outside. */
export function positionOf(
  instant: Date,
  range: { from: Date; to: Date },
): number | undefined {
  const from = range.from.getTime();
  const length = range.to.getTime() - from;
  const at = instant.getTime() - from;
  return at < 0 || at > length ? undefined : (at / length) * 100;
}

/** A bar's place in a range, in percent, clamped to the range; undefined if it is outside. */
export function spanOf(
  occurrence: Pick<CalendarOccurrence, 'start' | 'end'>,
  range: { from: Date; to: Date },
): { left: number; width: number } | undefined {
  const from = range.from.getTime();
  const length = range.to.getTime() - from;
  const start = Math.max(new Date(occurrence.start).getTime() - from, 0);
  const end = Math.min(new Date(occurrence.end).getTime() - from, length);
  if (end <= start) return undefined;
  return {
    left: (start / length) * 100,
    width: ((end - start) / length) * 100,
  };
}

const monthLabel = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The first of each month (UTC) inside a range, labelled `Dec 2026`, with its position. */
export function monthTicks(range: {
  from: Date;
  to: Date;
}): Array<{ label: string; left: number }> {
  const ticks = [];
  const start = range.from;
  for (
    let month = new Date(
      Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1),
    );
    month < range.to;
    month = new Date(
      Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1),
    )
  ) {
    ticks.push({
      label: monthLabel.format(month),
      left: positionOf(month, range)!,
    });
  }
  return ticks;
}

/** Windows with the same scope, under the scope in words. */
export interface ScopeGroup {
  scope: string;
  windows: CalendarWindow[];
}

/** The windows grouped by whom they cover: `Everyone` first, then in the order configured. */
export function groupByScope(windows: CalendarWindow[]): ScopeGroup[] {
  const groups = new Map<string, CalendarWindow[]>();
  for (const window of windows) {
    const scope = scopeInWords(window.scope);
    groups.set(scope, [...(groups.get(scope) ?? []), window]);
  }
  return [...groups]
    .map(([scope, members]) => ({ scope, windows: members }))
    .sort(
      (a, b) => Number(b.scope === 'Everyone') - Number(a.scope === 'Everyone'),
    );
}

/** An occurrence of a window in the list of what comes next. */
export interface NextOccurrence {
  window: CalendarWindow;
  occurrence: CalendarOccurrence;
  /** Whether the freeze holds now (in some of its zones). */
  current: boolean;
}

/** The occurrences not over by `now`, across all windows, soonest first; at most `limit`. */
export function nextOccurrences(
  windows: CalendarWindow[],
  now: Date,
  limit: number,
): NextOccurrence[] {
  const at = now.getTime();
  return windows
    .flatMap(window =>
      window.occurrences
        .filter(occurrence => Date.parse(occurrence.end) > at)
        .map(occurrence => ({
          window,
          occurrence,
          current: Date.parse(occurrence.start) <= at,
        })),
    )
    .sort(
      (a, b) =>
        Date.parse(a.occurrence.start) - Date.parse(b.occurrence.start) ||
        a.window.title.localeCompare(b.window.title),
    )
    .slice(0, limit);
}
