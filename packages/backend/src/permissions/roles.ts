import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** The roles Waybill's permission policy knows; each is granted to users and groups in config. */
export const WAYBILL_ROLES = ['platform-admin', 'release-manager'] as const;

/** A role a user can hold through their own entity ref or one of their groups. */
export type WaybillRole = (typeof WAYBILL_ROLES)[number];

/**
 * Who holds which role: each role maps to the user and group entity refs that hold it,
 * read from `waybill.permissions.roles`.
 */
export class RoleDirectory {
  private constructor(
    private readonly members: Map<WaybillRole, Set<string>>,
  ) {}

  /** Reads `waybill.permissions.roles`; an unknown role or a malformed ref fails at startup. */
  static fromConfig(config: Config): RoleDirectory {
    const members = new Map<WaybillRole, Set<string>>();
    const roles = config.getOptionalConfig('waybill.permissions.roles');
    for (const role of roles?.keys() ?? []) {
      if (!(WAYBILL_ROLES as readonly string[]).includes(role)) {
        throw new InputError(
          `waybill.permissions.roles.${role} is not a Waybill role; expected one of ${WAYBILL_ROLES.join(
            ', ',
          )}`,
        );
      }
      const refs = roles!
        .getStringArray(role)
        .map(ref => normalizeRef(ref, role));
      members.set(role as WaybillRole, new Set(refs));
    }
    return new RoleDirectory(members);
  }

  /** The roles held by someone whose identity and memberships are the given ownership refs. */
  rolesOf(ownershipEntityRefs: readonly string[]): Set<WaybillRole> {
    const refs = new Set(ownershipEntityRefs.map(ref => ref.toLowerCase()));
    const held = new Set<WaybillRole>();
    for (const [role, members] of this.members) {
      if ([...members].some(member => refs.has(member))) held.add(role);
    }
    return held;
  }
}

function normalizeRef(ref: string, role: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref)).toLowerCase();
  } catch (error) {
    throw new InputError(
      `waybill.permissions.roles.${role} has an invalid entity ref "${ref}": ${
        (error as Error).message
      }`,
    );
  }
}
