import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  isTimeZone,
  parseWithSchema,
  type Tenant,
} from '@waybill/plugin-waybill-common';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour local time such as 16:30');
const monthDay = z
  .string()
  .regex(
    /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
    'a month and day such as 11-20',
  )
  .refine(v => v !== '02-29', 'February 29th exists only in leap years')
  .refine(
    v => DateTime.fromISO(`2025-${v}`).isValid,
    'a day that exists in that month',
  );
const localDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    'a local date and time such as 2026-12-24T06:00',
  );

/** When a window applies, in the wall-clock time of each tenant (or of `timeZone` if given). */
export const freezeScheduleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('one-off'),
      start: localDateTime,
      end: localDateTime,
    })
    .strict(),
  z
    .object({
      kind: z.literal('weekly'),
      days: z.array(z.enum(DAYS)).min(1),
      from: clock,
      to: clock.describe(
        'Equal to or before `from`: the window ends the next day',
      ),
    })
    .strict(),
  z
    .object({
      kind: z.literal('yearly'),
      from: monthDay,
      to: monthDay.describe(
        'Inclusive; before `from`: the season spans new year',
      ),
    })
    .strict(),
  z
    .object({
      kind: z.literal('quarter-close'),
      lastDays: z.number().int().min(0).max(31),
      firstDays: z.number().int().min(0).max(31).default(0),
    })
    .strict(),
]);

/** A freeze window: who it covers and when. */
export const freezeWindowSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .max(63),
    title: z.string().min(1).max(200),
    reason: z.string().max(1000).optional(),
    /** Every listed axis must match (AND); no axis: every tenant. */
    scope: z
      .object({
        region: z.array(z.string().min(1)).min(1).optional(),
        segment: z.array(z.string().min(1)).min(1).optional(),
        tier: z.array(z.string().min(1)).min(1).optional(),
        tenants: z.array(z.string().min(1)).min(1).optional(),
      })
      .strict()
      .default({}),
    /** Read the schedule in this zone instead of each tenant's own. */
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone').optional(),
    schedule: freezeScheduleSchema,
  })
  .strict()
  .superRefine((window, ctx) => {
    const s = window.schedule;
    if (s.kind === 'one-off' && !(s.end > s.start)) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule', 'end'],
        message: 'must be after start',
      });
    }
  });

export type FreezeSchedule = z.infer<typeof freezeScheduleSchema>;
export type FreezeWindow = z.infer<typeof freezeWindowSchema>;

/** Reads freeze windows from config or YAML; problems become one InputError naming each. */
export function parseFreezeWindows(value: unknown): FreezeWindow[] {
  return parseWithSchema(
    z.array(freezeWindowSchema),
    value,
    'windows',
    'freeze windows',
  );
}

/** One occurrence of a schedule, in the zone it is read in. */
export interface Occurrence {
  start: DateTime;
  end: DateTime;
}

