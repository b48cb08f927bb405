export interface Config {
  /** Waybill portal settings shared by its plugins. */
  waybill?: {
    demo?: {
      /**
       * Path of a demo release manifest (examples/evidence/releases.yaml) whose evidence is
       * uploaded through the scorecards API after startup. Local demos only.
       */
      seedEvidence?: string;
      /**
       * After the demo evidence, plans and starts demo tenant rollouts of the manifest's
       * releases, once (not when any rollout exists) and never overriding a refused step.
       * Local demos only.
       */
      seedRollouts?: boolean;
    };
    permissions?: {
      /**
       * Who holds each Waybill role: user or group entity refs, e.g.
       * `platform-admin: [group:default/platform-engineering]`.
       * Roles: `platform-admin` (curates the catalog: registers and removes locations and
       * entities; uploads evidence by hand), `release-manager` (overrides release gates).
       */
      roles?: {
        'platform-admin'?: string[];
        'release-manager'?: string[];
      };
    };
  };
}
