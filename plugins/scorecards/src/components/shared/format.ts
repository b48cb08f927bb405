/** Display helpers shared by the scorecards views; pure, so they are tested on their own. */

/** A duration in hours for people: minutes under an hour, days from two days on. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${round1(hours)} h`;
  return `${round1(hours / 24)} d`;
}

/** A 0..1 rate as a percentage; a dash when there is nothing to divide. */
export function formatPercent(rate: number | null): string {
  if (rate === null) return '—';
  return `${round1(rate * 100)}%`;
}

/** A count with thousands separators, the same on every machine. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** An ISO time as a short UTC date and time, e.g. `2026-11-23 14:05 UTC`. */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** How a figure moved from the previous window to this one, and whether that is good. */
export interface Trend {
  direction: 'up' | 'down' | 'flat' | 'none';
  /** Whether the move is an improvement; null when flat or not comparable. */
  improved: boolean | null;
}

/** Compares two readings of a figure; `better` says which way is an improvement. */
export function trendOf(
  current: number | null,
  previous: number | null,
  better: 'higher' | 'lower',
): Trend {
  if (current === null || previous === null) {
    return { direction: 'none', improved: null };
  }
  if (current === previous) return { direction: 'flat', improved: null };
  const direction = current > previous ? 'up' : 'down';
  return {
    direction,
    improved: (direction === 'up') === (better === 'higher'),
  };
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Whether a URL from data (a pipeline link) may be a link: an absolute http(s) URL. Anything
 * else (`javascript:`, `data:`, a relative path) is shown as text instead.
 */
export function isHttpUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

import {
  formatLocalTime,
  type LocalTimeOptions,
} from '@waybill/plugin-waybill-common';

export { formatLocalTime, type LocalTimeOptions };
