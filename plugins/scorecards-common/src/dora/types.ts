import type { DeliveryEvent } from '../evidence';

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
export interface DoraFigures {
  /** ISO 8601 start of the window, inclusive. */
  from: string;
  /** ISO 8601 end of the window, exclusive. */
  to: string;
  /** Length of the window in days. */
  days: number;
  deploymentFrequency: {
    /** Production deployments in the window, failed ones included. */
    deployments: number;
    perDay: number;
    perWeek: number;
    band: DoraBand;
  };
  leadTimeForChanges: {
    /** Median hours from merge to the production deployment that shipped it; null without changes. */
    medianHours: number | null;
    /** Merged changes whose shipping deployment falls in the window. */
    changes: number;
  };
  changeFailureRate: {
    /** Failed over all production deployments, 0..1; null without deployments. */
    rate: number | null;
    failedDeployments: number;
    deployments: number;
  };
  failedDeploymentRecoveryTime: {
    /** Median hours from failure to recovery over the recovered failures; null without any. */
    medianHours: number | null;
    /** Failures starting in the window that have recovered. */
    recoveries: number;
    /** Failures starting in the window with no recovery yet. */
    unrecovered: number;
  };
}

/** DORA figures for a window and for the window of equal length just before it. */
export interface DoraTrend {
  current: DoraFigures;
  previous: DoraFigures;
}
