import { DateTime } from 'luxon';
import type { CalendarOccurrence, FreezeCalendar } from './api/types';
import {
  FreezeWindow,
  occurrencesBetween,
  windowCovers,
} from './freezeCalendar';
import type { Tenant } from '@waybill/plugin-waybill-common';

/** The longest range a calendar is computed for. */
export const MAX_CALENDAR_DAYS = 400;

const LOCAL = "yyyy-MM-dd'T'HH:mm";

/**
 * The freeze calendar between two instants: each window with the tenants it covers and its
 * occurrences. A window is read in each covered tenant's time zone (or its own), so one
 * occurrence (same local start and end) spans the zones from the first to open to the last to
 * close. A window covering no tenant is shown in its own zone, or UTC.
 */
export function freezeCalendar(
  windows: FreezeWindow[],
  tenants: Tenant[],
  from: Date,
  to: Date,
): FreezeCalendar {
  const start = DateTime.fromJSDate(from, { zone: 'utc' });
  const end = DateTime.fromJSDate(to, { zone: 'utc' });
  return {
    from: start.toISO()!,
    to: end.toISO()!,
    windows: windows.map(window => {
      const covered = tenants.filter(t => windowCovers(window, t));
      const tenantsByZone = new Map<string, number>();
      for (const tenant of covered) {
        const zone = window.timeZone ?? tenant.timeZone;
        tenantsByZone.set(zone, (tenantsByZone.get(zone) ?? 0) + 1);
      }
      if (tenantsByZone.size === 0) {
        tenantsByZone.set(window.timeZone ?? 'UTC', 0);
      }
      const occurrences = new Map<string, CalendarOccurrence>();
      for (const [zone, count] of [...tenantsByZone].sort(([a], [b]) =>
        a.localeCompare(b),
      )) {
        for (const o of occurrencesBetween(window.schedule, zone, start, end)) {
          const localStart = o.start.toFormat(LOCAL);
          const localEnd = o.end.toFormat(LOCAL);
          const key = `${localStart}/${localEnd}`;
          const startIso = o.start.toUTC().toISO()!;
          const endIso = o.end.toUTC().toISO()!;
          const seen = occurrences.get(key);
          if (!seen) {
            occurrences.set(key, {
              localStart,
              localEnd,
              start: startIso,
              end: endIso,
              zones: [zone],
              tenants: count,
            });
            continue;
          }
          if (startIso < seen.start) seen.start = startIso;
          if (endIso > seen.end) seen.end = endIso;
          seen.zones.push(zone);
          seen.tenants += count;
        }
      }
      return {
        ...window,
        tenants: covered.length,
        occurrences: [...occurrences.values()].sort((a, b) =>
          a.start.localeCompare(b.start),
        ),
      };
    }),
  };
}
