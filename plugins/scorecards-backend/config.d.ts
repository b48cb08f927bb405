export interface Config {
  /** Release scorecards (@waybill/plugin-scorecards-backend). */
  scorecards?: {
    /**
     * The environments a release is gated for, in promotion order.
     * Default: [staging, production].
     */
    environments?: string[];
    /** Largest evidence upload accepted, in bytes; larger ones get 413. Default: 10485760 (10 MiB). */
    maxUploadBytes?: number;
    /** Gate overrides. */
    overrides?: {
      /**
       * How many days from now a gate override may last at most; an override asking to expire
       * later gets 400 naming the limit. A whole number, at least 1. Default: 14.
       */
      maxDurationDays?: number;
    };
    /**
     * The scoring policy. Without it, Waybill's default policy applies (see the
     * @waybill/plugin-scorecards-common README for the model and the defaults).
     */
    policy?: {
      checks: Array<{
        /** Unique id, e.g. `line-coverage`. */
        id: string;
        /** What the check asks, in words. */
        title: string;
        /** What a developer does to make it pass. */
        fixHint: string;
        /** The fact it reads, e.g. `coverage.lineRate` or `dependencies.vulnerabilitiesBySeverity.critical`. */
        fact: string;
        /** `<=`, `<`, `>=`, `>` or `==` (booleans: `==`). */
        operator: string;
        /** The bound the fact is compared with. */
        threshold: number | boolean;
        /** Share of the score, > 0. */
        weight: number;
        /** What a failing or missing check does to a gate: `fail`, `warn` or `off`. */
        enforcement: 'fail' | 'warn' | 'off';
        /** Overrides by service tier (`critical`, `standard`, `internal`). */
        tiers?: {
          [tier: string]: {
            enforcement?: 'fail' | 'warn' | 'off';
            threshold?: number | boolean;
          };
        };
        /** Overrides by environment. */
        environments?: {
          [environment: string]: { enforcement: 'fail' | 'warn' | 'off' };
        };
      }>;
    };
  };
}
