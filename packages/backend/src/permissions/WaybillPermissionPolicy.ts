import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { guardedPermissions, PermissionGuard } from './guardedPermissions';
import { RoleDirectory } from './roles';

/**
 * Waybill's permission policy: reads and ordinary use are open to every signed-in user; the
 * permissions in `guardedPermissions` need a role from `waybill.permissions.roles`, or, where
 * the guard says so, ownership of the catalog entity. Requests without a user are denied.
 * Service principals never reach a policy: Backstage allows them before asking it.
 */
export class WaybillPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly roles: RoleDirectory,
    private readonly userInfo: UserInfoService,
    private readonly guards: Readonly<
      Record<string, PermissionGuard>
    > = guardedPermissions,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) return { result: AuthorizeResult.DENY };
    const guard = this.guards[request.permission.name];
    if (!guard) return { result: AuthorizeResult.ALLOW };

    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    const held = this.roles.rolesOf(ownershipEntityRefs);
    if (guard.roles.some(role => held.has(role))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      guard.entityOwners &&
      isResourcePermission(request.permission, 'catalog-entity')
    ) {
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }
    return { result: AuthorizeResult.DENY };
  }
}
