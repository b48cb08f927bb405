export interface Config {
  /** Waybill portal settings shared by its plugins. */
  waybill?: {
    permissions?: {
      /**
       * Who holds each Waybill role: user or group entity refs, e.g.
       * `platform-admin: [group:default/platform-engineering]`.
       * Roles: `platform-admin` (curates the catalog: registers and removes locations and
       * entities).
       */
      roles?: {
        'platform-admin'?: string[];
      };
    };
  };
}
