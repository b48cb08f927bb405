/** Display helpers shared by the tenant-rollouts views; pure, so they are tested on their own. */
import type {
  FreezeSchedule,
  FreezeWindow,
  RolloutStrategy,
  RolloutSummary,
} from '@waybill/plugin-tenant-rollouts-common';

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60],
  ['month', 30 * 24 * 60 * 60],
  ['week', 7 * 24 * 60 * 60],
  ['day', 24 * 60 * 60],
  ['hour', 60 * 60],
  ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** An ISO time relative to `now`, in the largest unit that fits: `3 hours ago`, `in 2 days`. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) {
      return relative.format(Math.trunc(seconds / size), unit);
    }
  }
  return 'just now';
}

/** An ISO time as a short UTC date and time, e.g. `2026-11-23 14:05 UTC`. */
export function formatTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

import {
  formatLocalTime,
  type LocalTimeOptions,
} from '@waybill/plugin-waybill-common';

export { formatLocalTime, type LocalTimeOptions };

/**
 * When a frozen tenant opens, in the reader's time, and how far away that is:
 * `Fri, Nov 27, 2026, 09:00 PM GMT+1 (in 4 days)`.
 */
export function formatOpensAt(
  iso: string,
  now: Date = new Date(),
  options: LocalTimeOptions = {},
): string {
  return `${formatLocalTime(iso, options)} (${formatRelative(iso, now)})`;
}

/**
 * How long until `iso`, rounded up to the minute, in the two largest units:
 * `25 minutes`, `1 hour 5 minutes`, `2 days 3 hours`; `less than a minute` once it is past.
 */
export function formatTimeLeft(iso: string, now: Date = new Date()): string {
  const minutes = Math.ceil((new Date(iso).getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return 'less than a minute';
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    return hours > 0
      ? `${unit(days, 'day')} ${unit(hours, 'hour')}`
      : unit(days, 'day');
  }
  if (hours > 0) {
    return rest > 0
      ? `${unit(hours, 'hour')} ${unit(rest, 'minute')}`
      : unit(hours, 'hour');
  }
  return unit(rest, 'minute');
}

/**
 * A span between two local or ISO times, to the minute: `2026-11-27 16:00–20:00` within a day,
 * `2026-12-24 06:00 → 2026-12-27 06:00` across days.
 */
export function formatSpan(start: string, end: string): string {
  const [startDay, startTime] = start.slice(0, 16).split('T');
  const [endDay, endTime] = end.slice(0, 16).split('T');
  return startDay === endDay
    ? `${startDay} ${startTime}–${endTime}`
    : `${startDay} ${startTime} → ${endDay} ${endTime}`;
}

/** Who did something, without the default namespace's user prefix: `user:default/ana` is `ana`. */
export function formatActor(ref: string): string {
  return ref.replace(/^user:default\//, '');
}

/** The waves a rollout has reached, e.g. `2 / 4` while the second of four deploys. */
export function waveProgress(
  rollout: Pick<RolloutSummary, 'state' | 'currentWave' | 'waveCount'>,
): string {
  const reached = rollout.state === 'planned' ? 0 : rollout.currentWave + 1;
  return `${reached} / ${rollout.waveCount}`;
}

/**
 * A strategy in one line: each wave with the selector values it takes (unless the wave is named
 * after them) and its share, then the tenants forced last, e.g.
 * `canary (internal) → europe 25% → everyone-else · dedicated & critical last`.
 */
export function strategyPreview(strategy: RolloutStrategy): string {
  const waves = strategy.waves.map(wave => {
    const values = Object.values(wave.select ?? {})
      .flat()
      .filter(value => value !== wave.name);
    const selector = values.length > 0 ? ` (${values.join(', ')})` : '';
    const percent = wave.percent === undefined ? '' : ` ${wave.percent}%`;
    return `${wave.name}${selector}${percent}`;
  });
  const last =
    strategy.forceLast.length > 0
      ? ` · ${strategy.forceLast.join(' & ')} last`
      : '';
  return `${waves.join(' → ')}${last}`;
}

const DAY_NAMES: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * A freeze schedule in words. Times are wall-clock times in each tenant's zone (`local`), or in
 * the window's `timeZone` when it has one, e.g. `Every Fri 16:00–20:00 local`,
 * `Every year 11-20 → 01-05`, `Quarter close: last 3 days + first 1 day`,
 * `One-off 2026-12-24 06:00 → 2026-12-27 06:00`.
 */
export function scheduleInWords(
  schedule: FreezeSchedule,
  timeZone?: string,
): string {
  const zone = timeZone ? ` ${timeZone}` : '';
  switch (schedule.kind) {
    case 'weekly': {
      const which =
        schedule.days.length === 7
          ? 'day'
          : Object.keys(DAY_NAMES)
              .filter(day => (schedule.days as string[]).includes(day))
              .map(day => DAY_NAMES[day])
              .join(', ');
      const overnight = schedule.to <= schedule.from ? ' (next day)' : '';
      return `Every ${which} ${schedule.from}–${schedule.to}${overnight} ${
        timeZone ?? 'local'
      }`;
    }
    case 'yearly':
      return `Every year ${schedule.from} → ${schedule.to}${zone}`;
    case 'quarter-close': {
      const parts = [
        schedule.lastDays > 0 && `last ${days(schedule.lastDays)}`,
        schedule.firstDays > 0 && `first ${days(schedule.firstDays)}`,
      ].filter(Boolean);
      return `Quarter close: ${parts.join(' + ')}${zone}`;
    }
    default:
      return `One-off ${schedule.start.replace(
        'T',
        ' ',
      )} → ${schedule.end.replace('T', ' ')}${zone}`;
  }
}

/**
 * Whom a freeze window covers: `Everyone`, or each axis it names, e.g.
 * `Region europe · Tier critical` or `Tenants acme-foods, globex`.
 */
export function scopeInWords(scope: FreezeWindow['scope']): string {
  const axes = [
    scope.region && `Region ${scope.region.join(', ')}`,
    scope.segment && `Segment ${scope.segment.join(', ')}`,
    scope.tier && `Tier ${scope.tier.join(', ')}`,
    scope.tenants &&
      `Tenants ${scope.tenants
        .map(t => t.replace(/^resource:default\//, ''))
        .join(', ')}`,
  ].filter(Boolean);
  return axes.length > 0 ? axes.join(' · ') : 'Everyone';
}

/** A number of tenants: `1 tenant`, `12 tenants`. */
export function formatTenants(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'tenant' : 'tenants'}`;
}
