import type { DeliveryEvent } from '../evidence';
import type { ScorecardsSchemas } from '../schema/openapi.generated';

/** The environment whose deployments DORA counts unless told otherwise. */
export const DEFAULT_PRODUCTION_ENVIRONMENT = 'production';

/** A DORA performance band, best first. */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

/** What {@link computeDora} needs: delivery events and a window `[from, to)`. */
export interface DoraInput {
  /**
   * Delivery events, in any order, duplicates (same `id`) allowed. Pass history from before
   * `from` as well: merges shipped inside the window and deployments a later rollback or
   * incident marks failed are read from it.
   */
  events: DeliveryEvent[];
  /** Start of the window, inclusive. */
  from: Date;
  /** End of the window, exclusive. */
  to: Date;
  /** The environment that counts as production; `production` by default. */
  productionEnvironment?: string;
}

/** The four DORA keys over one window. */
export type DoraFigures = ScorecardsSchemas['DoraFigures'];

/** DORA figures for a window and for the window of equal length just before it. */
export type DoraTrend = ScorecardsSchemas['DoraTrend'];
