import { z } from 'zod';
import { freezeWindowSchema } from '../freezeCalendar';

/** A freeze window as config spells it, before parsing. */
export type FreezeWindowSpec = z.input<typeof freezeWindowSchema>;

/** Warehouses close the week's orders: Friday 16:00 to 20:00 in each tenant's own zone, for everyone. */
export const FRIDAY_CUTOFF = {
  id: 'friday-cutoff',
  title: 'Friday shipping cut-off',
  schedule: { kind: 'weekly', days: ['fri'], from: '16:00', to: '20:00' },
} satisfies FreezeWindowSpec;

/** Retail's peak season, 20 November to 5 January inclusive: spans new year. */
export const RETAIL_PEAK = {
  id: 'retail-peak',
  title: 'Retail peak season',
  scope: { segment: ['retail'] },
  schedule: { kind: 'yearly', from: '11-20', to: '01-05' },
} satisfies FreezeWindowSpec;

/** A go-live weekend read in New York time (5 to 7 December 2026); scope it to the tenants it is for. */
export const GO_LIVE = {
  id: 'go-live',
  title: 'Go-live weekend',
  timeZone: 'America/New_York',
  schedule: {
    kind: 'one-off',
    start: '2026-12-05T00:00',
    end: '2026-12-07T00:00',
  },
} satisfies FreezeWindowSpec;
