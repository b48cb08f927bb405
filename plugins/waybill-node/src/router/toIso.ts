/**
 * A database timestamp as an ISO 8601 string: PostgreSQL drivers give Dates, SQLite text in UTC
 * without a zone (`2026-12-04 05:00:00`) or epoch milliseconds; all come out the same.
 */
export function toIso(value: Date | string | number): string {
  return new Date(
    typeof value === 'string' && !value.includes('T')
      ? `${value.replace(' ', 'T')}Z`
      : value,
  ).toISOString();
}
