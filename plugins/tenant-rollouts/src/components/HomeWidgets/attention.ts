import type {
  FreezeCalendar,
  RolloutState,
  RolloutSummary,
} from '@waybill/plugin-tenant-rollouts-common';

/** States in which a rollout still needs someone: planned, moving or held. */
const IN_FLIGHT: ReadonlySet<RolloutState> = new Set([
  'planned',
  'running',
  'paused',
]);

/**
 * The rollouts in flight that concern a user: those of entities they own (`owned`, normalized
 * refs) or that they created, held (paused) ones first, then the most recently changed.
 */
export function rolloutsInFlight(
  rollouts: RolloutSummary[],
  user: { userEntityRef: string; owned: ReadonlySet<string> },
): RolloutSummary[] {
  return rollouts
    .filter(r => IN_FLIGHT.has(r.state))
    .filter(
      r => user.owned.has(r.entityRef) || r.createdBy === user.userEntityRef,
    )
    .sort(
      (a, b) =>
        Number(b.state === 'paused') - Number(a.state === 'paused') ||
        b.updatedAt.localeCompare(a.updatedAt),
    );
}

/** One freeze starting or running in a range: the window, when, and how many tenants. */
export interface UpcomingFreeze {
  windowId: string;
  title: string;
  /** Local wall-clock start and end, read in each of `zones`. */
  localStart: string;
  localEnd: string;
  /** The earliest start over the zones, as an ISO instant: the list's order. */
  start: string;
  zones: string[];
  tenants: number;
}

/** Every occurrence in a freeze calendar, earliest first. */
export function upcomingFreezes(calendar: FreezeCalendar): UpcomingFreeze[] {
  return calendar.windows
    .flatMap(window =>
      window.occurrences.map(occurrence => ({
        windowId: window.id,
        title: window.title,
        localStart: occurrence.localStart,
        localEnd: occurrence.localEnd,
        start: occurrence.start,
        zones: occurrence.zones,
        tenants: occurrence.tenants,
      })),
    )
    .sort((a, b) => a.start.localeCompare(b.start));
}