const at = (day: DateTime, time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  // Wall-clock time on that day; luxon moves a time inside a spring-forward gap past the gap.
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/** Every occurrence of a schedule, read in `zone`, that overlaps `[from, to)`, in order. */
export function occurrencesBetween(
  schedule: FreezeSchedule,
  zone: string,
  from: DateTime,
  to: DateTime,
): Occurrence[] {
  const local = from.setZone(zone);
  const overlaps = (o: Occurrence) => o.start < to && o.end > from;
  const found: Occurrence[] = [];
  switch (schedule.kind) {
    case 'one-off': {
      const o = {
        start: DateTime.fromISO(schedule.start, { zone }),
        end: DateTime.fromISO(schedule.end, { zone }),
      };
      if (overlaps(o)) found.push(o);
      break;
    }
    case 'weekly': {
      const crossesMidnight = schedule.to <= schedule.from;
      // An occurrence starting the day before may still be running after midnight.
      for (
        let day = local.startOf('day').minus({ days: 1 });
        day < to;
        day = day.plus({ days: 1 })
      ) {
        if (!schedule.days.includes(DAYS[day.weekday - 1])) continue;
        const o = {
          start: at(day, schedule.from),
          end: at(crossesMidnight ? day.plus({ days: 1 }) : day, schedule.to),
        };
        if (overlaps(o)) found.push(o);
      }
      break;
    }
    case 'yearly': {
      const spansNewYear = schedule.to < schedule.from;
      for (let year = local.year - 1; year <= to.setZone(zone).year; year++) {
        const o = {
          start: DateTime.fromISO(`${year}-${schedule.from}`, { zone }),
          end: DateTime.fromISO(
            `${spansNewYear ? year + 1 : year}-${schedule.to}`,
            { zone },
          ).plus({ days: 1 }),
        };
        if (overlaps(o)) found.push(o);
      }
      break;
    }
    default: {
      // quarter-close: the last days of a quarter and the first days of the next.
      for (
        let boundary = local.startOf('quarter');
        boundary.minus({ days: schedule.lastDays }) < to;
        boundary = boundary.plus({ quarters: 1 })
      ) {
        const o = {
          start: boundary.minus({ days: schedule.lastDays }),
          end: boundary.plus({ days: schedule.firstDays }),
        };
        if (o.end > o.start && overlaps(o)) found.push(o);
      }
    }
  }
  return found;
}

/** The occurrence of a schedule that contains `now` (in the schedule's zone), if any. */
function occurrenceAt(
  schedule: FreezeSchedule,
  now: DateTime,
): Occurrence | undefined {
  return occurrencesBetween(
    schedule,
    now.zoneName ?? 'UTC',
    now,
    now.plus({ milliseconds: 1 }),
  )[0];
}

/** Whether a window's scope covers a tenant. */
export function windowCovers(window: FreezeWindow, tenant: Tenant): boolean {
  const { scope } = window;
  const name = tenant.ref.slice(tenant.ref.lastIndexOf('/') + 1);
  return (
    (!scope.region || scope.region.includes(tenant.region)) &&
    (!scope.segment || scope.segment.includes(tenant.segment)) &&
    (!scope.tier || scope.tier.includes(tenant.tier)) &&
    (!scope.tenants || scope.tenants.some(t => t === tenant.ref || t === name))
  );
}

/** A window holding a tenant at a time, with the occurrence in the tenant's local time. */
export interface ActiveFreeze {
  id: string;
  title: string;
  reason?: string;
  /** ISO 8601 with the offset of the zone the window is read in. */
  start: string;
  end: string;
}

/** Whether a tenant may be deployed to at a time, and if not, by which windows and until when. */
export type FreezeStatus =
  | { frozen: false }
  | {
      frozen: true;
      windows: ActiveFreeze[];
      /** The first instant no window covers the tenant (windows that chain or overlap included). */
      opensAt: string;
    };

/** The occurrence of a window, read in a zone, that holds an instant. */
type OccurrenceLookup = (
  window: FreezeWindow,
  zone: string,
  instant: Date,
) => Occurrence | undefined;

const lookupOccurrence: OccurrenceLookup = (window, zone, instant) =>
  occurrenceAt(window.schedule, DateTime.fromJSDate(instant, { zone }));

function activeAt(
  tenant: Tenant,
  instant: Date,
  windows: FreezeWindow[],
  lookup: OccurrenceLookup,
): Array<{ window: FreezeWindow; occurrence: Occurrence }> {
  return windows
    .filter(w => windowCovers(w, tenant))
    .flatMap(window => {
      const occurrence = lookup(
        window,
        window.timeZone ?? tenant.timeZone,
        instant,
      );
      return occurrence ? [{ window, occurrence }] : [];
    });
}

/** Freezes chained end to end are followed at most this far. */
const MAX_CHAIN = 100;

/**
 * Is the tenant frozen at `instant`, by which windows, and when does it open? Schedules are read
 * in the tenant's time zone (or the window's own), in wall-clock time, so a 16:00 cut-off stays
 * at 16:00 local across daylight-saving changes.
 */
export function freezeStatus(
  tenant: Tenant,
  instant: Date,
  windows: FreezeWindow[],
): FreezeStatus {
  return freezeStatusWith(tenant, instant, windows, lookupOccurrence);
}

function freezeStatusWith(
  tenant: Tenant,
  instant: Date,
  windows: FreezeWindow[],
  lookup: OccurrenceLookup,
): FreezeStatus {
  const active = activeAt(tenant, instant, windows, lookup);
  if (active.length === 0) return { frozen: false };
  let opensAt = new Date(
    Math.max(...active.map(a => a.occurrence.end.toMillis())),
  );
  for (let i = 0; i < MAX_CHAIN; i++) {
    const next = activeAt(tenant, opensAt, windows, lookup);
    if (next.length === 0) break;
    opensAt = new Date(Math.max(...next.map(a => a.occurrence.end.toMillis())));
  }
  return {
    frozen: true,
    windows: active.map(({ window, occurrence }) => ({
      id: window.id,
      title: window.title,
      ...(window.reason ? { reason: window.reason } : {}),
      start: occurrence.start.toISO()!,
      end: occurrence.end.toISO()!,
    })),
    opensAt: opensAt.toISOString(),
  };
}

/** A lookup that reads each window in each zone at each instant once. */
function memoizedLookup(windows: FreezeWindow[]): OccurrenceLookup {
  const index = new Map(windows.map((w, i) => [w, i]));
  const seen = new Map<string, Occurrence | undefined>();
  return (window, zone, instant) => {
    const key = `${index.get(window)}\u0000${zone}\u0000${instant.getTime()}`;
    if (!seen.has(key)) seen.set(key, lookupOccurrence(window, zone, instant));
    return seen.get(key);
  };
}

/**
 * Tenants no freeze window can tell apart (same time zone, region, segment and tier, and not
 * named by a window), grouped: a group's freeze status is every one of its tenants'.
 */
export interface FreezeGroups {
  /** Each tenant's group, by ref. */
  groupOf: Map<string, number>;
  /** One tenant of each group, by group. */
  representatives: Tenant[];
}

/** The tenants' freeze groups under `windows` (see FreezeGroups). */
export function freezeGroups(
  tenants: Tenant[],
  windows: FreezeWindow[],
): FreezeGroups {
  const named = new Set(windows.flatMap(w => w.scope.tenants ?? []));
  const byKey = new Map<string, number>();
  const groupOf = new Map<string, number>();
  const representatives: Tenant[] = [];
  for (const tenant of tenants) {
    const isNamed =
      named.has(tenant.ref) ||
      named.has(tenant.ref.slice(tenant.ref.lastIndexOf('/') + 1));
    const key = [
      tenant.timeZone,
      tenant.region,
      tenant.segment,
      tenant.tier,
      isNamed ? tenant.ref : '',
    ].join('\u0000');
    let group = byKey.get(key);
    if (group === undefined) {
      group = representatives.length;
      representatives.push(tenant);
      byKey.set(key, group);
    }
    groupOf.set(tenant.ref, group);
  }
  return { groupOf, representatives };
}

/**
 * The freeze status of each group at one instant, by group: one evaluation per group, and each
 * window read in each time zone once.
 */
export function groupFreezeStatuses(
  groups: FreezeGroups,
  instant: Date,
  windows: FreezeWindow[],
): FreezeStatus[] {
  const lookup = memoizedLookup(windows);
  return groups.representatives.map(tenant =>
    freezeStatusWith(tenant, instant, windows, lookup),
  );
}

/**
 * The freeze status of many tenants at one instant, by ref. Tenants no window can tell apart
 * share one evaluation (see FreezeGroups), and each window is read in each time zone once, so
 * a board of thousands of tenants costs a few dozen schedule evaluations.
 */
export function freezeStatuses(
  tenants: Tenant[],
  instant: Date,
  windows: FreezeWindow[],
): Map<string, FreezeStatus> {
  const groups = freezeGroups(tenants, windows);
  const statuses = groupFreezeStatuses(groups, instant, windows);
  return new Map(
    [...groups.groupOf].map(([ref, group]) => [ref, statuses[group]]),
  );
}
