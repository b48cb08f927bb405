import { IANAZone } from 'luxon';

/** Zones found valid: at most the few hundred IANA names, so the set stays small. */
const validZones = new Set<string>();

/**
 * Whether `zone` names an IANA time zone this runtime knows. Asking the runtime builds an
 * `Intl.DateTimeFormat` (about 30 µs, a second at every tenant of a 20,000-tenant estate), so
 * valid names are remembered; an invalid one is asked again each time, so input cannot grow
 * the set.
 */
export function isTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  validZones.add(zone);
  return true;
}
