import { DateTime } from 'luxon';
import {
  FreezeGroups,
  FreezeStatus,
  FreezeWindow,
  groupFreezeStatuses,
  occurrencesBetween,
  windowCovers,
} from './freezeCalendar';

/** Freeze statuses are evaluated again at least this often (milliseconds). */
export const FREEZE_STATUS_REUSE_MS = 60_000;

/**
 * The first instant after `instant`, and at most `horizonMs` later, at which an occurrence of a
 * window covering a group starts or ends, in the zone it is read in for that group. Until then
 * every group's freeze status is what it is at `instant`: the same occurrences hold it, and when
 * it opens depends on them alone.
 */
export function nextFreezeChange(
  groups: FreezeGroups,
  instant: Date,
  windows: FreezeWindow[],
  horizonMs = FREEZE_STATUS_REUSE_MS,
): number {
  const from = instant.getTime();
  let next = from + horizonMs;
  const read = new Set<string>();
  windows.forEach((window, w) => {
    for (const tenant of groups.representatives) {
      const zone = window.timeZone ?? tenant.timeZone;
      if (read.has(`${w}\u0000${zone}`) || !windowCovers(window, tenant)) {
        continue;
      }
      read.add(`${w}\u0000${zone}`);
      const occurrences = occurrencesBetween(
        window.schedule,
        zone,
        DateTime.fromMillis(from, { zone }),
        DateTime.fromMillis(next, { zone }),
      );
      for (const { start, end } of occurrences) {
        for (const boundary of [start.toMillis(), end.toMillis()]) {
          if (boundary > from && boundary < next) next = boundary;
        }
      }
    }
  });
  return next;
}

/**
 * The freeze status of each group of some tenants (see groupFreezeStatuses), evaluated at an
 * instant and given again at later instants until a window covering a group opens or closes
 * (see nextFreezeChange), or for FREEZE_STATUS_REUSE_MS at most: what a board read at `now`
 * shows, without reading every window in every zone on each read.
 */
export class HeldFreezeStatuses {
  private held?: { statuses: FreezeStatus[]; from: number; until: number };

  constructor(
    private readonly groups: FreezeGroups,
    private readonly windows: FreezeWindow[],
  ) {}

  /** Each group's freeze status at `instant`, by group. */
  at(instant: Date): FreezeStatus[] {
    const t = instant.getTime();
    const { held } = this;
    if (held && held.from <= t && t < held.until) return held.statuses;
    const statuses = groupFreezeStatuses(this.groups, instant, this.windows);
    this.held = {
      statuses,
      from: t,
      until: nextFreezeChange(this.groups, instant, this.windows),
    };
    return statuses;
  }
}
