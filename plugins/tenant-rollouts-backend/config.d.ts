export interface Config {
  /** Tenant rollouts (@waybill/plugin-tenant-rollouts-backend). */
  tenantRollouts?: {
    /**
     * Freeze windows of the business calendar (see the @waybill/plugin-tenant-rollouts-common
     * README): `{ id, title, reason?, timeZone?, scope?: { region?, segment?, tier?, tenants? },
     * schedule: { kind: weekly | yearly | quarter-close | one-off, ... } }`.
     */
    freezeWindows?: Array<{
      id: string;
      title: string;
      reason?: string;
      timeZone?: string;
      scope?: {
        region?: string[];
        segment?: string[];
        tier?: string[];
        tenants?: string[];
      };
      schedule: { kind: string; [key: string]: unknown };
    }>;
    /**
     * Named rollout strategies: `{ waves: [{ name, select?, percent?, bakeMinutes?,
     * healthThreshold? }], forceLast?: [dedicated, critical] }`. `default` is used when a
     * rollout names none; without it, a built-in canary-then-everyone strategy applies.
     */
    strategies?: {
      [name: string]: {
        waves: Array<{
          name: string;
          select?: { [axis: string]: string[] };
          percent?: number;
          bakeMinutes?: number;
          healthThreshold?: number;
        }>;
        forceLast?: Array<'dedicated' | 'critical'>;
      };
    };
    gate?: {
      /**
       * What the scorecards gate says when the scorecards plugin is not installed or does not
       * answer. Default: fail.
       */
      whenScorecardsAbsent?: 'fail' | 'pass';
    };
    autoAdvance?: {
      /** How often the scheduler looks for baked waves to advance, in minutes. Default: 1. */
      frequencyMinutes?: number;
    };
  };
}
